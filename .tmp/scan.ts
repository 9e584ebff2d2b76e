import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ALL_PERMISSION_IDS } from '/work/wt11/src/shared/intercom/permissions'
const spec = parse(readFileSync('/work/shared/intercom/openapi-2.16.yaml','utf8'))
const tagDesc: Record<string,string> = {}
for (const t of spec.tags ?? []) tagDesc[t.name] = JSON.stringify(t)
const re = /\b[a-z]+(?:_[a-z]+)+\b/g
for (const [path, item] of Object.entries<any>(spec.paths)) for (const [m, op] of Object.entries<any>(item)) {
  if (!['get','post','put','delete','patch'].includes(m)) continue
  const desc = String(op.description ?? '')
  const r403 = JSON.stringify(op.responses?.['403'] ?? op.responses?.['401'] ?? '')
  const tag = tagDesc[op.tags?.[0]] ?? ''
  const f = (s: string) => ALL_PERMISSION_IDS.filter(id => new RegExp(`\\b${id}\\b`).test(s))
  const scopeWords = (s:string)=> [...new Set((s.match(/scope[^.]{0,80}/gi) ?? []))]
  const a = f(desc), b = f(r403), c = f(tag)
  if (a.length||b.length||c.length||/scope|permission/i.test(desc+r403)) console.log(m.toUpperCase(), path, op.tags?.[0], '| desc', a, '| 403', b, '| tag', c, /scope|permission/i.test(desc+r403) && !(a.length||b.length)? scopeWords(desc+r403).slice(0,3):'')
}

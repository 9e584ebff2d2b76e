import { describe, expect, it } from 'vitest'
import { convertCurl } from './convert'

const curl = `curl --url 'https://api.intercom.io/me' -H 'Accept: application/json' -H "Authorization: Bearer $INTERCOM_TOKEN"`

describe('convertCurl', () => {
  it('reads the token from the environment in Python, without a warning about it', () => {
    const { code, warnings } = convertCurl(curl, 'python')
    expect(code).toContain("'Authorization': 'Bearer ' + os.getenv('INTERCOM_TOKEN', '')")
    expect(code).toContain("requests.get('https://api.intercom.io/me', headers=headers)")
    expect(warnings).toEqual([])
  })

  it('writes Node.js code for the built-in fetch, with no node-fetch import', () => {
    const { code } = convertCurl(curl, 'node')
    expect(code.startsWith("fetch('https://api.intercom.io/me'")).toBe(true)
    expect(code).not.toContain('node-fetch')
    expect(code).toContain("process.env['INTERCOM_TOKEN']")
  })

  it('keeps a masked token as the literal text it is', () => {
    const { code } = convertCurl(curl.replace('$INTERCOM_TOKEN', 'dG9r…k4NQ'), 'python')
    expect(code).toContain("'Authorization': 'Bearer dG9r…k4NQ'")
    expect(code).not.toContain('os.getenv')
  })

  it('names the problem when the command is not curl', () => {
    expect(() => convertCurl('wget https://example.com', 'python')).toThrow(/cannot be written for python/)
  })
})

// The saved-request index: a start reads only the files that changed, and the files stay the truth.
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SavedRequestStore } from './saved-requests'

let dir: string
let root: string
let indexFile: string
const open = () => new SavedRequestStore({ root, indexFile })
const names = async (store: SavedRequestStore) => (await store.list()).requests.map((r) => r.name).sort()

/** A saved-request file, as a person or a git checkout would write it. */
async function writeRequest(rel: string, id: string, name: string, requestPath = '/contacts') {
  const file = path.join(root, 'shared', rel)
  await fs.mkdir(path.dirname(file), { recursive: true })
  const body = { format: 'token-desk/request@1', id, name, order: 0, updatedAt: '', request: { method: 'GET', path: requestPath } }
  await fs.writeFile(file, `${JSON.stringify(body, null, 2)}\n`)
  return file
}

/** Dates every file back, as files untouched since well before the index was written are. */
async function ageFiles(seconds = 60) {
  const then = new Date(Date.now() - seconds * 1000)
  for (const rel of await fs.readdir(path.join(root, 'shared'), { recursive: true }))
    await fs.utimes(path.join(root, 'shared', rel), then, then)
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'td-index-'))
  root = path.join(dir, 'collections')
  indexFile = path.join(dir, 'library-index.json')
})
afterEach(() => fs.rm(dir, { recursive: true, force: true }))

describe('the saved-request index', () => {
  it('is written on the first load, private to the user, and names no file outside the library', async () => {
    await writeRequest('Contacts/list.json', 'a', 'List contacts')
    await writeRequest('tags.json', 'b', 'List tags')
    expect(await names(open())).toEqual(['List contacts', 'List tags'])
    const stat = await fs.stat(indexFile)
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600)
    const [header, body] = (await fs.readFile(indexFile, 'utf8')).split('\n')
    expect(JSON.parse(header!)).toMatchObject({ format: 'token-desk/library-index@1' })
    expect(Object.keys(JSON.parse(body!) as object).sort()).toEqual([
      path.join('shared', 'Contacts', 'list.json'),
      path.join('shared', 'tags.json')
    ])
  })

  it('serves an unchanged file from the index: same size and time means not read again', async () => {
    const file = await writeRequest('list.json', 'a', 'Alpha')
    await ageFiles()
    expect(await names(open())).toEqual(['Alpha'])
    // Same length, same recorded time: only the index can still say "Alpha".
    const { mtime } = await fs.stat(file)
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('Alpha', 'Omega'))
    await fs.utimes(file, mtime, mtime)
    expect(await names(open())).toEqual(['Alpha'])
  })

  it('reads a file again when its time or size changed, and forgets removed files', async () => {
    const file = await writeRequest('list.json', 'a', 'Alpha')
    await writeRequest('gone.json', 'b', 'Gone')
    await ageFiles()
    expect(await names(open())).toEqual(['Alpha', 'Gone'])
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('Alpha', 'Omega'))
    await fs.rm(path.join(root, 'shared', 'gone.json'))
    await writeRequest('new.json', 'c', 'New one')
    expect(await names(open())).toEqual(['New one', 'Omega'])
    // And the index written by that load agrees on the next one.
    await ageFiles()
    expect(await names(open())).toEqual(['New one', 'Omega'])
  })

  it('reads a file changed too close to the indexing to be sure of ("racy"), even with the same size and time', async () => {
    const file = await writeRequest('list.json', 'a', 'Alpha')
    const justNow = new Date(Date.now() - 500)
    await fs.utimes(file, justNow, justNow)
    expect(await names(open())).toEqual(['Alpha']) // indexed half a second after the write
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('Alpha', 'Omega'))
    await fs.utimes(file, justNow, justNow)
    expect(await names(open())).toEqual(['Omega'])
  })

  it('a torn, edited or foreign index is ignored and rebuilt from the files', async () => {
    await writeRequest('list.json', 'a', 'Alpha')
    await ageFiles()
    expect(await names(open())).toEqual(['Alpha'])
    const text = await fs.readFile(indexFile, 'utf8')
    for (const bad of [text.slice(0, text.length / 2), text.replace('Alpha', 'Evilx'), 'not an index', '{}\n{}', '']) {
      await fs.writeFile(indexFile, bad)
      expect(await names(open())).toEqual(['Alpha'])
      expect(await fs.readFile(indexFile, 'utf8')).not.toContain('Evilx')
    }
  })

  it('an index rewritten with a matching digest but entries of the wrong shape only costs re-reading those files', async () => {
    await writeRequest('list.json', 'a', 'Alpha')
    await writeRequest('other.json', 'b', 'Beta')
    await ageFiles()
    expect(await names(open())).toEqual(['Alpha', 'Beta'])
    const [header, body] = (await fs.readFile(indexFile, 'utf8')).split('\n')
    const entries = JSON.parse(body!) as Record<string, { content: unknown }>
    const rewrite = async (next: unknown) => {
      const text = JSON.stringify(next)
      const digest = createHash('sha256').update(text).digest('hex')
      await fs.writeFile(indexFile, `${JSON.stringify({ ...JSON.parse(header!), digest })}\n${text}`)
    }
    for (const bad of [
      { 'shared/list.json': null, 'shared/other.json': entries['shared/other.json'] },
      { 'shared/list.json': { ...entries['shared/list.json'], content: { id: 'a' } } },
      {
        'shared/list.json': {
          ...entries['shared/list.json'],
          content: { ...(entries['shared/list.json']!.content as object), request: null }
        }
      },
      [1, 2],
      null
    ]) {
      await rewrite(bad)
      expect(await names(open())).toEqual(['Alpha', 'Beta'])
    }
  })

  it('still reports a broken file and a duplicate id on every load', async () => {
    await writeRequest('a.json', 'same', 'First')
    await writeRequest('b.json', 'same', 'Second')
    await fs.writeFile(path.join(root, 'shared', 'broken.json'), '{ not json')
    await ageFiles()
    for (let start = 0; start < 2; start++) {
      const list = await open().list()
      expect(list.requests.map((r) => r.name)).toEqual(['First'])
      expect(list.corrupt.map((c) => c.file).sort()).toEqual([path.join('shared', 'b.json'), path.join('shared', 'broken.json')])
    }
  })

  it('a library that cannot write its index still loads', async () => {
    await writeRequest('list.json', 'a', 'Alpha')
    await fs.mkdir(indexFile) // a directory where the file should go
    expect(await names(open())).toEqual(['Alpha'])
  })
})

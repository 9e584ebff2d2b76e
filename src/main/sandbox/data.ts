// One sandbox workspace's data. Small collections (admins, teams, tags, companies, segments,
// conversations) are built eagerly; contacts are generated on demand from (seed, index) so a
// 100,000-contact workspace starts instantly. Only touched contacts are kept in memory.
import { createRng, hashSeed, type Rng } from './random'
import * as W from './seed-words'
import type { WorkspaceKey } from './types'

/** Seeded timestamps sit before this instant (2024-06-01), so data is stable across runs. */
export const SEED_EPOCH = 1_717_200_000

export type AttributeValue = string | number | boolean | null

export interface ContactRecord {
  index: number
  id: string
  externalId: string | null
  role: 'user' | 'lead'
  email: string
  phone: string | null
  name: string | null
  ownerId: string | null
  createdAt: number
  updatedAt: number
  signedUpAt: number | null
  lastSeenAt: number | null
  unsubscribed: boolean
  customAttributes: Record<string, AttributeValue>
  tagIds: string[]
  companyIds: string[]
  location: { country: string | null; region: string | null; city: string | null }
  browser: string | null
  os: string | null
}

export interface AdminRecord {
  id: string
  name: string
  email: string
  jobTitle: string
  teamIds: number[]
}

export interface TeamRecord {
  id: string
  name: string
  adminIds: number[]
}

export interface TagRecord {
  id: string
  name: string
}

export interface CompanyRecord {
  id: string
  companyId: string
  name: string
  plan: string | null
  size: number
  website: string
  industry: string
  monthlySpend: number
  sessionCount: number
  createdAt: number
  updatedAt: number
  remoteCreatedAt: number
  customAttributes: Record<string, string>
  tagIds: string[]
}

export interface EventRecord {
  eventName: string
  createdAt: number
  metadata: Record<string, string>
}

export interface ConversationPartRecord {
  id: string
  partType: string
  body: string | null
  createdAt: number
  author: { type: 'admin' | 'user' | 'bot'; id: string; name: string | null; email: string }
}

export interface ConversationRecord {
  id: string
  title: string
  createdAt: number
  updatedAt: number
  state: 'open' | 'closed' | 'snoozed'
  snoozedUntil: number | null
  read: boolean
  priority: 'none' | 'low' | 'medium' | 'high' | 'urgent'
  adminAssigneeId: number | null
  teamAssigneeId: number | null
  contactIndex: number
  sourceBody: string
  parts: ConversationPartRecord[]
}

export interface SegmentRecord {
  id: string
  name: string
  personType: 'user' | 'contact'
  createdAt: number
  /** Membership, as a contacts search query. */
  query: unknown
}

export interface WorkspaceProfile {
  key: WorkspaceKey
  region: 'US' | 'EU'
  appIdCode: string
  appName: string
  timezone: string
  createdAt: number
}

const HOUR = 3600
const DAY = 24 * HOUR

export class WorkspaceData {
  readonly profile: WorkspaceProfile
  readonly admins: AdminRecord[]
  readonly teams: TeamRecord[]
  readonly tags = new Map<string, TagRecord>()
  readonly companies = new Map<string, CompanyRecord>()
  readonly conversations = new Map<string, ConversationRecord>()
  readonly contacts: ContactStore
  readonly segments: SegmentRecord[]
  private userCounts: { version: number; counts: Map<string, number> } | undefined
  /** Events submitted through the API, by contact id (seeded ones are derived on demand). */
  private readonly submittedEvents = new Map<string, EventRecord[]>()
  private nextNumericId: number
  private readonly idRng: Rng

  constructor(
    readonly seed: number,
    key: WorkspaceKey,
    contactCount: number,
    private readonly now: () => number
  ) {
    const rng = createRng(hashSeed(seed, key, 'workspace'))
    const region = key === 'us' ? 'US' : 'EU'
    this.profile = {
      key,
      region,
      appIdCode: rng.hex(8).replace(/^\d/, 'a'),
      appName: `Sandbox ${region}`,
      timezone: key === 'us' ? 'America/Los_Angeles' : 'Europe/Dublin',
      createdAt: SEED_EPOCH - 400 * DAY
    }
    this.nextNumericId = 7_000_000 + rng.int(0, 999_999)
    this.idRng = createRng(hashSeed(seed, key, 'object-ids'))
    const teamIds = [this.numericId(), this.numericId(), this.numericId()]
    const admins: AdminRecord[] = []
    for (let i = 0; i < 5; i++) {
      const first = rng.pick(W.FIRST_NAMES)
      const last = rng.pick(W.LAST_NAMES)
      admins.push({
        id: String(this.numericId()),
        name: `${first} ${last}`,
        email: `${first}.${last}@${key}.sandbox.test`.toLowerCase(),
        jobTitle: i === 0 ? 'Workspace owner' : rng.pick(['Support engineer', 'Success manager', 'Developer']),
        teamIds: [teamIds[i % teamIds.length] as number]
      })
    }
    this.admins = admins
    this.teams = ['Support', 'Sales', 'Engineering'].map((name, i) => ({
      id: String(teamIds[i]),
      name,
      adminIds: admins.filter((a) => a.teamIds.includes(teamIds[i] as number)).map((a) => Number(a.id))
    }))
    for (const name of W.TAG_NAMES) this.addTag(name)

    const companyCount = Math.min(500, Math.max(3, Math.ceil(contactCount / 25)))
    const companyPrefix = rng.hex(16)
    for (let i = 0; i < companyCount; i++) {
      const crng = createRng(hashSeed(seed, key, 'company', i))
      const name = `${crng.pick(W.COMPANY_WORDS)} ${crng.pick(W.COMPANY_SUFFIXES)} ${i + 1}`
      const createdAt = SEED_EPOCH - crng.int(30, 380) * DAY
      this.companies.set(`${companyPrefix}${i.toString(16).padStart(8, '0')}`, {
        id: `${companyPrefix}${i.toString(16).padStart(8, '0')}`,
        companyId: `cmp-${i + 1}`,
        name,
        plan: crng.pick(W.PLANS),
        size: crng.int(2, 5000),
        website: `https://${name.toLowerCase().replace(/\s+/g, '-')}.example.com`,
        industry: crng.pick(W.INDUSTRIES),
        monthlySpend: crng.int(0, 20_000),
        sessionCount: crng.int(0, 10_000),
        createdAt,
        updatedAt: createdAt + crng.int(0, 20) * DAY,
        remoteCreatedAt: createdAt - crng.int(0, 90) * DAY,
        customAttributes: { tier: crng.pick(['bronze', 'silver', 'gold']) },
        tagIds: crng.chance(0.3) ? [this.tagIdAt(crng.int(0, W.TAG_NAMES.length - 1))] : []
      })
    }
    const companyIds = [...this.companies.keys()]
    this.contacts = new ContactStore(seed, key, contactCount, rng.hex(16), companyIds, [...this.tags.keys()], admins, now)

    this.segments = [
      { name: 'All users', personType: 'user' as const, query: { field: 'role', operator: '=', value: 'user' } },
      { name: 'All leads', personType: 'contact' as const, query: { field: 'role', operator: '=', value: 'lead' } },
      {
        name: 'Enterprise users',
        personType: 'user' as const,
        query: {
          operator: 'AND',
          value: [
            { field: 'role', operator: '=', value: 'user' },
            { field: 'custom_attributes.plan', operator: '=', value: 'enterprise' }
          ]
        }
      }
    ].map((s, i) => ({ ...s, id: rng.hex(24), createdAt: this.profile.createdAt + i * DAY }))

    const conversationCount = Math.min(contactCount, 60)
    for (let i = 0; i < conversationCount; i++) this.seedConversation(i, contactCount)
  }

  /** Intercom uses numeric ids for admins, teams, tags and conversations. */
  numericId(): number {
    return this.nextNumericId++
  }

  /** A fresh 24-hex id, the form Intercom uses for contacts and companies. */
  objectId(): string {
    return this.idRng.hex(24)
  }

  addTag(name: string): TagRecord {
    const tag = { id: String(this.numericId()), name }
    this.tags.set(tag.id, tag)
    return tag
  }

  findTagByName(name: string): TagRecord | undefined {
    for (const tag of this.tags.values()) if (tag.name === name) return tag
    return undefined
  }

  private tagIdAt(i: number): string {
    return [...this.tags.keys()][i] as string
  }

  /** Contacts per company, recomputed only after contacts change. */
  companyUserCount(companyId: string): number {
    if (this.userCounts?.version !== this.contacts.version) {
      const counts = new Map<string, number>()
      for (const c of this.contacts.iterate(0)) for (const id of c.companyIds) counts.set(id, (counts.get(id) ?? 0) + 1)
      this.userCounts = { version: this.contacts.version, counts }
    }
    return this.userCounts.counts.get(companyId) ?? 0
  }

  findCompanyByExternalId(companyId: string): CompanyRecord | undefined {
    for (const c of this.companies.values()) if (c.companyId === companyId) return c
    return undefined
  }

  private seedConversation(i: number, contactCount: number): void {
    const rng = createRng(hashSeed(this.seed, this.profile.key, 'conversation', i))
    const contactIndex = (i * 7919) % contactCount
    const contact = this.contacts.get(contactIndex)
    if (!contact) return
    const admin = rng.pick(this.admins)
    const createdAt = SEED_EPOCH - rng.int(1, 120) * DAY - rng.int(0, DAY)
    const title = rng.pick(W.CONVERSATION_TOPICS)
    const parts: ConversationPartRecord[] = []
    let at = createdAt
    for (let p = 0; p < rng.int(0, 3); p++) {
      at += rng.int(5, 600) * 60
      const fromAdmin = p % 2 === 0
      parts.push({
        id: String(this.numericId()),
        partType: 'comment',
        body: fromAdmin ? `<p>Thanks for reaching out about "${title}".</p>` : '<p>Any update?</p>',
        createdAt: at,
        author: fromAdmin
          ? { type: 'admin', id: admin.id, name: admin.name, email: admin.email }
          : { type: 'user', id: contact.id, name: contact.name, email: contact.email }
      })
    }
    const state = rng.pick(['open', 'open', 'closed', 'snoozed'] as const)
    const id = String(this.numericId())
    this.conversations.set(id, {
      id,
      title,
      createdAt,
      updatedAt: at,
      state,
      snoozedUntil: state === 'snoozed' ? SEED_EPOCH + rng.int(1, 5) * DAY : null,
      read: rng.chance(0.6),
      priority: rng.pick(['none', 'none', 'low', 'medium', 'high', 'urgent'] as const),
      adminAssigneeId: Number(admin.id),
      teamAssigneeId: admin.teamIds[0] ?? null,
      contactIndex,
      sourceBody: `<p>${title}</p>`,
      parts
    })
  }

  /** Seeded events for a contact, followed by those submitted through the API. */
  eventsFor(contact: ContactRecord): EventRecord[] {
    const rng = createRng(hashSeed(this.seed, this.profile.key, 'events', contact.index))
    const seeded: EventRecord[] = []
    if (contact.index < this.contacts.seededCount) {
      for (let i = 0; i < contact.index % 4; i++) {
        seeded.push({
          eventName: rng.pick(W.EVENT_NAMES),
          createdAt: contact.createdAt + rng.int(1, 60) * DAY,
          metadata: { source: 'seed' }
        })
      }
    }
    return [...seeded, ...(this.submittedEvents.get(contact.id) ?? [])]
  }

  addEvent(contact: ContactRecord, event: EventRecord): void {
    const list = this.submittedEvents.get(contact.id) ?? []
    list.push(event)
    this.submittedEvents.set(contact.id, list)
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000)
  }
}

/**
 * Contacts live at indexes 0..n-1 (seeded) and n.. (created through the API). A contact's id and
 * seeded email encode its index, so lookups by either never scan.
 */
export class ContactStore {
  private readonly edited = new Map<number, ContactRecord>()
  private readonly deleted = new Set<number>()
  /** Emails of created or edited contacts; seeded emails are found by their encoded index. */
  private readonly emailIndex = new Map<string, number>()
  private nextIndex: number
  /** Bumped on every write so derived caches know when to refresh. */
  version = 0

  constructor(
    private readonly seed: number,
    private readonly key: string,
    readonly seededCount: number,
    private readonly idPrefix: string,
    private readonly companyIds: readonly string[],
    private readonly seedTagIds: readonly string[],
    private readonly admins: readonly AdminRecord[],
    private readonly now: () => number
  ) {
    this.nextIndex = seededCount
  }

  get size(): number {
    return this.nextIndex - this.deleted.size
  }

  /** One past the highest index in use, for iteration. */
  get end(): number {
    return this.nextIndex
  }

  idOf(index: number): string {
    return `${this.idPrefix}${index.toString(16).padStart(8, '0')}`
  }

  indexOf(id: string): number | undefined {
    if (id.length !== 24 || !id.startsWith(this.idPrefix)) return undefined
    const index = Number.parseInt(id.slice(16), 16)
    return Number.isInteger(index) && index >= 0 && index < this.nextIndex ? index : undefined
  }

  /** A contact to read; mutate it only through `edit`. */
  get(index: number): ContactRecord | undefined {
    if (index < 0 || index >= this.nextIndex || this.deleted.has(index)) return undefined
    return this.edited.get(index) ?? this.generate(index)
  }

  byId(id: string): ContactRecord | undefined {
    const index = this.indexOf(id)
    return index === undefined ? undefined : this.get(index)
  }

  byEmail(email: string): ContactRecord | undefined {
    const wanted = email.toLowerCase()
    const known = this.emailIndex.get(wanted)
    if (known !== undefined) {
      const contact = this.get(known)
      if (contact?.email.toLowerCase() === wanted) return contact
    }
    const seededIndex = /\.(\d+)@/.exec(wanted)?.[1]
    if (seededIndex === undefined) return undefined
    const contact = this.get(Number(seededIndex))
    return contact?.email.toLowerCase() === wanted ? contact : undefined
  }

  byExternalId(externalId: string): ContactRecord | undefined {
    for (const contact of this.edited.values()) if (contact.externalId === externalId) return contact
    // Seeded users have external ids `user-<index + 1>`.
    const seededIndex = /^user-(\d+)$/.exec(externalId)?.[1]
    if (seededIndex === undefined) return undefined
    const contact = this.get(Number(seededIndex) - 1)
    return contact?.externalId === externalId ? contact : undefined
  }

  /** Live contacts in index order, starting at `from`. */
  *iterate(from: number): Generator<ContactRecord> {
    for (let i = Math.max(0, from); i < this.nextIndex; i++) {
      const contact = this.get(i)
      if (contact) yield contact
    }
  }

  /** Applies `change` to a contact and keeps the result; returns undefined when it does not exist. */
  edit(id: string, change: (contact: ContactRecord) => void): ContactRecord | undefined {
    const current = this.byId(id)
    if (!current) return undefined
    const next = structuredClone(current)
    change(next)
    this.version++
    this.edited.set(next.index, next)
    this.emailIndex.set(next.email.toLowerCase(), next.index)
    return next
  }

  create(fields: Partial<Omit<ContactRecord, 'index' | 'id'>>): ContactRecord {
    const index = this.nextIndex++
    this.version++
    const at = Math.floor(this.now() / 1000)
    const contact: ContactRecord = {
      index,
      id: this.idOf(index),
      externalId: null,
      role: 'user',
      email: '',
      phone: null,
      name: null,
      ownerId: null,
      createdAt: at,
      updatedAt: at,
      signedUpAt: null,
      lastSeenAt: null,
      unsubscribed: false,
      customAttributes: {},
      tagIds: [],
      companyIds: [],
      location: { country: null, region: null, city: null },
      browser: null,
      os: null,
      ...fields
    }
    this.edited.set(index, contact)
    if (contact.email) this.emailIndex.set(contact.email.toLowerCase(), index)
    return contact
  }

  delete(id: string): ContactRecord | undefined {
    const contact = this.byId(id)
    if (!contact) return undefined
    this.version++
    this.deleted.add(contact.index)
    this.edited.delete(contact.index)
    return contact
  }

  private generate(index: number): ContactRecord | undefined {
    if (index >= this.seededCount) return undefined
    const rng = createRng(hashSeed(this.seed, this.key, 'contact', index))
    const first = rng.pick(W.FIRST_NAMES)
    const last = rng.pick(W.LAST_NAMES)
    const role = index % 5 === 4 ? 'lead' : 'user'
    const createdAt = SEED_EPOCH - rng.int(1, 365) * DAY - rng.int(0, DAY)
    const tagIds = this.seedTagIds.filter((_, t) => (index + t) % 7 === 0)
    const company = index % 4 === 3 || this.companyIds.length === 0 ? [] : [this.companyIds[index % this.companyIds.length] as string]
    return {
      index,
      id: this.idOf(index),
      externalId: role === 'user' ? `user-${index + 1}` : null,
      role,
      email: `${first}.${last}.${index}@${rng.pick(W.DOMAINS)}`.toLowerCase(),
      phone: rng.chance(0.4) ? `+1555${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
      name: `${first} ${last}`,
      ownerId: rng.chance(0.3) ? rng.pick(this.admins).id : null,
      createdAt,
      updatedAt: createdAt + rng.int(0, 30) * DAY,
      signedUpAt: role === 'user' ? createdAt : null,
      lastSeenAt: createdAt + rng.int(0, 200) * DAY,
      unsubscribed: rng.chance(0.1),
      customAttributes: { plan: rng.pick(W.PLANS), seats: rng.int(1, 250) },
      tagIds,
      companyIds: company,
      location: { ...rng.pick(W.LOCATIONS) },
      browser: rng.pick(W.BROWSERS),
      os: rng.pick(W.OPERATING_SYSTEMS)
    }
  }
}

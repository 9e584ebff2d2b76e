// What was sent, per workspace: the history list, its search and the stored response bodies.
import { z } from 'zod'
import { call, ItemId, WorkspaceRef } from './define'
import { HistoryList } from '../library'

export const historyCalls = {
  'history.list': call(z.object({ workspaceId: WorkspaceRef, query: z.string().max(500).default('') }), HistoryList),
  'history.clear': call(z.object({ workspaceId: WorkspaceRef }), z.object({ removed: z.number() })),
  'history.body': call(z.object({ workspaceId: WorkspaceRef, entryId: ItemId }), z.object({ text: z.string().nullable() }))
}

export const historyEvents = {
  /** A workspace's history gained (or lost) entries. */
  historyChanged: z.object({ workspaceId: z.string() })
}

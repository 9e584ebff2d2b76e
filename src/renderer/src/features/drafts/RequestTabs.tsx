// The strip of open requests above the composer: one tab per request with its workspace, an unsaved
// marker, close (asking first when there are unsaved edits), drag or Alt+Shift+Arrow to reorder.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { composer, isDirty, tabTitle, useComposer, type RequestTab } from '../../state/composer'
import { useWorkspaces } from '../../state/workspaces'
import { shortcutLabel, useCommands, type Command } from '../../shell/commands'
import { Dialog } from '../../lib/Dialog'

/** The browser keeps Ctrl/Cmd+T and +W for itself; browser mode uses Alt instead. */
export function tabShortcuts(host: 'electron' | 'web' | undefined): { open: string; close: string } {
  return host === 'web' ? { open: 'Alt+T', close: 'Alt+W' } : { open: 'Mod+T', close: 'Mod+W' }
}

export function RequestTabs() {
  const { tabs, activeId } = useComposer()
  const { workspaces, info } = useWorkspaces()
  const [confirming, setConfirming] = useState<RequestTab | null>(null)
  const dragged = useRef<string | null>(null)
  const strip = useRef<HTMLDivElement>(null)

  const requestClose = (id: string) => {
    const tab = composer.get().tabs.find((t) => t.id === id)
    if (!tab) return
    if (isDirty(tab)) setConfirming(tab)
    else composer.close(id)
  }
  const focusActive = () =>
    requestAnimationFrame(() => strip.current?.querySelector<HTMLElement>('[role=tab][aria-selected=true]')?.focus())
  const step = (delta: number, moveTab: boolean) => {
    const { tabs: all, activeId: current } = composer.get()
    const at = all.findIndex((t) => t.id === current)
    const target = Math.max(0, Math.min(all.length - 1, at + delta))
    if (moveTab) composer.move(current, target)
    else composer.select(all[target]!.id)
    focusActive()
  }

  const keys = tabShortcuts(info?.host)
  const commands = useMemo<Command[]>(
    () => [
      { id: 'tabs.new', title: 'New request tab', section: 'Tabs', shortcut: keys.open, run: () => composer.open() },
      {
        id: 'tabs.close',
        title: 'Close request tab',
        section: 'Tabs',
        shortcut: keys.close,
        run: () => requestClose(composer.get().activeId)
      },
      { id: 'tabs.next', title: 'Next request tab', section: 'Tabs', shortcut: 'Alt+PageDown', run: () => step(1, false) },
      { id: 'tabs.previous', title: 'Previous request tab', section: 'Tabs', shortcut: 'Alt+PageUp', run: () => step(-1, false) },
      {
        id: 'tabs.moveRight',
        title: 'Move request tab right',
        section: 'Tabs',
        shortcut: 'Alt+Shift+ArrowRight',
        run: () => step(1, true)
      },
      { id: 'tabs.moveLeft', title: 'Move request tab left', section: 'Tabs', shortcut: 'Alt+Shift+ArrowLeft', run: () => step(-1, true) }
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the handlers read the store when run
    [keys.open, keys.close]
  )
  useCommands(commands)

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return // reordering is a command (Alt+Shift+Arrow)
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault()
      step(e.key === 'ArrowRight' ? 1 : -1, false)
    } else if (e.key === 'Delete') {
      e.preventDefault()
      requestClose(composer.get().activeId)
    }
  }

  return (
    <div className="request-tabs row" ref={strip}>
      <div role="tablist" aria-label="Open requests" className="request-tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const workspace = workspaces.find((w) => w.id === tab.workspaceId)
          const dirty = isDirty(tab)
          const title = tabTitle(tab)
          const selected = tab.id === activeId
          return (
            <div
              key={tab.id}
              className={`request-tab${selected ? ' active' : ''}`}
              draggable
              onDragStart={(e) => {
                dragged.current = tab.id
                e.dataTransfer.effectAllowed = 'move'
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault()
                if (dragged.current)
                  composer.move(
                    dragged.current,
                    composer.get().tabs.findIndex((t) => t.id === tab.id)
                  )
                dragged.current = null
              }}
            >
              <button
                type="button"
                role="tab"
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                title={`${title}${workspace ? ` — ${workspace.name}` : ''}${dirty ? ' (unsaved changes)' : ''}`}
                onClick={() => composer.select(tab.id)}
                onAuxClick={(e) => e.button === 1 && requestClose(tab.id)}
              >
                {workspace ? <span className="dot" style={{ background: workspace.color }} aria-hidden /> : null}
                <span className={`method method-${tab.draft.method}`}>{tab.saved ? '' : tab.draft.method}</span>
                <span className="request-tab-title">{tab.saved ? tab.saved.name : tab.draft.path}</span>
                {workspace ? <span className="request-tab-ws muted">{workspace.name}</span> : null}
                {dirty ? (
                  <span className="unsaved-dot" aria-label="unsaved changes" title="Unsaved changes">
                    ●
                  </span>
                ) : null}
              </button>
              <button
                type="button"
                className="request-tab-close"
                tabIndex={-1}
                aria-label={`Close ${title}`}
                onClick={() => requestClose(tab.id)}
              >
                ×
              </button>
            </div>
          )
        })}
      </div>
      {/* Out of the Tab order like the close buttons: the keyboard has the shortcut. */}
      <button
        type="button"
        className="request-tab-new"
        tabIndex={-1}
        aria-label="New request tab"
        title={shortcutLabel(keys.open)}
        onClick={() => composer.open()}
      >
        +
      </button>
      {confirming ? (
        <Dialog title="Unsaved changes" onClose={() => setConfirming(null)}>
          <p>
            <strong>{tabTitle(confirming)}</strong> has unsaved changes. Close it anyway?
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="danger"
              onClick={() => {
                composer.close(confirming.id)
                setConfirming(null)
              }}
            >
              Close without saving
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Keep editing
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  )
}

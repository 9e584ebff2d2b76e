// The one tab strip (WAI-ARIA tabs pattern): roving focus, so the strip is a single Tab stop;
// arrow keys, Home and End move between tabs and select them; each tab names its panel.
import { useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface TabItem<T extends string> {
  id: T
  label: ReactNode
}

interface TabListProps<T extends string> {
  /** Accessible name of the strip, e.g. "Response views". */
  label: string
  /** Prefix for element ids, unique on the page: tabs are `${idPrefix}-tab-${id}`. */
  idPrefix: string
  tabs: ReadonlyArray<TabItem<T>>
  value: T
  onChange: (id: T) => void
  className?: string
}

const NEXT_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

export function TabList<T extends string>({ label, idPrefix, tabs, value, onChange, className = 'tabs' }: TabListProps<T>) {
  const strip = useRef<HTMLDivElement>(null)

  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]
    if (!tab) return
    onChange(tab.id)
    strip.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(`${idPrefix}-tab-${tab.id}`)}`)?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((t) => t.id === value)
    const step = NEXT_KEYS[event.key]
    if (step !== undefined) select(current + step)
    else if (event.key === 'Home') select(0)
    else if (event.key === 'End') select(tabs.length - 1)
    else return
    event.preventDefault()
  }

  return (
    <div ref={strip} role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === value
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={selected ? 0 : -1}
            className={selected ? 'tab active' : 'tab'}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        )
      })}
    </div>
  )
}

/**
 * Props for the panel of the selected tab. `labelled: false` leaves the panel unnamed where a tab's
 * name is also the label of the field inside (a label must name one thing only).
 */
export function tabPanelProps(idPrefix: string, value: string, { labelled = true } = {}) {
  return {
    role: 'tabpanel',
    id: `${idPrefix}-panel-${value}`,
    'aria-labelledby': labelled ? `${idPrefix}-tab-${value}` : undefined,
    tabIndex: 0
  } as const
}

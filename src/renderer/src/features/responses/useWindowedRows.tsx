// Virtual scrolling over rows that live in the worker: only the rows in (and near) the viewport
// are asked for and rendered.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'

export const ROW_HEIGHT = 20
const MARGIN = 60
/**
 * Browsers cap an element's height (about 33.5 million px in Chromium), so a document with more
 * rows than fit is shown one part at a time; this many rows per part stays well under the cap.
 */
export const ROWS_PER_PART = 1_000_000

type Align = 'start' | 'center' | 'end' | 'auto'

interface Window<T> {
  revision: number
  from: number
  rows: T[]
}

export interface WindowedRows<T> {
  virtualizer: Virtualizer<HTMLDivElement, Element>
  /** Row at a virtualizer (in-part) index. */
  rowAt: (index: number) => T | undefined
  /** First row of the part on screen. */
  base: number
  setBase: (base: number) => void
  /** Brings a row (index over the whole document) into view, switching parts when needed. */
  scrollToRow: (index: number, align?: Align) => void
  /** True once rows of the current revision are on screen. */
  shown: boolean
}

export function useWindowedRows<T>(
  scrollRef: RefObject<HTMLDivElement | null>,
  count: number,
  revision: number,
  load: (from: number, to: number) => Promise<T[]>
): WindowedRows<T> {
  const [base, setBase] = useState(0)
  const partBase = Math.min(base, Math.max(0, count - 1) - (Math.max(0, count - 1) % ROWS_PER_PART))
  const partCount = Math.min(ROWS_PER_PART, count - partBase)
  const [pendingScroll, setPendingScroll] = useState<{ index: number; align: Align } | null>(null)
  const virtualizer = useVirtualizer({
    count: partCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20
  })
  const [win, setWin] = useState<Window<T>>({ revision: -1, from: 0, rows: [] })
  const latest = useRef(0)
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1

  useEffect(() => {
    if (partCount <= 0) return
    const covered =
      win.revision === revision && win.from <= partBase + first && win.from + win.rows.length > partBase + Math.min(last, partCount - 1)
    if (covered && last >= 0) return
    const from = partBase + Math.max(0, first - MARGIN)
    const to = partBase + Math.min(partCount, Math.max(last, first) + MARGIN + 1)
    const ticket = ++latest.current
    load(from, to).then(
      (rows) => ticket === latest.current && setWin({ revision, from, rows }),
      () => undefined
    )
  }, [first, last, partBase, partCount, revision, load, win])

  const scrollToRow = useCallback((index: number, align: Align = 'auto') => {
    setBase(index - (index % ROWS_PER_PART))
    setPendingScroll({ index, align })
  }, [])

  // A new part starts at its top (unless a scroll into it is pending, below).
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [partBase, scrollRef])

  // A scroll into another part waits until that part is rendered.
  useEffect(() => {
    if (!pendingScroll || pendingScroll.index < partBase || pendingScroll.index >= partBase + partCount) return
    virtualizer.scrollToIndex(pendingScroll.index - partBase, { align: pendingScroll.align })
    setPendingScroll(null)
  }, [pendingScroll, partBase, partCount, virtualizer])

  return {
    virtualizer,
    rowAt: (index) => (win.revision === revision ? win.rows[partBase + index - win.from] : undefined),
    shown: win.revision === revision && win.rows.length > 0,
    base: partBase,
    setBase,
    scrollToRow
  }
}

/** Moves between parts of a document too long for one scrollable element. */
export function PartNav({ base, total, onChange }: { base: number; total: number; onChange: (base: number) => void }) {
  if (total <= ROWS_PER_PART) return null
  const last = total - 1 - ((total - 1) % ROWS_PER_PART)
  const end = Math.min(total, base + ROWS_PER_PART)
  return (
    <div className="row part-nav" role="group" aria-label="Document parts">
      <span role="status">
        Lines {(base + 1).toLocaleString()}–{end.toLocaleString()} of {total.toLocaleString()}
      </span>
      <button type="button" disabled={base === 0} onClick={() => onChange(0)}>
        First part
      </button>
      <button type="button" disabled={base === 0} onClick={() => onChange(base - ROWS_PER_PART)}>
        Previous part
      </button>
      <button type="button" disabled={base >= last} onClick={() => onChange(base + ROWS_PER_PART)}>
        Next part
      </button>
      <button type="button" disabled={base >= last} onClick={() => onChange(last)}>
        Last part
      </button>
    </div>
  )
}

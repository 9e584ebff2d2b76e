// The highlighted row of a filtered list that is driven from its search box (the palettes):
// arrows and page keys move it, Enter picks it, and a new query puts it back on the first row.
import { useEffect, useState, type KeyboardEvent } from 'react'

const PAGE = 10
const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE }

export function useListCursor(count: number, query: string, pick: (index: number) => void) {
  const [index, setIndex] = useState(0)
  useEffect(() => setIndex(0), [query])
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = STEPS[event.key]
    if (step !== undefined) setIndex((i) => Math.max(0, Math.min(i + step, count - 1)))
    else if (event.key === 'Enter') pick(index)
    else return
    event.preventDefault()
  }
  return { index, setIndex, onKeyDown }
}

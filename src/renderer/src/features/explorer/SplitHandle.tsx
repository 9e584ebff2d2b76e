// The bar between request and response: drag it, or focus it and use the arrow keys.
import type { KeyboardEvent, PointerEvent } from 'react'
import { layout, useLayout } from '../../state/layout'

export function SplitHandle() {
  const { split } = useLayout()
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const container = e.currentTarget.parentElement
    if (!container) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const box = container.getBoundingClientRect()
    const onMove = (ev: globalThis.PointerEvent) => layout.set({ split: (ev.clientY - box.top) / box.height })
    const target = e.currentTarget
    const onUp = () => {
      target.removeEventListener('pointermove', onMove)
      target.removeEventListener('pointerup', onUp)
    }
    target.addEventListener('pointermove', onMove)
    target.addEventListener('pointerup', onUp)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = { ArrowUp: -0.05, ArrowDown: 0.05, PageUp: -0.2, PageDown: 0.2 }[e.key]
    if (delta === undefined) return
    e.preventDefault()
    layout.set({ split: split + delta })
  }
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize request and response"
      aria-valuemin={20}
      aria-valuemax={80}
      aria-valuenow={Math.round(split * 100)}
      tabIndex={0}
      className="split-handle"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}

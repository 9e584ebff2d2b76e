import { describe, expect, it, vi } from 'vitest'
import { createStore } from './store'

describe('createStore', () => {
  it('notifies every subscriber once per change and not after unsubscribing', () => {
    const store = createStore({ n: 0 })
    const a = vi.fn()
    const b = vi.fn()
    const stopA = store.subscribe(a)
    store.subscribe(b)
    store.set({ n: 1 })
    store.set((s) => ({ n: s.n + 1 }))
    expect(store.get()).toEqual({ n: 2 })
    expect(a).toHaveBeenCalledTimes(2)
    stopA()
    store.set({ n: 3 })
    expect(a).toHaveBeenCalledTimes(2)
    expect(b).toHaveBeenCalledTimes(3)
  })

  it('does not notify when the value is the same object', () => {
    const value = { n: 0 }
    const store = createStore(value)
    const listener = vi.fn()
    store.subscribe(listener)
    store.set(value)
    store.set((s) => s)
    expect(listener).not.toHaveBeenCalled()
  })

  it('lets a listener unsubscribe while being notified without skipping the others', () => {
    const store = createStore(0)
    const calls: string[] = []
    const stop = store.subscribe(() => {
      calls.push('first')
      stop()
    })
    store.subscribe(() => calls.push('second'))
    store.set(1)
    store.set(2)
    expect(calls).toEqual(['first', 'second', 'second'])
  })
})

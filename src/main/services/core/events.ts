// Main → renderer events. Payloads are validated against the contract before they leave, the
// same way call outputs are.
import { events, type EventName, type EventPayload } from '../../../shared/contract'

export type EventListener = (name: EventName, payload: unknown) => void

export class EventHub {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload)
    for (const listener of this.listeners) listener(name, checked)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

// Fault injection for tests and demos: latency, 500/503 answers, dropped sockets, slow streaming
// and an oversized body. Everything is off unless configured.
import type { ServerResponse } from 'node:http'
import { NO_FAULTS, type FaultOptions } from './types'

export type FaultVerdict = 'drop' | 500 | 503 | null

const TICK_MS = 100

export class Faults {
  private options: FaultOptions = { ...NO_FAULTS }

  constructor(
    initial: Partial<FaultOptions> = {},
    private readonly random: () => number = Math.random
  ) {
    this.set(initial)
  }

  get current(): FaultOptions {
    return this.options
  }

  set(partial: Partial<FaultOptions>): void {
    const next = { ...this.options, ...partial }
    for (const key of ['errorRate', 'dropRate'] as const) {
      if (!(next[key] >= 0 && next[key] <= 1)) throw new Error(`${key} must be between 0 and 1`)
    }
    for (const key of ['latencyMs', 'slowStreamBytesPerSec', 'oversizedBytes'] as const) {
      if (!(Number.isFinite(next[key]) && next[key] >= 0)) throw new Error(`${key} must be a number >= 0`)
    }
    this.options = next
  }

  /** Waits out the latency, then decides whether this request fails on purpose. */
  async verdict(): Promise<FaultVerdict> {
    const { latencyMs, dropRate, errorRate } = this.options
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    if (dropRate > 0 && this.random() < dropRate) return 'drop'
    if (errorRate > 0 && this.random() < errorRate) return this.random() < 0.5 ? 500 : 503
    return null
  }

  /** Writes a body at once, or trickles it when slow streaming is on. */
  writeBody(res: ServerResponse, body: Buffer): void {
    const rate = this.options.slowStreamBytesPerSec
    if (rate <= 0 || body.length === 0) {
      res.end(body)
      return
    }
    const chunkSize = Math.max(1, Math.ceil((rate * TICK_MS) / 1000))
    let offset = 0
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer)
      const chunk = body.subarray(offset, offset + chunkSize)
      offset += chunk.length
      if (offset >= body.length) {
        clearInterval(timer)
        res.end(chunk)
      } else {
        res.write(chunk)
      }
    }, TICK_MS)
    res.on('close', () => clearInterval(timer))
  }

  /**
   * A valid JSON document of exactly `oversizedBytes` bytes (at least the smallest document), shaped
   * like a real list response (many contact-like objects) so viewers are tested on realistic data.
   */
  oversizedBody(): Buffer {
    const target = this.options.oversizedBytes
    const head = '{"type":"list","data":['
    const tail = '],"padding":""}'
    const parts: string[] = []
    let size = head.length + tail.length
    for (let i = 0; ; i++) {
      const item = JSON.stringify({
        type: 'contact',
        id: `oversized-${i}`,
        email: `person.${i}@example.org`,
        name: `Person ${i}`,
        custom_attributes: { plan: i % 3 === 0 ? 'pro' : 'basic', seats: i % 50 },
        tags: { type: 'list', data: [{ type: 'tag', id: String(i % 17) }] }
      })
      const cost = item.length + (parts.length > 0 ? 1 : 0)
      if (size + cost > target) break
      parts.push(item)
      size += cost
    }
    const padding = 'x'.repeat(Math.max(0, target - size))
    return Buffer.from(`${head}${parts.join(',')}],"padding":"${padding}"}`)
  }
}

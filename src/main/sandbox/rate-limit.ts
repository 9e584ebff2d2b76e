// Fixed-window rate limiting per token, as Intercom does it (the per-minute budget split into
// 10-second windows). The clock is injected so windows can be tested without waiting.
import type { RateLimit } from './types'

export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>()

  constructor(
    private limit: RateLimit,
    private readonly now: () => number
  ) {}

  configure(limit: RateLimit): void {
    if (!(limit.perWindow >= 1) || !(limit.windowSeconds >= 1)) {
      throw new Error('rate limit needs perWindow >= 1 and windowSeconds >= 1')
    }
    this.limit = limit
    this.windows.clear()
  }

  get current(): RateLimit {
    return this.limit
  }

  /** Counts one request for `key` and says whether it fits the current window. */
  take(key: string): RateDecision {
    const windowMs = this.limit.windowSeconds * 1000
    const now = this.now()
    const start = now - (now % windowMs)
    let window = this.windows.get(key)
    if (!window || window.start !== start) {
      window = { start, used: 0 }
      this.windows.set(key, window)
    }
    const allowed = window.used < this.limit.perWindow
    if (allowed) window.used++
    return {
      allowed,
      headers: {
        'X-RateLimit-Limit': String(this.limit.perWindow),
        'X-RateLimit-Remaining': String(this.limit.perWindow - window.used),
        'X-RateLimit-Reset': String(Math.ceil((start + windowMs) / 1000))
      }
    }
  }
}

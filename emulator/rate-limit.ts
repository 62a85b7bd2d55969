/**
 * Sliding-window rate limit per OAuth client_id per API version (docs/isc-api.md §8): `limit` requests per `windowMs`.
 * Only admitted requests count. A refusal carries the seconds until the oldest counted request leaves the window.
 */
import type { Clock } from "./types";

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private config: RateLimitConfig | false,
  ) {}

  configure(config: RateLimitConfig | false): void {
    this.config = config;
    this.hits.clear();
  }

  get settings(): RateLimitConfig | false {
    return this.config;
  }

  /** Admits (and counts) a request for `key`, or refuses it without counting. */
  admit(key: string): RateDecision {
    if (!this.config) return { ok: true };
    const { limit, windowMs } = this.config;
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      const freesAt = recent[recent.length - limit] + windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true };
  }

  reset(): void {
    this.hits.clear();
  }
}

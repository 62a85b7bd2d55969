import type { RateLimit } from "../config";

/** Margin for timer rounding and for the service's clock running slightly faster than ours. */
const WINDOW_SLACK_MS = 100;

/** Gives back a request's slot; later calls do nothing. */
export type ReleaseSlot = () => void;

/**
 * At most `limit` requests in any `windowMs` as the service counts them, whatever the delivery delays: a request takes
 * a slot just before it is sent and gives it back `windowMs` after its answer arrived (or it failed). The service
 * counts a request at some moment between those two, so requests `limit` slots apart are always counted more than
 * `windowMs` apart. (A limit on send times alone, such as p-throttle's, lets a delayed first burst and a prompt
 * second one land in one window of the service: measured, 101 requests in ISC's 10 s and a 429.)
 */
export class SlidingWindowLimiter {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  /** Timers that give slots back; they keep the process alive only while a request waits for a slot. */
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly rate: RateLimit) {
    this.free = rate.limit;
  }

  /** Resolves when a slot is free; call the returned function once the request has finished, however it ended. */
  async acquire(): Promise<ReleaseSlot> {
    if (this.free > 0) {
      this.free -= 1;
    } else {
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        for (const timer of this.timers) timer.ref();
      });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.handOn();
      }, this.rate.windowMs + WINDOW_SLACK_MS);
      if (this.waiting.length === 0) timer.unref();
      this.timers.add(timer);
    };
  }

  /** Requests waiting for a slot (for tests and the benchmark). */
  get queued(): number {
    return this.waiting.length;
  }

  private handOn(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
    if (this.waiting.length === 0) for (const timer of this.timers) timer.unref();
  }
}

const limiters = new Map<string, SlidingWindowLimiter>();

/**
 * ISC allows 100 requests per 10 s per client id, shared by every caller. All resources in the provider host share
 * one limiter per client id, so a large refresh runs at the limit's pace instead of provoking a storm of 429s.
 */
export function limiterFor(clientKey: string, rate: RateLimit): SlidingWindowLimiter {
  const key = `${clientKey}\n${rate.limit}/${rate.windowMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new SlidingWindowLimiter(rate);
    limiters.set(key, limiter);
  }
  return limiter;
}

import pThrottle from "p-throttle";
import type { RateLimit } from "../config";

/** Slack added to the window so requests dispatched just inside it cannot arrive just inside the server's. */
const WINDOW_SLACK_MS = 250;

const limiters = new Map<string, () => Promise<void>>();

/**
 * ISC allows 100 requests per 10 s per client id, shared by every caller. All resources in the provider host share
 * one sliding-window limiter per client id (p-throttle, strict mode), so a large refresh runs at the limit's pace
 * instead of provoking a storm of 429s.
 */
export function limiterFor(clientKey: string, rate: RateLimit): () => Promise<void> {
  const key = `${clientKey}\n${rate.limit}/${rate.windowMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    const throttle = pThrottle({ limit: rate.limit, interval: rate.windowMs + WINDOW_SLACK_MS, strict: true });
    limiter = throttle(async () => undefined);
    limiters.set(key, limiter);
  }
  return limiter;
}

import pThrottle from "p-throttle";
import type { RateLimit } from "../config";

/** Slack added to the window so requests dispatched just inside it cannot arrive just inside the server's. */
const WINDOW_SLACK_MS = 250;

const limiters = new Map<string, () => Promise<void>>();

/**
 * ISC allows 100 requests per 10 s per client id, shared by every caller. All resources in the provider host share
 * one sliding-window limiter per client id (p-throttle, strict weighted mode), so a large refresh runs at the limit's
 * pace instead of provoking a storm of 429s.
 */
export function limiterFor(clientKey: string, rate: RateLimit): () => Promise<void> {
  const key = `${clientKey}\n${rate.limit}/${rate.windowMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    // Every call weighs 1: p-throttle's weighted strict mode is a true sliding window (a queued call goes as soon as
    // the oldest call of its window leaves it), so a burst of 300 takes two windows. Unweighted strict mode spaces
    // queued calls evenly instead, and the same burst takes three.
    const throttle = pThrottle({ limit: rate.limit, interval: rate.windowMs + WINDOW_SLACK_MS, strict: true, weight: () => 1 });
    limiter = throttle(async () => undefined);
    limiters.set(key, limiter);
  }
  return limiter;
}

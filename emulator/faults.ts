/**
 * Fault injection: explicit faults (consumed in injection order per matching route) and seeded random chaos.
 * A fault answers instead of the handler (status/rawBody), delays, or drops the connection before or after the
 * handler ran.
 */
import { defaultErrorBody, errorResponse, RATE_LIMIT_BODY } from "./errors";
import type { ApiVersion, ChaosOptions, FaultSpec } from "./types";

export interface FaultRequest {
  method: string;
  /** Version-less path (`/managed-clusters/abc`) or `/oauth/token`. */
  routePath: string;
  version?: ApiVersion;
}

export type FaultAction =
  | { kind: "respond"; status: number; headers: Record<string, string>; bodyText: string; delayMs: number }
  | { kind: "delay"; delayMs: number }
  | { kind: "reset"; when: "before" | "after"; delayMs: number };

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
  matches: (path: string) => boolean;
}

function pathMatcher(path: string | RegExp): (p: string) => boolean {
  if (path instanceof RegExp) return (p) => {
    path.lastIndex = 0;
    return path.test(p);
  };
  if (!path.includes("{")) return (p) => p === path;
  const re = new RegExp(`^${path.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}$`);
  return (p) => re.test(p);
}

/** Mulberry32: small, seedable, good enough for reproducible chaos. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function actionOf(spec: FaultSpec): FaultAction {
  const delayMs = spec.delayMs ?? 0;
  if (spec.reset) return { kind: "reset", when: spec.reset, delayMs };
  if (spec.status === undefined && spec.rawBody === undefined && spec.body === undefined) return { kind: "delay", delayMs };
  const status = spec.status ?? 200;
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (status === 429 && !Object.keys(headers).some((h) => h.toLowerCase() === "retry-after")) headers["Retry-After"] = "1";
  const bodyText = spec.rawBody ?? JSON.stringify(spec.body !== undefined ? spec.body : defaultErrorBody(status));
  return { kind: "respond", status, headers, bodyText, delayMs };
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private chaosConfig?: { opts: ChaosOptions; random: () => number; matches: (p: string) => boolean };

  inject(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!(times > 0)) throw new Error("fault times must be > 0");
    this.faults.push({ spec, remaining: times, matches: pathMatcher(spec.path) });
  }

  /** Removes every fault and stops chaos. */
  clear(): void {
    this.faults = [];
    this.chaosConfig = undefined;
  }

  /** Faults still waiting to fire (Infinity ones included). */
  pending(): FaultSpec[] {
    return this.faults.map((f) => f.spec);
  }

  chaos(opts: ChaosOptions = {}): void {
    const base = opts.path ? pathMatcher(opts.path) : (p: string) => p !== "/oauth/token";
    this.chaosConfig = { opts, random: seededRandom(opts.seed ?? 1), matches: base };
  }

  /** The action for a request, consuming the first matching fault; chaos applies when no explicit fault does. */
  take(req: FaultRequest): FaultAction | undefined {
    for (const f of this.faults) {
      const s = f.spec;
      if (s.method && s.method.toUpperCase() !== req.method.toUpperCase()) continue;
      if (s.version && s.version !== req.version) continue;
      if (!f.matches(req.routePath)) continue;
      if (s.probability !== undefined && Math.random() >= s.probability) continue;
      f.remaining--;
      if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
      return actionOf(s);
    }
    return this.chaosAction(req);
  }

  private chaosAction(req: FaultRequest): FaultAction | undefined {
    const c = this.chaosConfig;
    if (!c) return undefined;
    const o = c.opts;
    if (o.method && o.method.toUpperCase() !== req.method.toUpperCase()) return undefined;
    if (!c.matches(req.routePath)) return undefined;
    const roll = c.random();
    const pick = c.random();
    let edge = 0;
    const hit = (p: number | undefined) => roll < (edge += p ?? 0);
    if (hit(o.rateLimited)) {
      const retry = String(o.retryAfterSeconds ?? 1);
      return { kind: "respond", status: 429, headers: { "Retry-After": retry }, bodyText: JSON.stringify(RATE_LIMIT_BODY), delayMs: 0 };
    }
    if (hit(o.serverError)) {
      const status = [500, 502, 503][Math.floor(pick * 3)];
      return { kind: "respond", status, headers: {}, bodyText: JSON.stringify(errorResponse(status)), delayMs: 0 };
    }
    if (hit(o.resetBefore)) return { kind: "reset", when: "before", delayMs: 0 };
    if (hit(o.resetAfter)) return { kind: "reset", when: "after", delayMs: 0 };
    if (hit(o.slow)) return { kind: "delay", delayMs: o.slowMs ?? 200 };
    if (hit(o.malformedJson)) return { kind: "respond", status: 200, headers: {}, bodyText: '{"id": "trunc', delayMs: 0 };
    return undefined;
  }
}

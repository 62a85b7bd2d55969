/**
 * Fault injection: explicit faults (consumed in injection order per matching route) and seeded random chaos.
 * A fault answers instead of the handler (status/rawBody/body, a redirect, a list that never ends), delays, or drops
 * the connection before or after the handler ran.
 */
import { defaultErrorBody, errorResponse, RATE_LIMIT_BODY } from "./errors";
import type { ApiVersion, ChaosOptions, EndlessList, FaultSpec } from "./types";

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;
const ENDLESS_PAGE = 250;

export interface FaultRequest {
  method: string;
  /** Version-less path (`/managed-clusters/abc`) or `/oauth/token`. */
  routePath: string;
  version?: ApiVersion;
}

export type FaultAction =
  | { kind: "respond"; status: number; headers: Record<string, string>; bodyText: string; delayMs: number }
  /** After the handler committed: its answer replaced (`bodyText`), or its body without `omitFields`. */
  | { kind: "after-commit"; status?: number; headers: Record<string, string>; bodyText?: string; omitFields: string[]; delayMs: number }
  | { kind: "delay"; delayMs: number }
  | { kind: "reset"; when: "before" | "after"; delayMs: number };

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
  /** Answers given so far. */
  fired: number;
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

/** The body the fault gives, as text: rawBody as is, body as JSON, or undefined. */
function givenBody(spec: FaultSpec): string | undefined {
  return spec.rawBody ?? (spec.body !== undefined ? JSON.stringify(spec.body) : undefined);
}

function actionOf(spec: FaultSpec, fired: number): FaultAction {
  const delayMs = spec.delayMs ?? 0;
  if (spec.reset) return { kind: "reset", when: spec.reset, delayMs };
  if (spec.afterCommit) {
    const bodyText = givenBody(spec);
    return { kind: "after-commit", status: spec.status, headers: { ...(spec.headers ?? {}) }, bodyText, omitFields: spec.omitFields ?? [], delayMs };
  }
  if (spec.endlessList) return endlessPage(spec.endlessList, fired, spec.headers ?? {}, delayMs);
  if (spec.redirectTo !== undefined) {
    const bodyText = givenBody(spec) ?? "";
    return { kind: "respond", status: spec.status ?? 302, headers: { ...(spec.headers ?? {}), Location: spec.redirectTo }, bodyText, delayMs };
  }
  const given = givenBody(spec);
  if (spec.status === undefined && given === undefined) return { kind: "delay", delayMs };
  const status = spec.status ?? 200;
  const headers: Record<string, string> = { ...(spec.headers ?? {}) };
  if (status === 429 && !Object.keys(headers).some((h) => h.toLowerCase() === "retry-after")) headers["Retry-After"] = "1";
  return { kind: "respond", status, headers, bodyText: given ?? JSON.stringify(defaultErrorBody(status)), delayMs };
}

/** The `fired`th answer of an endless list: a full page, the same one each time unless the pages are distinct. */
function endlessPage(list: EndlessList, fired: number, extraHeaders: Record<string, string>, delayMs: number): FaultAction {
  const size = list.pageSize ?? ENDLESS_PAGE;
  const first = list.distinctPages ? fired * size + 1 : 1;
  const items = Array.from({ length: size }, (_, i) => {
    const id = `endless-${String(first + i).padStart(6, "0")}`;
    return { name: id, ...(list.item ?? {}), id };
  });
  const headers: Record<string, string> = { ...extraHeaders };
  if (list.totalCount !== undefined) headers["X-Total-Count"] = String(list.totalCount);
  return { kind: "respond", status: 200, headers, bodyText: JSON.stringify(items), delayMs };
}

/** Throws for a fault that cannot be answered as asked. */
function validate(spec: FaultSpec): void {
  if (spec.omitFields !== undefined && (!spec.afterCommit || spec.body !== undefined || spec.rawBody !== undefined)) {
    throw new Error("fault omitFields needs afterCommit, and no body or rawBody");
  }
  if (spec.afterCommit && (spec.reset || spec.redirectTo !== undefined || spec.endlessList)) {
    throw new Error("fault afterCommit cannot be combined with reset, redirectTo or endlessList");
  }
  if (spec.redirectTo !== undefined) {
    if (typeof spec.redirectTo !== "string" || spec.redirectTo === "") throw new Error("fault redirectTo must be a non-empty URL");
    if (spec.status !== undefined && !(REDIRECT_STATUSES as readonly number[]).includes(spec.status)) {
      throw new Error(`fault redirectTo needs status ${REDIRECT_STATUSES.join(", ")} (default 302), not ${spec.status}`);
    }
  }
  const list = spec.endlessList;
  if (list !== undefined) {
    if (typeof list !== "object" || list === null) throw new Error("fault endlessList must be an object");
    if (list.pageSize !== undefined && !(Number.isInteger(list.pageSize) && list.pageSize >= 1 && list.pageSize <= 10_000)) {
      throw new Error("fault endlessList.pageSize must be a whole number from 1 to 10000");
    }
    if (list.totalCount !== undefined && !(Number.isInteger(list.totalCount) && list.totalCount >= 0)) {
      throw new Error("fault endlessList.totalCount must be a whole number >= 0");
    }
    if (spec.redirectTo !== undefined || spec.status !== undefined || spec.body !== undefined || spec.rawBody !== undefined) {
      throw new Error("fault endlessList cannot be combined with redirectTo, status, body or rawBody");
    }
  }
}

export class FaultInjector {
  private faults: ActiveFault[] = [];
  private chaosConfig?: { opts: ChaosOptions; random: () => number; matches: (p: string) => boolean };

  inject(spec: FaultSpec): void {
    const times = spec.times ?? (spec.endlessList ? Infinity : 1);
    if (!(times > 0)) throw new Error("fault times must be > 0");
    validate(spec);
    this.faults.push({ spec, remaining: times, fired: 0, matches: pathMatcher(spec.path) });
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
      return actionOf(s, f.fired++);
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

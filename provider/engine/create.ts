import type { IscApi } from "../api";
import { UnusableResponse } from "../api/responses";
import { IscApiError } from "../http/errors";
import { claimMade, claimTakenOver, knownHere } from "./claims";
import { clearPending, journalKey, readPending, writePending } from "./journal";

const ATTEMPTS = 3;

export interface CreateSpec<T extends { id: string }> {
  /** The resource kind (claims and journal are per kind). */
  kind: string;
  /** What the object is called in messages, e.g. `ManagedCluster "prod-va"`. */
  label: string;
  /** The POST body: identifies the create in the journal and in this process. */
  body: object;
  post(): Promise<T>;
  /** Objects these inputs would make, from a fresh list: equal in every declared field and never used. */
  lookalikes(): Promise<T[]>;
  createdAt(object: T): unknown;
  /**
   * Absent: a found object is the one an attempt made, and is adopted. Present (objects whose one-time secret only the
   * create response carries): found objects are deleted, since their secret is lost, and the POST is sent again.
   */
  remove?: (id: string) => Promise<void>;
}

/** Creates of the same object in this process run one at a time, so one never takes another's for a leftover. */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<R>(key: string, work: () => Promise<R>): Promise<R> {
  const run = (queues.get(key) ?? Promise.resolve()).then(work, work);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return run;
}

function stampOf<T extends { id: string }>(spec: CreateSpec<T>, object: T): number | undefined {
  const value = spec.createdAt(object);
  const stamp = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(stamp) ? stamp : undefined;
}

/**
 * What an earlier attempt of this create may have left: lookalikes stamped since `since` (service time), plus
 * `madeId`, plus undated lookalikes (which may be anyone's). Adopts the one the attempt made, or removes what it left;
 * returns undefined when there is nothing to adopt and the POST may be sent (again). Refuses to guess: several
 * candidates, or an undated one, end the create with an error naming them (adopt the right one with importId).
 */
async function leftOver<T extends { id: string }>(spec: CreateSpec<T>, since: number, madeId?: string): Promise<T | undefined> {
  const candidates = (await spec.lookalikes()).filter((o) => !knownHere(spec.kind, o.id));
  const dated = candidates.filter((o) => o.id === madeId || (stampOf(spec, o) ?? -Infinity) >= since);
  const undated = candidates.filter((o) => o.id !== madeId && stampOf(spec, o) === undefined);
  const unsure = spec.remove ? undated : [...dated, ...undated];
  if (undated.length > 0 || (!spec.remove && dated.length > 1)) {
    throw new Error(
      `${spec.label}: the create request failed without a usable answer, and ${unsure.length} existing object(s) look like what it ` +
        `would have made (${unsure.map((o) => o.id).join(", ")}), ${undated.length > 0 ? "without a creation time" : "made since it began"}: ` +
        "it cannot be told which one it made. Adopt the right one with importId, or remove the others, and run again.",
    );
  }
  if (!spec.remove) return dated[0];
  const doomed = new Set(dated.map((o) => o.id));
  if (madeId && !knownHere(spec.kind, madeId)) doomed.add(madeId);
  for (const id of doomed) await spec.remove(id);
  return undefined;
}

/**
 * One create that never leaves a duplicate or an unusable orphan:
 * - If this machine's journal says an earlier attempt of the same create never settled (its process was killed), what
 *   that attempt made is adopted (or removed, when its secret is lost) first.
 * - A POST that fails ambiguously (reset, timeout, 5xx, a 2xx without a usable body) is followed by a fresh look at the
 *   service before anything is sent again; up to three attempts. A look that fails is tried once more, since giving up
 *   without it would orphan what the attempt made.
 */
export function createOnce<T extends { id: string }>(isc: IscApi, spec: CreateSpec<T>): Promise<T> {
  const key = journalKey(isc.tenantKey, spec.kind, spec.body);
  return oneAtATime(key, async () => {
    const pending = readPending(key);
    if (pending) {
      const earlier = await leftOver(spec, pending.serviceSince);
      if (earlier) {
        claimTakenOver(spec.kind, earlier.id);
        clearPending(key);
        return earlier;
      }
    }
    const startedAt = Date.now();
    const since = isc.client.serviceTimeAfter(startedAt);
    writePending(key, { kind: spec.kind, startedAt, serviceSince: Math.min(since, pending?.serviceSince ?? since) });
    for (let attempt = 1; ; attempt++) {
      try {
        const object = await spec.post();
        claimMade(spec.kind, object.id);
        clearPending(key);
        return object;
      } catch (error) {
        if (!(error instanceof IscApiError && error.ambiguous)) {
          clearPending(key);
          throw error;
        }
        const madeId = error instanceof UnusableResponse ? error.madeId : undefined;
        const made = await leftOver(spec, since, madeId).catch(() => leftOver(spec, since, madeId));
        if (made) {
          claimMade(spec.kind, made.id);
          clearPending(key);
          return made;
        }
        // The journal entry stays: a commit that lands after this gives up is found by the next run.
        if (attempt >= ATTEMPTS) throw error;
      }
    }
  });
}

import type { IscApi } from "../api";
import { UnusableResponse } from "../api/responses";
import { IscApiError } from "../http/errors";
import { claimMade, claimTakenOver, knownHere, madeHere } from "./claims";
import { bodyKey, HEARTBEAT_MS, inFlight, JournalEntry, latestCommit, type Entry } from "./journal";

const ATTEMPTS = 3;
/** Checks of an earlier attempt still in flight in another process. */
const POLL_MS = 250;

export interface CreateSpec<T extends { id: string }> {
  /** The resource kind (claims and journal are per kind). */
  kind: string;
  /** What the object is called in messages, e.g. `ManagedCluster "prod-va"`. */
  label: string;
  /** The POST body: identifies the create in this process. */
  body: object;
  /** Which resource of which stack asks (./owner.ts): the journal's scope. Without it nothing is journalled. */
  owner?: string;
  post(): Promise<T>;
  /** Objects these inputs would make, from a fresh list: equal in every declared field and never used. */
  lookalikes(): Promise<T[]>;
  createdAt(object: T): unknown;
  /**
   * Absent: a found object is the one an attempt made, and is adopted. Present (objects whose one-time secret only the
   * create response carries): found objects are deleted, since their secret is lost, and the POST is sent again.
   */
  remove?: (id: string) => Promise<void>;
  /**
   * Object `id`, made by an earlier create of this very resource that the engine never recorded: adopted as declared
   * (undefined when it is gone, or when it was removed because its secret is lost).
   */
  takeBack(id: string): Promise<T | undefined>;
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

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function stampOf<T extends { id: string }>(spec: CreateSpec<T>, object: T): number | undefined {
  const value = spec.createdAt(object);
  const stamp = typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(stamp) ? stamp : undefined;
}

/** Service times between which an attempt's object can have been stamped, known once the service has answered. */
type Window = () => { since: number; until: number };

/** What an attempt was found to have left: the object it made, or whether what it left was removed. */
interface Found<T> {
  made?: T;
  removed: boolean;
}

/**
 * What an earlier attempt of this create may have left: lookalikes stamped within its window, plus `madeId`, plus
 * undated lookalikes (which may be anyone's). Adopts the one the attempt made, or removes what it left; without
 * `made` the POST may be sent (again). Refuses to guess: several candidates, or an undated one, end the create with
 * an error naming them (adopt the right one with importId).
 */
async function leftOver<T extends { id: string }>(spec: CreateSpec<T>, window: Window, madeId?: string): Promise<Found<T>> {
  const candidates = (await spec.lookalikes()).filter((o) => !knownHere(spec.kind, o.id));
  // After the list: the service's clock is known by its answer.
  const { since, until } = window();
  const within = (o: T) => {
    const stamp = stampOf(spec, o) ?? -Infinity;
    return stamp >= since && stamp <= until;
  };
  const dated = candidates.filter((o) => o.id === madeId || within(o));
  const undated = candidates.filter((o) => o.id !== madeId && stampOf(spec, o) === undefined);
  const unsure = spec.remove ? undated : [...dated, ...undated];
  if (undated.length > 0 || (!spec.remove && dated.length > 1)) {
    throw new Error(
      `${spec.label}: the create request failed without a usable answer, and ${unsure.length} existing object(s) look like what it ` +
        `would have made (${unsure.map((o) => o.id).join(", ")}), ${undated.length > 0 ? "without a creation time" : "made since it began"}: ` +
        "it cannot be told which one it made. Adopt the right one with importId, or remove the others, and run again.",
    );
  }
  if (!spec.remove) return { made: dated[0], removed: false };
  const doomed = new Set(dated.map((o) => o.id));
  if (madeId && !knownHere(spec.kind, madeId)) doomed.add(madeId);
  for (const id of doomed) await spec.remove(id);
  return { removed: doomed.size > 0 };
}

/**
 * Waits (bounded) while another process of this machine is still creating this very resource: it is never taken for
 * dead. Returns the entry once it has settled or ended, or undefined once it is gone.
 */
async function afterInFlight(journal: JournalEntry, entry: Entry, label: string): Promise<Entry | undefined> {
  const deadline = Date.now() + 3 * (HEARTBEAT_MS + entry.commitWithinMs);
  let current: Entry | undefined = entry;
  while (current && inFlight(current)) {
    if (Date.now() > deadline) {
      throw new Error(
        `${label}: another process on this machine (pid ${current.pid}) has been creating this resource since ` +
          `${new Date(current.startedAt).toISOString()} and has not finished; run again once it has, or once it is stopped.`,
      );
    }
    await pause(POLL_MS);
    current = journal.read();
  }
  return current;
}

/**
 * What an earlier create of this very resource (same stack, same resource) left on this machine without the engine
 * recording it: the object it made (settled: taken back), or one found where only it can have put it (ended: made
 * between its start and its latest possible commit). Undefined when there is nothing, and the POST may be sent.
 */
async function recover<T extends { id: string }>(isc: IscApi, spec: CreateSpec<T>, journal: JournalEntry, body: string): Promise<T | undefined> {
  const found = journal.read();
  const entry = found && inFlight(found) ? await afterInFlight(journal, found, spec.label) : found;
  if (!entry) return undefined;
  if (entry.createdId !== undefined) {
    const taken = madeHere(spec.kind, entry.createdId) ? undefined : await spec.takeBack(entry.createdId);
    if (!taken) {
      journal.clear();
      return undefined;
    }
    claimTakenOver(spec.kind, taken.id);
    return taken;
  }
  // Made for another declaration: its leftover, if any, cannot be told from anyone else's object.
  if (entry.body !== body) return undefined;
  const until = latestCommit(entry);
  const look = () =>
    leftOver(spec, () => ({
      since: Math.max(entry.serviceSince, isc.client.serviceTimeAfter(entry.startedAt)),
      until: isc.client.serviceTimeBefore(until),
    }));
  let left = await look();
  // Nothing yet, but its request may still land: look again once it no longer can, rather than send another.
  if (!left.made && !left.removed && Date.now() < until) {
    await pause(until - Date.now());
    left = await look();
  }
  const earlier = left.made;
  if (!earlier) return undefined;
  claimTakenOver(spec.kind, earlier.id);
  journal.settle(earlier.id, entry);
  return earlier;
}

/**
 * One create that never leaves a duplicate or an unusable orphan:
 * - If this machine's journal says an earlier create of this very resource made an object the engine never recorded
 *   (its answer lost with the process that asked), or never learnt what it made (its process killed), that object is
 *   taken back (or removed, when its secret is lost) first. An earlier create still in flight is waited for.
 * - A POST that fails ambiguously (reset, timeout, 5xx, a 2xx without a usable body) is followed by a fresh look at the
 *   service before anything is sent again; up to three attempts. A look that fails is tried once more, since giving up
 *   without it would orphan what the attempt made.
 * - What a create made stays in the journal until the engine shows it holds it.
 */
export function createOnce<T extends { id: string }>(isc: IscApi, spec: CreateSpec<T>): Promise<T> {
  const body = bodyKey(isc.tenantKey, spec.kind, spec.body);
  return oneAtATime(body, async () => {
    const journal = spec.owner === undefined ? undefined : new JournalEntry(isc.tenantKey, spec.kind, spec.owner);
    const earlier = journal && (await recover(isc, spec, journal, body));
    if (earlier) return earlier;
    const startedAt = Date.now();
    const since = isc.client.serviceTimeAfter(startedAt);
    const ownWindow = () => ({ since: Math.max(since, isc.client.serviceTimeAfter(startedAt)), until: Infinity });
    // A request sent just before the process dies may be committed up to two timeouts later (see IscClient.request).
    journal?.begin({ body, startedAt, serviceSince: since, commitWithinMs: 2 * isc.client.timeoutMs });
    for (let attempt = 1; ; attempt++) {
      try {
        const object = await spec.post();
        claimMade(spec.kind, object.id);
        journal?.settle(object.id);
        return object;
      } catch (error) {
        if (!(error instanceof IscApiError && error.ambiguous)) {
          // Refused: nothing was made, unless an earlier attempt's request still lands.
          if (attempt === 1) journal?.clear();
          else journal?.end();
          throw error;
        }
        const madeId = error instanceof UnusableResponse ? error.madeId : undefined;
        let made: T | undefined;
        try {
          made = (await leftOver(spec, ownWindow, madeId).catch(() => leftOver(spec, ownWindow, madeId))).made;
        } catch (lookFailed) {
          journal?.end();
          throw lookFailed;
        }
        if (made) {
          claimMade(spec.kind, made.id);
          journal?.settle(made.id);
          return made;
        }
        // The entry stays: a commit that lands after this gives up is found by the next run.
        if (attempt >= ATTEMPTS) {
          journal?.end();
          throw error;
        }
      }
    }
  });
}

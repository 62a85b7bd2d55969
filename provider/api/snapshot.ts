import { IscApiError } from "../http/errors";
import { PagingError } from "./paging";
import { UnusableResponse } from "./responses";

/**
 * A short-lived copy of a whole collection, taken through its list endpoint, so that a refresh of N objects costs
 * ceil(N / page size) requests instead of N. The first lookup takes it (concurrent lookups share that one request),
 * lookups within SNAPSHOT_TTL_MS of the list's arrival are answered from it, and every write through this process
 * forgets the object it touched. An id the snapshot does not list is left to the caller to GET, so a 404 still
 * decides that it is gone.
 */
export const SNAPSHOT_TTL_MS = 10_000;

/**
 * The list answered, but not with a usable list (a bad body, pages that never end, a server error after the
 * retries): reading the objects one by one may still work. A failure a GET would share (no token, no access, the
 * network) is the read's failure.
 */
function listUnusable(error: unknown): boolean {
  if (error instanceof PagingError || error instanceof UnusableResponse) return true;
  return error instanceof IscApiError && error.status !== undefined && error.status >= 500;
}

export class ListSnapshot<T extends { id: string }> {
  private taken?: { at: number; byId: Map<string, T> };
  private inflight?: Promise<Map<string, T>>;
  private failedAt?: number;
  /** Objects written (id → when) since the snapshot was asked for: their copy in it may be stale. */
  private readonly stale = new Map<string, number>();

  constructor(
    private readonly fetchAll: () => Promise<T[]>,
    private readonly ttlMs = SNAPSHOT_TTL_MS,
  ) {}

  /**
   * The object as listed, or undefined when the snapshot does not have a current copy of it. A list that fails (after
   * its retries) leaves every lookup to the caller's GET for the rest of the snapshot's lifetime.
   */
  async lookup(id: string): Promise<T | undefined> {
    if (this.stale.has(id)) return undefined;
    if (this.failedAt !== undefined && Date.now() - this.failedAt < this.ttlMs) return undefined;
    try {
      const byId = await this.current();
      return this.stale.has(id) ? undefined : byId.get(id);
    } catch (error) {
      if (!listUnusable(error)) throw error;
      this.failedAt = Date.now();
      return undefined;
    }
  }

  /** Every listed object; `fresh` takes a new snapshot first. */
  async all(fresh = false): Promise<T[]> {
    if (fresh) this.forgetAll();
    const byId = await this.current();
    return [...byId.values()].filter((o) => !this.stale.has(o.id));
  }

  /** A write touched this object: its listed copy must not be used. */
  forget(id: string): void {
    this.stale.set(id, Date.now());
  }

  forgetAll(): void {
    this.taken = undefined;
    this.failedAt = undefined;
    this.stale.clear();
  }

  private async current(): Promise<Map<string, T>> {
    if (this.taken && Date.now() - this.taken.at < this.ttlMs) return this.taken.byId;
    const askedAt = Date.now();
    this.inflight ??= this.fetchAll()
      .then((items) => {
        const byId = new Map(items.map((o) => [o.id, o]));
        // Its age counts from its arrival: a list slower than the lifetime must still serve the reads waiting for it.
        this.taken = { at: Date.now(), byId };
        // A write that started before the list was asked for is in it; one made while it was in flight may not be.
        for (const [id, at] of this.stale) if (at < askedAt) this.stale.delete(id);
        return byId;
      })
      .finally(() => (this.inflight = undefined));
    return this.inflight;
  }
}

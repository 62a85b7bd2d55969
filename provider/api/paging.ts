import type { Page } from "./types";

/** ISC's largest page (the `limit` maximum of its collection endpoints). */
export const PAGE_SIZE = 250;
/** Hard cap on the objects one listing may collect, whatever the service says. */
export const MAX_OBJECTS = 100_000;

export interface PagingOptions {
  /** For messages: the request, e.g. "GET /v2025/managed-clusters". */
  what: string;
  pageSize?: number;
  maxObjects?: number;
}

/** Paging stopped because the service's answers cannot be the pages of one finite list. */
export class PagingError extends Error {
  override readonly name = "PagingError";
}

/**
 * Pages through a collection with `offset`/`limit`/`count=true` until a short page or X-Total-Count objects, and
 * stops with a PagingError instead of going on for ever: when a page repeats the previous one (a service that ignores
 * `offset`), when the service sends more objects than its own total, or at MAX_OBJECTS objects.
 */
export async function pageAll<T extends { id?: unknown }>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  options: PagingOptions,
): Promise<T[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const cap = options.maxObjects ?? MAX_OBJECTS;
  const all: T[] = [];
  let previous: string | undefined;
  for (;;) {
    const offset = all.length;
    const page = await fetchPage(offset, pageSize);
    const stop = (why: string) => new PagingError(`ISC ${options.what}: paging stopped at offset ${offset}: ${why}`);
    const ids = JSON.stringify(page.items.map((item) => item.id));
    if (page.items.length > 0 && ids === previous) {
      throw stop("the page repeats the previous one (the service seems to ignore offset)");
    }
    previous = ids;
    all.push(...page.items);
    const total = validTotal(page.total);
    if (total !== undefined && all.length > total) {
      throw stop(`the service sent ${all.length} objects but reports a total (X-Total-Count) of ${total}`);
    }
    if (all.length > cap) throw stop(`more than ${cap} objects, the most one listing collects`);
    if (page.items.length < pageSize || all.length === total) return all;
  }
}

function validTotal(total: number | undefined): number | undefined {
  return total !== undefined && Number.isSafeInteger(total) && total >= 0 ? total : undefined;
}

/**
 * ISC is eventually consistent: a GET right after a write, or on a busy tenant, can answer 404 for an object that
 * exists. A refresh that takes one stray 404 for "gone" drops a live object from the state, and the next `up` creates
 * a duplicate. So "gone" is only believed when a second read, after a short pause, says so too.
 */
export const GONE_CONFIRM_MS = 1_500;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `first()`, or when it finds nothing, `again()` after GONE_CONFIRM_MS: undefined only when both found nothing. */
export async function unlessGone<T>(first: () => Promise<T | undefined>, again: () => Promise<T | undefined> = first): Promise<T | undefined> {
  const found = await first();
  if (found !== undefined) return found;
  await pause(GONE_CONFIRM_MS);
  return again();
}

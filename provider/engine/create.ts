import { IscApiError } from "../http/errors";

const ATTEMPTS = 3;

/**
 * One POST that never leaves a duplicate. When it fails ambiguously (reset, timeout, 5xx: the object may or may not
 * exist), `reconcile` looks at the service: it returns the object the failed attempt made, or undefined (having
 * removed anything the attempt left that cannot be used) to let the POST be sent again.
 */
export async function createWithoutDuplicates<T>(
  post: () => Promise<T>,
  reconcile: (startedAt: number) => Promise<T | undefined>,
): Promise<T> {
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await post();
    } catch (error) {
      if (!(error instanceof IscApiError && error.ambiguous)) throw error;
      // After the last attempt too: giving up without looking would orphan what that attempt may have made. The look
      // is what prevents a duplicate, so one that fails (after its own retries) gets a second chance.
      const made = await reconcile(startedAt).catch(() => reconcile(startedAt));
      if (made) return made;
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}

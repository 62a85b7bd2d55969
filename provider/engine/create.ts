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
      if (!(error instanceof IscApiError && error.ambiguous) || attempt >= ATTEMPTS) throw error;
      const made = await reconcile(startedAt);
      if (made) return made;
    }
  }
}

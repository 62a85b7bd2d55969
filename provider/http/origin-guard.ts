import { IscApiError } from "./errors";
import { sameOrigin } from "./origin";

/**
 * A got beforeRequest hook that refuses any request whose URL is not on the configured origin, before it is sent.
 * Redirects are not followed, so no such request should ever arise: this is the second line of defence, run again
 * by the auth hook right before it attaches a token.
 */
export function originGuard(configured: string): (options: { url?: string | URL; method: string }) => void {
  return (options) => {
    const url = options.url ?? "";
    if (!sameOrigin(url, configured)) {
      throw IscApiError.foreignOrigin(options.method, url instanceof URL ? url.pathname : "?", url, configured);
    }
  };
}

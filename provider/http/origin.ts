/**
 * The origin rule: credentials (the client secret in the token request's form body, bearer tokens in Authorization
 * headers) only ever go to the origin of the configured base URL, the exact triple of scheme, host and port. An
 * https base URL and the same host over plain http are different origins.
 */

/** `scheme://host[:port]` of a URL (default ports left out, as URL.origin does), or undefined when it is not a URL. */
export function originOf(url: string | URL, base?: string | URL): string | undefined {
  try {
    const parsed = new URL(url, base);
    // URL.origin is the string "null" for schemes without an origin (file:, data:, ...).
    return parsed.origin === "null" ? `${parsed.protocol}` : parsed.origin;
  } catch {
    return undefined;
  }
}

/** Whether `url` has exactly the origin of `configured` (scheme, host and port). */
export function sameOrigin(url: string | URL, configured: string | URL): boolean {
  const a = originOf(url);
  return a !== undefined && a === originOf(configured);
}

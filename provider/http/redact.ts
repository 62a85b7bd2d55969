/**
 * Process-wide registry of sensitive strings (the API client secret, bearer tokens, OAuth client secrets).
 * Every error message built by this package passes through `redact`, so a value the service echoes back,
 * or a stack trace, can never carry one of them out.
 */
const sensitive = new Set<string>();

export function registerSensitive(value: string | undefined | null): void {
  if (value && value.length >= 8) sensitive.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const value of sensitive) {
    if (out.includes(value)) out = out.split(value).join("[redacted]");
  }
  return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, "$1[redacted]");
}

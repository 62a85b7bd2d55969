/**
 * Process-wide registry of sensitive strings (the API client secret, bearer tokens, OAuth client secrets).
 * Every error message built by this package passes through `redact`, so a value the service echoes back,
 * or a stack trace, can never carry one of them out.
 *
 * A server may echo a value in the encoding it received it in, or re-encode it, so each value is registered with
 * its spellings: raw; as sent in a form body or query (URLSearchParams: space as `+`, `+ / = & %` and the rest
 * percent-encoded); percent-encoded as encodeURIComponent does it, in upper and lower case hex; and JSON-escaped
 * (JSON.stringify without the quotes, also with `/` escaped as `\/`, as some JSON writers do).
 */
const sensitive = new Set<string>();
/** The registered spellings, longest first, so a longer spelling is replaced before a shorter one inside it. */
let ordered: string[] = [];

const MIN_LENGTH = 8;

export function spellings(value: string): string[] {
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const percent = encodeURIComponent(value);
  const json = JSON.stringify(value).slice(1, -1);
  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  return [...new Set([value, form, lowerHex(form), percent, lowerHex(percent), json, json.replace(/\//g, "\\/")])];
}

export function registerSensitive(value: string | undefined | null): void {
  if (!value || value.length < MIN_LENGTH || sensitive.has(value)) return;
  sensitive.add(value);
  ordered = [...new Set([...ordered, ...spellings(value)])].sort((a, b) => b.length - a.length);
}

export function redact(text: string): string {
  let out = text;
  for (const value of ordered) {
    if (out.includes(value)) out = out.split(value).join("[redacted]");
  }
  return out.replace(/(bearer\s+)[A-Za-z0-9._~+/=%\\-]{8,}/gi, "$1[redacted]");
}

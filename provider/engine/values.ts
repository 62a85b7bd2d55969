import type { ValueType } from "./schema";

/** The placeholder the engine sends during preview for values that are not known yet (pulumi/pulumi#6310). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators (line breaks in JS and JSON). */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** RFC 3339 `date-time`, the API's `format: date-time`: seconds are required, a fraction is optional. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  // JSON has no NaN or Infinity (JSON.stringify gives "null"): name them as they are.
  if (typeof value === "number" && !Number.isFinite(value)) return `number ${String(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

export interface Problem {
  property: string;
  reason: string;
}

/** Validates one value against its type; unknown placeholders are accepted anywhere. */
export function validateValue(type: ValueType, value: unknown, property: string): Problem[] {
  if (value === UNKNOWN) return [];
  const fail = (reason: string): Problem[] => [{ property, reason }];
  switch (type.kind) {
    case "string": {
      if (typeof value !== "string") return fail(`must be a string, got ${describe(value)}`);
      if (type.nonEmpty && value.trim() === "") return fail("must not be empty");
      if (type.maxLength !== undefined && value.length > type.maxLength) {
        return fail(`must be at most ${type.maxLength} characters, got ${value.length}`);
      }
      if (type.noControlChars) {
        const found = CONTROL_CHARS.exec(value);
        if (found) {
          const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
          return fail(`must not contain control characters or line breaks; found U+${code} at position ${found.index}`);
        }
      }
      if (type.format === "id" && (value.trim() === "." || value.trim() === "..")) return fail(`must be an object id, got ${JSON.stringify(value)}`);
      if (type.format === "url" && !isHttpUrl(value)) return fail(`must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
      if (type.format === "date-time" && !isDateTime(value)) {
        return fail(`must be an ISO 8601 date-time with seconds and an offset, such as 2030-01-31T12:00:00Z, got ${JSON.stringify(value)}`);
      }
      return [];
    }
    case "boolean":
      return typeof value === "boolean" ? [] : fail(`must be true or false, got ${describe(value)}`);
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) return fail(`must be a whole number, got ${describe(value)}`);
      if (type.min !== undefined && value < type.min) return fail(`must be at least ${type.min}, got ${value}`);
      if (type.max !== undefined && value > type.max) return fail(`must be at most ${type.max}, got ${value}`);
      return [];
    }
    case "enum":
      return typeof value === "string" && type.values.includes(value)
        ? []
        : fail(`must be one of ${type.values.join(", ")}; got ${describe(value)}`);
    case "map": {
      if (!isPlainObject(value)) return fail(`must be a map of names to values, got ${describe(value)}`);
      const problems: Problem[] = [];
      for (const [key, item] of Object.entries(value)) {
        if (key.trim() === "") problems.push({ property, reason: "keys must not be empty" });
        else if (type.maxKeyLength !== undefined && key.length > type.maxKeyLength) {
          problems.push({ property, reason: `key "${key.slice(0, 40)}…" is longer than ${type.maxKeyLength} characters` });
        } else problems.push(...validateValue(type.values, item, `${property}.${key}`));
      }
      return problems;
    }
    case "set": {
      if (!Array.isArray(value)) return fail(`must be a list, got ${describe(value)}`);
      if (type.nonEmpty && value.length === 0) return fail("must contain at least one value");
      return value.flatMap((item, i) => validateValue(type.items, item, `${property}[${i}]`));
    }
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Whether `value` is an RFC 3339 date-time naming a real instant. Date.parse alone rolls over impossible fields
 * (2030-02-30 becomes March 2, 24:00 the next day) which the service rejects, so each field is range-checked.
 */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/** Canonical form for comparison: sets sorted and de-duplicated, null treated as absent. */
export function canonical(type: ValueType, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (type.kind === "set" && Array.isArray(value)) {
    return [...new Set(value.map((v) => JSON.stringify(canonical(type.items, v))))].sort();
  }
  if (type.kind === "map" && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = canonical(type.values, value[key]);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  return value;
}

export function sameValue(type: ValueType, a: unknown, b: unknown): boolean {
  if (containsUnknown(a) || containsUnknown(b)) return false;
  return JSON.stringify(canonical(type, a)) === JSON.stringify(canonical(type, b));
}

/** Deep copy that drops `undefined` (the host's Struct conversion rejects it) and turns Dates into strings. */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

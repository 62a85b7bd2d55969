/** TypeScript source for plain JSON values: one property per line, short arrays on one line, keys quoted only when needed. */
import { stringLiteral } from "../safe-text";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const LINE = 100;

/**
 * A property name in an object literal. `__proto__` (plain or quoted) would set the literal's prototype instead of
 * making a property, so it is a computed name; every string is a literal that escapes what could end the line or
 * reorder the text (cli/safe-text.ts).
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

export function literal(value: unknown, indent = ""): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "undefined";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => literal(v, inner));
    const oneLine = `[${items.join(", ")}]`;
    if (oneLine.length + indent.length <= LINE && !oneLine.includes("\n")) return oneLine;
    return `[\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${literal(v, inner)},`).join("\n")}\n${indent}}`;
}

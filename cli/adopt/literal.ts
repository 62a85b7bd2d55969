/** TypeScript source for plain JSON values: one property per line, short arrays on one line, keys quoted only when needed. */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const LINE = 100;

export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** A string literal; JSON's escapes are valid TypeScript, and U+2028/U+2029 are escaped too for older tools. */
function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
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

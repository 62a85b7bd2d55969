/** Builds ISC `filters` expressions (standard-collection-parameters), escaping string literals. */

export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function eq(field: string, value: string | boolean): string {
  return `${field} eq ${typeof value === "boolean" ? String(value) : quote(value)}`;
}

export function and(...terms: Array<string | undefined>): string | undefined {
  const present = terms.filter((t): t is string => Boolean(t));
  return present.length > 0 ? present.join(" and ") : undefined;
}

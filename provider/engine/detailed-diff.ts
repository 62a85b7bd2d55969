import { diffInputs, effective } from "./diff";
import type { ResourceSchema } from "./schema";
import { isPlainObject, sameValue } from "./values";

export interface PropertyChange {
  /** A property path as the engine reads it: the field, or one key of a map field (`configuration["gmtOffset"]`). */
  path: string;
  kind: "add" | "delete" | "update";
  /** The change replaces the resource. */
  replaces: boolean;
}

/**
 * A map key as a property path element. The engine's path syntax escapes only `"` inside `["..."]`, so a key with a
 * backslash cannot be written unambiguously: the change is then reported on the whole map.
 */
function keyPath(field: string, key: string): string | undefined {
  return key.includes("\\") ? undefined : `${field}["${key.replace(/"/g, '\\"')}"]`;
}

function kindOf(before: unknown, after: unknown): PropertyChange["kind"] {
  if (before === undefined || before === null) return "add";
  return after === undefined || after === null ? "delete" : "update";
}

/**
 * The diff of `diffInputs` property by property, for the engine's detailed diff: each changed field, and each
 * changed key of a map field as its own path (a whole map that is not known yet is one change). Pure: no request.
 */
export function detailedChanges(schema: ResourceSchema, olds: Record<string, unknown>, news: Record<string, unknown>): PropertyChange[] {
  const { changed, replaces } = diffInputs(schema, olds, news);
  const changes: PropertyChange[] = [];
  for (const name of changed) {
    const field = schema.fields.find((f) => f.name === name)!;
    const replacing = replaces.includes(name);
    const before = effective(field, olds[name]);
    const after = effective(field, news[name]);
    const type = field.type;
    if (type.kind === "map" && (before === undefined || isPlainObject(before)) && (after === undefined || isPlainObject(after))) {
      const was = before ?? {};
      const now = after ?? {};
      const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort();
      const perKey = keys
        .filter((key) => !sameValue(type.values, was[key], now[key]))
        .map((key) => ({ path: keyPath(name, key), kind: kindOf(was[key], now[key]), replaces: replacing }));
      if (perKey.length > 0 && perKey.every((c) => c.path !== undefined)) {
        changes.push(...(perKey as PropertyChange[]));
        continue;
      }
    }
    changes.push({ path: name, kind: kindOf(before, after), replaces: replacing });
  }
  return changes;
}

import { compare, escapePathComponent } from "fast-json-patch";
import type { JsonPatchOperation } from "../api/types";
import { effective } from "./diff";
import { declaredOf } from "./outputs";
import type { ResourceSchema } from "./schema";
import { sameValue } from "./values";

/**
 * The minimal RFC 6902 document that takes the owned patchable fields from `from` to `to`, computed with
 * fast-json-patch's compare. Maps are patched per key (keys the service added are never touched); sets are sent
 * whole when they differ as sets, never index by index.
 */
export function patchOperations(
  schema: ResourceSchema,
  from: Record<string, unknown>,
  to: Record<string, unknown>,
): JsonPatchOperation[] {
  const source: Record<string, unknown> = {};
  const target: Record<string, unknown> = {};
  const whole: JsonPatchOperation[] = [];
  const declared = declaredOf(from);
  for (const field of schema.fields) {
    if (field.update !== "patch") continue;
    const before = effective(field, declared[field.name]);
    const after = effective(field, to[field.name]);
    if (sameValue(field.type, before, after)) continue;
    if (field.type.kind === "map") {
      source[field.name] = before ?? {};
      target[field.name] = after ?? {};
    } else if (field.type.kind === "set") {
      const path = `/${escapePathComponent(field.name)}`;
      whole.push(after === undefined ? { op: "remove", path } : { op: before === undefined ? "add" : "replace", path, value: after });
    } else {
      if (before !== undefined) source[field.name] = before;
      if (after !== undefined) target[field.name] = after;
    }
  }
  const ops = compare(source, target) as JsonPatchOperation[];
  // A map key is written with "add", which RFC 6902 defines as create-or-replace: it works whether or not the key
  // still exists on the service, so a key deleted out of band does not make the patch fail.
  const mapFields = new Set(schema.fields.filter((f) => f.type.kind === "map").map((f) => `/${f.name}/`));
  const perKey = ops.map((op) =>
    op.op === "replace" && [...mapFields].some((prefix) => op.path.startsWith(prefix)) ? { ...op, op: "add" as const } : op,
  );
  return [...perKey, ...whole];
}

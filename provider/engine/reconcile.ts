import type { JsonPatchOperation } from "../api/types";
import { IscApiError } from "../http/errors";
import { declaredOf, ownedInputs } from "./outputs";
import { patchOperations } from "./patch";
import type { ResourceSchema } from "./schema";
import { isPlainObject } from "./values";

export interface PatchTarget<T> {
  find(id: string): Promise<T | undefined>;
  patch(id: string, operations: JsonPatchOperation[]): Promise<T>;
}

/** Every field either side declares; maps merge their keys, so removed keys are looked at too. */
function declaredUnion(schema: ResourceSchema, a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const union: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const x = a[field.name];
    const y = b[field.name];
    union[field.name] = isPlainObject(x) && isPlainObject(y) ? { ...x, ...y } : (y ?? x);
  }
  return union;
}

/**
 * Sends exactly one PATCH with the minimal operations from the previous outputs to the new inputs, or nothing when
 * there are none (returns undefined). If the PATCH fails ambiguously (reset, timeout, 5xx), the live object is read
 * back and only what is still missing is patched again, so a retried update converges instead of failing on a
 * `remove` that was already applied. The same happens once for a 400 that stale previous outputs may explain (a later
 * run of an update whose PATCH was applied unseen).
 */
export async function patchToInputs<T extends object>(
  schema: ResourceSchema,
  target: PatchTarget<T>,
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<T | undefined> {
  const operations = patchOperations(schema, olds, news);
  if (operations.length === 0) return undefined;
  try {
    return await target.patch(id, operations);
  } catch (error) {
    if (!(error instanceof IscApiError && (error.ambiguous || stale(error, operations)))) throw error;
    const live = await target.find(id);
    if (!live) throw error;
    const current = ownedInputs(schema, live as Record<string, unknown>, declaredUnion(schema, declaredOf(olds), news));
    const remaining = patchOperations(schema, current, news);
    // Refused, and the live object calls for the very same operations: the refusal stands.
    if (!error.ambiguous && JSON.stringify(remaining) === JSON.stringify(operations)) throw error;
    return remaining.length === 0 ? live : target.patch(id, remaining);
  }
}

/**
 * A 400 for a document with `remove` operations may only mean the previous outputs are stale: an earlier update was
 * applied but its answer lost, so the key is already gone (RFC 6902 has no remove-if-present). Worth one read-back.
 */
function stale(error: IscApiError, operations: JsonPatchOperation[]): boolean {
  return error.status === 400 && operations.some((op) => op.op === "remove");
}

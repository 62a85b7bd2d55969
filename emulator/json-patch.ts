/**
 * RFC 6902 JSON Patch as the PATCH endpoints apply it: fast-json-patch with operation validation, restricted to the
 * fields the endpoint lets clients change. An operation on any other field is a 400 naming the field.
 */
import { applyPatch, JsonPatchError, type Operation as PatchOperation } from "fast-json-patch";
import { badRequest } from "./errors";

/** Top-level field a JSON pointer starts with (`/configuration/a~1b` → `configuration`). */
export function topField(pointer: string): string {
  return (pointer.split("/")[1] ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Applies `ops` to a copy of `doc`. `patchable(field, pointer)` decides which top-level fields may be written
 * (`test` operations may read any field). `ignored` fields are accepted and dropped (the OAuth `tenant` oddity).
 */
export function applyRestrictedPatch<T extends object>(
  doc: T,
  ops: PatchOperation[],
  patchable: (field: string, pointer: string) => boolean,
  ignored: string[] = [],
): T {
  const kept: PatchOperation[] = [];
  for (const op of ops) {
    const pointers = [op.path, ...("from" in op && op.op !== "copy" ? [op.from] : [])];
    if (op.op === "test") {
      kept.push(op);
      continue;
    }
    if (pointers.every((p) => ignored.includes(topField(p)))) continue;
    for (const p of pointers) {
      const field = topField(p);
      if (p === "" || p === "/") throw badRequest("Replacing the whole object is not supported; patch individual fields.");
      if (!patchable(field, p)) throw badRequest(`Field '${field}' cannot be modified.`, [`${op.op} ${op.path}`]);
    }
    kept.push(op);
  }
  try {
    return applyPatch(doc, kept, true, false).newDocument;
  } catch (e) {
    if (e instanceof JsonPatchError) throw badRequest(`Invalid JSON patch: ${patchErrorText(e)}`);
    throw e;
  }
}

function patchErrorText(e: InstanceType<typeof JsonPatchError>): string {
  const op = e.operation as Partial<PatchOperation> | undefined;
  const where = op ? ` (${op.op} ${op.path})` : "";
  switch (e.name) {
    case "OPERATION_PATH_UNRESOLVABLE":
      return `path does not exist${where}`;
    case "OPERATION_FROM_UNRESOLVABLE":
      return `'from' path does not exist${where}`;
    case "TEST_OPERATION_FAILED":
      return `test operation failed${where}`;
    case "OPERATION_VALUE_REQUIRED":
      return `operation needs a value${where}`;
    default:
      return `${e.message.split("\n")[0]}${where}`;
  }
}

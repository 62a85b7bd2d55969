import { declaredOf } from "./outputs";
import type { Field, ResourceSchema } from "./schema";
import { sameValue } from "./values";

export interface DiffOutcome {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** The input fields that differ (not sent to the engine, which has no detailed diff for dynamic providers). */
  changed: string[];
}

/** The value a field has for comparison: declared, or what the service holds when it is omitted. */
export function effective(field: Field, value: unknown): unknown {
  return value === undefined || value === null ? field.omittedMeans : value;
}

/**
 * Generic diff of the program's inputs against the previous outputs, which echo the owned inputs as last seen on the
 * service. Only owned fields are compared; `__provider`, service-only outputs and the service's values of fields the
 * program left out (OMITTED) never are. Pure: no request.
 */
export function diffInputs(
  schema: ResourceSchema,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): DiffOutcome {
  const changed: string[] = [];
  const replaces: string[] = [];
  const declared = declaredOf(olds);
  for (const field of schema.fields) {
    if (field.createOnly) continue;
    if (sameValue(field.type, effective(field, declared[field.name]), effective(field, news[field.name]))) continue;
    changed.push(field.name);
    if (field.update === "replace") replaces.push(field.name);
  }
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && schema.deleteBeforeReplace === true, changed };
}

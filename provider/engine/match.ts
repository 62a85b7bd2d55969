import { diffInputs } from "./diff";
import { ownedInputs } from "./outputs";
import type { ResourceSchema } from "./schema";

/**
 * The inputs a live object has, for comparison with declared ones: the declared fields as the service holds them,
 * plus every replace-only field the service reports (an omitted one compares as the field's `omittedMeans`).
 */
export function liveInputs(schema: ResourceSchema, live: Record<string, unknown>, inputs: Record<string, unknown>): Record<string, unknown> {
  const current = ownedInputs(schema, live, inputs);
  for (const field of schema.fields) {
    const value = live[field.name];
    if (field.update === "replace" && value !== undefined && value !== null) current[field.name] = value;
  }
  return current;
}

/** The replace-only fields in which a live object differs from the declared inputs (what adoption cannot fix). */
export function replaceOnlyDifferences(schema: ResourceSchema, live: Record<string, unknown>, inputs: Record<string, unknown>): string[] {
  return diffInputs(schema, liveInputs(schema, live, inputs), inputs).replaces;
}

/** Whether a live object equals the declared inputs in every declared field: what a create of them would have made. */
export function sameAsDeclared(schema: ResourceSchema, live: Record<string, unknown>, inputs: Record<string, unknown>): boolean {
  return !diffInputs(schema, liveInputs(schema, live, inputs), inputs).changes;
}

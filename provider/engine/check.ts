import type { ResourceSchema } from "./schema";
import { UNKNOWN, isPlainObject, plain, validateValue, type Problem } from "./values";

export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: Problem[];
}

/** Whether `olds` are the inputs of a resource that already exists (check receives `{}` on create). */
export function exists(olds: Record<string, unknown>): boolean {
  return Object.keys(olds).some((k) => !k.startsWith("__"));
}

/**
 * Generic check from the field table: unknown properties, required fields, types, enums, ranges, defaults and
 * create-only fields. Pure: sends no request. The engine's preview placeholder is accepted for any value.
 */
export function checkInputs(
  schema: ResourceSchema,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): CheckOutcome {
  const failures: Problem[] = [];
  const inputs: Record<string, unknown> = {};
  const known = new Set(schema.fields.map((f) => f.name));
  for (const key of Object.keys(news)) {
    if (key.startsWith("__")) inputs[key] = news[key];
    else if (!known.has(key)) {
      failures.push({
        property: key,
        reason: `is not a ${schema.type} property; expected one of ${[...known].join(", ")}`,
      });
    }
  }
  for (const field of schema.fields) {
    const value = news[field.name];
    if (value === undefined || value === null) {
      if (field.default !== undefined) inputs[field.name] = plain(field.default);
      else if (field.required) failures.push({ property: field.name, reason: `is required for ${schema.type}` });
      continue;
    }
    failures.push(...validateValue(field.type, value, field.name));
    if (field.createOnly && exists(olds) && value !== UNKNOWN && value !== olds[field.name]) {
      failures.push({
        property: field.name,
        reason: "can only be set when the resource is created; remove it, or replace the resource to adopt another object",
      });
    }
    inputs[field.name] = isPlainObject(value) || Array.isArray(value) ? plain(value) : value;
  }
  return { inputs, failures };
}

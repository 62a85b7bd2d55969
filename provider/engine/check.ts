import type { ResourceSchema } from "./schema";
import { SECRET_INPUTS, secretIdProblems, secretPathsIn } from "./secrets";
import { UNKNOWN, isPlainObject, plain, validateValue, type Problem } from "./values";

export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: Problem[];
}

/**
 * The only key the engine's side adds to a resource's inputs: the dynamic-provider host's serialized provider. Besides
 * it and the resource classes' `__lostKeys` and `__secretInputs` (./secrets), any key, `__`-prefixed or not, is not a
 * property of the resource and is refused.
 */
export const ENGINE_KEYS: ReadonlySet<string> = new Set(["__provider"]);

/**
 * Set by the resource classes (program side) to the properties whose value has a key Pulumi's serialization of
 * inputs cannot carry (`__proto__`, which JSON.parse makes an ordinary key but which the copy drops): the key never
 * reaches the provider, so the class names the property here and check refuses it, naming the property.
 */
export const LOST_KEYS = "__lostKeys";
export const LOST_KEY = "__proto__";

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
    if (ENGINE_KEYS.has(key)) inputs[key] = news[key];
    else if (key === LOST_KEYS) failures.push(...lostKeyFailures(schema, news[key]));
    else if (key === SECRET_INPUTS) failures.push(...secretInputFailures(schema, news[key], inputs));
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

/**
 * The secret input paths are kept in the inputs (the create, update and read that follow apply them). An input that
 * becomes the resource's id (`importId`, which only a created resource may set) must not be secret: Pulumi never
 * encrypts an id.
 */
function secretInputFailures(schema: ResourceSchema, value: unknown, inputs: Record<string, unknown>): Problem[] {
  const paths = secretPathsIn(schema, value);
  if (!paths) return [{ property: SECRET_INPUTS, reason: `is not a ${schema.type} property` }];
  if (paths.length > 0) inputs[SECRET_INPUTS] = paths;
  return secretIdProblems(paths, schema.fields.filter((f) => f.createOnly).map((f) => f.name));
}

function lostKeyFailures(schema: ResourceSchema, value: unknown): Problem[] {
  // None found: a map given as a secret Output once made this a secret null.
  if (value === UNKNOWN || value === null) return [];
  if (!Array.isArray(value) || !value.every((p) => typeof p === "string")) {
    return [{ property: LOST_KEYS, reason: `is not a ${schema.type} property` }];
  }
  return value.map((property: string) => ({
    property,
    reason:
      property === LOST_KEY
        ? `is not a ${schema.type} property (and Pulumi's serialization would drop it)`
        : `has a key "${LOST_KEY}", which Pulumi's serialization of inputs drops without a word (a copy treats it as ` +
          "the prototype, not a key), so it would never reach ISC; rename or remove the key",
  }));
}

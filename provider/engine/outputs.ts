import { outputNames, type ResourceSchema } from "./schema";
import { isPlainObject, plain } from "./values";

/**
 * Builds a resource's outputs from the live object and the owned inputs:
 * - every input the program declared, echoed under its own name with the value the service holds now (maps: only the
 *   declared keys), so that diff sees out-of-band changes; provider-side (local) inputs are echoed as given;
 * - every service field under a name no input uses (configuration → liveConfiguration), so a later missing input
 *   can never erase it; `id` is the resource's own id and is not repeated.
 * No `undefined` anywhere.
 */
export function buildOutputs(
  schema: ResourceSchema,
  live: Record<string, unknown>,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  const inputNames = new Set(schema.fields.map((f) => f.name));
  for (const [key, value] of Object.entries(live)) {
    const renamed = schema.liveNames?.[key];
    if (renamed) outputs[renamed] = value;
    else if (!inputNames.has(key) && key !== "id" && value !== undefined) outputs[key] = value;
  }
  Object.assign(outputs, ownedInputs(schema, live, inputs));
  return plain(outputs);
}

/** The declared inputs as the service holds them now: what `read` reports as the resource's inputs. */
export function ownedInputs(
  schema: ResourceSchema,
  live: Record<string, unknown>,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const owned: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const declared = inputs[field.name];
    if (declared === undefined || declared === null) continue;
    if (field.update === "local" || field.createOnly) {
      owned[field.name] = declared;
      continue;
    }
    const current = live[field.name];
    if (field.type.kind === "map" && isPlainObject(declared)) {
      const liveMap = isPlainObject(current) ? current : {};
      const kept: Record<string, unknown> = {};
      for (const key of Object.keys(declared)) if (liveMap[key] !== undefined && liveMap[key] !== null) kept[key] = liveMap[key];
      owned[field.name] = kept;
    } else if (current !== undefined && current !== null) {
      owned[field.name] = current;
    }
  }
  return plain(owned);
}

/** Just the input fields of an output bag (the previous outputs echo them). */
export function inputsOf(schema: ResourceSchema, outputs: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const field of schema.fields) if (outputs[field.name] !== undefined) inputs[field.name] = outputs[field.name];
  return inputs;
}

/** The service fields of a previous output bag, for updates that send no request. */
export function serviceFieldsOf(schema: ResourceSchema, outputs: Record<string, unknown>): Record<string, unknown> {
  const inputNames = new Set(schema.fields.map((f) => f.name));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(outputs)) if (!inputNames.has(key) && !key.startsWith("__")) out[key] = value;
  return out;
}

/**
 * Every output that is not an input, null where there is no value: an output missing from the state is unknown in
 * every later preview (a stack output built on it shows as `[unknown]`), and a refresh would change the shape. Inputs
 * are echoed only when the program declares them.
 */
export function withEveryOutput(schema: ResourceSchema, outputs: Record<string, unknown>): Record<string, unknown> {
  const out = { ...outputs };
  for (const name of serviceOutputNames(schema)) if (out[name] === undefined) out[name] = null;
  return out;
}

const serviceNames = new WeakMap<ResourceSchema, string[]>();

/** The output names that are not input names, once per schema. */
function serviceOutputNames(schema: ResourceSchema): string[] {
  let names = serviceNames.get(schema);
  if (!names) {
    const inputNames = new Set(schema.fields.map((f) => f.name));
    names = outputNames(schema).filter((name) => !inputNames.has(name));
    serviceNames.set(schema, names);
  }
  return names;
}

import { outputNames, type ResourceSchema } from "./schema";
import { isPlainObject, plain } from "./values";

type Bag = Record<string, unknown>;

/**
 * The hidden output naming the input fields the program left out whose outputs carry the service's value (a
 * ManagedClient's `VA-<clientId>` name, an OAuth client's default scope). Such an output is what the service holds,
 * not what the program declared: diff, patch and the next read treat the field as omitted (no drift, nothing sent).
 */
export const OMITTED = "__omitted";

/** A bag of previous outputs as the inputs the program declared: without the fields it left out (see OMITTED). */
export function declaredOf(bag: Bag): Bag {
  const omitted = bag[OMITTED];
  if (!Array.isArray(omitted)) return bag;
  const declared = { ...bag };
  for (const name of [OMITTED, ...omitted]) if (typeof name === "string") delete declared[name];
  return declared;
}

/**
 * Builds a resource's outputs from the live object and the owned inputs:
 * - every input the program declared, echoed under its own name with the value the service holds now (maps: only the
 *   declared keys), so that diff sees out-of-band changes; provider-side (local) inputs are echoed as given;
 * - every input the program left out, with the service's value, named in OMITTED;
 * - every service field under a name no input uses (configuration → liveConfiguration), so a later missing input
 *   can never erase it; `id` is the resource's own id and is not repeated.
 * `owned` is the declared inputs as the service holds them (a resource with its own notion passes it).
 * No `undefined` anywhere.
 */
export function buildOutputs(
  schema: ResourceSchema,
  live: Record<string, unknown>,
  inputs: Record<string, unknown>,
  owned: Bag = ownedInputs(schema, live, inputs),
): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  const inputNames = new Set(schema.fields.map((f) => f.name));
  for (const [key, value] of Object.entries(live)) {
    const renamed = schema.liveNames?.[key];
    if (renamed) outputs[renamed] = value;
    else if (!inputNames.has(key) && key !== "id" && value !== undefined) outputs[key] = value;
  }
  Object.assign(outputs, withServiceValues(schema, owned, live, declaredOf(inputs)));
  return plain(outputs);
}

/** `owned`, plus each service field of `source` that the program left out of `inputs` (named in OMITTED). */
function withServiceValues(schema: ResourceSchema, owned: Bag, source: Bag, inputs: Bag): Bag {
  const out: Bag = { ...owned };
  const omitted: string[] = [];
  for (const field of schema.fields) {
    if (field.update === "local" || field.createOnly || out[field.name] !== undefined) continue;
    const [declared, value] = [inputs[field.name], source[field.name]];
    if ((declared !== undefined && declared !== null) || value === undefined || value === null) continue;
    out[field.name] = value;
    omitted.push(field.name);
  }
  if (omitted.length > 0) out[OMITTED] = omitted;
  return out;
}

/** The outputs of an update that sent no request: the previous ones, with the new inputs as the service holds them. */
export function unchangedOutputs(schema: ResourceSchema, olds: Bag, news: Bag): Bag {
  return withEveryOutput(schema, { ...serviceFieldsOf(schema, olds), ...withServiceValues(schema, ownedInputs(schema, olds, news), olds, news) });
}

/** The declared inputs as the service holds them now: what `read` reports as the resource's inputs. */
export function ownedInputs(
  schema: ResourceSchema,
  live: Record<string, unknown>,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const owned: Record<string, unknown> = {};
  const declaredInputs = declaredOf(inputs);
  for (const field of schema.fields) {
    const declared = declaredInputs[field.name];
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

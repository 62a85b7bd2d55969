/**
 * Which output values derive from secret inputs: the one rule every door applies, so that no secret input value ever
 * lands in an output that is not a secret.
 *
 * The contract (door-neutral; the core only ever sees plain values, never wrapped ones):
 * - Secret input paths are `[field]` (the whole value) or `[field, key]` (one value of a map field). A door gives them
 *   to the core as `__secretInputs` (SECRET_INPUTS) in the inputs of check, create and update: check validates them,
 *   refuses a secret input that becomes the resource id (`importId`; a ClusterLogConfig's `clusterId`), and keeps
 *   them in the checked inputs. The dynamic door's resource classes send them (the dynamic-provider host hands every
 *   secret over as plaintext, so the provider could not see them otherwise); a door that receives Pulumi's wrapped
 *   secrets finds them with `unwrapSecrets` (../secret-wire) and sets `__secretInputs` itself.
 * - `secretOutputPaths(schema, paths)` returns the output paths that must be secret: the same path (an output echoes
 *   its input), the same path under the output that carries the service's copy of a field (`liveNames`, e.g.
 *   `configuration.k` → `liveConfiguration.k`), and, whole, every output computed from the field (`derivedOutputs`).
 * - The door returns the values at those paths as secrets in its own wire form, from create, read, update and in a
 *   partial failure's properties, and read's `inputs` at the input paths themselves (`wrapAt`; a path whose value
 *   is absent or null is skipped). For read, the paths are those of the resource's last inputs.
 * - When only the secret paths changed (`secretPathsDiffer`), diff reports a change, so the outputs are written again
 *   (an update with nothing else to change sends no request).
 */
import type { ResourceSchema } from "./schema";
import { isPlainObject } from "./values";

/** The hidden input (and echoed output) of the dynamic door that lists the secret input paths. */
export const SECRET_INPUTS = "__secretInputs";

/** `[field]` or `[field, mapKey]`. */
export type SecretPath = readonly [string] | readonly [string, string];

/** The valid secret paths in a `__secretInputs` value (anything else is dropped), or undefined when it is malformed. */
export function secretPathsIn(schema: ResourceSchema, value: unknown): SecretPath[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const paths: SecretPath[] = [];
  for (const item of value) {
    if (!Array.isArray(item) || item.length < 1 || item.length > 2 || !item.every((p) => typeof p === "string")) return undefined;
    const field = schema.fields.find((f) => f.name === item[0]);
    if (!field || (item.length === 2 && field.type.kind !== "map")) return undefined;
    paths.push(item.length === 1 ? [item[0] as string] : [item[0] as string, item[1] as string]);
  }
  return paths;
}

/** The output paths whose values derive from the secret input paths (see the contract above). */
export function secretOutputPaths(schema: ResourceSchema, secretInputs: readonly SecretPath[]): SecretPath[] {
  const out = new Map<string, SecretPath>();
  const add = (path: SecretPath) => out.set(JSON.stringify(path), path);
  for (const path of secretInputs) {
    const [field] = path;
    add(path);
    const live = schema.liveNames?.[field];
    if (live) add(path.length === 2 ? [live, path[1]] : [live]);
    for (const [output, sources] of Object.entries(schema.derivedOutputs ?? {})) if (sources.includes(field)) add([output]);
  }
  return [...out.values()];
}

/** The inputs whose value becomes the resource id (never a secret in Pulumi), and so may not be secret. */
export function secretIdProblems(secretInputs: readonly SecretPath[], idInputs: readonly string[]): { property: string; reason: string }[] {
  return [...new Set(secretInputs.map(([field]) => field))]
    .filter((field) => idInputs.includes(field))
    .map((property) => ({ property, reason: "must not be a secret: it becomes the resource's id, which Pulumi never encrypts" }));
}

/** Whether two `__secretInputs` values name different paths (order aside): the outputs must then be written again. */
export function secretPathsDiffer(schema: ResourceSchema, a: unknown, b: unknown): boolean {
  const key = (value: unknown) => JSON.stringify((secretPathsIn(schema, value) ?? []).map((p) => JSON.stringify(p)).sort());
  return key(a) !== key(b);
}

/** A copy of `bag` with the values at `paths` passed through `wrap` (absent and null values are left as they are). */
export function wrapAt(bag: Record<string, unknown>, paths: readonly SecretPath[], wrap: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...bag };
  const whole = new Set(paths.filter((p) => p.length === 1).map(([field]) => field));
  for (const path of paths) {
    const [field, key] = path;
    const value = out[field];
    if (value === undefined || value === null) continue;
    if (path.length === 1) out[field] = wrap(value);
    else if (key !== undefined && !whole.has(field) && isPlainObject(value) && value[key] !== undefined && value[key] !== null) {
      out[field] = { ...value, [key]: wrap(value[key]) };
    }
  }
  return out;
}

/**
 * What moved on the service side without being drift: service fields (status, updatedAt, ...) and keys of a map the
 * program does not declare (liveConfiguration beyond the declared configuration), between the state as last deployed
 * and as refreshed. Only resources that have a change step carry their refreshed state in the preview.
 */
import type { ResourceSchema } from "../../provider/engine/schema";
import { isPlainObject } from "../../provider/engine/values";
import { holdsSecret, isSecret } from "./preview-json";

type Bag = Record<string, unknown>;

export interface ServiceChange {
  path: string;
  before: unknown;
  after: unknown;
  /** A secret is in it, or it echoes a secret input: no value of it is shown. */
  secret?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** `liveNames` outputs (the whole live map) whose keys the program does not declare in the matching input. */
function undeclaredKeys(schema: ResourceSchema, output: string, program: Bag, before: unknown, after: unknown): ServiceChange[] {
  const input = Object.entries(schema.liveNames ?? {}).find(([, live]) => live === output)?.[0];
  if (!input) return [];
  // The live map of a secret input holds that secret's values: it changed, and that is all that is said.
  if ([program[input], before, after].some(isSecret)) return [{ path: output, before: undefined, after: undefined, secret: true }];
  if (!isPlainObject(before) || !isPlainObject(after)) return [];
  const declared = isPlainObject(program[input]) ? program[input] : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => !Object.prototype.hasOwnProperty.call(declared, k) && !same(before[k], after[k]))
    .map((k) => ({ path: `${output}.${k}`, before: before[k], after: after[k], secret: holdsSecret(before[k]) || holdsSecret(after[k]) }));
}

export function serviceChanges(schema: ResourceSchema, program: Bag, deployed: Bag, live: Bag): ServiceChange[] {
  const inputs = new Set(schema.fields.map((f) => f.name));
  const liveMaps = new Set(Object.values(schema.liveNames ?? {}));
  const keys = [...new Set([...Object.keys(deployed), ...Object.keys(live)])].filter((k) => !k.startsWith("__") && !inputs.has(k)).sort();
  const out: ServiceChange[] = [];
  for (const key of keys) {
    if (same(deployed[key], live[key])) continue;
    if (liveMaps.has(key)) out.push(...undeclaredKeys(schema, key, program, deployed[key], live[key]));
    else out.push({ path: key, before: deployed[key], after: live[key], secret: holdsSecret(deployed[key]) || holdsSecret(live[key]) });
  }
  return out;
}

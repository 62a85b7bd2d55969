/**
 * What moved on the service side without being drift: service fields (status, updatedAt, ...) and keys of a map the
 * program does not declare (liveConfiguration beyond the declared configuration), between the state as last deployed
 * and as refreshed. Only resources that have a change step carry their refreshed state in the preview.
 */
import type { ResourceSchema } from "../../provider/engine/schema";
import { isPlainObject } from "../../provider/engine/values";

type Bag = Record<string, unknown>;

export interface ServiceChange {
  path: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** `liveNames` outputs (the whole live map) whose keys the program does not declare in the matching input. */
function undeclaredKeys(schema: ResourceSchema, output: string, program: Bag, before: unknown, after: unknown): ServiceChange[] {
  const input = Object.entries(schema.liveNames ?? {}).find(([, live]) => live === output)?.[0];
  if (!input || !isPlainObject(before) || !isPlainObject(after)) return [];
  const declared = isPlainObject(program[input]) ? program[input] : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => !(k in declared) && !same(before[k], after[k])).map((k) => ({ path: `${output}.${k}`, before: before[k], after: after[k] }));
}

export function serviceChanges(schema: ResourceSchema, program: Bag, deployed: Bag, live: Bag): ServiceChange[] {
  const inputs = new Set(schema.fields.map((f) => f.name));
  const liveMaps = new Set(Object.values(schema.liveNames ?? {}));
  const keys = [...new Set([...Object.keys(deployed), ...Object.keys(live)])].filter((k) => !k.startsWith("__") && !inputs.has(k)).sort();
  const out: ServiceChange[] = [];
  for (const key of keys) {
    if (same(deployed[key], live[key])) continue;
    if (liveMaps.has(key)) out.push(...undeclaredKeys(schema, key, program, deployed[key], live[key]));
    else out.push({ path: key, before: deployed[key], after: live[key] });
  }
  return out;
}

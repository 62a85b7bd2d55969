/** One declaration's arguments, from a live object and the kind's rules, and the helpers the plan names things with. */
import { LOST_KEY } from "../../provider/engine/check";
import type { ClientLogConfiguration, ManagedClient, ManagedCluster } from "../../provider/api/types";
import { serviceClientName, type KindRules } from "./kinds";
import type { Argument, Declaration, DeclaredKind } from "./plan";
import { selectInputs } from "./values";

type Bag = Record<string, unknown>;

export function byName(a: { name?: string | null; id: string }, b: { name?: string | null; id: string }): number {
  const x = (a.name ?? "").toLowerCase();
  const y = (b.name ?? "").toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function declaration(kind: DeclaredKind, id: string, args: Array<[string, Argument]>): Declaration {
  return { kind, id, logicalName: "", args, comments: [], problems: [] };
}

/** The inputs the object has now, importId first, with fallbacks for required values the service lacks. */
export function literalArgs(rules: KindRules, live: Bag, leftOut?: Map<string, string>): Array<[string, Argument]> {
  const { inputs, leftOut: keys } = selectInputs(rules.schema, live, rules);
  for (const { path, reason } of keys) leftOut?.set(path, reason);
  const fallbacks = rules.fallbacks?.(live) ?? {};
  for (const field of rules.schema.fields) {
    const value = inputs[field.name];
    const missing = value === undefined || (typeof value === "string" && value.trim() === "");
    if (field.required && missing && fallbacks[field.name] !== undefined) inputs[field.name] = fallbacks[field.name];
  }
  const ordered = rules.schema.fields.filter((f) => inputs[f.name] !== undefined).map((f): [string, Argument] => [f.name, { value: inputs[f.name] }]);
  return [["importId", { value: live.id }], ...ordered];
}

/** The declaration's arguments as the provider will see them, a reference replaced by the id it stands for. */
export function resolved(args: Array<[string, Argument]>, referenced: Bag = {}): Bag {
  const out: Bag = {};
  for (const [name, arg] of args) out[name] = "value" in arg ? arg.value : referenced[name];
  return out;
}

/** A log configuration as it is now: the same levels, and its current end as `expiration` (so the window stays). */
export function logConfigArgs(cluster: Declaration | undefined, clusterId: string, config: ClientLogConfiguration): Array<[string, Argument]> {
  const args: Array<[string, Argument]> = [["clusterId", cluster ? { idOf: cluster } : { value: clusterId }], ["rootLevel", { value: config.rootLevel }]];
  // A key no program can declare is left out here and named by undeclarableKeys.
  const levels = Object.entries(config.logLevels ?? {}).filter(([logger]) => logger !== LOST_KEY);
  const logLevels: Record<string, unknown> = {};
  for (const [logger, level] of levels) logLevels[logger] = level;
  if (levels.length > 0) args.push(["logLevels", { value: logLevels }]);
  if (config.expiration) args.push(["expiration", { value: config.expiration }]);
  else if (config.durationMinutes) args.push(["durationMinutes", { value: config.durationMinutes }]);
  return args;
}

/** A client named by the service (`VA-<clientId>`) is named after its cluster and type: "prod-va-va". */
export function clientNameForNaming(client: ManagedClient, cluster: ManagedCluster | undefined): string | null {
  if (client.name !== serviceClientName(client as unknown as Bag)) return client.name;
  return `${cluster?.name ?? "cluster"} ${client.type ?? "client"}`;
}

export function describeLevels(config: ClientLogConfiguration): string {
  const levels = Object.entries(config.logLevels ?? {}).map(([logger, level]) => `${logger}=${level}`);
  return `rootLevel ${config.rootLevel}${levels.length > 0 ? `; ${levels.join(", ")}` : ""}`;
}

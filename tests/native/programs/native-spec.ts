/**
 * The native door's counterpart of tests/cli/programs/spec.ts: it declares what spec.json beside it lists, with the
 * classes of `pulumi-sailpoint-isc/native` (served by the plugin `pulumi-resource-sailpoint`). Besides resources it
 * declares explicit providers (`providers`, named by a resource's `options.provider`) and lookups (`lookups`, exported
 * under their name). An argument "${name.output}" refers to an output of a resource declared earlier.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "node:fs";
import * as path from "node:path";
import * as isc from "pulumi-sailpoint-isc/native";

interface Declaration {
  kind: "ManagedCluster" | "ClusterLogConfig" | "OAuthClient" | "ManagedClient";
  name: string;
  args: Record<string, unknown>;
  options?: { provider?: string; dependsOn?: string[]; import?: string; protect?: boolean; ignoreChanges?: string[] };
}

interface Spec {
  providers?: { name: string; args: isc.ProviderArgs }[];
  resources: Declaration[];
  lookups?: { name: string; fn: string; args: Record<string, unknown>; provider?: string }[];
  exports?: Record<string, string>;
}

type Resource = pulumi.CustomResource & Record<string, unknown>;
type ResourceClass = new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) => Resource;
type Lookup = (args: Record<string, unknown>, opts?: pulumi.InvokeOptions) => Promise<unknown>;

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, "spec.json"), "utf8")) as Spec;
const providers = new Map((spec.providers ?? []).map((p) => [p.name, new isc.Provider(p.name, p.args)]));
const made = new Map<string, Resource>();

function output(reference: string): unknown {
  const [name, property] = reference.split(".");
  const resource = made.get(name);
  if (!resource) throw new Error(`spec.json: no resource "${name}" declared before it is used`);
  return resource[property];
}

function resolve(value: unknown): unknown {
  if (typeof value === "string") {
    const ref = /^\$\{([^}]+)\}$/.exec(value);
    return ref ? output(ref[1]) : value;
  }
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
}

function providerNamed(name: string | undefined): isc.Provider | undefined {
  if (name === undefined) return undefined;
  const provider = providers.get(name);
  if (!provider) throw new Error(`spec.json: no provider "${name}"`);
  return provider;
}

for (const declaration of spec.resources) {
  const Class = (isc as unknown as Record<string, ResourceClass>)[declaration.kind];
  const { dependsOn, provider, ...options } = declaration.options ?? {};
  const opts: pulumi.CustomResourceOptions = { ...options, provider: providerNamed(provider), dependsOn: dependsOn?.map((n) => made.get(n)!) };
  made.set(declaration.name, new Class(declaration.name, resolve(declaration.args) as Record<string, unknown>, opts));
}

const exported: Record<string, unknown> = {};
for (const lookup of spec.lookups ?? []) {
  const fn = (isc as unknown as Record<string, Lookup>)[lookup.fn];
  const opts = { provider: providerNamed(lookup.provider) };
  exported[lookup.name] = pulumi.output(resolve(lookup.args) as Record<string, unknown>).apply((args) => fn(args, opts));
}
for (const [key, reference] of Object.entries(spec.exports ?? {})) exported[key] = output(reference);
export = exported;

/**
 * A program the real-CLI suite changes as a user edits theirs: it declares the resources listed in spec.json beside
 * it. An argument "${name.output}" refers to an output of a resource declared earlier; `exports` become stack outputs;
 * `{"$secret": value}` and `{"$secretConfig": "key"}` are secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "node:fs";
import * as path from "node:path";
import * as isc from "pulumi-sailpoint-isc";

interface Declaration {
  kind: "ManagedCluster" | "ClusterLogConfig" | "OAuthClient" | "ManagedClient";
  name: string;
  args: Record<string, unknown>;
  options?: {
    protect?: boolean;
    retainOnDelete?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    dependsOn?: string[];
    replacementTrigger?: string;
    /** The engine's own import (resource option `import`), which dynamic providers cannot serve. */
    import?: string;
  };
}

interface Spec {
  resources: Declaration[];
  exports?: Record<string, string>;
}

type Resource = pulumi.CustomResource & Record<string, unknown>;
type ResourceClass = new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) => Resource;

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, "spec.json"), "utf8")) as Spec;
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
  // {"$secret": v} is pulumi.secret(v); {"$secretConfig": "key"} is the stack's secret object `key`.
  if (value && typeof value === "object" && "$secret" in value) return pulumi.secret(resolve(value.$secret));
  if (value && typeof value === "object" && "$secretConfig" in value) return new pulumi.Config().requireSecretObject(String(value.$secretConfig));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  return value;
}

for (const declaration of spec.resources) {
  const Class = (isc as unknown as Record<string, ResourceClass>)[declaration.kind];
  const { dependsOn, ...options } = declaration.options ?? {};
  const opts: pulumi.CustomResourceOptions = { ...options, dependsOn: dependsOn?.map((n) => made.get(n)!) };
  made.set(declaration.name, new Class(declaration.name, resolve(declaration.args) as Record<string, unknown>, opts));
}

const exported: Record<string, unknown> = {};
for (const [key, reference] of Object.entries(spec.exports ?? {})) exported[key] = output(reference);
export = exported;

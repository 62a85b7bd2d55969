/**
 * The program side of the engine protocol: what our resource classes register under `setMocks`, including the exact
 * `__provider` text users get (taken from the BUILT package, `require("pulumi-sailpoint-isc")`; run `npm run build`),
 * and what 0.1.0 registered (a `pulumi.dynamic.Resource` with a serialized shim), for old-state tests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";
import { seededProps } from "../../sdk/outputs";
import { requireFromString } from "./pulumi-deps";
import { runUnderMocks, type MockRunOptions } from "./mock-runtime";
import { PACKAGE_NAME, PROVIDER_KEY, type Bag, type Kind } from "./wire";

export interface Registration {
  type: string;
  name: string;
  urn: string;
  /** Inputs as registered; `__provider` is the plain text, secrets are unwrapped. */
  inputs: Bag;
  /** Top-level input keys that were secret (e.g. `__provider` when it captured a secret Output). */
  secretInputs: string[];
  additionalSecretOutputs: string[];
  deleteBeforeReplace: boolean;
  dependencies?: string[];
}

export type CaptureOptions = Omit<MockRunOptions, "newResource">;

/**
 * Runs `program` under mocks and returns every resource it registered. Rejects with a clean error when a registration
 * failed before reaching the monitor (such as a `__provider` serialization error, which mocks only report as an
 * unhandled rejection) or when the program does not finish in time.
 */
export async function captureRegistrations(program: () => void | Promise<void>, opts: CaptureOptions = {}): Promise<Registration[]> {
  const run = await runUnderMocks(program, opts);
  if (run.rejections.length > 0) {
    const reasons = run.rejections.map((r) => (r instanceof Error ? r.message : String(r)));
    throw new Error(`program registration failed: ${reasons.join(" | ")}`);
  }
  return run.registrations.map((reg) => ({
    type: reg.type,
    name: reg.name,
    urn: reg.urn,
    inputs: reg.inputs,
    secretInputs: reg.secretInputs,
    additionalSecretOutputs: reg.additionalSecretOutputs,
    deleteBeforeReplace: reg.deleteBeforeReplace,
    dependencies: reg.dependencies,
  }));
}

/** The built package as users import it (self-reference through package.json `exports`). */
export function sailpointPackage(): Record<string, unknown> {
  return require(PACKAGE_NAME) as Record<string, unknown>;
}

type ResourceClass = new (name: string, args: Bag) => unknown;

/** Minimal valid args per kind; the class is looked up by name so kinds work as soon as the package exports them. */
const SAMPLE_ARGS: Record<Kind, Bag> = {
  ManagedCluster: { name: "sample" },
  ClusterLogConfig: { clusterId: "sample-cluster-id", rootLevel: "INFO" },
  OAuthClient: {
    name: "sample",
    description: "sample",
    accessTokenValiditySeconds: 3600,
    grantTypes: ["CLIENT_CREDENTIALS"],
    accessType: "OFFLINE",
  },
  ManagedClient: { clusterId: "sample-cluster-id" },
};

export function resourceClass(kind: Kind): ResourceClass {
  const cls = sailpointPackage()[kind];
  if (typeof cls !== "function") {
    throw new Error(`${PACKAGE_NAME} does not export ${kind} (is it implemented, and was \`npm run build\` run?)`);
  }
  return cls as ResourceClass;
}

const texts = new Map<Kind, Promise<string>>();

/** The `__provider` text our resource class of this kind registers (captured under mocks once per kind). */
export function providerText(kind: Kind): Promise<string> {
  let text = texts.get(kind);
  if (!text) {
    text = (async () => {
      const Class = resourceClass(kind);
      const [reg] = await captureRegistrations(() => void new Class("sample", SAMPLE_ARGS[kind]));
      const value = reg?.inputs[PROVIDER_KEY];
      if (typeof value !== "string") throw new Error(`${kind}: no __provider text was registered`);
      return value;
    })();
    text.catch(() => texts.delete(kind));
    texts.set(kind, text);
  }
  return text;
}

/** Serializes a provider object exactly as `pulumi.dynamic.Resource` does, rejecting cleanly on failure. */
export async function serializeProvider(provider: object): Promise<{ text: string; containsSecrets: boolean }> {
  const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure") as typeof import("@pulumi/pulumi/runtime/closure/serializeClosure");
  return serializeFunction(() => provider, { allowSecrets: true });
}

/** Loads `__provider` text the way the host does (require-from-string without a filename, then `handler()`). */
export function loadProviderText(text: string): Record<string, unknown> {
  return requireFromString(text).handler();
}

/** The kinds 0.1.0 had, whose stacks hold its serialized texts. */
export const LEGACY_KINDS = ["ManagedCluster", "ClusterLogConfig", "OAuthClient"] as const;
export type LegacyKind = (typeof LEGACY_KINDS)[number];

/** What 0.1.0 stored as `__provider` for this kind (tests/fixtures/provider-text-0.1.0), byte for byte. */
export function legacyProviderText(kind: LegacyKind): string {
  return fs.readFileSync(path.join(__dirname, "..", "fixtures", "provider-text-0.1.0", `${kind}.js`), "utf8");
}

const SCHEMAS = { ManagedCluster: managedClusterSchema, ClusterLogConfig: clusterLogConfigSchema, OAuthClient: oauthClientSchema };

/** The provider object 0.1.0 handed to `pulumi.dynamic.Resource` (its sdk/shim.ts), which the serializer turned into the fixture. */
export function legacyShim(kind: LegacyKind): pulumi.dynamic.ResourceProvider {
  const load = () => require("pulumi-sailpoint-isc/provider").resource(kind);
  return {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().delete(id, props),
  };
}

const legacyClasses = new Map<LegacyKind, ResourceClass>();

/** A class registering as 0.1.0's did: `pulumi.dynamic.Resource`, seeded outputs, the schema's secret outputs. */
export function legacyResourceClass(kind: LegacyKind): new (name: string, args: Bag, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource {
  let cls = legacyClasses.get(kind);
  if (!cls) {
    const provider = legacyShim(kind);
    const schema = SCHEMAS[kind];
    cls = class extends pulumi.dynamic.Resource {
      constructor(name: string, args: Bag, opts?: pulumi.CustomResourceOptions) {
        const secrets = [...(opts?.additionalSecretOutputs ?? []), ...(schema.secretOutputs ?? [])];
        const options = secrets.length ? { ...opts, additionalSecretOutputs: [...new Set(secrets)] } : opts;
        super(provider, name, seededProps(schema, args), options, "sailpoint", kind);
      }
    };
    legacyClasses.set(kind, cls);
  }
  return cls as new (name: string, args: Bag, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;
}

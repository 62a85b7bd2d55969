/**
 * One sample of program registration time, in a process of its own so one-time costs (the closure serializer's
 * inspector session, for instance) count as they do in a real run:
 *
 *   node --require tsx/cjs bench/registration-program.ts <variant> <resources>
 *
 * Registers `resources` ManagedClusters under `pulumi.runtime.setMocks` (answered at once) and prints
 * `{"wallMs", "cpuMs"}`: from before the first constructor until every registration has settled. Variants:
 * `ours` (the built package), `legacy` (0.1.0's pulumi.dynamic.Resource with the serialized shim), `plain`
 * (a class handing exactly our type, properties and `__provider` to pulumi.CustomResource), `plainArgs` (the same
 * with the args and `__provider` only, no seeded outputs).
 */
import * as pulumi from "@pulumi/pulumi";
import { managedClusterSchema } from "../provider/schemas/managed-cluster";
import { seededProps } from "../sdk/outputs";
import { providerText } from "../sdk/shim";
import { legacyResourceClass } from "../tests/harness/provider-text";
import { typeFor, type Bag } from "../tests/harness/wire";

const VARIANTS = ["ours", "legacy", "plain", "plainArgs"] as const;
type Variant = (typeof VARIANTS)[number];

const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

/** The least a resource class can do: hand its type, name and properties to pulumi.CustomResource. */
class Plain extends pulumi.CustomResource {
  constructor(type: string, name: string, props: Bag) {
    super(type, name, props);
  }
}

function constructorFor(variant: Variant): (name: string, args: Bag) => unknown {
  const type = typeFor("ManagedCluster");
  const { ManagedCluster } = require("pulumi-sailpoint-isc") as { ManagedCluster: new (name: string, args: Bag) => unknown };
  const text = providerText("ManagedCluster"); // the plain variants send our bytes
  switch (variant) {
    case "ours":
      return (name, args) => new ManagedCluster(name, args);
    case "legacy": {
      const Legacy = legacyResourceClass("ManagedCluster");
      return (name, args) => new Legacy(name, args);
    }
    case "plain":
      return (name, args) => new Plain(type, name, { ...seededProps(managedClusterSchema, args), __provider: text });
    case "plainArgs":
      return (name, args) => new Plain(type, name, { ...args, __provider: text });
  }
}

/**
 * Stack traces as in a program the Pulumi language host runs: its runner registers source-map-support (and ts-node
 * compiles the program) instead of Node's own source maps, which tsx, running this file, turned on.
 */
function asTheLanguageHostDoes(): void {
  process.setSourceMapsEnabled(false);
  // BENCH_REGISTRATION_PLAIN_STACKS=1: no source maps at all (the cheapest stack traces), for comparison.
  if (process.env.BENCH_REGISTRATION_PLAIN_STACKS) return;
  require(require.resolve("source-map-support/register", { paths: [require.resolve("@pulumi/pulumi")] }));
}

async function main(): Promise<void> {
  const [variant, count] = [process.argv[2] as Variant, Number(process.argv[3] ?? 1000)];
  asTheLanguageHostDoes();
  if (!VARIANTS.includes(variant) || !(count > 0)) throw new Error(`usage: registration-program.ts <${VARIANTS.join("|")}> <resources>`);
  let registered = 0;
  await pulumi.runtime.setMocks(
    { newResource: async (args) => (registered++, { id: `${args.name}-id`, state: args.inputs }), call: async (args) => args.inputs },
    "bench",
    "bench",
    false,
  );
  const create = constructorFor(variant);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) create(`c-${i}`, { name: `c-${i}`, description: "registered by the benchmark", configuration: { gmtOffset: "-5" } });
  await settings.waitForRPCs();
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  if (registered !== count) throw new Error(`${registered} of ${count} resources registered`);
  console.log(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);

/**
 * Benchmark baseline for the provider host's memory: a dynamic provider that does no work, yet answers every create and
 * read with the properties our provider answered for one of its clusters (the JSON file BENCH_OUTPUTS, written by
 * bench/cli-preview.ts from our stack), so the host converts bags of the same size and shape as ours.
 */
import * as pulumi from "@pulumi/pulumi";

interface Sample {
  outputs: Record<string, unknown>;
  inputs: Record<string, unknown>;
}

/**
 * Pulumi's closure serializer turns the provider into `__provider` text: a module captured from the program (such as
 * `import * as fs`, which TypeScript wraps in a copy of the module) is serialized by value, and node:fs's functions
 * cannot be (seen on Node 20 with @pulumi/pulumi 3.216). `require` inside the function is serialized as a call.
 */
function sample(): Sample {
  const { readFileSync } = require("node:fs") as typeof import("node:fs");
  return JSON.parse(readFileSync(String(process.env.BENCH_OUTPUTS), "utf8")) as Sample;
}

const sameBags: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: String(inputs.name), outs: { ...sample().outputs, ...inputs } };
  },
  async read(id, props) {
    const { outputs, inputs } = sample();
    return { id, props: { ...outputs, ...props }, inputs: { ...inputs, name: props.name } };
  },
};

class SameBags extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    super(sameBags, name, args, undefined, "bench", "SameBags");
  }
}

const count = Number(process.env.BENCH_RESOURCES);
for (let i = 0; i < count; i++) {
  new SameBags(`cluster-${i}`, { name: `cluster-${i}`, description: "unchanged", configuration: { gmtOffset: "-5" } });
}

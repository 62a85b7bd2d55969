/** Benchmark baseline: the same resources and inputs through a dynamic provider that does nothing (see bench/cli-preview.ts). */
import * as pulumi from "@pulumi/pulumi";

const noop: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: String(inputs.name), outs: inputs };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, unknown>) {
    super(noop, name, args, undefined, "bench", "Noop");
  }
}

const count = Number(process.env.BENCH_RESOURCES);
for (let i = 0; i < count; i++) {
  new Noop(`cluster-${i}`, { name: `cluster-${i}`, description: "unchanged", configuration: { gmtOffset: "-5" } });
}

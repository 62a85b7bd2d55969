/**
 * Benchmark baseline for the provider host's memory: a dynamic provider that does no work, yet answers every create and
 * read with the properties our provider answered for one of its clusters (the JSON file BENCH_OUTPUTS, written by
 * bench/cli-preview.ts from our stack), so the host converts bags of the same size and shape as ours.
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";

interface Sample {
  outputs: Record<string, unknown>;
  inputs: Record<string, unknown>;
}

const sameBags: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const sample = JSON.parse(fs.readFileSync(String(process.env.BENCH_OUTPUTS), "utf8")) as Sample;
    return { id: String(inputs.name), outs: { ...sample.outputs, ...inputs } };
  },
  async read(id, props) {
    const sample = JSON.parse(fs.readFileSync(String(process.env.BENCH_OUTPUTS), "utf8")) as Sample;
    return { id, props: { ...sample.outputs, ...props }, inputs: { ...sample.inputs, name: props.name } };
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

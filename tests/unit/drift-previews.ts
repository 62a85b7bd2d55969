/** Previews for the drift report's tests, made from JSON the real CLI printed (tests/fixtures/cli). */
import * as fs from "node:fs";
import path from "node:path";

export type State = { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
export type PreviewDoc = { steps: Array<{ op: string; urn: string; oldState?: State | null; newState?: State | null }>; diagnostics?: unknown[] };

export const FIXTURES = path.join(__dirname, "..", "fixtures", "cli");
export const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8");

const steps = (doc: PreviewDoc, name: string) => doc.steps.filter((s) => s.urn.endsWith(`::${name}`));
/** The step `op` of the resource whose logical name is `name`. */
export const step = (doc: PreviewDoc, name: string, op: string) => steps(doc, name).find((s) => s.op === op)!;
export const stepsOf = steps;

/** `n` clusters that each drifted in their name, description and four configuration keys (6 field differences each). */
export function manyDrifted(n: number): { doc: PreviewDoc; fields: number } {
  const base = JSON.parse(fixture("drift-owned-fields")) as PreviewDoc;
  const [refresh, update] = [step(base, "va", "refresh"), step(base, "va", "update")];
  const doc: PreviewDoc = { steps: [] };
  for (let i = 0; i < n; i++) {
    const urn = `urn:pulumi:dev::drift::pulumi-nodejs:dynamic/sailpoint:ManagedCluster::cluster-${String(i).padStart(3, "0")}`;
    const deployed = structuredClone(refresh.oldState!);
    const live = structuredClone(update.oldState!);
    const program = structuredClone(update.newState!);
    const configuration = Object.fromEntries(["a", "b", "c", "d"].map((k) => [`connector.${k}.timeout`, `${i}-${"9".repeat(40)}`]));
    Object.assign(program.inputs, { name: `cluster ${i}`, description: `the cluster of site ${i}: ${"x".repeat(100)}`, configuration });
    Object.assign(deployed.inputs, { name: `cluster ${i}`, description: program.inputs.description, configuration });
    Object.assign(live.outputs, { name: `cluster ${i} (renamed in the UI)`, description: `edited: ${"y".repeat(120)}`, configuration: {} });
    doc.steps.push({ op: "refresh", urn, oldState: deployed, newState: deployed }, { op: "update", urn, oldState: live, newState: program });
  }
  return { doc, fields: n * 6 };
}

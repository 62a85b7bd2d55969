/**
 * The scale rows of the table: program registration time, the provider host's memory, and `pulumi preview` through
 * the real CLI. Each runs in processes of its own; `scaleRows` measures them in turn and adds their rows.
 */
import { previewThroughCli, SEMI_SPACE_OPTION, type CliFigures } from "./cli-preview";
import { hostMemory, type HostMemory } from "./host-memory";
import { median } from "./measure";
import { registrationTimes, type RegistrationTimes } from "./registration";
import { ratioRow, round, rows } from "./table";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const SCALE = {
  registrationResources: env("BENCH_REGISTRATION_RESOURCES", 1_000),
  registrationRounds: env("BENCH_REGISTRATION_ROUNDS", 5),
  registrationSlowRounds: env("BENCH_REGISTRATION_SLOW_ROUNDS", 1),
  memoryResources: env("BENCH_MEMORY_RESOURCES", 300),
  cliResources: env("BENCH_CLI_RESOURCES", 300),
  cliRuns: env("BENCH_CLI_RUNS", 5),
  cli: process.env.BENCH_CLI !== "0",
};

export interface ScaleResults {
  registration: RegistrationTimes;
  memory: HostMemory;
  cli: CliFigures | { skipped: string };
}

function registrationRows(t: RegistrationTimes): void {
  const of = `program registration of ${t.resources} ManagedClusters`;
  ratioRow(`${of}: ours vs a plain CustomResource (same type, properties and options)`, t.ours.wallMs, t.plain.wallMs, 1.2);
  ratioRow(`${of}: ours vs a plain CustomResource with only the 3 args (no seeded outputs)`, t.ours.wallMs, t.plainArgs.wallMs);
  ratioRow(`${of}: 0.1.0's pulumi.dynamic.Resource vs the plain CustomResource (same properties)`, t.legacy.wallMs, t.plain.wallMs);
  ratioRow(`${of}: ours vs 0.1.0's pulumi.dynamic.Resource`, t.ours.wallMs, t.legacy.wallMs);
}

function memoryRows(m: HostMemory): void {
  const all = `provider host serving only ours, all ${m.resources} calls at once (harness)`;
  ratioRow(`${all}: peak RSS through a refresh vs an idle host`, m.afterRefreshMiB, m.idleMiB, undefined, "MiB");
  ratioRow(`${all}: peak RSS through an up vs an idle host`, m.afterUpMiB, m.idleMiB, undefined, "MiB");
}

function cliRows(f: CliFigures): void {
  const leg = `real CLI, ${f.leg}`;
  ratioRow(`pulumi preview of ${f.resources} unchanged resources (${leg}): ours vs a no-op dynamic provider`, median(f.previewMs.ours), median(f.previewMs.noop), 1.1);
  rows.push({ metric: `ISC requests during ${f.runs} such previews (tokens included)`, ours: f.iscRequestsDuringPreviews, baseline: "—", goal: "0", met: f.iscRequestsDuringPreviews === 0, unit: "" });
  ratioRow(`provider host peak RSS through a ${f.resources}-resource up (${leg}) vs an idle host`, f.hostPeakMiB.up, f.hostPeakMiB.idle, 1.3, "MiB");
  ratioRow(`provider host peak RSS through a ${f.resources}-resource refresh (${leg}) vs an idle host`, f.hostPeakMiB.refresh, f.hostPeakMiB.idle, 1.3, "MiB");
  for (const step of ["up", "refresh"] as const) {
    const through = `provider host peak RSS through a ${f.resources}-resource ${step}`;
    ratioRow(`${through}: ours vs a no-op provider answering with our properties (the host's own cost)`, f.hostPeakMiB[step], f.sameBagsPeakMiB[step], undefined, "MiB");
    ratioRow(`${through}, ours with NODE_OPTIONS=${SEMI_SPACE_OPTION}, vs an idle host`, f.cappedPeakMiB[step], f.hostPeakMiB.idle, undefined, "MiB");
  }
  for (const role of ["program", "host"] as const) {
    ratioRow(`peak RSS of the ${role} during that preview: ours vs the no-op provider`, f.previewPeakMiB.ours[role] ?? 0, f.previewPeakMiB.noop[role] ?? 0, undefined, "MiB");
  }
}

export async function scaleRows(): Promise<ScaleResults> {
  const registration = await registrationTimes(SCALE.registrationResources, SCALE.registrationRounds, SCALE.registrationSlowRounds);
  registrationRows(registration);
  const memory = await hostMemory(SCALE.memoryResources);
  memoryRows(memory);
  let cli: CliFigures | { skipped: string } = { skipped: "BENCH_CLI=0" };
  if (SCALE.cli) {
    try {
      cli = await previewThroughCli(SCALE.cliResources, SCALE.cliRuns);
      cliRows(cli);
    } catch (error) {
      cli = { skipped: error instanceof Error ? error.message.split("\n")[0] : String(error) };
      rows.push({ metric: `pulumi preview of ${SCALE.cliResources} unchanged resources (real CLI)`, ours: `n/a: ${cli.skipped}`, baseline: "—", goal: "ratio <= 1.1", unit: "" });
    }
  }
  return { registration, memory, cli };
}

/** Footer lines: the samples behind the scale rows. */
export function printScaleDetail(r: ScaleResults): void {
  const s = (x: { wallMs: number; cpuMs: number; samples: number }) => `${round(x.wallMs)} ms wall, ${round(x.cpuMs)} ms CPU (${x.samples})`;
  const t = r.registration;
  console.log(`  registration medians: ours ${s(t.ours)}; plain ${s(t.plain)}; plain args-only ${s(t.plainArgs)}; 0.1.0 ${s(t.legacy)}`);
  console.log(`  host memory (harness): idle ${r.memory.idleMiB} MiB, implementation loaded ${r.memory.loadedMiB} MiB`);
  if ("previewMs" in r.cli) {
    const c = r.cli;
    console.log(`  real CLI previews (ms): ours ${c.previewMs.ours.join(", ")}; no-op ${c.previewMs.noop.join(", ")}; up ours ${c.upMs.ours}, no-op ${c.upMs.noop}; refresh ${c.refreshMs}`);
    console.log(`  real CLI preview peaks (MiB): ours ${JSON.stringify(c.previewPeakMiB.ours)}; no-op ${JSON.stringify(c.previewPeakMiB.noop)}`);
  }
}

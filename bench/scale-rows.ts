/**
 * The scale rows of the table: program registration time, the provider host's memory, and `pulumi preview` through
 * the real CLI. Each runs in processes of its own; `scaleRows` measures them in turn and adds their rows.
 */
import { previewThroughCli, SEMI_SPACE_OPTION, type CliFigures } from "./cli-preview";
import { hostMemory, type HostMemory } from "./host-memory";
import { median } from "./measure";
import { registrationTimes, type RegistrationTimes } from "./registration";
import { ratioRow, round, rows, unmeasuredRow, whyFailed } from "./table";

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

/**
 * The real-CLI rows. Each row that could not be measured (no CLI, a command that failed) is still printed, saying
 * why; `f` is then the reason for all of them, or a part of the figures holds its own.
 */
export function cliRows(f: CliFigures | { skipped: string }, resources: number, runs: number): void {
  const row = (metric: string, goal: string | undefined, measure: () => [number, number] | { skipped: string }, unit = "MiB") => {
    const measured = "skipped" in f ? f : measure();
    if (Array.isArray(measured)) ratioRow(metric, measured[0], measured[1], goal === undefined ? undefined : Number(goal), unit);
    else unmeasuredRow(metric, measured.skipped, goal === undefined ? "report" : `ratio <= ${goal}`);
  };
  const figures = f as CliFigures;
  const leg = `real CLI, ${"skipped" in f ? "the default Node and @pulumi/pulumi" : figures.leg}`;
  row(`pulumi preview of ${resources} unchanged resources (${leg}): ours vs a no-op dynamic provider`, "1.1", () => [median(figures.previewMs.ours), median(figures.previewMs.noop)], "ms (median)");
  if ("skipped" in f) unmeasuredRow(`ISC requests during ${runs} such previews (tokens included)`, f.skipped, "0");
  else rows.push({ metric: `ISC requests during ${runs} such previews (tokens included)`, ours: f.iscRequestsDuringPreviews, baseline: "—", goal: "0", met: f.iscRequestsDuringPreviews === 0, unit: "" });
  row(`provider host peak RSS through a ${resources}-resource up (${leg}) vs an idle host`, "1.3", () => [figures.hostPeakMiB.up, figures.hostPeakMiB.idle]);
  row(`provider host peak RSS through a ${resources}-resource refresh (${leg}) vs an idle host`, "1.3", () => [figures.hostPeakMiB.refresh, figures.hostPeakMiB.idle]);
  for (const step of ["up", "refresh"] as const) {
    const through = `provider host peak RSS through a ${resources}-resource ${step}`;
    row(`${through}: ours vs a no-op provider answering with our properties (the host's own cost)`, undefined, () =>
      "skipped" in figures.sameBagsPeakMiB ? figures.sameBagsPeakMiB : [figures.hostPeakMiB[step], figures.sameBagsPeakMiB[step]],
    );
    row(`${through}, ours with NODE_OPTIONS=${SEMI_SPACE_OPTION}, vs an idle host`, undefined, () =>
      "skipped" in figures.cappedPeakMiB ? figures.cappedPeakMiB : [figures.cappedPeakMiB[step], figures.hostPeakMiB.idle],
    );
  }
  for (const role of ["program", "host"] as const) {
    row(`peak RSS of the ${role} during that preview: ours vs the no-op provider`, undefined, () => [figures.previewPeakMiB.ours[role] ?? 0, figures.previewPeakMiB.noop[role] ?? 0]);
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
    } catch (error) {
      cli = { skipped: whyFailed(error) };
    }
  }
  cliRows(cli, SCALE.cliResources, SCALE.cliRuns);
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

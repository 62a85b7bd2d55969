/**
 * The real Pulumi CLI (tests/cli/support: the CLI suite's toolchain, Node and @pulumi/pulumi, with CLI_SUITE_NODE /
 * CLI_SUITE_SDK) on two projects of `resources` resources each, against the in-process emulator: ours
 * (bench/programs/clusters.ts) and the same inputs through a dynamic provider that does nothing (noop.ts).
 * Each is brought up once; ours is also refreshed; then `pulumi preview --expect-no-changes` of each runs `runs` times,
 * the two alternating. Wall time is the whole command, as a user waits for it. Peak RSS comes from polling /proc for
 * the project's processes (the program, the CLI, the provider host the engine started).
 *
 * For the host's memory two more projects are brought up and refreshed: a no-op provider answering with the very
 * properties ours stored for a cluster (noop-outputs.ts: the host's own cost for bags of that size), and ours again
 * with NODE_OPTIONS capping V8's young generation (SEMI_SPACE_OPTION, the knob the README's troubleshooting gives).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import path from "node:path";
import { IscEmulator } from "../emulator";
import { CliProject, processesIn, type StateResource } from "../tests/cli/support/project";
import { installedRoot } from "../tests/cli/support/installed-package";
import { legName, legNode } from "../tests/cli/support/toolchain";
import { median, peakRssMiB } from "./measure";
import { whyFailed } from "./table";

export type Role = "program" | "host" | "cli";
export type Peaks = Partial<Record<Role, number>>;
/** A measurement, or why it could not be taken. */
export type Measured<T> = T | { skipped: string };

async function attempt<T>(measure: () => Promise<T>): Promise<Measured<T>> {
  try {
    return await measure();
  } catch (error) {
    return { skipped: whyFailed(error) };
  }
}

export interface CliFigures {
  leg: string;
  resources: number;
  runs: number;
  previewMs: { ours: number[]; noop: number[] };
  /** Every request the emulator saw during our previews, token requests included. */
  iscRequestsDuringPreviews: number;
  /** Median over the previews of each process's peak RSS. */
  previewPeakMiB: { ours: Peaks; noop: Peaks };
  /** Our provider host: idle (started, nothing served), through the `up` that created the resources, through a refresh. */
  hostPeakMiB: { idle: number; up: number; refresh: number };
  /** The host through the same up and refresh of the no-op provider answering with our properties. */
  sameBagsPeakMiB: Measured<{ up: number; refresh: number }>;
  /** Our host through the same up and refresh with NODE_OPTIONS=SEMI_SPACE_OPTION. */
  cappedPeakMiB: Measured<{ up: number; refresh: number }>;
  upMs: { ours: number; noop: number };
  refreshMs: number;
}

function roleOf(pid: number): Role | undefined {
  const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  if (argv.some((a) => a.includes("dynamic-provider"))) return "host";
  if (argv.some((a) => a.endsWith("pulumi-inline.ts"))) return "program";
  return path.basename(argv[0]) === "pulumi" ? "cli" : undefined;
}

/** Polls the peak RSS of each process of the project while `run` runs. */
async function withPeaks<T>(dir: string, run: () => Promise<T>): Promise<{ result: T; peaks: Peaks }> {
  const peaks: Peaks = {};
  const poll = () => {
    for (const pid of processesIn(dir)) {
      try {
        const role = roleOf(pid);
        const peak = peakRssMiB(pid);
        if (role && peak !== undefined) peaks[role] = Math.max(peaks[role] ?? 0, peak);
      } catch {
        // the process exited between listing and reading
      }
    }
  };
  const timer = setInterval(poll, 50);
  try {
    return { result: await run(), peaks };
  } finally {
    clearInterval(timer);
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await fn();
  return { result, ms: Date.now() - started };
}

/** VmHWM of a provider host started the way the engine starts it, in the project, after it has settled, serving nothing. */
async function idleHostMiB(dir: string): Promise<number> {
  const script = path.join(installedRoot(), "node_modules", "@pulumi", "pulumi", "cmd", "dynamic-provider", "index.js");
  const child = spawn(legNode(), [script, "127.0.0.1:1"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`the idle provider host exited with ${code}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const peak = peakRssMiB(child.pid);
    if (peak === undefined) throw new Error("cannot read the idle host's VmHWM");
    return peak;
  } finally {
    child.kill("SIGKILL");
  }
}

/** V8's young generation capped at Node 20 and 22's default (16 MiB per semi-space); Node 24 sizes it by the machine's memory. */
export const SEMI_SPACE_OPTION = "--max-semi-space-size=16";

/** Peak RSS of the project's provider host through an `up` and then a `refresh`. */
async function hostPeaksThroughUpAndRefresh(project: CliProject): Promise<{ up: number; refresh: number }> {
  const up = await withPeaks(project.dir, () => project.up());
  const refresh = await withPeaks(project.dir, () => project.refresh());
  return { up: up.peaks.host ?? 0, refresh: refresh.peaks.host ?? 0 };
}

/** Writes what a stack holds for `cluster-0`, without `__provider`: the bags the no-op baselines answer with. */
export function writeSampleBags(cluster: StateResource | undefined, file: string): string {
  if (!cluster?.outputs || !cluster.inputs) throw new Error("our stack has no cluster-0 to take the sample properties from");
  const strip = (bag: Record<string, unknown>) => Object.fromEntries(Object.entries(bag).filter(([key]) => key !== "__provider"));
  fs.writeFileSync(file, JSON.stringify({ outputs: strip(cluster.outputs), inputs: strip(cluster.inputs) }));
  return file;
}

async function sampleBags(project: CliProject, file: string): Promise<void> {
  writeSampleBags((await project.resources()).get("cluster-0"), file);
}

export const EMULATOR_OPTIONS = { rateLimit: false, validateResponses: false } as const;

/** The settings of a bench program: the emulator's tenant, unpaced (the emulator has no limit either). */
export function envFor(emulator: IscEmulator, resources: number): Record<string, string> {
  return {
    BENCH_RESOURCES: String(resources),
    SAIL_BASE_URL: emulator.url,
    SAIL_CLIENT_ID: emulator.credentials.clientId,
    SAIL_CLIENT_SECRET: emulator.credentials.clientSecret,
    SAIL_RATE_LIMIT: "100000/1000", // the emulator has no limit either: the up and refresh are not paced
  };
}

async function withEmulator<T>(run: (emulator: IscEmulator) => Promise<T>): Promise<T> {
  const emulator = await IscEmulator.start(EMULATOR_OPTIONS);
  try {
    return await run(emulator);
  } finally {
    await emulator.stop();
  }
}

const medianPeaks = (list: Peaks[]): Peaks =>
  Object.fromEntries((["program", "host", "cli"] as Role[]).map((role) => [role, median(list.map((p) => p[role] ?? 0))]));

export async function previewThroughCli(resources: number, runs: number): Promise<CliFigures> {
  const emulator = await IscEmulator.start(EMULATOR_OPTIONS);
  const env = envFor(emulator, resources);
  try {
    const ours = await CliProject.create("bench-clusters", path.join(__dirname, "programs", "clusters.ts"), { env });
    const noop = await CliProject.create("bench-noop", path.join(__dirname, "programs", "noop.ts"), { env });
    const idle = await idleHostMiB(ours.dir);
    const upOurs = await timed(() => withPeaks(ours.dir, () => ours.up()));
    const upNoop = await timed(() => noop.up());
    const refresh = await timed(() => withPeaks(ours.dir, () => ours.refresh()));
    if (emulator.store.listClusters().length !== resources) throw new Error(`the up made ${emulator.store.listClusters().length} clusters, not ${resources}`);

    const sameBagsPeakMiB = await attempt(async () => {
      const sample = path.join(ours.dir, "sample-bags.json");
      await sampleBags(ours, sample);
      const sameBags = await CliProject.create("bench-same-bags", path.join(__dirname, "programs", "noop-outputs.ts"), { env: { ...env, BENCH_OUTPUTS: sample } });
      return hostPeaksThroughUpAndRefresh(sameBags);
    });
    // On an emulator of its own, so its refresh lists as many clusters as ours did.
    const cappedPeakMiB = await attempt(() => withEmulator(async (other) => {
      const capped = await CliProject.create("bench-capped", path.join(__dirname, "programs", "clusters.ts"), { env: { ...envFor(other, resources), NODE_OPTIONS: SEMI_SPACE_OPTION } });
      const peaks = await hostPeaksThroughUpAndRefresh(capped);
      if (other.store.listClusters().length !== resources) throw new Error(`the capped up made ${other.store.listClusters().length} clusters, not ${resources}`);
      return peaks;
    }));

    const previewMs = { ours: [] as number[], noop: [] as number[] };
    const peaks = { ours: [] as Peaks[], noop: [] as Peaks[] };
    let iscRequests = 0;
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 ? (["noop", "ours"] as const) : (["ours", "noop"] as const)) {
        const project = which === "ours" ? ours : noop;
        emulator.clearRequests();
        const { result, ms } = await timed(() => withPeaks(project.dir, () => project.preview(["--expect-no-changes"])));
        if (!new RegExp(`${resources + 1} unchanged`).test(result.result.stdout)) throw new Error(`${which} preview:\n${result.result.stdout}`);
        previewMs[which].push(ms);
        peaks[which].push(result.peaks);
        if (which === "ours") iscRequests += emulator.requests.length;
      }
    }
    return {
      leg: legName(),
      resources,
      runs,
      previewMs,
      iscRequestsDuringPreviews: iscRequests,
      previewPeakMiB: { ours: medianPeaks(peaks.ours), noop: medianPeaks(peaks.noop) },
      hostPeakMiB: { idle, up: upOurs.result.peaks.host ?? 0, refresh: refresh.result.peaks.host ?? 0 },
      sameBagsPeakMiB,
      cappedPeakMiB,
      upMs: { ours: upOurs.ms, noop: upNoop.ms },
      refreshMs: refresh.ms,
    };
  } finally {
    await CliProject.removeAll();
    await emulator.stop();
  }
}

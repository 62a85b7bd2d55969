/**
 * The real Pulumi CLI (tests/cli/support: the CLI suite's toolchain, Node and @pulumi/pulumi, with CLI_SUITE_NODE /
 * CLI_SUITE_SDK) on two projects of `resources` resources each, against the in-process emulator: ours
 * (bench/programs/clusters.ts) and the same inputs through a dynamic provider that does nothing (noop.ts).
 * Each is brought up once; ours is also refreshed; then `pulumi preview --expect-no-changes` of each runs `runs` times,
 * the two alternating. Wall time is the whole command, as a user waits for it. Peak RSS comes from polling /proc for
 * the project's processes (the program, the CLI, the provider host the engine started).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import path from "node:path";
import { IscEmulator } from "../emulator";
import { CliProject, processesIn } from "../tests/cli/support/project";
import { installedRoot } from "../tests/cli/support/installed-package";
import { legName, legNode } from "../tests/cli/support/toolchain";
import { median, peakRssMiB } from "./measure";

export type Role = "program" | "host" | "cli";
export type Peaks = Partial<Record<Role, number>>;

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

const medianPeaks = (list: Peaks[]): Peaks =>
  Object.fromEntries((["program", "host", "cli"] as Role[]).map((role) => [role, median(list.map((p) => p[role] ?? 0))]));

export async function previewThroughCli(resources: number, runs: number): Promise<CliFigures> {
  const emulator = await IscEmulator.start({ rateLimit: false, validateResponses: false });
  const env = {
    BENCH_RESOURCES: String(resources),
    SAIL_BASE_URL: emulator.url,
    SAIL_CLIENT_ID: emulator.credentials.clientId,
    SAIL_CLIENT_SECRET: emulator.credentials.clientSecret,
    SAIL_RATE_LIMIT: "100000/1000", // the emulator has no limit either: the up and refresh are not paced
  };
  try {
    const ours = await CliProject.create("bench-clusters", path.join(__dirname, "programs", "clusters.ts"), { env });
    const noop = await CliProject.create("bench-noop", path.join(__dirname, "programs", "noop.ts"), { env });
    const idle = await idleHostMiB(ours.dir);
    const upOurs = await timed(() => withPeaks(ours.dir, () => ours.up()));
    const upNoop = await timed(() => noop.up());
    const refresh = await timed(() => withPeaks(ours.dir, () => ours.refresh()));
    if (emulator.store.listClusters().length !== resources) throw new Error(`the up made ${emulator.store.listClusters().length} clusters, not ${resources}`);

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
      upMs: { ours: upOurs.ms, noop: upNoop.ms },
      refreshMs: refresh.ms,
    };
  } finally {
    await CliProject.removeAll();
    await emulator.stop();
  }
}

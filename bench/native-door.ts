/**
 * The native door's rows: the plugin `pulumi-resource-sailpoint` through the real CLI (the CLI suite's toolchain, as
 * bench/cli-preview.ts), against a no-op plugin on the same stubs (programs/noop-native-plugin.ts) and the dynamic
 * door (programs/clusters.ts).
 *
 * Three projects of `resources` clusters each: the native program (programs/native-clusters.ts) with
 * `plugins.providers` pointing at the installed package's bins (our plugin), the same program pointing at the no-op
 * plugin, and the dynamic program; ours and the dynamic door each on an emulator of their own. Each is brought up
 * once; the native and no-op projects are refreshed too, the plugin's peak RSS (VmHWM, polled from /proc) taken
 * through the up and through the refresh. Then `pulumi preview --expect-no-changes` runs `runs` times per project, the
 * three in a new random order each round; ratios are the median of the per-round ratios (paired samples). Last, the
 * plugins' start-up: each executable started `STARTS` times, alternating, timed from spawn to the port line.
 *
 * Standalone: `npx tsx bench/native-door.ts` (after `npm run build`) prints these rows only.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import { IscEmulator } from "../emulator";
import { installedRoot } from "../tests/cli/support/installed-package";
import { CliProject, type StateResource } from "../tests/cli/support/project";
import { legName, legNode, REPO } from "../tests/cli/support/toolchain";
import { nativeResources, pluginFolder } from "../tests/native/cli";
import { EMULATOR_OPTIONS, envFor, writeSampleBags } from "./cli-preview";
import { median, peakRssMiB, shuffled } from "./measure";
import { printTable, round, rows, unmeasuredRow, whyFailed } from "./table";

const PLUGIN = "pulumi-resource-sailpoint";
const STARTS = Number(process.env.BENCH_PLUGIN_STARTS ?? 10);

type Door = "native" | "noop" | "dynamic";
type Skipped = { skipped: string };
type Measured<T> = T | Skipped;
const skipped = (m: unknown): m is Skipped => typeof m === "object" && m !== null && "skipped" in m;

export interface PluginPeaks {
  /** VmHWM of the plugin (the largest of its processes) through the `up` that created the resources, and a refresh. */
  up: number;
  refresh: number;
  /** How many plugin processes the engine started for the up. */
  processes: number;
}

export interface NativeDoorFigures {
  leg: string;
  resources: number;
  runs: number;
  /** Wall time of each preview, by door; index i of each list is round i. */
  previewMs: Partial<Record<Door, number[]>>;
  /** CPU time of each preview by role (the program, the CLI, the plugin or dynamic-provider host). */
  previewCpuMs: Partial<Record<Door, CpuMs[]>>;
  /** Every request our emulator saw during the native door's previews, tokens included. */
  iscRequestsDuringNativePreviews?: number;
  pluginPeakMiB: { native: Measured<PluginPeaks>; noop: PluginPeaks };
  /** Spawn to the port line, and VmHWM once started, of each plugin. */
  startupMs: { native: Measured<number[]>; noop: number[] };
  idlePluginMiB: { native?: number; noop: number };
  upMs: Partial<Record<Door, number>>;
  /** Why the native legs are missing, if they are. */
  nativeSkipped?: string;
}

type Role = "program" | "cli" | "provider";
export type CpuMs = Partial<Record<Role, number>>;

/** What a process of the project in `dir` is: the program, the CLI, or the provider (plugin `file` or dynamic host). */
function roleOf(pid: string, dir: string, file: string): Role | undefined {
  const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  if (file && argv.includes(file)) return "provider";
  if (argv.includes(path.join(dir, "index.ts"))) return "program";
  if (fs.readlinkSync(`/proc/${pid}/cwd`) !== dir) return undefined;
  if (argv.some((a) => a.includes("dynamic-provider"))) return "provider";
  return path.basename(argv[0]) === "pulumi" ? "cli" : undefined;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
function cpuMsOf(pid: string): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
const TICKS_PER_SECOND = 100;

/**
 * While `run` runs, polls /proc every 50 ms: the peak VmHWM of the provider processes (the largest, and how many
 * there were) and the CPU time of each role, summed over its processes (the last poll before a process exits: up to
 * 50 ms of its CPU time may be missed). One project runs at a time.
 */
async function watched<T>(dir: string, file: string, run: () => Promise<T>): Promise<{ result: T; peakMiB: number; processes: number; cpuMs: CpuMs }> {
  const real = fs.realpathSync(dir);
  let peakMiB = 0;
  const seen = new Map<string, { role: Role; cpuMs: number }>();
  const poll = () => {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
      try {
        // Classified anew each poll: a process the CLI has forked but not yet exec'd still looks like the CLI.
        const role = roleOf(pid, real, file) ?? seen.get(pid)?.role;
        if (!role) continue;
        seen.set(pid, { role, cpuMs: cpuMsOf(pid) });
        if (role === "provider") peakMiB = Math.max(peakMiB, peakRssMiB(Number(pid)) ?? 0);
      } catch {
        // exited, or not ours
      }
    }
  };
  const timer = setInterval(poll, 50);
  try {
    const result = await run();
    const cpuMs: CpuMs = {};
    for (const { role, cpuMs: ms } of seen.values()) cpuMs[role] = (cpuMs[role] ?? 0) + ms;
    const processes = [...seen.values()].filter((p) => p.role === "provider").length;
    return { result, peakMiB, processes, cpuMs };
  } finally {
    clearInterval(timer);
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/**
 * The no-op plugin as the engine runs a plugin: an executable `pulumi-resource-sailpoint` (a Node.js script, as
 * ours is) in a folder of its own inside the installed package's root, so it loads the same @pulumi/pulumi stubs.
 */
async function noopPluginFolder(): Promise<string> {
  const folder = path.join(installedRoot(), "bench-noop-native-plugin");
  fs.mkdirSync(folder, { recursive: true });
  const source = fs.readFileSync(path.join(__dirname, "programs", "noop-native-plugin.ts"), "utf8");
  const { code } = await esbuild.transform(source, { loader: "ts", format: "cjs", platform: "node", target: "node20" });
  fs.writeFileSync(path.join(folder, PLUGIN), `#!/usr/bin/env node\n${code}`, { mode: 0o755 });
  return folder;
}

async function nativeProject(name: string, folder: string, env: Record<string, string>): Promise<CliProject> {
  const project = await CliProject.create(name, path.join(__dirname, "programs", "native-clusters.ts"), { env });
  project.writeFile("Pulumi.yaml", `name: ${name}\nruntime: nodejs\nplugins:\n  providers:\n    - name: sailpoint\n      path: ${folder}\n`);
  return project;
}


/** Starts the plugin `file` as the engine does and times spawn to its first stdout line; its VmHWM then, once settled. */
async function startOnce(file: string): Promise<{ ms: number; peakMiB: number }> {
  const env = { ...process.env, PATH: `${path.dirname(legNode())}${path.delimiter}${process.env.PATH}` };
  const started = process.hrtime.bigint();
  const child = spawn(file, ["127.0.0.1:1"], { cwd: installedRoot(), env, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (!out.includes("\n")) return;
        if (!/^\d+\n/.test(out)) reject(new Error(`${file} printed "${out.split("\n")[0]}" before its port`));
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before printing its port`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { ms, peakMiB: peakRssMiB(child.pid) ?? 0 };
  } finally {
    child.kill("SIGKILL");
  }
}

export async function measureNativeDoor(resources: number, runs: number): Promise<NativeDoorFigures> {
  const nativeSkipped = fs.existsSync(path.join(REPO, "dist", "native", "main.js"))
    ? undefined
    : "dist/native/main.js is missing (the plugin is not built: `npm run build`)";
  const ours = await IscEmulator.start(EMULATOR_OPTIONS);
  const other = await IscEmulator.start(EMULATOR_OPTIONS);
  try {
    const noopFolder = await noopPluginFolder();
    const noopFile = path.join(noopFolder, PLUGIN);
    const nativeFile = path.join(pluginFolder(), PLUGIN);
    const projects: Partial<Record<Door, CliProject>> = {};
    const upMs: Partial<Record<Door, number>> = {};

    projects.dynamic = await CliProject.create("bench-dynamic", path.join(__dirname, "programs", "clusters.ts"), { env: envFor(other, resources) });
    upMs.dynamic = (await timed(() => projects.dynamic!.up())).ms;

    let nativePeaks: Measured<PluginPeaks> = { skipped: nativeSkipped ?? "" };
    let sample: StateResource | undefined = (await projects.dynamic.resources()).get("cluster-0");
    if (!nativeSkipped) {
      const native = await nativeProject("bench-native", pluginFolder(), envFor(ours, resources));
      const up = await timed(() => watched(native.dir, nativeFile, () => native.up()));
      if (ours.store.listClusters().length !== resources) throw new Error(`the native up made ${ours.store.listClusters().length} clusters, not ${resources}`);
      const refresh = await watched(native.dir, nativeFile, () => native.refresh());
      projects.native = native;
      upMs.native = up.ms;
      nativePeaks = { up: up.result.peakMiB, refresh: refresh.peakMiB, processes: up.result.processes };
      sample = (await nativeResources(native)).get("cluster-0");
    }

    const bags = writeSampleBags(sample, path.join(installedRoot(), "bench-native-sample.json"));
    const noop = await nativeProject("bench-noop-native", noopFolder, { ...envFor(ours, resources), BENCH_OUTPUTS: bags });
    const noopUp = await timed(() => watched(noop.dir, noopFile, () => noop.up()));
    const noopRefresh = await watched(noop.dir, noopFile, () => noop.refresh());
    projects.noop = noop;
    upMs.noop = noopUp.ms;
    const noopPeaks: PluginPeaks = { up: noopUp.result.peakMiB, refresh: noopRefresh.peakMiB, processes: noopUp.result.processes };
    if (noopPeaks.up === 0) throw new Error("no process running the no-op plugin was seen during its up");

    const previewMs: Partial<Record<Door, number[]>> = {};
    const previewCpuMs: Partial<Record<Door, CpuMs[]>> = {};
    const files: Record<Door, string> = { native: nativeFile, noop: noopFile, dynamic: "" };
    let iscRequests = 0;
    const doors = Object.keys(projects) as Door[];
    for (let round_ = 0; round_ < runs; round_++) {
      for (const door of shuffled(doors)) {
        ours.clearRequests();
        const project = projects[door]!;
        const { result, ms } = await timed(() => watched(project.dir, files[door], () => project.preview(["--expect-no-changes"])));
        if (!new RegExp(`${resources + 1} unchanged`).test(result.result.stdout)) throw new Error(`${door} preview:\n${result.result.stdout}`);
        (previewMs[door] ??= []).push(ms);
        (previewCpuMs[door] ??= []).push(result.cpuMs);
        if (door === "native") iscRequests += ours.requests.length;
      }
    }

    const startupMs = { native: [] as number[], noop: [] as number[] };
    const idle = { native: [] as number[], noop: [] as number[] };
    for (let i = 0; i < STARTS; i++) {
      for (const which of shuffled(nativeSkipped ? (["noop"] as const) : (["native", "noop"] as const))) {
        const start = await startOnce(which === "native" ? nativeFile : noopFile);
        startupMs[which].push(start.ms);
        idle[which].push(start.peakMiB);
      }
    }

    return {
      leg: legName(),
      resources,
      runs,
      previewMs,
      previewCpuMs,
      iscRequestsDuringNativePreviews: nativeSkipped ? undefined : iscRequests,
      pluginPeakMiB: { native: nativePeaks, noop: noopPeaks },
      startupMs: { native: nativeSkipped ? { skipped: nativeSkipped } : startupMs.native, noop: startupMs.noop },
      idlePluginMiB: { native: nativeSkipped ? undefined : median(idle.native), noop: median(idle.noop) },
      upMs,
      nativeSkipped,
    };
  } finally {
    await CliProject.removeAll();
    await ours.stop();
    await other.stop();
  }
}

/** A row of two paired sample lists: their medians, and the median of the per-pair ratios. */
function pairedRow(metric: string, a: number[], b: number[], goal: string, met: ((ratio: number) => boolean) | undefined, unit: string): void {
  const ratio = round(median(a.map((x, i) => x / b[i])));
  rows.push({ metric, ours: round(median(a)), baseline: round(median(b)), ratio: Math.round(ratio * 100) / 100, goal, ...(met ? { met: met(ratio) } : {}), unit });
}

const MAX_RATIO = 1.1;

/** The rows; each one that could not be measured says why. */
export function nativeDoorRows(f: NativeDoorFigures | Skipped, resources: number): void {
  const leg = skipped(f) ? "real CLI" : `real CLI, ${f.leg}`;
  const preview = `pulumi preview of ${resources} unchanged resources (${leg})`;
  const upTo = (ratio: number) => ratio <= MAX_RATIO;
  const why = skipped(f) ? f.skipped : f.nativeSkipped;
  const figures = f as NativeDoorFigures;
  const native = figures.previewMs?.native;

  if (why || !native) unmeasuredRow(`${preview}: native door vs a no-op native plugin`, why ?? "no native previews", `ratio <= ${MAX_RATIO}`);
  else pairedRow(`${preview}: native door vs a no-op native plugin`, native, figures.previewMs.noop!, `ratio <= ${MAX_RATIO}`, upTo, "ms (median)");
  if (why || !native) unmeasuredRow(`${preview}: native door vs the dynamic door`, why ?? "no native previews", "ratio < 1");
  else pairedRow(`${preview}: native door vs the dynamic door`, native, figures.previewMs.dynamic!, "ratio < 1", (r) => r < 1, "ms (median)");
  if (skipped(f)) unmeasuredRow(`${preview}: dynamic door vs a no-op native plugin`, f.skipped);
  else pairedRow(`${preview}: dynamic door vs a no-op native plugin`, f.previewMs.dynamic!, f.previewMs.noop!, "report", undefined, "ms (median)");
  // CPU time is steadier than wall time on a shared machine: the same previews, every process of each summed.
  const cpu = (door: Door) => (figures.previewCpuMs?.[door] ?? []).map((c) => (c.program ?? 0) + (c.cli ?? 0) + (c.provider ?? 0));
  const cpuOf = `${preview}: CPU time of the program, CLI and plugin (or host)`;
  if (why || !native) unmeasuredRow(`${cpuOf}, native door vs a no-op native plugin`, why ?? "no native previews");
  else pairedRow(`${cpuOf}, native door vs a no-op native plugin`, cpu("native"), cpu("noop"), "report", undefined, "ms (median)");
  if (why || !native) unmeasuredRow(`${cpuOf}, native door vs the dynamic door`, why ?? "no native previews");
  else pairedRow(`${cpuOf}, native door vs the dynamic door`, cpu("native"), cpu("dynamic"), "report", undefined, "ms (median)");
  const requests = `ISC requests during the native door's previews (tokens included)`;
  if (why || figures.iscRequestsDuringNativePreviews === undefined) unmeasuredRow(requests, why ?? "not counted", "0");
  else rows.push({ metric: requests, ours: figures.iscRequestsDuringNativePreviews, baseline: "—", goal: "0", met: figures.iscRequestsDuringNativePreviews === 0, unit: "" });

  for (const step of ["up", "refresh"] as const) {
    const metric = `plugin peak RSS through a ${resources}-resource ${step} (${leg}): native vs the no-op plugin`;
    const peaks = skipped(f) ? f : f.pluginPeakMiB.native;
    if (skipped(peaks)) unmeasuredRow(metric, peaks.skipped, `ratio <= ${MAX_RATIO}`);
    else pairedRow(metric, [peaks[step]], [figures.pluginPeakMiB.noop[step]], `ratio <= ${MAX_RATIO}`, upTo, "MiB");
  }
  const startup = `plugin start-up, spawn to the port line: native vs the no-op plugin`;
  const starts = skipped(f) ? f : f.startupMs.native;
  if (skipped(starts)) unmeasuredRow(startup, starts.skipped);
  else pairedRow(startup, starts, figures.startupMs.noop, "report", undefined, "ms (median)");
  const idle = `plugin peak RSS once started, serving nothing: native vs the no-op plugin`;
  if (skipped(f) || figures.idlePluginMiB.native === undefined) unmeasuredRow(idle, why ?? "not measured");
  else pairedRow(idle, [figures.idlePluginMiB.native], [figures.idlePluginMiB.noop], "report", undefined, "MiB");
}

/** Measures and adds the rows; never throws (a failure becomes the rows' reason). */
export async function nativeDoor(resources: number, runs: number, enabled = true): Promise<NativeDoorFigures | Skipped> {
  let figures: NativeDoorFigures | Skipped = { skipped: "BENCH_CLI=0" };
  if (enabled) {
    try {
      figures = await measureNativeDoor(resources, runs);
    } catch (error) {
      figures = { skipped: whyFailed(error) };
    }
  }
  nativeDoorRows(figures, resources);
  return figures;
}

/** Footer lines: the samples behind the rows. */
export function printNativeDoorDetail(f: NativeDoorFigures | Skipped): void {
  if (skipped(f)) return;
  const list = (xs: number[] | undefined) => (xs ?? []).map((x) => Math.round(x)).join(", ");
  console.log(`  native door previews (ms): native ${list(f.previewMs.native)}; no-op plugin ${list(f.previewMs.noop)}; dynamic ${list(f.previewMs.dynamic)}`);
  console.log(`  native door ups (ms): ${JSON.stringify(Object.fromEntries(Object.entries(f.upMs).map(([k, v]) => [k, Math.round(v)])))}; plugin peaks (MiB): ${JSON.stringify(f.pluginPeakMiB)}`);
  const cpu = (door: Door) => {
    const samples = f.previewCpuMs[door] ?? [];
    return (["program", "cli", "provider"] as Role[]).map((role) => `${role} ${Math.round(median(samples.map((s) => s[role] ?? 0)))}`).join(", ");
  };
  console.log(`  preview CPU by process, median (ms): native door ${cpu("native")}; no-op plugin ${cpu("noop")}; dynamic door ${cpu("dynamic")}`);
  const starts = skipped(f.startupMs.native) ? f.startupMs.native.skipped : list(f.startupMs.native);
  console.log(`  plugin start-ups (ms): native ${starts}; no-op ${list(f.startupMs.noop)}`);
}

if (require.main === module) {
  const resources = Number(process.env.BENCH_CLI_RESOURCES ?? 300);
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 5);
  nativeDoor(resources, runs).then(
    (figures) => {
      printTable();
      printNativeDoorDetail(figures);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Benchmark: the provider against the in-process ISC emulator, in one run (`npm run build && npm run bench`).
 * Prints a table of medians and ratios against their goals and writes the same as JSON to bench/results.json.
 * Not a test: nothing here runs from `npm test`. See bench/README.md for what each figure means.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { IscEmulator } from "../emulator";
import { managedCluster } from "../provider/resources/managed-cluster";
import { ProviderHost, sailpointConfig, type ConfigValue } from "../tests/harness/host";
import { LifecycleDriver } from "../tests/harness/lifecycle";
import { providerText } from "../tests/harness/provider-text";
import { KINDS, type Bag } from "../tests/harness/wire";
import { kib, median, percentile, shuffled, timed } from "./measure";
import { checkOneRequestEach, CLIENTS, OPS, setUpClients, type Client, type Op } from "./clients";
import { ISC_LIMIT, ISC_WINDOW_MS, refreshAtTheLimit } from "./refresh-at-limit";
import { printScaleDetail, scaleRows, SCALE } from "./scale-rows";
import { nativeDoor, printNativeDoorDetail } from "./native-door";
import { loadSdk } from "./sdk";
import { printTable, ratioRow, round, rows, unmeasuredRow } from "./table";

// ---- parameters -----------------------------------------------------------------------------------------------------

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
/** A typical ISC response time, for the rows that show what the host's fixed cost amounts to against a tenant. */
const LATENCY_MS = 50;
const LATENCY_ITERATIONS = 20;
/** Pause before each sample, so the work a previous call left behind (GC, the host's trailing I/O) does not land in it. */
const SETTLE_MS = 2;
const DIFF_RESOURCES = 1_000;
const DIFF_ROUNDS = 7;
const PREVIEW_RESOURCES = 100;
const TOKEN_OPERATIONS = 1_000;
const REFRESH_RESOURCES = 300;
/** The SDK we can install (sailpoint-api-client 1.x) has v3, v2024 and beta only: every client uses v2024 here. */
const API_VERSION = "v2024";
const RESULTS = path.join(__dirname, "results.json");
const REPO_ROOT = path.join(__dirname, "..");

// ---- the run --------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  if (!fs.existsSync(path.join(__dirname, "..", "dist", "provider", "index.js"))) {
    throw new Error("the host loads the BUILT package: run `npm run build` first");
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}, ${machine.memoryGiB} GiB`);

  const { sdk, version: sdkVersion, problem: sdkProblem } = loadSdk();
  if (sdkProblem) console.log(`note: ${sdkProblem}; the SDK rows are skipped`);

  // Rate limits out of the way on both sides, and no response schema validation, so the emulator's own cost is small
  // and the same for every client.
  const emulator = await IscEmulator.start({ rateLimit: false, validateResponses: false });
  const config: Record<string, ConfigValue> = sailpointConfig(emulator, { "sailpoint:rateLimit": "100000/1000", "sailpoint:apiVersion": API_VERSION });

  // Started in the repository, so every provider text resolves its packages (ours, sailpoint-api-client) from here.
  const host = await ProviderHost.start({ cwd: REPO_ROOT });
  await host.configure(config);

  const { operations, ours, createdOutputs } = await setUpClients(emulator, host, API_VERSION, sdk);
  await checkOneRequestEach(emulator, operations, API_VERSION);

  // Interleaved: each iteration runs every operation of every client once, in a new random order, so drift and GC
  // hit all alike, no client always follows the same one (a host call leaves work behind in both processes), and the
  // SDK (which adds a pair of axios-retry interceptors per call; see bench/README.md) is equally far along for GET,
  // PATCH and POST.
  const samples: Record<Op, Record<string, number[]>> = { GET: {}, PATCH: {}, POST: {} };
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const runs = OPS.flatMap((op) => (Object.keys(operations[op]) as Client[]).map((client) => ({ op, client })));
    for (const { op, client } of shuffled(runs)) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const ms = await timed(() => operations[op][client]!(i));
      if (i >= WARMUP) (samples[op][client] ??= []).push(ms);
    }
    if (i % 50 === 0) emulator.clearRequests();
  }
  const sdkDrift: Partial<Record<Op, { first50: number; last50: number }>> = {};
  for (const op of OPS) {
    if (samples[op].sdk) sdkDrift[op] = { first50: round(median(samples[op].sdk.slice(0, 50))), last50: round(median(samples[op].sdk.slice(-50))) };
  }
  emulator.clearRequests();

  const medians: Record<Op, Record<string, number>> = { GET: {}, PATCH: {}, POST: {} };
  const p90: Record<Op, Record<string, number>> = { GET: {}, PATCH: {}, POST: {} };
  for (const op of OPS) {
    for (const [client, values] of Object.entries(samples[op])) {
      medians[op][client] = median(values);
      p90[op][client] = round(percentile(values, 90));
    }
  }
  for (const op of OPS) ratioRow(`${op} via host: our provider vs a node:http provider`, medians[op].host, medians[op].hostRaw, 1.2);
  const sdkRow = (metric: string, ours: number, baseline: number | undefined, maxRatio?: number) =>
    sdk && baseline !== undefined ? ratioRow(metric, ours, baseline, maxRatio) : unmeasuredRow(metric, sdkProblem ?? "the SDK is not loaded", maxRatio ? `ratio <= ${maxRatio}` : "report");
  for (const op of OPS) sdkRow(`${op} via host: our provider vs an SDK provider`, medians[op].host, medians[op].hostSdk, 0.8);
  for (const op of OPS) ratioRow(`${op} in process: our API layer vs raw node:http`, medians[op].api, medians[op].raw);
  for (const op of OPS) ratioRow(`${op} in process: our API layer vs a bare got call`, medians[op].api, medians[op].got);
  for (const op of OPS) sdkRow(`${op} in process: our API layer vs official SDK`, medians[op].api, medians[op].sdk, 0.8);
  for (const op of OPS) sdkRow(`${op} in process: our API layer vs the SDK with its interceptor leak undone`, medians[op].api, medians[op].sdkNoLeak);
  for (const op of OPS) ratioRow(`${op}: our provider via host vs raw node:http in process`, medians[op].host, medians[op].raw);

  // The same GET when every response takes LATENCY_MS, as a tenant's do: the engine protocol's fixed cost in context.
  emulator.injectFault({ path: /^\/managed-clusters\//, delayMs: LATENCY_MS, times: Infinity });
  const slow: Record<string, number[]> = {};
  for (let i = 0; i < LATENCY_ITERATIONS; i++) {
    for (const [client, run] of Object.entries(operations.GET)) (slow[client] ??= []).push(await timed(() => run!(i)));
  }
  emulator.clearFaults();
  emulator.clearRequests();
  // Context, not goals: at a tenant's latency every client's time is mostly waiting.
  ratioRow(`GET at ${LATENCY_MS} ms service latency, via host: our provider vs a node:http provider`, median(slow.host), median(slow.hostRaw));
  sdkRow(`GET at ${LATENCY_MS} ms service latency, via host: our provider vs an SDK provider`, median(slow.host), slow.hostSdk && median(slow.hostSdk));

  // The engine-protocol floor: a Diff through the host carries the same bags as Read/Update but sends no request, so
  // it is what every host operation costs before the provider does any HTTP.
  const floorSamples: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const { urn, id, outputs, inputs } = ours();
    const ms = await timed(() => host.diff(urn, id, outputs, inputs));
    if (i >= WARMUP) floorSamples.push(ms);
  }
  const floorMs = median(floorSamples);
  rows.push({ metric: "engine-protocol floor: Diff via host (same bags, no HTTP)", ours: round(floorMs), baseline: "—", goal: "report", unit: "ms (median)" });

  // Diff CPU: the provider's own diff, in process, over 1,000 realistic olds/news pairs (every 10th one changed).
  const pairs: { olds: Bag; news: Bag }[] = [];
  for (let i = 0; i < DIFF_RESOURCES; i++) {
    const olds = createdOutputs[i % createdOutputs.length];
    const news: Bag = { ...ours().inputs, name: olds.name, description: olds.description, configuration: olds.configuration };
    if (i % 10 === 0) news.description = `changed ${i}`;
    pairs.push({ olds, news });
  }
  const diffCpu: number[] = [];
  let changed = 0;
  for (let round_ = 0; round_ < DIFF_ROUNDS; round_++) {
    changed = 0;
    const cpu = process.cpuUsage();
    for (const { olds, news } of pairs) if ((await managedCluster.diff!(String(olds.id ?? "x"), olds, news)).changes) changed++;
    const used = process.cpuUsage(cpu);
    diffCpu.push((used.user + used.system) / 1000);
  }
  if (changed !== DIFF_RESOURCES / 10) throw new Error(`diff reported ${changed} changed resources, expected ${DIFF_RESOURCES / 10}`);
  const diffMs = median(diffCpu);
  rows.push({ metric: `diff CPU for ${DIFF_RESOURCES} resources (in process)`, ours: round(diffMs), baseline: "—", goal: "< 100 ms", met: diffMs < 100, unit: "ms (median)" });

  // A second host that serves our provider only: token requests per 1,000 operations (fresh, so its first token
  // counts), then the preview below, then its peak RSS.
  const fresh = await ProviderHost.start();
  await fresh.configure(config);
  emulator.clearRequests();
  const { urn, id, inputs } = ours();
  let outs = ours().outputs;
  for (let i = 0; i < TOKEN_OPERATIONS; i++) {
    if (i % 2 === 0) outs = (await fresh.read(urn, id, outs, inputs)).properties;
    else outs = (await fresh.update(urn, id, outs, { ...inputs, description: `token ${i}` })).properties;
  }
  const tokenRequests = emulator.requests.filter((r) => r.path === "/oauth/token").length;
  const apiRequests = emulator.requests.length - tokenRequests;
  // At least one request each (a read may add a list snapshot or a confirming GET).
  if (apiRequests < TOKEN_OPERATIONS) throw new Error(`${TOKEN_OPERATIONS} operations sent only ${apiRequests} API requests`);
  rows.push({ metric: `token requests per ${TOKEN_OPERATIONS} operations`, ours: tokenRequests, baseline: "—", goal: "1", met: tokenRequests === 1, unit: "" });

  // Preview of N unchanged resources through the lifecycle driver (Check + Diff in the real host): requests sent.
  const { ManagedCluster: ManagedClusterClass } = require("pulumi-sailpoint-isc") as { ManagedCluster: new (name: string, args: Bag) => unknown };
  const program = () => {
    for (let i = 0; i < PREVIEW_RESOURCES; i++) {
      new ManagedClusterClass(`preview-${i}`, { name: `preview-${i}`, description: "unchanged", configuration: { gmtOffset: "-5" } });
    }
  };
  const driver = new LifecycleDriver(fresh);
  await driver.up(program);
  emulator.clearRequests();
  const previewStart = Date.now();
  const preview = await driver.preview(program);
  const previewMs = Date.now() - previewStart;
  const previewRequests = emulator.requests.length;
  const unchanged = preview.steps.filter((s) => s.op === "same").length;
  if (unchanged !== PREVIEW_RESOURCES) throw new Error(`preview planned ${JSON.stringify(preview.steps.filter((s) => s.op !== "same"))}`);
  rows.push({ metric: `HTTP requests during a preview of ${PREVIEW_RESOURCES} unchanged resources`, ours: previewRequests, baseline: "—", goal: "0", met: previewRequests === 0, unit: "" });

  // Refreshes at ISC's real limit, each in a host and an emulator of its own: list snapshots against one GET each.
  const perKind = REFRESH_RESOURCES / 3;
  const refresh = await refreshAtTheLimit({ clusters: perKind, logConfigs: perKind, oauthClients: perKind });
  const atLimit = `refresh of ${refresh.resources} resources (${perKind} clusters, log configurations, OAuth clients) at ISC's limit (${ISC_LIMIT} per ${ISC_WINDOW_MS / 1000} s)`;
  const oneGet = refresh.oneGetPerResource;
  rows.push({ metric: `${atLimit}: requests, vs one GET per resource`, ours: refresh.apiRequests, baseline: oneGet.requests, ratio: round(refresh.apiRequests / oneGet.requests), goal: "<= 110", met: refresh.apiRequests <= 110, unit: "" });
  rows.push({ metric: `${atLimit}: wall time, vs one GET per resource's floor`, ours: round(refresh.wallMs / 1000), baseline: oneGet.floorMs / 1000, ratio: round(refresh.wallMs / oneGet.floorMs), goal: "well under the floor (< 0.75x)", met: refresh.wallMs < 0.75 * oneGet.floorMs, unit: "s" });
  rows.push({ metric: `${atLimit}: 429 responses / busiest 10 s window`, ours: `${refresh.rateLimited} / ${refresh.busiestWindow}`, baseline: "—", goal: `0 / <= ${ISC_LIMIT}`, met: refresh.rateLimited === 0 && refresh.busiestWindow <= ISC_LIMIT, unit: "" });
  const listed = await refreshAtTheLimit({ clusters: 100, logConfigs: 0, oauthClients: 100 });
  rows.push({ metric: `refresh of ${listed.resources} clusters and OAuth clients at ISC's limit: requests, vs one GET per resource`, ours: listed.apiRequests, baseline: listed.oneGetPerResource.requests, ratio: round(listed.apiRequests / listed.resources), goal: "<= 3", met: listed.apiRequests <= 3, unit: "" });
  rows.push({ metric: `the same: wall time, vs one GET per resource's floor`, ours: round(listed.wallMs / 1000), baseline: listed.oneGetPerResource.floorMs / 1000, goal: "report", unit: "s" });

  // __provider: the serialized provider stored with every resource.
  const providerBytes: Record<string, number> = {};
  for (const kind of KINDS) {
    providerBytes[kind] = Buffer.byteLength(await providerText(kind), "utf8");
    rows.push({ metric: `__provider size, ${kind}`, ours: `${providerBytes[kind]} B`, baseline: "—", goal: "<= 256 B", met: providerBytes[kind] <= 256, unit: "" });
  }

  await ProviderHost.stopAll();
  await emulator.stop();

  // Registration time, host memory and the real CLI's preview: in processes of their own (bench/scale-rows.ts).
  const scale = await scaleRows();
  // The native door through the real CLI, against a no-op plugin and the dynamic door (bench/native-door.ts).
  const native = await nativeDoor(SCALE.cliResources, SCALE.cliRuns, SCALE.cli);

  const elapsedSeconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(`\n${ITERATIONS} iterations per client and operation (after ${WARMUP} warm-up), API ${API_VERSION}, sailpoint-api-client ${sdkVersion ?? "not installed"}; ${elapsedSeconds} s\n`);
  printTable();
  console.log("\nmedians (p90) in ms per client:");
  for (const op of OPS) {
    console.log(`  ${op.padEnd(5)} ${CLIENTS.filter((c) => c in medians[op]).map((c) => `${c} ${round(medians[op][c])} (${p90[op][c]})`).join(", ")}`);
  }
  console.log(`  preview of ${PREVIEW_RESOURCES} unchanged resources: ${previewMs} ms wall`);
  if (Object.keys(sdkDrift).length) console.log(`  SDK medians, first vs last 50 samples: ${JSON.stringify(sdkDrift)}`);
  printScaleDetail(scale);
  printNativeDoorDetail(native);

  const results = {
    generatedAt: new Date().toISOString(),
    machine,
    parameters: {
      iterations: ITERATIONS,
      warmup: WARMUP,
      apiVersion: API_VERSION,
      diffResources: DIFF_RESOURCES,
      previewResources: PREVIEW_RESOURCES,
      tokenOperations: TOKEN_OPERATIONS,
      refreshResources: REFRESH_RESOURCES,
      sdkVersion: sdkVersion ?? null,
      scale: SCALE,
    },
    rows,
    detail: {
      medianMs: Object.fromEntries(Object.entries(medians).map(([op, m]) => [op, Object.fromEntries(Object.entries(m).map(([c, v]) => [c, round(v)]))])),
      p90Ms: p90,
      diffCpuMsPerRound: diffCpu.map(round),
      protocolFloorMs: round(floorMs),
      previewWallMs: previewMs,
      refreshAtLimit: { mixed: refresh, listed },
      providerBytes,
      providerKiB: Object.fromEntries(Object.entries(providerBytes).map(([k, v]) => [k, kib(v)])),
      scale,
      nativeDoor: native,
      sdkDrift,
      elapsedSeconds,
    },
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    await ProviderHost.stopAll();
    process.exit(1);
  },
);

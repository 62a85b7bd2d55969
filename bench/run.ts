/**
 * Benchmark: the provider against the in-process ISC emulator, in one run (`npm run build && npm run bench`).
 * Prints a table of medians and ratios against their goals and writes the same as JSON to bench/results.json.
 * Not a test: nothing here runs from `npm test`. See bench/README.md for what each figure means.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { IscEmulator } from "../emulator";
import { IscApi } from "../provider/api";
import type { JsonPatchOperation, ManagedClusterRequest } from "../provider/api/types";
import { mapConfig, resolveSettings } from "../provider/config";
import { IscClient } from "../provider/http/client";
import { managedCluster } from "../provider/resources/managed-cluster";
import { ProviderHost, sailpointConfig, urnFor, type ConfigValue } from "../tests/harness/host";
import { LifecycleDriver } from "../tests/harness/lifecycle";
import { providerText } from "../tests/harness/provider-text";
import { KINDS, type Bag } from "../tests/harness/wire";
import { kib, median, peakRssMiB, percentile, timed } from "./measure";
import { fetchToken, rawClient } from "./raw-client";
import { loadSdk } from "./sdk";
import { printTable, ratioRow, round, rows } from "./table";

// ---- parameters -----------------------------------------------------------------------------------------------------

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
/** A typical ISC response time, for the rows that show what the host's fixed cost amounts to against a tenant. */
const LATENCY_MS = 50;
const LATENCY_ITERATIONS = 20;
const DIFF_RESOURCES = 1_000;
const DIFF_ROUNDS = 7;
const PREVIEW_RESOURCES = 100;
const TOKEN_OPERATIONS = 1_000;
/** The SDK we can install (sailpoint-api-client 1.x) has v3, v2024 and beta only: every client uses v2024 here. */
const API_VERSION = "v2024";
const RESULTS = path.join(__dirname, "results.json");

type Client = "host" | "api" | "raw" | "sdk";
type Op = "GET" | "PATCH" | "POST";

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

  const idle = await ProviderHost.start();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const idleRss = peakRssMiB(idle.pid);
  await idle.stop();

  const host = await ProviderHost.start();
  await host.configure(config);

  const api = new IscApi(
    new IscClient(
      resolveSettings(
        mapConfig({
          "sailpoint:baseUrl": emulator.url,
          "sailpoint:clientId": emulator.credentials.clientId,
          "sailpoint:clientSecret": emulator.credentials.clientSecret,
          "sailpoint:apiVersion": API_VERSION,
          "sailpoint:rateLimit": "100000/1000",
        }),
        {},
      ),
    ),
  ).managedClusters;
  const raw = rawClient(emulator.url, await fetchToken(emulator));
  const sdkApi = sdk
    ? new sdk.ManagedClustersV2024Api(
        new sdk.Configuration({
          baseurl: emulator.url,
          clientId: emulator.credentials.clientId,
          clientSecret: emulator.credentials.clientSecret,
          tokenUrl: `${emulator.url}/oauth/token`,
        }),
      )
    : undefined;

  // One cluster every client reads and patches, created through the host (so its outputs are real).
  const urn = urnFor("ManagedCluster", "bench");
  const declared: Bag = { name: "bench", description: "created by the benchmark", configuration: { gmtOffset: "-5", "ccg.debug": "false" } };
  const checked = await host.check(urn, {}, declared);
  if (checked.failures.length) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const made = await host.create(urn, checked.inputs);
  const id = made.id;
  let hostOutputs = made.properties;
  const createdOutputs: Bag[] = [made.properties];

  const postBody = (n: number, who: string): ManagedClusterRequest => ({
    name: `bench-${who}-${n}`,
    type: "idn",
    description: "created by the benchmark",
    configuration: { gmtOffset: "-5", "ccg.debug": "false" },
  });
  const patchOps = (value: string): JsonPatchOperation[] => [{ op: "replace", path: "/description", value }];

  const operations: Record<Op, Partial<Record<Client, (n: number) => Promise<unknown>>>> = {
    GET: {
      host: () => host.read(urn, id, hostOutputs, checked.inputs),
      api: () => api.get(id),
      raw: () => raw("GET", `/${API_VERSION}/managed-clusters/${id}`),
      ...(sdkApi ? { sdk: () => sdkApi.getManagedCluster({ id }) } : {}),
    },
    PATCH: {
      host: async (n) => {
        hostOutputs = (await host.update(urn, id, hostOutputs, { ...checked.inputs, description: `host ${n}` })).properties;
      },
      api: (n) => api.patch(id, patchOps(`api ${n}`)),
      raw: (n) => raw("PATCH", `/${API_VERSION}/managed-clusters/${id}`, patchOps(`raw ${n}`), "application/json-patch+json"),
      ...(sdkApi ? { sdk: (n: number) => sdkApi.updateManagedCluster({ id, jsonPatchOperationV2024: patchOps(`sdk ${n}`) }) } : {}),
    },
    POST: {
      host: async (n) => {
        const c = await host.create(urnFor("ManagedCluster", `post-${n}`), { ...checked.inputs, name: `bench-host-${n}` });
        createdOutputs.push(c.properties);
      },
      api: (n) => api.create(postBody(n, "api")),
      raw: (n) => raw("POST", `/${API_VERSION}/managed-clusters`, postBody(n, "raw")),
      ...(sdkApi ? { sdk: (n: number) => sdkApi.createManagedCluster({ managedClusterRequestV2024: postBody(n, "sdk") }) } : {}),
    },
  };

  // Each operation sends exactly one API request, whoever sends it (checked, so the comparison is like for like).
  for (const op of ["GET", "PATCH", "POST"] as Op[]) {
    for (const [client, run] of Object.entries(operations[op])) {
      await run(-1); // first call may fetch a token
      emulator.clearRequests();
      await run(-2);
      const sent = emulator.requests.map((r) => `${r.method} ${r.path}`);
      if (sent.length !== 1 || !sent[0].startsWith(`${op} /${API_VERSION}/managed-clusters`)) {
        throw new Error(`${client} ${op} sent ${JSON.stringify(sent)}, expected one ${op}`);
      }
    }
  }

  // Interleaved: each iteration runs every client once, in a rotating order, so drift and GC hit all alike.
  const samples: Record<Op, Record<string, number[]>> = { GET: {}, PATCH: {}, POST: {} };
  const sdkDrift: Partial<Record<Op, { first50: number; last50: number }>> = {};
  for (const op of ["GET", "PATCH", "POST"] as Op[]) {
    const clients = Object.keys(operations[op]) as Client[];
    for (const c of clients) samples[op][c] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      for (let k = 0; k < clients.length; k++) {
        const client = clients[(i + k) % clients.length];
        const ms = await timed(() => operations[op][client]!(i));
        if (i >= WARMUP) samples[op][client].push(ms);
      }
      if (i % 50 === 0) emulator.clearRequests();
    }
    if (samples[op].sdk) sdkDrift[op] = { first50: round(median(samples[op].sdk.slice(0, 50))), last50: round(median(samples[op].sdk.slice(-50))) };
  }
  emulator.clearRequests();

  const medians: Record<Op, Record<string, number>> = { GET: {}, PATCH: {}, POST: {} };
  const p90: Record<Op, Record<string, number>> = { GET: {}, PATCH: {}, POST: {} };
  for (const op of ["GET", "PATCH", "POST"] as Op[]) {
    for (const [client, values] of Object.entries(samples[op])) {
      medians[op][client] = median(values);
      p90[op][client] = round(percentile(values, 90));
    }
  }
  for (const op of ["GET", "PATCH", "POST"] as Op[]) ratioRow(`${op}: provider via host vs raw node:http`, medians[op].host, medians[op].raw, 1.2);
  if (sdkApi) {
    for (const op of ["GET", "PATCH", "POST"] as Op[]) ratioRow(`${op}: provider via host vs official SDK`, medians[op].host, medians[op].sdk, 0.8);
    for (const op of ["GET", "PATCH", "POST"] as Op[]) ratioRow(`${op}: our API layer in-process vs official SDK`, medians[op].api, medians[op].sdk, 0.8);
  }

  // The same GET when every response takes LATENCY_MS, as a tenant's do: the engine protocol's fixed cost in context.
  emulator.injectFault({ path: /^\/managed-clusters\//, delayMs: LATENCY_MS, times: Infinity });
  const slow: Record<string, number[]> = {};
  for (let i = 0; i < LATENCY_ITERATIONS; i++) {
    for (const [client, run] of Object.entries(operations.GET)) (slow[client] ??= []).push(await timed(() => run!(i)));
  }
  emulator.clearFaults();
  emulator.clearRequests();
  ratioRow(`GET at ${LATENCY_MS} ms service latency: provider via host vs raw node:http`, median(slow.host), median(slow.raw), 1.2);
  if (slow.sdk) ratioRow(`GET at ${LATENCY_MS} ms service latency: provider via host vs official SDK`, median(slow.host), median(slow.sdk), 0.8);

  // The engine-protocol floor: a Diff through the host carries the same bags as Read/Update but sends no request, so
  // it is what every host operation costs before the provider does any HTTP.
  const floorSamples: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const ms = await timed(() => host.diff(urn, id, hostOutputs, checked.inputs));
    if (i >= WARMUP) floorSamples.push(ms);
  }
  const floorMs = median(floorSamples);
  rows.push({ metric: "engine-protocol floor: Diff via host (same bags, no HTTP)", ours: round(floorMs), baseline: "—", goal: "report", unit: "ms (median)" });

  // Diff CPU: the provider's own diff, in process, over 1,000 realistic olds/news pairs (every 10th one changed).
  const pairs: { olds: Bag; news: Bag }[] = [];
  for (let i = 0; i < DIFF_RESOURCES; i++) {
    const olds = createdOutputs[i % createdOutputs.length];
    const news: Bag = { ...checked.inputs, name: olds.name, description: olds.description, configuration: olds.configuration };
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

  // Preview of N unchanged resources through the lifecycle driver (Check + Diff in the real host): requests sent.
  const { ManagedCluster: ManagedClusterClass } = require("pulumi-sailpoint-isc") as { ManagedCluster: new (name: string, args: Bag) => unknown };
  const program = () => {
    for (let i = 0; i < PREVIEW_RESOURCES; i++) {
      new ManagedClusterClass(`preview-${i}`, { name: `preview-${i}`, description: "unchanged", configuration: { gmtOffset: "-5" } });
    }
  };
  const driver = new LifecycleDriver(host);
  await driver.up(program);
  emulator.clearRequests();
  const previewStart = Date.now();
  const preview = await driver.preview(program);
  const previewMs = Date.now() - previewStart;
  const previewRequests = emulator.requests.length;
  const unchanged = preview.steps.filter((s) => s.op === "same").length;
  if (unchanged !== PREVIEW_RESOURCES) throw new Error(`preview planned ${JSON.stringify(preview.steps.filter((s) => s.op !== "same"))}`);
  rows.push({ metric: `HTTP requests during a preview of ${PREVIEW_RESOURCES} unchanged resources`, ours: previewRequests, baseline: "—", goal: "0", met: previewRequests === 0, unit: "" });

  // Token requests per 1,000 operations, in a fresh host (so its first token counts).
  const fresh = await ProviderHost.start();
  await fresh.configure(config);
  emulator.clearRequests();
  let outs = hostOutputs;
  for (let i = 0; i < TOKEN_OPERATIONS; i++) {
    if (i % 2 === 0) outs = (await fresh.read(urn, id, outs, checked.inputs)).properties;
    else outs = (await fresh.update(urn, id, outs, { ...checked.inputs, description: `token ${i}` })).properties;
  }
  const tokenRequests = emulator.requests.filter((r) => r.path === "/oauth/token").length;
  const apiRequests = emulator.requests.length - tokenRequests;
  await fresh.stop();
  if (apiRequests !== TOKEN_OPERATIONS) throw new Error(`${TOKEN_OPERATIONS} operations sent ${apiRequests} API requests`);
  rows.push({ metric: `token requests per ${TOKEN_OPERATIONS} operations`, ours: tokenRequests, baseline: "—", goal: "1", met: tokenRequests === 1, unit: "" });

  // __provider: the serialized provider stored with every resource.
  const providerBytes: Record<string, number> = {};
  for (const kind of KINDS) {
    providerBytes[kind] = Buffer.byteLength(await providerText(kind), "utf8");
    rows.push({ metric: `__provider size, ${kind}`, ours: `${providerBytes[kind]} B`, baseline: "—", goal: "<= 2.5 KB (2560 B)", met: providerBytes[kind] <= 2560, unit: "" });
  }

  // Peak RSS of the host that ran everything above, against a host that has served nothing.
  const hostRss = peakRssMiB(host.pid);
  if (hostRss !== undefined && idleRss !== undefined) {
    rows.push({ metric: "peak RSS of the provider host (VmHWM)", ours: hostRss, baseline: idleRss, ratio: Math.round((hostRss / idleRss) * 100) / 100, goal: "report (baseline: idle host)", unit: "MiB" });
  } else {
    rows.push({ metric: "peak RSS of the provider host (VmHWM)", ours: "n/a (no /proc)", baseline: "—", goal: "report", unit: "" });
  }

  await ProviderHost.stopAll();
  await emulator.stop();

  const elapsedSeconds = Math.round((Date.now() - started) / 100) / 10;
  console.log(`\n${ITERATIONS} iterations per client and operation (after ${WARMUP} warm-up), API ${API_VERSION}, sailpoint-api-client ${sdkVersion ?? "not installed"}; ${elapsedSeconds} s\n`);
  printTable();
  console.log("\nmedians (p90) in ms per client:");
  for (const op of ["GET", "PATCH", "POST"] as Op[]) {
    console.log(`  ${op.padEnd(5)} ${Object.keys(medians[op]).map((c) => `${c} ${round(medians[op][c])} (${p90[op][c]})`).join(", ")}`);
  }
  console.log(`  preview of ${PREVIEW_RESOURCES} unchanged resources: ${previewMs} ms wall`);
  if (Object.keys(sdkDrift).length) console.log(`  SDK medians, first vs last 50 samples: ${JSON.stringify(sdkDrift)}`);

  const results = {
    generatedAt: new Date().toISOString(),
    machine,
    parameters: { iterations: ITERATIONS, warmup: WARMUP, apiVersion: API_VERSION, diffResources: DIFF_RESOURCES, previewResources: PREVIEW_RESOURCES, tokenOperations: TOKEN_OPERATIONS, sdkVersion: sdkVersion ?? null },
    rows,
    detail: {
      medianMs: Object.fromEntries(Object.entries(medians).map(([op, m]) => [op, Object.fromEntries(Object.entries(m).map(([c, v]) => [c, round(v)]))])),
      p90Ms: p90,
      diffCpuMsPerRound: diffCpu.map(round),
      protocolFloorMs: round(floorMs),
      previewWallMs: previewMs,
      providerBytes,
      providerKiB: Object.fromEntries(Object.entries(providerBytes).map(([k, v]) => [k, kib(v)])),
      hostPeakRssMiB: hostRss ?? null,
      idleHostPeakRssMiB: idleRss ?? null,
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

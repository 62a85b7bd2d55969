/**
 * Bringing an existing tenant under Pulumi in one step, through the real CLI: the packaged `pulumi-sailpoint-isc adopt`
 * writes the program from a populated emulator, `pulumi up` adopts every object without a single PATCH, POST, PUT or
 * DELETE, and the scheduled drift check (`pulumi preview --refresh --expect-no-changes`) passes right after.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { installedRoot } from "./support/installed-package";
import { CliProject } from "./support/project";
import { sailEnv, type } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName, legNode } from "./support/toolchain";

const run = promisify(execFile);
const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");
const count = (requests: readonly RecordedRequest[]) =>
  Object.entries(requests.reduce<Record<string, number>>((n, r) => ({ ...n, [r.method]: (n[r.method] ?? 0) + 1 }), {}))
    .map(([method, n]) => `${n} ${method}`)
    .join(", ");

describe(`real CLI: adopt a tenant made in the UI (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let dir: string;
  const seeded = new Map<string, string[]>();

  const seed = (kind: string, id: string) => seeded.set(kind, [...(seeded.get(kind) ?? []), id]);

  onCliStage((started) => {
    emulator = started;
    installedRoot();
    const prod = emulator.seedCluster({ name: "Prod VA Cluster", description: "primary data center", configuration: { gmtOffset: "-5", "ccg.debug": "false" } });
    const iai = emulator.seedCluster({ name: "prod va cluster", type: "iai" });
    const bare = emulator.seedCluster({ name: "ci" });
    for (const c of [prod, iai, bare]) seed("ManagedCluster", c.id);
    seed("ManagedClient", emulator.seedManagedClient({ clusterId: prod.id, name: "va-01", description: "rack 4" }).id);
    seed("ManagedClient", emulator.seedManagedClient({ clusterId: prod.id }).id);
    seed("ManagedClient", emulator.seedManagedClient({ clusterId: iai.id, name: "va-iai" }).id);
    emulator.setLogConfig(prod.id, { rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" }, durationMinutes: 120 });
    seed("OAuthClient", emulator.seedOAuthClient({ name: "ci", description: "deployment pipeline", accessTokenValiditySeconds: 900, scope: ["idn:remote-client:read"] }).client.id);
    seed(
      "OAuthClient",
      emulator.seedOAuthClient({
        name: "reporting portal",
        description: "BI dashboards",
        grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
        redirectUris: ["https://bi.example.com/callback"],
        refreshTokenValiditySeconds: 3600,
        accessType: "ONLINE",
        type: "PUBLIC",
        enabled: false,
        businessName: "Acme BI",
      }).client.id,
    );
    seed("OAuthClient", emulator.seedOAuthClient({ name: "legacy", description: "kept for the old sync", internal: true, strongAuthSupported: true }).client.id);
    // The API client the command and the provider run as, also listed as an OAuth client: never adopted by default.
    emulator.seedOAuthClient({ id: emulator.credentials.clientId, name: "pulumi", description: "Pulumi deployments" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-adopt-"));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the packaged command writes the program from the tenant, reading only", async () => {
    emulator.clearRequests();
    const bin = path.join(installedRoot(), "node_modules", ".bin", "pulumi-sailpoint-isc");
    const env = { ...process.env, ...sailEnv(emulator), PATH: [path.dirname(legNode()), process.env.PATH].join(path.delimiter) };
    const { stderr } = await run(bin, ["adopt", "--out", path.join(dir, "index.ts")], { env, cwd: dir });
    expect(writes(emulator.requests), "adopt never writes").to.deep.equal([]);
    expect(stderr).to.include("adopt: 3 managed clusters, 3 managed clients, 3 OAuth clients written to");
    expect(stderr).to.include("Secrets stay unknown");
    expect(stderr).to.include(`the API client this runs as`);
    const program = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
    expect(program).not.to.match(/WARNING/);
    expect(program).not.to.include(`importId: "${emulator.credentials.clientId}"`);
    expect(program.match(/^import .*/gm)).to.deep.equal(['import { ManagedClient, ManagedCluster, OAuthClient } from "pulumi-sailpoint-isc";']);
  });

  it("pulumi up adopts every object with zero PATCH, POST, PUT and DELETE requests", async () => {
    project = await CliProject.create("adopt", path.join(dir, "index.ts"), { env: sailEnv(emulator) });
    emulator.clearRequests();
    const up = await project.up();
    const api = emulator.requests.filter((r) => r.path !== "/oauth/token");
    console.log(`      adopt proof, pulumi up: ${count(api)} (${emulator.requests.length - api.length} token requests)`);
    expect(writes(emulator.requests), up.stdout).to.deep.equal([]);
    expect(up.stdout, "9 objects and the stack").to.match(/\+ 10 created/);
    const state = await project.resources();
    for (const [kind, ids] of seeded) {
      const adopted = [...state.values()].filter((r) => r.type === type(kind as "ManagedCluster")).map((r) => r.id);
      expect(adopted.sort(), kind).to.deep.equal([...ids].sort());
    }
    const oauth = [...state.values()].filter((r) => r.type === type("OAuthClient"));
    expect(oauth.map((r) => r.outputs?.secretKnown)).to.deep.equal([false, false, false]);
  });

  it("pulumi preview --refresh --expect-no-changes passes right after, with no write", async () => {
    emulator.clearRequests();
    const check = await project.preview(["--refresh", "--expect-no-changes"], { allowFailure: true });
    const api = emulator.requests.filter((r) => r.path !== "/oauth/token");
    console.log(`      adopt proof, preview --refresh: ${count(api)}`);
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    expect(writes(emulator.requests)).to.deep.equal([]);
    const json = await project.previewJson(["--refresh"]);
    expect(json.steps.filter((s) => s.op !== "refresh" && s.op !== "same")).to.deep.equal([]);
  });

  it("--include-log-configs: the active log configuration is adopted with one PUT (same levels, same end), and the check passes after", async () => {
    const bin = path.join(installedRoot(), "node_modules", ".bin", "pulumi-sailpoint-isc");
    const env = { ...process.env, ...sailEnv(emulator), PATH: [path.dirname(legNode()), process.env.PATH].join(path.delimiter) };
    const file = path.join(dir, "with-logs.ts");
    await run(bin, ["adopt", "--include-log-configs", "--include", "Prod VA*", "--out", file], { env, cwd: dir });
    const prod = emulator.store.listClusters().find((c) => c.name === "Prod VA Cluster")!;
    const before = emulator.store.getLogConfig(prod.id)!;
    const logs = await CliProject.create("adopt-logs", file, { env: sailEnv(emulator) });
    emulator.clearRequests();
    await logs.up();
    expect(writes(emulator.requests).map((r) => `${r.method} ${r.path.replace(prod.id, "{id}")}`)).to.deep.equal(["PUT /v2025/managed-clusters/{id}/log-config"]);
    expect(emulator.store.getLogConfig(prod.id)).to.deep.include({ rootLevel: before.rootLevel, logLevels: before.logLevels, expiration: before.expiration });
    emulator.clearRequests();
    const check = await logs.preview(["--refresh", "--expect-no-changes"], { allowFailure: true });
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    expect(writes(emulator.requests)).to.deep.equal([]);
  });
});

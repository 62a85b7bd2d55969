/**
 * `pulumi-sailpoint-isc adopt` against the in-process emulator: what it reads (GETs only), how the program is grouped,
 * the API client itself, log configurations, filters, --out, and that the program compiles against the built package.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { main } from "../../cli/index";
import { IscEmulator } from "../../emulator";

const REPO = path.resolve(__dirname, "..", "..");

interface Run {
  code: number;
  program: string;
  stderr: string;
}

describe("adopt (in process, on the emulator)", () => {
  let emulator: IscEmulator;
  let prodId: string;

  async function adopt(...args: string[]): Promise<Run> {
    const env = { SAIL_BASE_URL: emulator.url, SAIL_CLIENT_ID: emulator.credentials.clientId, SAIL_CLIENT_SECRET: emulator.credentials.clientSecret };
    let program = "";
    let stderr = "";
    const code = await main(["adopt", ...args], { stdout: (t) => (program += t), stderr: (t) => (stderr += t), env });
    return { code, program, stderr };
  }

  /** `new Kind("name"` in the order the program declares them. */
  const declared = (program: string) => [...program.matchAll(/new (\w+)\("([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

  before(async () => {
    emulator = await IscEmulator.start({ rateLimit: false });
    const prod = emulator.seedCluster({ name: "Prod VA", description: "primary", configuration: { gmtOffset: "-5" } });
    prodId = prod.id;
    const dev = emulator.seedCluster({ name: "dev va", type: "iai" });
    emulator.seedManagedClient({ clusterId: prod.id, name: "va-02" });
    emulator.seedManagedClient({ clusterId: prod.id, name: "va-01", description: "rack 4" });
    emulator.seedManagedClient({ clusterId: dev.id, name: "va-dev" });
    emulator.setLogConfig(prod.id, { rootLevel: "WARN", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 60 });
    emulator.seedOAuthClient({ name: "ci", description: "pipeline", scope: ["idn:remote-client:read"] });
    emulator.seedOAuthClient({ id: emulator.credentials.clientId, name: "pulumi-runner", description: "the API client adopt runs as" });
  });

  after(async () => emulator?.stop());
  beforeEach(() => emulator.clearRequests());

  it("reads with GETs only, and groups each cluster with its clients (by name), OAuth clients last", async () => {
    const run = await adopt();
    expect(run.code, run.stderr).to.equal(0);
    expect(emulator.requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token")).to.deep.equal([]);
    expect(declared(run.program)).to.deep.equal([
      "ManagedCluster dev-va",
      "ManagedClient va-dev",
      "ManagedCluster prod-va",
      "ManagedClient va-01",
      "ManagedClient va-02",
      "OAuthClient ci",
    ]);
    expect(run.program).to.match(/const prodVa = new ManagedCluster\("prod-va", \{\n  importId: "[0-9a-f]{32}",\n  name: "Prod VA",\n  description: "primary",\n  configuration: \{\n    gmtOffset: "-5",\n  \},\n\}\);/);
    expect(run.program).to.include("  clusterId: prodVa.id,");
    expect(run.program.match(/^import .*$/gm)).to.deep.equal(['import { ManagedClient, ManagedCluster, OAuthClient } from "pulumi-sailpoint-isc";']);
    expect(run.program).not.to.match(/WARNING/);
  });

  it("says what it left out and why: service keys, secrets, the API client itself, active log configurations", async () => {
    const { program, stderr } = await adopt();
    const header = program.replace(/\n\/\/ /g, " ");
    expect(header).to.include(`the keys the service adds to configuration by itself, still visible in the outputs: clusterExternalId (the cluster's id), clusterType (its type), gmtOffset ("0", the default).`);
    for (const text of [header, stderr.replace(/\nadopt: /g, " ")]) {
      expect(text).to.include("Secrets stay unknown");
      expect(text).to.include(`Not declared: "pulumi-runner" (${emulator.credentials.clientId}), the API client this runs as; --include-self declares it.`);
      expect(text).to.include("1 active log configuration listed as comments, not adopted");
      expect(text).not.to.match(/destroy/i);
    }
    expect(program).not.to.include('new OAuthClient("pulumi-runner"');
    expect(program).to.match(/\/\/ Active log configuration, not adopted \(it ends [0-9T:.Z-]+; --include-log-configs adopts it\):\n\/\/   rootLevel WARN; sailpoint\.connector\.JDBCConnector=DEBUG/);
    expect(emulator.requestsTo("GET", `/managed-clusters/${prodId}/log-config`)).to.have.length(1);
  });

  it("--include-self declares the API client, with a warning; --include-log-configs adopts the log configuration", async () => {
    const { program } = await adopt("--include-self", "--include-log-configs");
    expect(declared(program)).to.include.members(["OAuthClient pulumi-runner", "ClusterLogConfig prod-va-logs"]);
    expect(program).to.match(/\/\/ The API client this program runs as: replacing it .*\nnew OAuthClient\("pulumi-runner"/);
    expect(program).to.match(/new ClusterLogConfig\("prod-va-logs", \{\n  clusterId: prodVa\.id,\n  rootLevel: "WARN",\n  logLevels: \{\n    "sailpoint\.connector\.JDBCConnector": "DEBUG",\n  \},\n  expiration: "[^"]+",\n\}\);/);
  });

  it("--include / --exclude: a name pattern keeps a cluster with its clients; kind: patterns; clients of a left-out cluster name its id", async () => {
    expect(declared((await adopt("--include", "prod*")).program)).to.deep.equal(["ManagedCluster prod-va", "ManagedClient va-01", "ManagedClient va-02"]);
    expect(declared((await adopt("--exclude", "kind:oauth", "--exclude", "kind:client")).program)).to.deep.equal(["ManagedCluster dev-va", "ManagedCluster prod-va"]);
    const clientsOnly = (await adopt("--include", "kind:client", "--exclude", "va-0*")).program;
    expect(declared(clientsOnly)).to.deep.equal(["ManagedClient va-dev"]);
    expect(clientsOnly).to.match(/---- Managed clients of clusters not in this program ----\nnew ManagedClient\("va-dev", \{\n  importId: "[^"]+",\n  clusterId: "[0-9a-f]{32}",/);
  });

  it("--out writes the file instead of stdout; a bad filter or option is a usage error (2) that reads nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adopt-out-"));
    try {
      const run = await adopt("--out", path.join(dir, "index.ts"));
      expect(run.program).to.equal("");
      expect(fs.readFileSync(path.join(dir, "index.ts"), "utf8")).to.match(/^\/\/ Generated by `pulumi-sailpoint-isc adopt`/);
      expect(run.stderr).to.include(`written to ${path.join(dir, "index.ts")}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    emulator.clearRequests();
    expect((await adopt("--include", "kind:vm")).code).to.equal(2);
    expect((await adopt("--colour")).code).to.equal(2);
    expect(emulator.requests).to.deep.equal([]);
  });

  it("a failure while reading is exit 1, one line, without the secret", async () => {
    let stderr = "";
    const env = { SAIL_BASE_URL: emulator.url, SAIL_CLIENT_ID: emulator.credentials.clientId, SAIL_CLIENT_SECRET: "wrong-secret-value" };
    const code = await main(["adopt"], { stdout: () => undefined, stderr: (t) => (stderr += t), env });
    expect(code).to.equal(1);
    expect(stderr).to.match(/^pulumi-sailpoint-isc adopt: ISC GET \S+ failed: no access token: ISC POST \/oauth\/token failed with 401[^\n]*\n$/);
    expect(stderr).not.to.include("wrong-secret-value");
  });

  it("flags, in the program and on stderr, an object the provider would not adopt unchanged", async () => {
    const bad = emulator.seedOAuthClient({ name: "web", description: "", grantTypes: ["AUTHORIZATION_CODE"], redirectUris: null }).client;
    try {
      const { program, stderr } = await adopt("--include", "web");
      expect(program).to.match(/\/\/ WARNING: redirectUris must list at least one URL when grantTypes includes AUTHORIZATION_CODE\.\nnew OAuthClient\("web"/);
      expect(stderr).to.include("1 declaration would not adopt unchanged: see the WARNING comments (web)");
    } finally {
      emulator.removeOAuthClient(bad.id);
    }
  });

  it("writes a program that compiles as the index.ts of a Pulumi TypeScript project, against the built package", async function () {
    this.timeout(120_000);
    if (!fs.existsSync(path.join(REPO, "dist", "sdk", "index.d.ts"))) throw new Error("run `npm run build` first: the program is compiled against dist/");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "adopt-tsc-"));
    // ISC names are anyone's text: none may end a comment or a string and become code.
    const evil = emulator.seedCluster({ name: 'evil */ "\nprocess.exit(1) //', description: "a\u2028b`${x}`", configuration: { "\nkey": "'\\" } });
    emulator.setLogConfig(evil.id, { rootLevel: "INFO", logLevels: { "logger\nprocess.exit(2)": "DEBUG" }, durationMinutes: 60 });
    emulator.seedManagedClient({ clusterId: evil.id, name: "\u2029va" });
    try {
      const { program } = await adopt("--include-self", "--include-log-configs");
      expect(program.split("\n").filter((l) => /^\s*process\.exit/.test(l))).to.deep.equal([]);
      expect(declared(program)).to.include("ClusterLogConfig evil-process-exit-1-logs");
      fs.writeFileSync(path.join(dir, "index.ts"), program);
      fs.copyFileSync(path.join(REPO, "examples", "quickstart", "tsconfig.json"), path.join(dir, "tsconfig.json"));
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "adopted", private: true, main: "index.ts" }));
      fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
      const tsc = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
      execFileSync(process.execPath, [tsc, "-p", dir, "--noEmit", "--noUnusedLocals"], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      throw new Error(`tsc failed: ${(error as { stdout?: string }).stdout ?? (error as Error).message}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      emulator.removeCluster(evil.id);
    }
  });
});

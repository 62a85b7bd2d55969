/**
 * A program installed with pnpm: the isolated node_modules layout (each package sees only its declared dependencies
 * and peers, through symlinks into node_modules/.pnpm). The program type-checks against the installed typings, and
 * the real dynamic-provider host started in its directory loads the implementation from pnpm's store layout and
 * creates, reads, updates and deletes against the emulator.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { apiCalls, lines } from "../integration/wire";
import { cachedPackage, captureRegistrations, packInto, PULUMI_VERSION, REPO, run, traceResolution, type Captured } from "./installed";

const PNPM_VERSION = "12.23.0";
const STORE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-sailpoint-isc", "pnpm-store");

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { ClusterLogConfig, ManagedCluster, OAuthClient } from "pulumi-sailpoint-isc";

const cluster = new ManagedCluster("pnpm-cluster", { name: "pnpm-cluster", configuration: { gmtOffset: "-5" } });
new ClusterLogConfig("pnpm-logs", { clusterId: cluster.id, rootLevel: "INFO", durationMinutes: 60 });
const client = new OAuthClient("pnpm-client", {
  name: "pnpm-client",
  description: "installed with pnpm",
  accessTokenValiditySeconds: 750,
  grantTypes: ["CLIENT_CREDENTIALS"],
  accessType: "OFFLINE",
});
export const secret: pulumi.Output<string | null> = client.secret;
`;

describe("a program installed with pnpm", function () {
  this.timeout(300_000);
  let work: string;
  let program: string;
  let registrations: Captured[];

  before(async () => {
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-pnpm-")));
    const { tarball } = await packInto(work);
    program = path.join(work, "program");
    fs.mkdirSync(program);
    fs.writeFileSync(
      path.join(program, "package.json"),
      JSON.stringify({
        name: "pnpm-program",
        version: "1.0.0",
        private: true,
        dependencies: { "@pulumi/pulumi": PULUMI_VERSION, "pulumi-sailpoint-isc": `file:${path.relative(program, tarball)}` },
        // Unpinned, pnpm would pick TypeScript 7, which @pulumi/pulumi does not support (its peer range is < 7).
        devDependencies: { typescript: "~5.9.3", "@types/node": "^20.19.0" },
      }),
    );
    // pnpm 11 and later fail an install with a dependency build script nobody decided on; @pulumi/pulumi's
    // protobufjs has one it does not need.
    fs.writeFileSync(path.join(program, "pnpm-workspace.yaml"), "allowBuilds:\n  protobufjs: false\n");
    fs.writeFileSync(path.join(program, "index.ts"), PROGRAM);
    fs.writeFileSync(
      path.join(program, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "nodenext", moduleResolution: "nodenext", skipLibCheck: true, types: ["node"], outDir: "bin" }, files: ["index.ts"] }),
    );
    const pnpm = path.join(await cachedPackage("pnpm", PNPM_VERSION), "bin", "pnpm.mjs");
    // With CI set pnpm would insist on a lockfile; this program has none.
    await run(process.execPath, [pnpm, "install", "--no-frozen-lockfile", "--store-dir", STORE, "--reporter", "silent"], { cwd: program, timeout: 240_000 });
    await run(process.execPath, [path.join(program, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: program, timeout: 120_000 });
    registrations = await captureRegistrations(program, "bin/index.js");
  });
  after(async () => {
    await ProviderHost.stopAll();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("uses the isolated layout: the package is a link into node_modules/.pnpm, its own dependencies are not hoisted", () => {
    const linked = path.join(program, "node_modules", "pulumi-sailpoint-isc");
    expect(fs.lstatSync(linked).isSymbolicLink()).to.equal(true);
    expect(fs.realpathSync(linked)).to.include(`${path.sep}node_modules${path.sep}.pnpm${path.sep}pulumi-sailpoint-isc@`);
    expect(fs.existsSync(path.join(program, "node_modules", "got")), "got is reachable from the package only").to.equal(false);
    // The peer: the package's @pulumi/pulumi is the program's own copy.
    const peer = fs.realpathSync(path.join(fs.realpathSync(linked), "..", "@pulumi", "pulumi"));
    expect(peer).to.equal(fs.realpathSync(path.join(program, "node_modules", "@pulumi", "pulumi")));
  });

  it("type-checks and registers the three resources from the installed package", () => {
    expect(registrations.map((r) => `${r.type} ${r.name}`).sort()).to.deep.equal([
      "pulumi-nodejs:dynamic/sailpoint:ClusterLogConfig pnpm-logs",
      "pulumi-nodejs:dynamic/sailpoint:ManagedCluster pnpm-cluster",
      "pulumi-nodejs:dynamic/sailpoint:OAuthClient pnpm-client",
    ]);
    for (const r of registrations) expect(r.inputs.__provider).to.include('require("pulumi-sailpoint-isc/provider")');
  });

  describe("through the provider host started in the program's directory", () => {
    let emulator: IscEmulator;
    let host: ProviderHost;
    const provider = (name: string) => registrations.find((r) => r.name === name)!.inputs.__provider as string;

    before(async () => {
      emulator = await IscEmulator.start();
      host = await ProviderHost.start({ cwd: program, env: { NODE_OPTIONS: traceResolution(program) } });
      await host.configure(sailpointConfig(emulator));
    });
    after(async () => {
      await host?.stop();
      await emulator?.stop();
    });

    it("creates, reads, updates and deletes a ManagedCluster with the implementation from pnpm's layout", async () => {
      const urn = urnFor("ManagedCluster", "pnpm-cluster");
      const declared = { __provider: provider("pnpm-cluster"), name: "pnpm-cluster", configuration: { gmtOffset: "-5" } };
      const checked = await host.check(urn, {}, declared);
      expect(checked.failures).to.deep.equal([]);
      emulator.clearRequests();
      const created = await host.create(urn, checked.inputs);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clusters"]);
      expect(apiCalls(emulator)[0].body).to.deep.equal({ name: "pnpm-cluster", type: "idn", configuration: { gmtOffset: "-5" } });
      expect(created.properties).to.include({ name: "pnpm-cluster" });

      emulator.clearRequests();
      const read = await host.read(urn, created.id, created.properties, checked.inputs);
      expect(read.id).to.equal(created.id);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clusters/${created.id}`]);

      const news = (await host.check(urn, checked.inputs, { ...declared, description: "set from pnpm" })).inputs;
      const diff = await host.diff(urn, created.id, read.properties, news);
      expect(diff).to.include({ changes: "some" });
      expect(diff.replaces).to.deep.equal([]);
      emulator.clearRequests();
      const updated = await host.update(urn, created.id, read.properties, news);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/managed-clusters/${created.id}`]);
      expect(apiCalls(emulator)[0].body).to.deep.equal([{ op: "add", path: "/description", value: "set from pnpm" }]);
      expect(updated.properties).to.include({ description: "set from pnpm" });

      emulator.clearRequests();
      await host.delete(urn, created.id, updated.properties);
      expect(lines(emulator)).to.deep.equal([`DELETE /v2025/managed-clusters/${created.id}`]);
      expect(emulator.listClusters()).to.deep.equal([]);
    });

    it("creates an OAuthClient whose secret survives a read, and deletes it", async () => {
      const urn = urnFor("OAuthClient", "pnpm-client");
      const declared = {
        __provider: provider("pnpm-client"),
        name: "pnpm-client",
        description: "installed with pnpm",
        accessTokenValiditySeconds: 750,
        grantTypes: ["CLIENT_CREDENTIALS"],
        accessType: "OFFLINE",
      };
      const checked = await host.check(urn, {}, declared);
      expect(checked.failures).to.deep.equal([]);
      emulator.clearRequests();
      const created = await host.create(urn, checked.inputs);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/oauth-clients"]);
      const secret = (created.properties.secret as { value?: unknown })?.value ?? created.properties.secret;
      expect(secret).to.be.a("string").with.length.greaterThan(10);

      const read = await host.read(urn, created.id, created.properties, checked.inputs);
      expect((read.properties.secret as { value?: unknown })?.value ?? read.properties.secret).to.equal(secret);
      emulator.clearRequests();
      await host.delete(urn, created.id, read.properties);
      expect(lines(emulator)).to.deep.equal([`DELETE /v2025/oauth-clients/${created.id}`]);
    });

    it("resolved the provider implementation inside node_modules/.pnpm, never from this repository", () => {
      const resolved = host.stderr().split("\n").filter((line) => line.startsWith("RESOLVED pulumi-sailpoint-isc/provider -> "));
      expect(resolved).to.have.length.greaterThan(0);
      const installed = path.join(fs.realpathSync(path.join(program, "node_modules", "pulumi-sailpoint-isc")), "dist", "provider", "index.js");
      for (const line of resolved) expect(line).to.equal(`RESOLVED pulumi-sailpoint-isc/provider -> ${installed}`);
      expect(host.stderr()).not.to.include(`-> ${REPO}/`);
    });
  });
});

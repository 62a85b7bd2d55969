/**
 * examples/quickstart installed the way its README and package.json say, before the package is published: `npm pack`
 * in the checkout, then `npm install` in the quickstart, whose package.json names the tarball by a file: path. The
 * installed program type-checks with the TypeScript it declares and with the oldest 5.x and a 6.x, and its
 * resources go through the real provider host started in its directory against the emulator.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import semver from "semver";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor, type Kind } from "../harness/host";
import { apiCalls, lines } from "../integration/wire";
import { captureRegistrations, packInto, PULUMI_VERSION, REPO, run, traceResolution, tscOf, type Captured } from "../package/installed";

const QUICKSTART = path.join(REPO, "examples", "quickstart");
/** Besides the quickstart's own TypeScript: the oldest 5.x, and 6.x (which drops `moduleResolution: node`). */
const OTHER_TYPESCRIPTS = ["5.0.4", "6.0.3"];

interface Manifest {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

describe("examples/quickstart installed from the packed tarball", function () {
  this.timeout(300_000);
  let work: string;
  let program: string;
  let tarballName: string;
  let committed: Manifest;

  before(async () => {
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-quickstart-")));
    // The same layout as the checkout: the tarball where `npm pack` leaves it, two levels above the quickstart.
    tarballName = path.basename((await packInto(work)).tarball);
    program = path.join(work, "examples", "quickstart");
    fs.cpSync(QUICKSTART, program, { recursive: true, filter: (src) => !/node_modules|package-lock\.json|\.tgz$|[\\/]bin$/.test(src) });
    committed = JSON.parse(fs.readFileSync(path.join(program, "package.json"), "utf8")) as Manifest;
    // The @pulumi/pulumi this run tests (it must be in the quickstart's range; checked below).
    const pinned = { ...committed, dependencies: { ...committed.dependencies, "@pulumi/pulumi": PULUMI_VERSION } };
    fs.writeFileSync(path.join(program, "package.json"), JSON.stringify(pinned, null, 2));
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: program, timeout: 240_000 });
  });
  after(async () => {
    await ProviderHost.stopAll();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("names the tarball `npm pack` makes, and a @pulumi/pulumi range this run's version and the peer floor satisfy", () => {
    expect(committed.dependencies["pulumi-sailpoint-isc"]).to.equal(`file:../../${tarballName}`);
    const range = committed.dependencies["@pulumi/pulumi"];
    expect(semver.satisfies(PULUMI_VERSION, range), `${PULUMI_VERSION} in ${range}`).to.equal(true);
    const peer = (require(path.join(REPO, "package.json")) as { peerDependencies: Record<string, string> }).peerDependencies["@pulumi/pulumi"];
    expect(semver.minVersion(range)!.version, "the quickstart asks for no older SDK than the package supports").to.equal(semver.minVersion(peer)!.version);
    expect(semver.satisfies("7.0.0", committed.devDependencies.typescript), "TypeScript 7 is not supported by @pulumi/pulumi").to.equal(false);
  });

  it("installs the package as a copy from the tarball", () => {
    const installed = path.join(program, "node_modules", "pulumi-sailpoint-isc");
    expect(fs.lstatSync(installed).isSymbolicLink()).to.equal(false);
    expect(JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")).version).to.equal(tarballName.replace(/^pulumi-sailpoint-isc-|\.tgz$/g, ""));
  });

  it("type-checks with the TypeScript it declares", async () => {
    const tsc = path.join(program, "node_modules", "typescript", "bin", "tsc");
    const { stdout } = await run(process.execPath, [tsc, "--version"], { cwd: program });
    expect(semver.satisfies(stdout.replace("Version ", "").trim(), committed.devDependencies.typescript)).to.equal(true);
    await run(process.execPath, [tsc, "-p", ".", "--noEmit"], { cwd: program, timeout: 120_000 });
  });

  for (const version of OTHER_TYPESCRIPTS) {
    it(`type-checks with TypeScript ${version}`, async () => {
      const tsc = await tscOf(version);
      const { stdout } = await run(process.execPath, [tsc, "--version"], { cwd: program });
      expect(stdout.trim()).to.equal(`Version ${version}`);
      const result = await run(process.execPath, [tsc, "-p", ".", "--noEmit"], { cwd: program, timeout: 120_000 }).catch((error: { stdout?: string }) => error);
      expect("stdout" in result ? result.stdout : "", `TypeScript ${version} diagnostics`).to.equal("");
    });
  }

  describe("through provider hosts started in the quickstart's directory", () => {
    let emulator: IscEmulator;
    let host: ProviderHost;
    let registrations: Captured[];

    before(async () => {
      await run(process.execPath, [path.join(program, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--outDir", "bin"], { cwd: program, timeout: 120_000 });
      registrations = await captureRegistrations(program, "bin/index.js");
      emulator = await IscEmulator.start();
      host = await ProviderHost.start({ cwd: program, project: "sailpoint-isc-quickstart", env: { NODE_OPTIONS: traceResolution(program) } });
      await host.configure(sailpointConfig(emulator));
    });
    after(async () => {
      await host?.stop();
      await emulator?.stop();
    });

    it("creates and reads the quickstart's cluster, VA client, log configuration and OAuth client, then a later run deletes them", async () => {
      const declared = (name: string) => registrations.find((r) => r.name === name)!.inputs;
      expect(registrations.map((r) => r.name).sort()).to.deep.equal(["ci-pipeline", "va-1", "va-cluster", "va-cluster-logs"]);
      const created: { kind: Kind; name: string; id: string; properties: Record<string, unknown> }[] = [];
      const make = async (kind: Kind, name: string, inputs: Record<string, unknown>) => {
        const urn = urnFor(kind, name);
        const checked = await host.check(urn, {}, inputs);
        expect(checked.failures, name).to.deep.equal([]);
        const result = await host.create(urn, checked.inputs);
        const read = await host.read(urn, result.id, result.properties, checked.inputs);
        expect(read.id, `${name} is there`).to.equal(result.id);
        created.push({ kind, name, id: result.id, properties: read.properties });
        return result.id;
      };

      const clusterId = await make("ManagedCluster", "va-cluster", declared("va-cluster"));
      const vaId = await make("ManagedClient", "va-1", { ...declared("va-1"), clusterId });
      await make("ClusterLogConfig", "va-cluster-logs", { ...declared("va-cluster-logs"), clusterId });
      const clientId = await make("OAuthClient", "ci-pipeline", declared("ci-pipeline"));
      expect(lines(emulator)).to.deep.equal([
        "POST /v2025/managed-clusters",
        `GET /v2025/managed-clusters/${clusterId}`,
        "POST /v2025/managed-clients",
        `GET /v2025/managed-clients/${vaId}`,
        `PUT /v2025/managed-clusters/${clusterId}/log-config`,
        `GET /v2025/managed-clusters/${clusterId}/log-config`,
        "POST /v2025/oauth-clients",
        `GET /v2025/oauth-clients/${clientId}`,
      ]);
      const [postCluster, , postVa, , putLogs, , postClient] = apiCalls(emulator);
      expect(postVa.body).to.deep.equal({ clusterId, type: "VA", name: "dev-va-1", description: "First virtual appliance" });
      expect(postCluster.body).to.deep.equal({
        name: "dev-va-cluster",
        type: "idn",
        description: "Virtual appliances in the primary data center",
        configuration: { gmtOffset: "-5" },
      });
      expect(putLogs.body).to.deep.equal({ rootLevel: "INFO", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 });
      expect(postClient.body).to.include({ name: "dev-ci-pipeline", accessType: "OFFLINE", accessTokenValiditySeconds: 750 });

      // `pulumi destroy` is another run, so another host.
      await host.stop();
      const first = host.stderr();
      host = await ProviderHost.start({ cwd: program, project: "sailpoint-isc-quickstart", env: { NODE_OPTIONS: traceResolution(program) } });
      await host.configure(sailpointConfig(emulator));
      emulator.clearRequests();
      for (const { kind, name, id, properties } of created.reverse()) await host.delete(urnFor(kind, name), id, properties);
      expect(lines(emulator)).to.deep.equal([
        `DELETE /v2025/oauth-clients/${clientId}`,
        `PUT /v2025/managed-clusters/${clusterId}/log-config`,
        `DELETE /v2025/managed-clients/${vaId}`,
        `DELETE /v2025/managed-clusters/${clusterId}`,
      ]);
      expect(emulator.listClusters()).to.deep.equal([]);
      expect(emulator.listOAuthClients()).to.deep.equal([]);

      const installed = path.join(program, "node_modules", "pulumi-sailpoint-isc", "dist", "provider", "index.js");
      for (const stderr of [first, host.stderr()]) {
        expect(stderr).to.include(`RESOLVED pulumi-sailpoint-isc/provider -> ${installed}`);
        expect(stderr).not.to.include(`-> ${REPO}/`);
      }
    });
  });
});

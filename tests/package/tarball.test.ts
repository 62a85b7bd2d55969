/**
 * The published artifact: `npm pack` the (built) repo, install the tarball into a fresh program directory the way a
 * user would, capture `__provider` from the installed package, and run the real host from that directory so the
 * provider implementation loads from the installed tarball, not from this repo.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { providerText } from "../harness/provider-text";

const run = promisify(execFile);
const REPO = path.resolve(__dirname, "..", "..");
const PULUMI_VERSION = (require("@pulumi/pulumi/package.json") as { version: string }).version;
const ALLOWED = [/^dist\/sdk\//, /^dist\/provider\//, /^README\.md$/, /^package\.json$/, /^LICENSE(\.\w+)?$/];

/** Loaded by the host via NODE_OPTIONS: logs where `pulumi-sailpoint-isc` specifiers resolve to. */
const TRACE_RESOLUTION = `
const Module = require("module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  if (request.startsWith("pulumi-sailpoint-isc")) process.stderr.write("RESOLVED " + request + " -> " + file + "\\n");
  return file;
};`;

/** A user program under mocks that prints the ManagedCluster registration from the INSTALLED package. */
const CAPTURE_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
pulumi.runtime.setMocks({
  newResource: (args) => {
    process.stdout.write(JSON.stringify({ type: args.type, provider: args.inputs.__provider }));
    return { id: "captured", state: args.inputs };
  },
  call: (args) => args.inputs,
}, "tarball-program", "test", false);
const { ManagedCluster } = require("pulumi-sailpoint-isc");
new ManagedCluster("captured", { name: "captured" });
`;

describe("npm package tarball", function () {
  this.timeout(240_000);
  let work: string;
  let tarball: string;
  let packed: string[];
  let program: string;

  before(async () => {
    if (!fs.existsSync(path.join(REPO, "dist", "sdk", "index.js"))) throw new Error("run `npm run build` first");
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-tarball-")));
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: REPO, timeout: 60_000 });
    const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, info.filename);
    packed = info.files.map((f) => f.path);

    program = path.join(work, "program");
    fs.mkdirSync(program);
    fs.writeFileSync(path.join(program, "package.json"), JSON.stringify({ name: "tarball-program", version: "1.0.0", private: true }));
    await run("npm", ["install", tarball, `@pulumi/pulumi@${PULUMI_VERSION}`, "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: program,
      timeout: 180_000,
    });
  });
  after(async () => {
    await ProviderHost.stopAll();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("contains only the built sdk and provider, README and package.json", () => {
    const stray = packed.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
    expect(stray).to.deep.equal([]);
    expect(packed).to.include.members(["package.json", "README.md", "dist/sdk/index.js", "dist/provider/index.js"]);
    expect(packed.filter((file) => /\.ts$/.test(file) && !file.endsWith(".d.ts")), "no TypeScript sources").to.deep.equal([]);
  });

  it("installs as a real package, not a link to this repo", () => {
    const installed = path.join(program, "node_modules", "pulumi-sailpoint-isc");
    expect(fs.lstatSync(installed).isSymbolicLink()).to.equal(false);
    // createRequire from the program: a plain require.resolve here would self-reference this repo's package.
    expect(createRequire(path.join(program, "package.json")).resolve("pulumi-sailpoint-isc/provider")).to.equal(path.join(installed, "dist", "provider", "index.js"));
  });

  describe("against the emulator", () => {
    let emulator: IscEmulator;
    let text: string;

    before(async () => {
      emulator = await IscEmulator.start();
      fs.writeFileSync(path.join(program, "capture.js"), CAPTURE_PROGRAM);
      fs.writeFileSync(path.join(program, "trace-resolution.js"), TRACE_RESOLUTION);
      const { stdout } = await run(process.execPath, ["capture.js"], { cwd: program, timeout: 60_000 });
      const captured = JSON.parse(stdout) as { type: string; provider: string };
      expect(captured.type).to.equal("pulumi-nodejs:dynamic/sailpoint:ManagedCluster");
      text = captured.provider;
    });
    after(() => emulator?.stop());

    it("serializes the same small __provider as the repo build", async () => {
      expect(text).to.include('require("pulumi-sailpoint-isc/provider")');
      expect(text.length).to.be.below(2500);
      expect(text).to.equal(await providerText("ManagedCluster"));
    });

    it("creates, reads and deletes a ManagedCluster with the implementation from the installed tarball", async () => {
      const host = await ProviderHost.start({ cwd: program, env: { NODE_OPTIONS: `--require ${path.join(program, "trace-resolution.js")}` } });
      await host.configure(sailpointConfig(emulator));
      const urn = urnFor("ManagedCluster", "from-tarball");
      const api = () => emulator.requests.filter((r) => r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`);

      const checked = await host.check(urn, {}, { __provider: text, name: "from-tarball", type: "idn" });
      expect(checked.failures).to.deep.equal([]);
      const created = await host.create(urn, checked.inputs);
      expect(api()).to.deep.equal(["POST /v2025/managed-clusters"]);
      expect(emulator.requests.find((r) => r.method === "POST" && r.path === "/v2025/managed-clusters")!.body).to.deep.equal({
        name: "from-tarball",
        type: "idn",
      });
      expect(created.properties).to.include({ name: "from-tarball", __provider: text });

      const read = await host.read(urn, created.id, created.properties, checked.inputs);
      expect(read.id).to.equal(created.id);
      await host.delete(urn, created.id, created.properties);
      expect(api()).to.deep.equal(["POST /v2025/managed-clusters", `GET /v2025/managed-clusters/${created.id}`, `DELETE /v2025/managed-clusters/${created.id}`]);
      expect(emulator.requests.at(-1)!.query).to.deep.equal({ removeClients: "false" });
      await host.stop();

      const installedProvider = path.join(program, "node_modules", "pulumi-sailpoint-isc", "dist", "provider", "index.js");
      expect(host.stderr()).to.include(`RESOLVED pulumi-sailpoint-isc/provider -> ${installedProvider}`);
      expect(host.stderr()).not.to.include(`-> ${REPO}/`);
    });
  });
});

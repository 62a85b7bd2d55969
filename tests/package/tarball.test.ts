/**
 * The published artifact: `npm pack` the (built) repo, install the tarball into a fresh program directory the way a
 * user would, capture `__provider` from the installed package, and run the real host from that directory so the
 * provider implementation loads from the installed tarball, not from this repo.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { providerText } from "../harness/provider-text";
import { captureRegistrations, packInto, PULUMI_VERSION, REPO, run, traceResolution } from "./installed";

/** What the tarball holds: the licence, the docs, the manifest, and the compiled sdk/, provider/ and cli/ sources. */
function expectedFiles(): string[] {
  const compiled = ["sdk", "provider", "cli"].flatMap((dir) =>
    (fs.readdirSync(path.join(REPO, dir), { recursive: true }) as string[])
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
      .flatMap((file) => {
        const base = path.posix.join("dist", dir, file.split(path.sep).join("/")).replace(/\.ts$/, "");
        return [`${base}.d.ts`, `${base}.js`];
      }),
  );
  return ["CHANGELOG.md", "LICENSE", "README.md", "package.json", ...compiled].sort();
}

/** A user program that registers a ManagedCluster from the INSTALLED package. */
const CAPTURE_PROGRAM = `
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
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-tarball-")));
    ({ tarball, files: packed } = await packInto(work));

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

  it("contains exactly LICENSE, README.md, CHANGELOG.md, package.json and the compiled sdk and provider", () => {
    expect(packed).to.deep.equal(expectedFiles());
  });

  it("ships a manifest without install-time scripts or a dependency on itself, with its licence and links", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(program, "node_modules", "pulumi-sailpoint-isc", "package.json"), "utf8"));
    const installScripts = ["preinstall", "install", "postinstall", "prepare"].filter((name) => manifest.scripts?.[name] !== undefined);
    expect(installScripts).to.deep.equal([]);
    const dependencies = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((field) => Object.keys(manifest[field] ?? {}));
    expect(dependencies).not.to.include("pulumi-sailpoint-isc");
    expect(manifest).to.include({ license: "MIT" });
    expect(manifest.repository.url).to.equal("git+https://github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc.git");
    expect(manifest.homepage).to.be.a("string");
    expect(manifest.bugs.url).to.be.a("string");
    const licence = fs.readFileSync(path.join(program, "node_modules", "pulumi-sailpoint-isc", "LICENSE"), "utf8");
    expect(licence).to.match(/^MIT License\n\nCopyright \(c\) \d{4} pulumi-sailpoint-isc contributors\n/);
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
      const [captured] = await captureRegistrations(program, "capture.js");
      expect(captured.type).to.equal("pulumi-nodejs:dynamic/sailpoint:ManagedCluster");
      text = captured.inputs.__provider as string;
    });
    after(() => emulator?.stop());

    it("registers the same small, fixed __provider as the repo build", async () => {
      expect(text).to.include('require("pulumi-sailpoint-isc/provider")');
      expect(text.length).to.be.below(256);
      expect(text).to.equal(await providerText("ManagedCluster"));
    });

    it("creates, reads and deletes a ManagedCluster with the implementation from the installed tarball", async () => {
      const host = await ProviderHost.start({ cwd: program, env: { NODE_OPTIONS: traceResolution(program) } });
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

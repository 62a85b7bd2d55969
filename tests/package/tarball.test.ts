/**
 * The published artifact, made the way a maintainer or CI makes it: a clean clone (no node_modules, no dist), `npm
 * ci`, then `npm pack` and `npm publish` with their lifecycle scripts, so packing and publishing must build by
 * themselves. The two ways the README installs it are then exercised: the tarball from the checkout, and the
 * package by name from a registry (a local one that received the `npm publish`). Each program captures
 * `__provider` from its installed package and runs the real host from its directory, so the provider implementation
 * loads from the installed package, not from this repo.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { providerText } from "../harness/provider-text";
import { captureRegistrations, cleanCheckout, expectedTarballFiles, npmIn, packWithScripts, PULUMI_VERSION, REPO, run, traceResolution } from "./installed";
import { LocalRegistry } from "./local-registry";

/** A user program that registers a ManagedCluster from the INSTALLED package. */
const CAPTURE_PROGRAM = `
const { ManagedCluster } = require("pulumi-sailpoint-isc");
new ManagedCluster("captured", { name: "captured" });
`;

const INSTALL_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

function newProgram(work: string, name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", private: true }));
  return dir;
}

async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run("tar", ["-tzf", tarball], { maxBuffer: 16 << 20 });
  return stdout
    .split("\n")
    .filter((line) => line && !line.endsWith("/"))
    .map((line) => line.replace(/^package\//, ""))
    .sort();
}

describe("npm package tarball, from a clean clone", function () {
  this.timeout(900_000);
  let work: string;
  let checkout: string;
  let tarball: string;
  let packed: string[];
  let expected: ReturnType<typeof expectedTarballFiles>;
  let registry: LocalRegistry;
  let published: string[];
  /** The program that installed the tarball from the checkout, and the one that installed the package by name. */
  const programs: Record<"tarball" | "registry", string> = { tarball: "", registry: "" };

  before(async () => {
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-tarball-")));
    checkout = await cleanCheckout(work);
    expected = expectedTarballFiles(checkout);
    fs.mkdirSync(path.join(work, "packs"));
    ({ tarball, files: packed } = await packWithScripts(checkout, path.join(work, "packs")));

    // `npm publish` from the same checkout with its build gone: publishing must build again by itself.
    fs.rmSync(path.join(checkout, "dist"), { recursive: true, force: true });
    registry = await LocalRegistry.start("pulumi-sailpoint-isc");
    const userConfig = registry.writeUserConfig(work);
    await npmIn(checkout, ["publish", "--userconfig", userConfig, "--loglevel=error"]);
    const publishedTarball = path.join(work, "published.tgz");
    fs.writeFileSync(publishedTarball, registry.tarball(path.basename(tarball)) ?? Buffer.alloc(0));
    published = await tarballFiles(publishedTarball);

    // The README's two ways: the tarball `npm pack` left, and the package by name from the registry.
    programs.tarball = newProgram(work, "tarball-program");
    await run("npm", ["install", tarball, `@pulumi/pulumi@${PULUMI_VERSION}`, ...INSTALL_FLAGS], { cwd: programs.tarball, timeout: 240_000 });
    programs.registry = newProgram(work, "registry-program");
    await run("npm", ["install", "pulumi-sailpoint-isc", `@pulumi/pulumi@${PULUMI_VERSION}`, "--userconfig", userConfig, ...INSTALL_FLAGS], {
      cwd: programs.registry,
      timeout: 240_000,
    });
  });
  after(async () => {
    await ProviderHost.stopAll();
    await registry?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("npm pack builds: the tarball holds exactly what package.json \"files\" names, compiled, with every entry point", () => {
    expect(expected.files.filter((file) => file.startsWith("dist/"))).to.include("dist/sdk/index.js");
    expect(packed).to.deep.equal(expected.files);
    expect(expected.entryPoints.filter((file) => !packed.includes(file))).to.deep.equal([]);
  });

  it("npm publish builds too, and publishes the same files", () => {
    expect(registry.published).to.deep.equal([JSON.parse(fs.readFileSync(path.join(checkout, "package.json"), "utf8")).version]);
    expect(published).to.deep.equal(expected.files);
  });

  it("installs from the registry by name as the published version", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(programs.registry, "package.json"), "utf8"));
    expect(manifest.dependencies["pulumi-sailpoint-isc"]).to.equal(`^${registry.published[0]}`);
    expect(registry.packumentRequests).to.be.at.least(1);
    const installed = JSON.parse(fs.readFileSync(path.join(programs.registry, "node_modules", "pulumi-sailpoint-isc", "package.json"), "utf8"));
    expect(installed.version).to.equal(registry.published[0]);
  });

  it("ships a manifest without install-time scripts or a dependency on itself, with its licence and links", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(programs.tarball, "node_modules", "pulumi-sailpoint-isc", "package.json"), "utf8"));
    const installScripts = ["preinstall", "install", "postinstall", "prepare"].filter((name) => manifest.scripts?.[name] !== undefined);
    expect(installScripts).to.deep.equal([]);
    const dependencies = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((field) => Object.keys(manifest[field] ?? {}));
    expect(dependencies).not.to.include("pulumi-sailpoint-isc");
    expect(manifest).to.include({ license: "MIT" });
    expect(manifest.repository.url).to.equal("git+https://github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc.git");
    expect(manifest.homepage).to.be.a("string");
    expect(manifest.bugs.url).to.be.a("string");
    const licence = fs.readFileSync(path.join(programs.tarball, "node_modules", "pulumi-sailpoint-isc", "LICENSE"), "utf8");
    expect(licence).to.match(/^MIT License\n\nCopyright \(c\) \d{4} pulumi-sailpoint-isc contributors\n/);
  });

  for (const way of ["tarball", "registry"] as const) {
    describe(`installed from the ${way === "tarball" ? "checkout's tarball" : "registry by name"}`, () => {
      let emulator: IscEmulator;
      let text: string;

      before(async () => {
        emulator = await IscEmulator.start();
        fs.writeFileSync(path.join(programs[way], "capture.js"), CAPTURE_PROGRAM);
        const [captured] = await captureRegistrations(programs[way], "capture.js");
        expect(captured.type).to.equal("pulumi-nodejs:dynamic/sailpoint:ManagedCluster");
        text = captured.inputs.__provider as string;
      });
      after(() => emulator?.stop());

      it("installs as a real package, not a link to this repo", () => {
        const installed = path.join(programs[way], "node_modules", "pulumi-sailpoint-isc");
        expect(fs.lstatSync(installed).isSymbolicLink()).to.equal(false);
        // createRequire from the program: a plain require.resolve here would self-reference this repo's package.
        const resolved = createRequire(path.join(programs[way], "package.json")).resolve("pulumi-sailpoint-isc/provider");
        expect(resolved).to.equal(path.join(installed, "dist", "provider", "index.js"));
      });

      it("loads and registers a resource with the same small, fixed __provider as the repo build", async () => {
        expect(text).to.include('require("pulumi-sailpoint-isc/provider")');
        expect(text.length).to.be.below(256);
        expect(text).to.equal(await providerText("ManagedCluster"));
      });

      it("serves the provider: creates, reads and deletes a ManagedCluster with the installed implementation", async () => {
        const program = programs[way];
        const host = await ProviderHost.start({ cwd: program, env: { NODE_OPTIONS: traceResolution(program) } });
        await host.configure(sailpointConfig(emulator));
        const urn = urnFor("ManagedCluster", `from-${way}`);
        const api = () => emulator.requests.filter((r) => r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`);

        const checked = await host.check(urn, {}, { __provider: text, name: `from-${way}`, type: "idn" });
        expect(checked.failures).to.deep.equal([]);
        const created = await host.create(urn, checked.inputs);
        expect(api()).to.deep.equal(["POST /v2025/managed-clusters"]);
        expect(emulator.requests.find((r) => r.method === "POST" && r.path === "/v2025/managed-clusters")!.body).to.deep.equal({
          name: `from-${way}`,
          type: "idn",
        });
        expect(created.properties).to.include({ name: `from-${way}`, __provider: text });

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
  }
});

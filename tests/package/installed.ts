/**
 * Helpers for tests of the package as a user installs it: pack the built repo with npm, fetch pinned tools (pnpm,
 * other TypeScript versions) into a cache outside the checkout, capture what a program in an installed directory
 * registers, and see where the provider host resolves the package from.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);
export const REPO = path.resolve(__dirname, "..", "..");
/** The @pulumi/pulumi this test run uses; installed programs get the same version. */
export const PULUMI_VERSION = (require("@pulumi/pulumi/package.json") as { version: string }).version;
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-sailpoint-isc", "tools");

export interface Packed {
  tarball: string;
  /** Paths inside the tarball, as `npm pack` lists them. */
  files: string[];
}

/** `npm pack` of the (built) repository into `dest`. */
export async function packInto(dest: string): Promise<Packed> {
  if (!fs.existsSync(path.join(REPO, "dist", "sdk", "index.js"))) throw new Error("run `npm run build` first");
  const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dest], { cwd: REPO, timeout: 60_000 });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path).sort() };
}

/**
 * The directory of `name@version` installed from the npm registry into the cache (once; later calls reuse it), for
 * tools a test needs in a version the repository does not depend on.
 */
export async function cachedPackage(name: string, version: string): Promise<string> {
  const dir = path.join(CACHE, `${name}@${version}`);
  const installed = path.join(dir, "node_modules", name, "package.json");
  if (fs.existsSync(installed)) return path.dirname(installed);
  fs.mkdirSync(CACHE, { recursive: true });
  const temp = fs.mkdtempSync(path.join(CACHE, ".install-"));
  try {
    fs.writeFileSync(path.join(temp, "package.json"), JSON.stringify({ private: true }));
    await run("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", `${name}@${version}`], { cwd: temp, timeout: 180_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(temp, dir);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return path.dirname(installed);
}

/** A `tsc` command line of TypeScript `version` (from the cache). */
export async function tscOf(version: string): Promise<string> {
  return path.join(await cachedPackage("typescript", version), "bin", "tsc");
}

/**
 * Writes a module that, loaded with `--require`, logs to stderr every file a `pulumi-sailpoint-isc` specifier
 * resolves to; returns the NODE_OPTIONS value that loads it.
 */
export function traceResolution(dir: string): string {
  const file = path.join(dir, "trace-resolution.js");
  fs.writeFileSync(
    file,
    `const Module = require("module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  if (request.startsWith("pulumi-sailpoint-isc")) process.stderr.write("RESOLVED " + request + " -> " + file + "\\n");
  return file;
};
`,
  );
  return `--require ${file}`;
}

/** One resource registration of a program run under mocks in an installed directory. */
export interface Captured {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/**
 * Writes a module that, loaded with `--require` before a program, puts the program's own @pulumi/pulumi under mocks
 * (ids `<name>-id`, outputs = inputs) and prints every registration as one JSON line on stdout.
 */
export function mockRegistrations(dir: string): string {
  const file = path.join(dir, "mock-registrations.js");
  fs.writeFileSync(
    file,
    `const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [process.cwd()] }));
pulumi.runtime.setMocks({
  newResource: (args) => {
    process.stdout.write(JSON.stringify({ type: args.type, name: args.name, inputs: args.inputs }) + "\\n");
    return { id: args.name + "-id", state: args.inputs };
  },
  call: (args) => args.inputs,
}, "installed-program", "test", false);
`,
  );
  return file;
}

/** Runs `script` with node in `cwd` under mocks and returns what it registered. */
export async function captureRegistrations(cwd: string, script: string): Promise<Captured[]> {
  const { stdout } = await run(process.execPath, ["--require", mockRegistrations(cwd), script], { cwd, timeout: 60_000 });
  return stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Captured);
}

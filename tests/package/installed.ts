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
 * A clean checkout in `dest`/checkout: `git clone` of this repository brought to the work tree's state (every tracked
 * and not ignored file as it is now, so the test checks what the next commit ships; in CI the two are the same), no
 * node_modules, no dist. Then `npm ci`, exactly as a maintainer or a CI job starts.
 */
export async function cleanCheckout(dest: string): Promise<string> {
  const checkout = path.join(dest, "checkout");
  await run("git", ["clone", "--quiet", "--no-hardlinks", REPO, checkout], { timeout: 120_000 });
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, maxBuffer: 64 << 20 });
  for (const file of new Set(stdout.split("\0").filter(Boolean))) {
    const from = path.join(REPO, file);
    const to = path.join(checkout, file);
    if (!fs.existsSync(from)) {
      fs.rmSync(to, { force: true });
    } else if (fs.lstatSync(from).isFile()) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    }
  }
  for (const built of ["dist", "node_modules"]) if (fs.existsSync(path.join(checkout, built))) throw new Error(`the clone has ${built}/`);
  await npmIn(checkout, ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"]);
  return checkout;
}

/** Runs npm in `cwd`; a failure's message carries npm's stdout too (where a build script's compiler errors go). */
export async function npmIn(cwd: string, args: string[], timeout = 300_000): Promise<string> {
  try {
    return (await run("npm", args, { cwd, timeout, maxBuffer: 64 << 20 })).stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  }
}

/** `npm pack` in `dir` with its lifecycle scripts (prepack builds), into `dest`. */
export async function packWithScripts(dir: string, dest: string): Promise<Packed> {
  const stdout = await npmIn(dir, ["pack", "--json", "--pack-destination", dest]);
  // npm prints the lifecycle scripts' output before the JSON report.
  const [info] = JSON.parse(stdout.slice(stdout.indexOf("\n[") + 1)) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path).sort() };
}

/**
 * The files the tarball of the package in `dir` must hold, derived from its package.json: npm's always-included files
 * (package.json, README, LICENSE), each "files" entry (a `dist/<room>` entry stands for the .js and .d.ts of every
 * source of `<room>` the build compiles; any other entry for the files it names), and the entry points (main, types,
 * bin, exports), which must be among them.
 */
export function expectedTarballFiles(dir: string): { files: string[]; entryPoints: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    files: string[];
    main?: string;
    types?: string;
    bin?: Record<string, string>;
    exports?: Record<string, string | Record<string, string>>;
  };
  const under = (root: string) =>
    fs.statSync(path.join(dir, root)).isDirectory()
      ? (fs.readdirSync(path.join(dir, root), { recursive: true }) as string[])
          .map((file) => path.posix.join(root, file.split(path.sep).join("/")))
          .filter((file) => fs.statSync(path.join(dir, file)).isFile())
      : [root];
  const compiled = compiledSources(dir);
  const files = manifest.files.flatMap((entry) => {
    const room = /^dist\/([^/]+)$/.exec(entry)?.[1];
    if (!room) return under(entry);
    return compiled
      .filter((file) => file.startsWith(`${room}/`))
      .flatMap((file) => [`dist/${file.replace(/\.ts$/, ".d.ts")}`, `dist/${file.replace(/\.ts$/, ".js")}`]);
  });
  const always = fs.readdirSync(dir).filter((file) => /^(package\.json|readme(\..*)?|licen[cs]e(\..*)?)$/i.test(file));
  const exportTargets = Object.values(manifest.exports ?? {}).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)));
  const entryPoints = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets]
    .filter((file): file is string => file !== undefined)
    .map((file) => path.posix.normalize(file));
  return { files: [...new Set([...always, ...files])].sort(), entryPoints: [...new Set(entryPoints)].sort() };
}

/** The TypeScript sources `npm run build` compiles (tsconfig.build.json's include and exclude), relative to `dir`. */
function compiledSources(dir: string): string[] {
  const ts = require("typescript") as typeof import("typescript");
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.build.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`cannot read ${dir}/tsconfig.build.json`);
  return parsed.fileNames.filter((file) => !file.endsWith(".d.ts")).map((file) => path.relative(dir, file).split(path.sep).join("/"));
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

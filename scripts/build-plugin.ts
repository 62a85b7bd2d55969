/**
 * `npm run build:plugin`: the native plugin as one self-contained executable, for users who do not use npm.
 *
 * native/main.ts and everything it imports (provider/, @grpc/grpc-js, google-protobuf, the protocol stubs) are bundled
 * by esbuild into one CommonJS file, which becomes a Node.js single-executable application: a copy of the official
 * Node.js binary (line NODE_LINE, from scripts/node-runtime.sh) with the bundle injected by postject. Nothing else is
 * needed to run it: no Node.js, no node_modules. It ignores NODE_OPTIONS, so a user's Node.js settings cannot break it.
 *
 * Writes into dist/plugin/ (never committed):
 *   pulumi-resource-sailpoint                              the executable (a project's `plugins.providers` path may
 *                                                          point at this folder, as examples/yaml does)
 *   pulumi-resource-sailpoint-v<version>-linux-<arch>.tar.gz   what `pulumi plugin install resource sailpoint <version>
 *                                                          --file <archive>` takes as it is
 * (`--out <dir>` writes there instead) and checks the executable: it must print its port first, and answer
 * GetPluginInfo with the package's version. The last stdout line is the archive's path.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import * as grpc from "@grpc/grpc-js";
import * as esbuild from "esbuild";

// Packages without type declarations of their own.
const services = require("@pulumi/pulumi/proto/provider_grpc_pb") as { ResourceProviderClient: new (address: string, credentials: grpc.ChannelCredentials) => PluginInfoClient };
const { Empty } = require("google-protobuf/google/protobuf/empty_pb") as { Empty: new () => unknown };

interface PluginInfoClient {
  getPluginInfo(request: unknown, callback: (error: grpc.ServiceError | null, info: { getVersion(): string }) => void): void;
  close(): void;
}

const ROOT = path.resolve(__dirname, "..");
const OUT = path.resolve(parseArgs({ options: { out: { type: "string", default: path.join(ROOT, "dist", "plugin") } } }).values.out);
const WORK = path.join(OUT, ".work");
const ENTRY = path.join(ROOT, "native", "main.ts");
const NAME = "pulumi-resource-sailpoint";
/** Node.js 24: an LTS line whose single executables take a code cache, fixed execArgv and ignore NODE_OPTIONS. */
const NODE_LINE = "24";
/** The fuse every official Node.js binary carries; postject flips it so the binary runs the injected blob. */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

function log(message: string): void {
  console.error(`build:plugin: ${message}`);
}

function nodeBinary(): string {
  const out = execFileSync("bash", [path.join(ROOT, "scripts", "node-runtime.sh"), NODE_LINE], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return out.trim().split("\n").pop()!;
}

/**
 * native/version.ts finds the version in the package.json above it, which a single executable does not carry: the
 * bundle gets a version.ts answering the version it was built from (GetPluginInfo then reports it, checked below).
 */
function versionBuiltIn(version: string): esbuild.Plugin {
  const file = path.join(ROOT, "native", "version.ts");
  return {
    name: "version-built-in",
    setup(build) {
      build.onLoad({ filter: /[\\/]native[\\/]version\.ts$/ }, (args) =>
        args.path === file ? { contents: `export function packageVersion(): string { return ${JSON.stringify(version)}; }\n`, loader: "ts" } : undefined,
      );
    },
  };
}

/**
 * native/protocol.ts loads the protocol stubs and their gRPC and protobuf libraries through a require() made at run
 * time from the stubs' place, which a bundler cannot follow: the bundle gets the same module with plain require()
 * calls resolved from that same place, so it holds the one instance of each library the stubs use.
 */
function protocolBundled(): esbuild.Plugin {
  const file = path.join(ROOT, "native", "protocol.ts");
  const loader = /^const fromStubs = createRequire\(require\.resolve\("@pulumi\/pulumi\/proto\/provider_grpc_pb"\)\);$/m;
  return {
    name: "protocol-bundled",
    setup(build) {
      build.onLoad({ filter: /[\\/]native[\\/]protocol\.ts$/ }, (args) => {
        if (args.path !== file) return undefined;
        const source = fs.readFileSync(file, "utf8");
        if (!loader.test(source)) throw new Error("native/protocol.ts no longer defines fromStubs as this build expects");
        const contents = source.replace(loader, "").replace(/\bfromStubs\(/g, "require(");
        return { contents, loader: "ts", resolveDir: path.dirname(require.resolve("@pulumi/pulumi/proto/provider_grpc_pb")) };
      });
    },
  };
}

async function bundle(file: string, version: string): Promise<void> {
  const result = await esbuild.build({
    plugins: [versionBuiltIn(version), protocolBundled()],
    // As TypeScript and Node.js resolve the sources: `./schema` is the folder schema/, not native/schema.json.
    resolveExtensions: [".ts", ".js", ".cjs"],
    entryPoints: [ENTRY],
    outfile: file,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${NODE_LINE}`,
    // Stack traces name the core's functions.
    keepNames: true,
    logLevel: "warning",
    metafile: true,
  });
  // A single executable can require() only Node's built-in modules: everything else must be inside the bundle.
  const external = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !isBuiltin(i.path)));
  if (external.length > 0) throw new Error(`the bundle leaves modules outside: ${external.map((i) => i.path).join(", ")}`);
}

/** The Node.js flags the npm bin's first line (`#!/usr/bin/env -S node <flags>`) gives the plugin: the executable's too. */
function pluginNodeFlags(): string[] {
  const line = fs.readFileSync(ENTRY, "utf8").split("\n")[0];
  const match = /^#!\/usr\/bin\/env(?: -S)? node((?: --[\w-]+(?:=\S+)?)*)$/.exec(line);
  if (!match) throw new Error(`${path.relative(ROOT, ENTRY)} no longer starts with the #!/usr/bin/env line this build reads its Node.js flags from`);
  return match[1].split(" ").filter(Boolean);
}

function singleExecutable(node: string, script: string, target: string): void {
  const config = path.join(WORK, "sea-config.json");
  const blob = path.join(WORK, "sea-prep.blob");
  const execArgv = pluginNodeFlags();
  fs.writeFileSync(
    config,
    JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, useSnapshot: false, execArgv, execArgvExtension: "none" }),
  );
  quietly(node, ["--experimental-sea-config", config]);
  fs.copyFileSync(node, target);
  fs.chmodSync(target, 0o755);
  // Node's release binaries carry debug symbols (about 18 MB): drop them when binutils is there.
  try {
    execFileSync("strip", [target], { stdio: "ignore" });
  } catch {
    log("strip is not available: the executable keeps Node's debug symbols");
  }
  // postject's ELF library warns about every note section of Node's binary: its output is shown only on failure.
  quietly(process.execPath, [require.resolve("postject/dist/cli.js"), target, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE]);
}

/** Runs a tool whose output matters only when it fails. */
function quietly(file: string, args: string[]): void {
  const run = spawnSync(file, args, { cwd: WORK, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${path.basename(file)} ${args.join(" ")} failed (${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
}

/** Starts the executable as the engine does, reads the port from its first line and asks GetPluginInfo. */
async function smokeTest(executable: string, version: string): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(executable, ["127.0.0.1:1"], { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "" } });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error(`no port within 20 s; stderr:\n${stderr}`)), 20_000);
      child.once("exit", (code) => reject(new Error(`exited with ${code} before printing its port; stderr:\n${stderr}`)));
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split("\n");
        if (line.length < 2) return;
        clearTimeout(timer);
        if (!/^\d+$/.test(line[0])) reject(new Error(`the first line is not a port: ${JSON.stringify(line[0])}`));
        else resolve(Number(line[0]));
      });
    });
    const startup = Number(process.hrtime.bigint() - started) / 1e6;
    const reported = await pluginVersion(port);
    if (reported !== version) throw new Error(`GetPluginInfo answered version ${JSON.stringify(reported)}, expected ${version}`);
    return startup;
  } finally {
    child.kill("SIGKILL");
  }
}

function pluginVersion(port: number): Promise<string> {
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return new Promise<string>((resolve, reject) => {
    client.getPluginInfo(new Empty(), (error, info) => (error ? reject(error) : resolve(info.getVersion())));
  }).finally(() => client.close());
}

function archive(executable: string, version: string, arch: string): string {
  const file = path.join(OUT, `${NAME}-v${version}-linux-${arch}.tar.gz`);
  const staging = path.join(WORK, "archive");
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  fs.copyFileSync(executable, path.join(staging, NAME));
  fs.chmodSync(path.join(staging, NAME), 0o755);
  const members = [NAME];
  for (const extra of ["LICENSE", "README.md"]) {
    if (!fs.existsSync(path.join(ROOT, extra))) continue;
    fs.copyFileSync(path.join(ROOT, extra), path.join(staging, extra));
    members.push(extra);
  }
  execFileSync("tar", ["-C", staging, "--owner=0", "--group=0", "--numeric-owner", "-czf", file, ...members]);
  return file;
}

async function main(): Promise<void> {
  if (process.platform !== "linux") throw new Error("the plugin executable is built on Linux only");
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const arch = process.arch;
  if (arch !== "x64" && arch !== "arm64") throw new Error(`no Node.js binary for ${arch} (x64 and arm64 only)`);
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const node = nodeBinary();
  log(`bundling ${path.relative(ROOT, ENTRY)} with esbuild`);
  const script = path.join(WORK, "main.js");
  await bundle(script, version);
  log(`making a single executable from Node.js ${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()}`);
  const executable = path.join(OUT, NAME);
  singleExecutable(node, script, path.join(WORK, NAME));
  fs.renameSync(path.join(WORK, NAME), executable);
  const startup = await smokeTest(executable, version);
  const file = archive(executable, version, arch);
  fs.rmSync(WORK, { recursive: true, force: true });

  const mb = (f: string) => `${(fs.statSync(f).size / 2 ** 20).toFixed(1)} MiB`;
  log(`${path.relative(ROOT, executable)} (${mb(executable)}; port printed ${startup.toFixed(0)} ms after start)`);
  log(`${path.relative(ROOT, file)} (${mb(file)})`);
  log(`install it with: pulumi plugin install resource sailpoint ${version} --file ${path.relative(process.cwd(), file)}`);
  console.log(file);
}

main().catch((error: unknown) => {
  console.error(`build:plugin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

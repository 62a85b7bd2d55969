/**
 * `npm run example`: runs examples/quickstart with the Pulumi CLI against the local ISC emulator (default) or a real
 * tenant (`--tenant`, or EXAMPLE_TARGET=tenant, with the SAIL_* variables), on a throwaway local file backend:
 * pulumi up, pulumi preview --expect-no-changes (no false drift), the stack outputs, then pulumi destroy.
 * It cleans up after itself, also on failure or Ctrl-C, and never downloads anything.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const PROGRAM = path.join(ROOT, "examples", "quickstart");
const MIN_CLI = [3, 139, 0];
const INSTALL_URL = "https://www.pulumi.com/docs/iac/download-install/";
export const TEMP_PREFIX = "sailpoint-isc-example-";

interface Target {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

function fail(message: string): never {
  console.error(`npm run example: ${message}`);
  process.exit(1);
}

/** The Pulumi CLI version on PATH, or a clear exit when it is missing or too old. */
function requireCli(): string {
  const probe = spawnSync("pulumi", ["version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    fail(`the Pulumi CLI (>= ${MIN_CLI.join(".")}) was not found on PATH. Install it from ${INSTALL_URL} and run this again.`);
  }
  const version = probe.stdout.trim().replace(/^v/, "");
  const parts = version.split(/[.-]/).map(Number);
  const first = MIN_CLI.findIndex((n, i) => (parts[i] ?? 0) !== n);
  if (first >= 0 && (parts[first] ?? 0) < MIN_CLI[first]) fail(`Pulumi CLI ${version} is too old: dynamic provider configuration needs >= ${MIN_CLI.join(".")} (${INSTALL_URL}).`);
  return version;
}

async function startTarget(tenant: boolean): Promise<Target> {
  if (tenant) {
    const { SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET } = process.env;
    if (!SAIL_BASE_URL || !SAIL_CLIENT_ID || !SAIL_CLIENT_SECRET) {
      fail("--tenant needs SAIL_BASE_URL, SAIL_CLIENT_ID and SAIL_CLIENT_SECRET in the environment.");
    }
    return { baseUrl: SAIL_BASE_URL, clientId: SAIL_CLIENT_ID, clientSecret: SAIL_CLIENT_SECRET, stop: async () => undefined };
  }
  const { IscEmulator } = require("../emulator") as typeof import("../emulator");
  const emulator = await IscEmulator.start({});
  console.log(`Local ISC emulator at ${emulator.url}`);
  return { baseUrl: emulator.url, ...emulator.credentials, stop: () => emulator.stop() };
}

/**
 * A copy of the quickstart in the temporary directory, so the stack files Pulumi writes never land in the checkout.
 * Its node_modules is this repository's, which links the package to itself: the program and the provider host
 * resolve pulumi-sailpoint-isc (and the one @pulumi/pulumi) from this checkout.
 */
function copyProgram(work: string): string {
  const dir = path.join(work, "quickstart");
  cpSync(PROGRAM, dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

let current: ChildProcess | undefined;

/** Runs the CLI; `input` goes to its stdin (how a secret is set without appearing on a command line). */
function pulumi(cwd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  console.log(`\n$ pulumi ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd, env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "inherit"] });
    if (input !== undefined) child.stdin!.end(input);
    current = child;
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      current = undefined;
      if (code === 0) resolve(out);
      else reject(new Error(`pulumi ${args[0]} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const tenant = process.argv.includes("--tenant") || process.env.EXAMPLE_TARGET === "tenant";
  const keep = process.argv.includes("--keep");
  const cli = requireCli();
  console.log(`Pulumi CLI ${cli}; target: ${tenant ? "your tenant (SAIL_BASE_URL)" : "the local ISC emulator"}`);

  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) fail("npm run build failed");

  const work = mkdtempSync(path.join(tmpdir(), TEMP_PREFIX));
  let target: Target | undefined;
  const cleanup = async () => {
    current?.kill("SIGINT");
    await target?.stop();
    rmSync(work, { recursive: true, force: true });
  };
  const interrupted = () => {
    console.error("\nInterrupted: cleaning up");
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    target = await startTarget(tenant);
    const program = copyProgram(work);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${path.join(work, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: randomBytes(16).toString("hex"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      SAIL_CLIENT_SECRET: undefined,
    };
    const run = (args: string[], input?: string) => pulumi(program, [...args, "--non-interactive"], env, input);
    await run(["stack", "init", "example"]);
    await run(["config", "set", "sailpoint:baseUrl", target.baseUrl]);
    await run(["config", "set", "sailpoint:clientId", target.clientId]);
    await run(["config", "set", "--secret", "sailpoint:clientSecret"], target.clientSecret);
    await run(["up", "--yes"]);
    await run(["preview", "--expect-no-changes"]);
    await run(["stack", "output"]);
    if (!(tenant && keep)) await run(["destroy", "--yes"]);
    console.log("\nDone: created, verified free of drift, and destroyed.");
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(`npm run example failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

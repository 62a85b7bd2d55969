/**
 * `npm run example`: runs examples/quickstart with the real Pulumi CLI against the local ISC emulator (default) or a
 * real tenant (`--tenant`, or EXAMPLE_TARGET=tenant, with the SAIL_* variables), on a throwaway local file backend:
 * pulumi up, pulumi preview --expect-no-changes (no false drift), the stack outputs, then pulumi destroy.
 *
 * The CLI comes from scripts/pulumi-cli.sh: a `pulumi` on PATH when it is new enough, else the pinned version built
 * once from the Go module proxy into ~/.cache (minutes, the first time). With the Node.js language host installed
 * (a full Pulumi install) the commands run in the program's directory as a user runs them; without it (a CLI built
 * from the Go modules) they run through scripts/pulumi-inline.ts, which serves the same program to the same CLI.
 * It cleans up after itself, also on failure or Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const PROGRAM = path.join(ROOT, "examples", "quickstart");
const INSTALL_URL = "https://www.pulumi.com/docs/iac/download-install/";
export const TEMP_PREFIX = "sailpoint-isc-example-";

const USAGE = `usage: npm run example [-- --tenant] [-- --keep]

Runs examples/quickstart with the Pulumi CLI on a throwaway local backend: pulumi up, pulumi preview
--expect-no-changes, the stack outputs, pulumi destroy. Nothing is left behind.

  (default)   against the local ISC emulator, started and stopped by this command
  --tenant    against the tenant named by SAIL_BASE_URL, SAIL_CLIENT_ID and SAIL_CLIENT_SECRET (or EXAMPLE_TARGET=tenant)
  --keep      with --tenant: leave the objects in the tenant (no destroy)
  --help      this text

The Pulumi CLI: a pulumi >= 3.139 on PATH, or else the pinned version is built from the Go module proxy into
~/.cache/pulumi-sailpoint-isc (about 8 minutes once, on 2 cores; needs Go). Install it from ${INSTALL_URL}`;

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

/** The directory with `pulumi` (and its Node.js dynamic-provider launcher), found or built by scripts/pulumi-cli.sh. */
function cliDirectory(): string {
  const found = spawnSync("bash", [path.join(ROOT, "scripts", "pulumi-cli.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const dir = found.stdout.trim().split("\n").pop();
  if (found.status !== 0 || !dir) fail(`no Pulumi CLI: install it from ${INSTALL_URL} (>= 3.139), or install Go to have one built.`);
  return dir;
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
 * Its node_modules is this repository's, where the build links the package to itself: the program and the provider
 * host resolve pulumi-sailpoint-isc (and the one @pulumi/pulumi) from this checkout.
 */
function copyProgram(work: string): string {
  const dir = path.join(work, "quickstart");
  cpSync(PROGRAM, dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

let current: ChildProcess | undefined;

/** Runs one CLI command; `input` goes to its stdin (how a secret is set without appearing on a command line). */
function run(command: string, argv: string[], label: string, cwd: string, env: NodeJS.ProcessEnv, input?: string): Promise<void> {
  console.log(`\n$ pulumi ${label}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env, stdio: [input === undefined ? "ignore" : "pipe", "inherit", "inherit"] });
    if (input !== undefined) child.stdin!.end(input);
    current = child;
    child.on("error", reject);
    child.on("close", (code) => {
      current = undefined;
      if (code === 0) resolve();
      else reject(new Error(`pulumi ${label.split(" ")[0]} exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const tenant = process.argv.includes("--tenant") || process.env.EXAMPLE_TARGET === "tenant";
  const keep = process.argv.includes("--keep");
  const cli = cliDirectory();
  const languageHost = existsSync(path.join(cli, "pulumi-language-nodejs"));
  console.log(`Pulumi CLI in ${cli} (${languageHost ? "with" : "without"} the Node.js language host); target: ${tenant ? "your tenant (SAIL_BASE_URL)" : "the local ISC emulator"}`);

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
    const state = path.join(work, "state");
    mkdirSync(state);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: [cli, path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
      PULUMI_BACKEND_URL: `file://${state}`,
      PULUMI_CONFIG_PASSPHRASE: randomBytes(16).toString("hex"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      SAIL_CLIENT_SECRET: undefined,
    };
    const tsx = require.resolve("tsx/cjs");
    const inline = path.join(ROOT, "scripts", "pulumi-inline.ts");
    const pulumi = (args: string[], input?: string) => {
      const all = [...args, "--non-interactive"];
      return languageHost
        ? run("pulumi", all, args.join(" "), program, env, input)
        : run(process.execPath, ["--require", tsx, inline, path.join(program, "index.ts"), ...all], args.join(" "), program, env, input);
    };
    await pulumi(["stack", "init", "example"]);
    await pulumi(["config", "set", "sailpoint:baseUrl", target.baseUrl]);
    await pulumi(["config", "set", "sailpoint:clientId", target.clientId]);
    await pulumi(["config", "set", "--secret", "sailpoint:clientSecret"], target.clientSecret);
    await pulumi(["up", "--yes"]);
    await pulumi(["preview", "--expect-no-changes"]);
    await pulumi(["stack", "output"]);
    if (!(tenant && keep)) await pulumi(["destroy", "--yes"]);
    console.log(`\nDone: created, verified free of drift${tenant && keep ? "" : ", and destroyed"}.`);
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

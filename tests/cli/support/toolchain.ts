/**
 * Which Pulumi CLI, Node.js and @pulumi/pulumi the real-CLI suite runs, and the commands to run them with.
 *
 * - The CLI: scripts/pulumi-cli.sh (a new enough `pulumi` on PATH, else the pinned version built from the Go module
 *   proxy into a cache outside the checkout; minutes when cold).
 * - Node.js: CLI_SUITE_NODE (a node binary), else the one running the tests. The program, the Automation API server
 *   and the dynamic-provider host all run on it.
 * - @pulumi/pulumi: CLI_SUITE_SDK (a version), else the oldest the package supports (its peer range's floor): the
 *   main test run covers the floor, and CI runs the suite again with the newest.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI_SCRIPT = path.join(REPO, "scripts", "pulumi-cli.sh");
const INLINE = path.join(REPO, "scripts", "pulumi-inline.ts");

let binDir: string | undefined;

/** The directory holding `pulumi` and `pulumi-resource-pulumi-nodejs`, obtained once per test run. */
export function pulumiBinDir(): string {
  if (!binDir) {
    const out = execFileSync("bash", [CLI_SCRIPT], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    binDir = out.trim().split("\n").pop()!;
  }
  return binDir;
}

export function legNode(): string {
  return process.env.CLI_SUITE_NODE || process.execPath;
}

export function legSdk(): string {
  if (process.env.CLI_SUITE_SDK) return process.env.CLI_SUITE_SDK;
  const range = (require(path.join(REPO, "package.json")) as { peerDependencies: Record<string, string> }).peerDependencies["@pulumi/pulumi"];
  const floor = /^>=\s*(\d+\.\d+\.\d+)/.exec(range)?.[1];
  if (!floor) throw new Error(`cannot read the floor of the @pulumi/pulumi peer range "${range}"`);
  return floor;
}

export function legName(): string {
  const node = execFileSync(legNode(), ["--version"], { encoding: "utf8" }).trim();
  return `Node ${node}, @pulumi/pulumi ${legSdk()}`;
}

/** argv that runs `pulumi <args>` on `program` (a .ts file) the way scripts/pulumi-inline.ts does. */
export function inlineCommand(program: string, args: string[]): { file: string; argv: string[] } {
  return { file: legNode(), argv: ["--require", require.resolve("tsx/cjs"), INLINE, program, ...args] };
}

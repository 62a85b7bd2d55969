/**
 * The package as a user installs it: `npm pack` of this checkout (built first by `npm test`) installed with the leg's
 * @pulumi/pulumi into one node_modules per test run, shared by every project of the suite through a symlink, and
 * removed when the process exits (mocha's --exit included).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { REPO, legNode, legSdk } from "./toolchain";

let root: string | undefined;

/** npm with the leg's Node first on PATH, so install-time engine checks see the runtime under test. */
function npm(args: string[], cwd: string): string {
  const env = { ...process.env, PATH: `${path.dirname(legNode())}${path.delimiter}${process.env.PATH}` };
  return execFileSync("npm", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A directory whose node_modules holds the packed package and @pulumi/pulumi, created once per test run. */
export function installedRoot(): string {
  if (root) return root;
  if (!fs.existsSync(path.join(REPO, "dist", "provider", "index.js"))) throw new Error("run `npm run build` first: the suite installs the packed package");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-cli-suite-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  const tarball = npm(["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], REPO).trim().split("\n").pop()!;
  const pkg = {
    name: "sailpoint-cli-suite",
    private: true,
    dependencies: { "@pulumi/pulumi": legSdk(), "pulumi-sailpoint-isc": `file:./${tarball}` },
  };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  npm(["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"], dir);
  root = dir;
  return dir;
}

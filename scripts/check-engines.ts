/**
 * Checks that package.json `engines.node` tells the truth at its edges: the built package (dist/sdk and
 * dist/provider, which loads got, an ES module, with require()) loads on the first release of each Node.js line the
 * range admits and fails on the last release just below it.
 *
 *   tsx scripts/check-engines.ts      (after npm run build; fetches the Node.js binaries with scripts/node-runtime.sh)
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import semver from "semver";

const ROOT = path.resolve(__dirname, "..");
/** Each edge of `^20.19 || >=22.12`: the newest release below it and the first release in it. */
const PROBES = ["20.18", "20.19.0", "22.11", "22.12.0"];

const range = (require(path.join(ROOT, "package.json")) as { engines: { node: string } }).engines.node;
// The HTTP layer loads on the first request (a preview never needs it), so it is loaded here explicitly: got is what
// needs require(esm).
const provider = JSON.stringify(path.join(ROOT, "dist", "provider"));
const load = `require(${JSON.stringify(path.join(ROOT, "dist", "sdk"))}); const p = require(${provider}); p.resource("ManagedCluster"); void p.IscClient;`;

let wrong = 0;
for (const probe of PROBES) {
  const node = execFileSync(path.join(ROOT, "scripts", "node-runtime.sh"), [probe], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
  const result = spawnSync(node, ["-e", load], { cwd: ROOT, encoding: "utf8" });
  const loads = result.status === 0;
  const admitted = semver.satisfies(version, range);
  const error = result.stderr.split("\n").find((line) => /^\w*Error/.test(line)) ?? result.stderr.trim().split("\n")[0] ?? "";
  console.log(`${version}: ${loads ? "loads" : `fails (${error})`}; engines.node "${range}" ${admitted ? "admits" : "excludes"} it`);
  if (loads !== admitted) wrong++;
}
if (wrong > 0) {
  console.error(`check-engines: engines.node "${range}" disagrees with ${wrong} of ${PROBES.length} Node.js releases`);
  process.exit(1);
}
console.log(`check-engines: engines.node "${range}" matches every probed release`);

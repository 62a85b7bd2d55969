/**
 * sdks/python and sdks/go/sailpoint are generated from native/schema.json by sdks/codegen (`npm run gen:sdks`): a fresh
 * generation into a temporary folder must give exactly the committed files. Needs Go (the generators are Pulumi's own,
 * in github.com/pulumi/pulumi/pkg/v3); without it the suite is skipped and says so.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { REPO } from "../cli/support/toolchain";

const SDKS = path.join(REPO, "sdks");
/** What a build or an interpreter leaves beside the sources (sdks/python/.gitignore keeps them out of git). */
const BUILD_LEFTOVERS = /(^|\/)(__pycache__|build|dist|[^/]*\.egg-info)(\/|$)|\.pyc$/;

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (!BUILD_LEFTOVERS.test(rel)) out.set(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return out;
}

function goAvailable(): boolean {
  try {
    execFileSync("go", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("the generated Python and Go SDKs are what sdks/codegen writes from native/schema.json", function () {
  this.timeout(600_000);
  let out: string;

  before(function () {
    if (!goAvailable()) {
      console.log("    SKIPPED: no `go` on PATH; the SDK generators are Go (sdks/codegen), so freshness cannot be checked here");
      this.skip();
    }
    out = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-sdks-fresh-"));
    execFileSync("go", ["-C", path.join(SDKS, "codegen"), "run", ".", "-schema", path.join(REPO, "native", "schema.json"), "-out", out], { stdio: ["ignore", "inherit", "inherit"] });
  });

  after(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  for (const sdk of ["python", "go/sailpoint"]) {
    it(`sdks/${sdk} is fresh (else: npm run gen:sdks)`, () => {
      const committed = files(path.join(SDKS, sdk));
      const fresh = files(path.join(out, sdk));
      const missing = [...fresh.keys()].filter((f) => !committed.has(f));
      const extra = [...committed.keys()].filter((f) => !fresh.has(f));
      const stale = [...fresh.keys()].filter((f) => committed.has(f) && !committed.get(f)!.equals(fresh.get(f)!));
      expect({ missing, extra, stale }, `sdks/${sdk} differs from a fresh generation: run npm run gen:sdks`).to.deep.equal({ missing: [], extra: [], stale: [] });
    });
  }
});

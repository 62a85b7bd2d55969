/**
 * The Go SDK (sdks/go/sailpoint, through a replace directive as a program using a local SDK does) through the real
 * CLI: Automation API inline programs (`auto.UpsertStackInlineSource`; the CLI built here has no Go language host)
 * with the native plugin as a Go user installs it (the self-contained executable of `npm run build:plugin`), against
 * the emulator. The driver (tests/sdks/go) is built once per run; Go's module and build caches are its own
 * (GOMODCACHE, GOCACHE: outside the checkout).
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { IscEmulator } from "../../emulator";
import { pluginBuild } from "../cli/support/plugin-archive";
import { pulumiBinDir, REPO } from "../cli/support/toolchain";
import { exampleTests, lifecycleTests } from "./support/lifecycle";
import { SdkProject } from "./support/sdk-project";

function goVersion(): string | undefined {
  try {
    return execFileSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

const version = goVersion();

/**
 * Compiles the Go programs of the reference pages (docs/reference/*.md) against the SDK without writing into the
 * checkout: an overlay places each as a package of the driver's module, whose replace directive points at sdks/go.
 * Each becomes a library package (`main` renamed) so that the build type-checks and compiles without linking.
 */
function buildReferencePrograms(goDir: string, work: string): number {
  const docs = path.join(REPO, "docs", "reference");
  const programs = fs
    .readdirSync(docs)
    .flatMap((page) => [...fs.readFileSync(path.join(docs, page), "utf8").matchAll(/```go\n([\s\S]*?)```/g)].map((m) => m[1]))
    .filter((code) => code.startsWith("package main"));
  const replace: Record<string, string> = {};
  programs.forEach((code, i) => {
    const file = path.join(work, `reference-${i}.go`);
    fs.writeFileSync(file, code.replace(/^package main$/m, `package p${i}`).replace(/^func main\(\)/m, "func Main()"));
    replace[path.join(goDir, "reference-programs", `p${i}`, "main.go")] = file;
  });
  const overlay = path.join(work, "overlay.json");
  fs.writeFileSync(overlay, JSON.stringify({ Replace: replace }));
  execFileSync("go", ["build", "-overlay", overlay, "./reference-programs/..."], { cwd: goDir, stdio: ["ignore", "inherit", "inherit"] });
  return programs.length;
}

describe(`Go SDK through the real CLI (${version ?? "Go absent"}, github.com/pulumi/pulumi/sdk/v3 from tests/sdks/go/go.mod)`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;
  let project: SdkProject;
  let work: string;

  before(async function () {
    if (!version) {
      console.log("    SKIPPED: no `go` on PATH; install Go 1.25 or newer to run the Go SDK suite");
      this.skip();
    }
    this.timeout(1_800_000);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-sdk-go-"));
    pulumiBinDir();
    const plugin = pluginBuild();
    const started = Date.now();
    const driver = path.join(work, "driver");
    // `go vet` first: the SDK, the example and the driver are vet-clean, or the suite stops here.
    const goDir = path.join(__dirname, "go");
    execFileSync("go", ["vet", "./...", "github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/sdks/go/sailpoint/...", "github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/examples/go/..."], { cwd: goDir, stdio: ["ignore", "inherit", "inherit"] });
    execFileSync("go", ["build", "-o", driver, "."], { cwd: goDir, stdio: ["ignore", "inherit", "inherit"] });
    console.log(`    setup: go vet and the driver's build took ${Math.round((Date.now() - started) / 1000)} s`);
    emulator = await IscEmulator.start({ rateLimit: false });
    project = SdkProject.create("sdk-go", "go", plugin.dir, { file: driver, argv: [] }, emulator);
  });

  after(async () => {
    SdkProject.removeAll();
    await emulator?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("the reference pages' Go programs build against the SDK (enum constants, args types, lookups)", function () {
    expect(buildReferencePrograms(path.join(__dirname, "go"), work)).to.be.greaterThan(4);
  });

  const context = () => ({ project, emulator });
  lifecycleTests("go", context);
  exampleTests(true, context);
});

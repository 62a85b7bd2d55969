import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function exampleTempDirs(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith("sailpoint-isc-example-"));
}

/** PATH without any directory that holds a `pulumi` executable. */
function pathWithoutPulumi(): string {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir && !existsSync(path.join(dir, "pulumi")))
    .join(path.delimiter);
}

describe("npm run example", function () {
  this.timeout(120_000);

  it("fails fast with one clear message when the Pulumi CLI is missing, leaving nothing behind", () => {
    const before = exampleTempDirs();
    const run = spawnSync("npm", ["run", "example", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, PATH: pathWithoutPulumi() },
      encoding: "utf8",
      timeout: 100_000,
    });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include("the Pulumi CLI (>= 3.139.0) was not found on PATH");
    expect(run.stderr).to.include("https://www.pulumi.com/docs/iac/download-install/");
    // It stopped before building, starting the emulator or making its temporary directory.
    expect(run.stdout).not.to.include("emulator");
    expect(exampleTempDirs()).to.deep.equal(before);
    const leftovers = spawnSync("pgrep", ["-f", "scripts/run-example.ts"], { encoding: "utf8" });
    expect(leftovers.stdout.trim()).to.equal("");
  });
});

import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
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

  describe("with a stand-in CLI", () => {
    let bin: string;
    let log: string;

    beforeEach(() => {
      bin = mkdtempSync(path.join(tmpdir(), "fake-pulumi-"));
      symlinkSync(path.join(__dirname, "fake-pulumi.js"), path.join(bin, "pulumi"));
      log = path.join(bin, "calls.jsonl");
    });
    afterEach(() => rmSync(bin, { recursive: true, force: true }));

    function runExample(env: Record<string, string> = {}) {
      const run = spawnSync("npm", ["run", "example", "--silent"], {
        cwd: ROOT,
        env: { ...process.env, ...env, PATH: `${bin}${path.delimiter}${pathWithoutPulumi()}`, FAKE_PULUMI_LOG: log },
        encoding: "utf8",
        timeout: 100_000,
      });
      const calls = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").map((line) => JSON.parse(line)) : [];
      return { run, calls };
    }

    it("runs the quickstart on a throwaway backend against the emulator, the secret never on a command line", () => {
      const before = exampleTempDirs();
      const { run, calls } = runExample();
      expect(run.status, run.stderr).to.equal(0);
      const commands = calls.map((c) => c.args.filter((a: string) => a !== "--non-interactive").slice(0, 4).join(" "));
      expect(commands.map((c: string) => c.replace(/ (http:\/\/127\.0\.0\.1:\d+|[0-9a-f-]{36})$/, " <value>"))).to.deep.equal([
        "stack init example",
        "config set sailpoint:baseUrl <value>",
        "config set sailpoint:clientId <value>",
        "config set --secret sailpoint:clientSecret",
        "up --yes",
        "preview --expect-no-changes",
        "stack output",
        "destroy --yes",
      ]);
      const secret = calls[3].stdin as string;
      expect(secret).to.match(/^[0-9a-f]{64}$/);
      expect(calls.every((c) => !c.args.join(" ").includes(secret))).to.equal(true);
      expect(calls.every((c) => c.args.includes("--non-interactive") && c.program && c.linked && c.passphrase)).to.equal(true);
      const cwd = calls[0].cwd as string;
      expect(path.basename(path.dirname(cwd))).to.match(/^sailpoint-isc-example-/);
      expect(calls.every((c) => c.cwd === cwd && c.backend === `file://${path.join(path.dirname(cwd), "state")}`)).to.equal(true);
      // Cleaned up: the temporary directory is gone and the emulator no longer answers.
      expect(exampleTempDirs()).to.deep.equal(before);
      const baseUrl = calls[1].args[3] as string;
      const probe = spawnSync(process.execPath, ["-e", `fetch(${JSON.stringify(baseUrl)}).then(() => process.exit(0), () => process.exit(7))`]);
      expect(probe.status, "the emulator was stopped").to.equal(7);
    });

    it("fails, and still cleans up, when a pulumi command fails", () => {
      const before = exampleTempDirs();
      const { run, calls } = runExample({ FAKE_PULUMI_FAIL: "preview" });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.include("pulumi preview exited with 3");
      expect(calls.map((c) => c.args[0])).to.deep.equal(["stack", "config", "config", "config", "up", "preview"]);
      expect(exampleTempDirs()).to.deep.equal(before);
    });
  });
});

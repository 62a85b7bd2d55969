import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function exampleTempDirs(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith("sailpoint-isc-example-"));
}

/** PATH without any directory that holds a `pulumi` (or, with `go` too, a Go toolchain to build one). */
function pathWithout(...commands: string[]): string {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir && !commands.some((c) => existsSync(path.join(dir, c))))
    .join(path.delimiter);
}
const pathWithoutPulumi = () => pathWithout("pulumi");

describe("npm run example", function () {
  this.timeout(120_000);

  it("prints its usage with --help, with or without a Pulumi CLI", () => {
    const run = spawnSync("npm", ["run", "example", "--silent", "--", "--help"], {
      cwd: ROOT,
      env: { ...process.env, PATH: pathWithout("pulumi", "go") },
      encoding: "utf8",
      timeout: 100_000,
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^usage: npm run example/);
    expect(run.stdout).to.include("--tenant").and.include("--keep").and.include("https://www.pulumi.com/docs/iac/download-install/");
  });

  it("fails fast with one clear message when there is no Pulumi CLI and no Go to build one, leaving nothing behind", () => {
    const before = exampleTempDirs();
    const cache = mkdtempSync(path.join(tmpdir(), "no-cli-cache-"));
    const run = spawnSync("npm", ["run", "example", "--silent"], {
      cwd: ROOT,
      env: { ...process.env, PATH: pathWithout("pulumi", "go"), PULUMI_CLI_CACHE: cache },
      encoding: "utf8",
      timeout: 100_000,
    });
    rmSync(cache, { recursive: true, force: true });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.include("no usable pulumi on PATH and no Go toolchain to build one");
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
      // A full install: the CLI, its Node.js dynamic-provider launcher and the Node.js language host.
      bin = mkdtempSync(path.join(tmpdir(), "fake-pulumi-"));
      for (const name of ["pulumi", "pulumi-resource-pulumi-nodejs", "pulumi-language-nodejs"]) symlinkSync(path.join(__dirname, "fake-pulumi.js"), path.join(bin, name));
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
      expect(calls.every((c) => c.backendExists), "the file backend's directory exists before the first command").to.equal(true);
      // Cleaned up: the temporary directory is gone and the emulator no longer answers.
      expect(exampleTempDirs()).to.deep.equal(before);
      const baseUrl = calls[1].args[3] as string;
      const probe = spawnSync(process.execPath, ["-e", `fetch(${JSON.stringify(baseUrl)}).then(() => process.exit(0), () => process.exit(7))`]);
      expect(probe.status, "the emulator was stopped").to.equal(7);
    });

    it("without the Node.js language host, runs the program through the inline runner (--client, auto.inline)", () => {
      rmSync(path.join(bin, "pulumi-language-nodejs"));
      const { run, calls } = runExample();
      expect(run.status, run.stderr).to.equal(0);
      const byCommand = (name: string) => calls.find((c) => c.args[0] === name)!.args as string[];
      for (const command of ["up", "preview"]) {
        expect(byCommand(command)).to.include("auto.inline");
        expect(byCommand(command).some((a) => /^--client=127\.0\.0\.1:\d+$/.test(a))).to.equal(true);
      }
      expect(byCommand("destroy"), "destroy does not run the program").not.to.include("auto.inline");
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

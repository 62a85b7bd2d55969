/** The commands' settings: SAIL_* variables, or `--stack NAME`'s sailpoint:* configuration read with `pulumi config`. */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { main } from "../../cli/index";
import { StackConfigError, commandSettings, sailpointValues } from "../../cli/settings";
import { ConfigError } from "../../provider/config";
import { IscEmulator } from "../../emulator";

/** A directory with a stand-in `pulumi` that prints `json` for `config --json` and records its arguments. */
function fakePulumi(json: string, exitCode = 0): { env: NodeJS.ProcessEnv; args: () => string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fake-pulumi-"));
  fs.writeFileSync(path.join(dir, "out.json"), json);
  const script = `#!/bin/sh\necho "$*" > '${dir}/args'\n${exitCode === 0 ? `cat '${dir}/out.json'` : "echo 'error: no stack named dev found' >&2"}\nexit ${exitCode}\n`;
  fs.writeFileSync(path.join(dir, "pulumi"), script, { mode: 0o755 });
  return { env: { PATH: `${dir}${path.delimiter}${process.env.PATH}` }, args: () => fs.readFileSync(path.join(dir, "args"), "utf8").trim(), dir };
}

describe("command settings", () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("keeps only the sailpoint:* keys of `pulumi config --json`, secrets included", () => {
    const json = JSON.stringify({
      "sailpoint:baseUrl": { value: "https://acme.api.identitynow.com", secret: false },
      "sailpoint:clientSecret": { value: "s3cret", secret: true },
      "aws:region": { value: "us-east-1", secret: false },
      "sailpoint:rateLimit": { secret: true },
    });
    expect(sailpointValues(json)).to.deep.equal({ "sailpoint:baseUrl": "https://acme.api.identitynow.com", "sailpoint:clientSecret": "s3cret" });
    expect(() => sailpointValues("warning: x")).to.throw(StackConfigError);
  });

  it("--stack reads the stack's configuration first, then the SAIL_* variables", async () => {
    const fake = fakePulumi(JSON.stringify({ "sailpoint:baseUrl": { value: "https://acme.api.identitynow.com" }, "sailpoint:clientSecret": { value: "from-stack", secret: true } }));
    dirs.push(fake.dir);
    const settings = await commandSettings("acme/prod", { ...fake.env, SAIL_CLIENT_ID: "env-id", SAIL_CLIENT_SECRET: "from-env" });
    expect(settings).to.deep.include({ baseUrl: "https://acme.api.identitynow.com", clientId: "env-id", clientSecret: "from-stack" });
    expect(fake.args()).to.equal("config --stack acme/prod --show-secrets --json");
  });

  it("says what is missing, naming keys and variables, and what `pulumi config` said when it failed", async () => {
    try {
      await commandSettings(undefined, {});
      expect.fail("expected a ConfigError");
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      expect((error as Error).message).to.match(/sailpoint:baseUrl is not set[^\n]*SAIL_BASE_URL/);
    }
    const failing = fakePulumi("", 255);
    dirs.push(failing.dir);
    const err = await commandSettings("dev", failing.env).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(StackConfigError);
    expect((err as Error).message).to.equal('could not read the configuration of stack "dev" with `pulumi config`: error: no stack named dev found');
  });

  it("adopt --stack runs against the tenant the stack configures, and a bad setting is a usage error (2)", async () => {
    const emulator = await IscEmulator.start();
    try {
      emulator.seedCluster({ name: "from-stack" });
      const fake = fakePulumi(
        JSON.stringify({
          "sailpoint:baseUrl": { value: emulator.url },
          "sailpoint:clientId": { value: emulator.credentials.clientId },
          "sailpoint:clientSecret": { value: emulator.credentials.clientSecret, secret: true },
        }),
      );
      dirs.push(fake.dir);
      let out = "";
      let err = "";
      const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t), env: fake.env };
      expect(await main(["adopt", "--stack", "dev"], io), err).to.equal(0);
      expect(out).to.include('new ManagedCluster("from-stack"');
      err = "";
      expect(await main(["adopt"], { ...io, env: {} })).to.equal(2);
      expect(err).to.match(/^pulumi-sailpoint-isc adopt: SailPoint ISC provider configuration is invalid:/);
      expect(err).not.to.include(emulator.credentials.clientSecret);
    } finally {
      await emulator.stop();
    }
  });
});

/**
 * Settings through the real CLI: what the state holds of them, a missing one, and rotating the API client.
 */
import { expect } from "chai";
import type { IscEmulator } from "../../emulator";
import { CliProject } from "./support/project";
import { SPEC_PROGRAM, sailEnv, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const SPEC: Spec = {
  resources: [
    { kind: "ManagedCluster", name: "va", args: { name: "st-va" } },
    { kind: "ManagedClient", name: "va-1", args: { clusterId: "${va.id}", name: "st-va-1" } },
    { kind: "OAuthClient", name: "ci", args: { name: "st-ci", description: "ci", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
  ],
  exports: { secret: "ci.secret", key: "va-1.secret" },
};
const SECURE = "4dabf18193072939515e22adb298388d";
const DEFAULT_PROVIDER = "pulumi:providers:pulumi-nodejs";

describe(`real CLI: settings, the state and rotation (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;

  /** Every token the emulator issued so far. */
  const tokens = () =>
    emulator.requests.filter((r) => r.path === "/oauth/token" && r.status === 200).map((r) => (r.responseBody as { access_token: string }).access_token);

  async function configured(name: string): Promise<CliProject> {
    const project = await CliProject.create(name, SPEC_PROGRAM, { files: { "spec.json": JSON.stringify(SPEC) } });
    await project.setConfig("sailpoint:baseUrl", emulator.url);
    await project.setConfig("sailpoint:clientId", emulator.credentials.clientId);
    await project.setConfig("sailpoint:clientSecret", emulator.credentials.clientSecret, true);
    return project;
  }

  onCliStage((started) => void (emulator = started));

  it("stack configuration: the state keeps baseUrl and clientId in plain text; the client secret, the OAuth secret and the VA key encrypted; no token", async () => {
    const project = await configured("state-config");
    await project.up();
    const state = await project.exportState();
    const text = JSON.stringify(state);
    const provider = state.deployment.resources!.find((r) => r.type === DEFAULT_PROVIDER)!;
    expect(provider.inputs).to.include({ "sailpoint:baseUrl": emulator.url, "sailpoint:clientId": emulator.credentials.clientId });
    expect(provider.inputs!["sailpoint:clientSecret"]).to.have.property(SECURE).and.to.be.a("string");
    expect(provider.inputs!["sailpoint:clientSecret"]).to.have.property("ciphertext");
    const { secret, key } = await project.outputs(true);
    expect(key, "the VA key is known").to.match(/^[0-9a-f]{64}$/);
    for (const value of [emulator.credentials.clientSecret, String(secret), String(key), ...tokens()]) expect(text).not.to.include(value);
    expect(text, "__provider carries no setting").not.to.match(/__provider[^}]*127\.0\.0\.1/);
    await project.destroy();
  });

  it("SAIL_* variables: the state holds no setting at all, and no secret or token in plain text", async () => {
    const project = await CliProject.create("state-env", SPEC_PROGRAM, { files: { "spec.json": JSON.stringify(SPEC) }, env: sailEnv(emulator) });
    await project.up();
    const state = await project.exportState();
    const text = JSON.stringify(state);
    const provider = state.deployment.resources!.find((r) => r.type === DEFAULT_PROVIDER)!;
    expect(Object.keys(provider.inputs ?? {}).filter((k) => k.startsWith("sailpoint:"))).to.deep.equal([]);
    const { secret, key } = await project.outputs(true);
    for (const value of [emulator.url, emulator.credentials.clientId, emulator.credentials.clientSecret, String(secret), String(key), ...tokens()]) {
      expect(text).not.to.include(value);
    }
    await project.destroy();
  });

  it("a missing setting: the deployment fails before any request with one message naming the key and its variable, no stack trace", async () => {
    const project = await CliProject.create("missing", SPEC_PROGRAM, { files: { "spec.json": JSON.stringify(SPEC) } });
    await project.setConfig("sailpoint:baseUrl", emulator.url);
    await project.setConfig("sailpoint:clientId", emulator.credentials.clientId);
    emulator.clearRequests();
    const up = await project.up([], { allowFailure: true });
    const output = up.stdout + up.stderr;
    expect(up.code).not.to.equal(0);
    const diagnostics = output.slice(output.indexOf("Diagnostics:"));
    expect(diagnostics.match(/sailpoint:clientSecret is not set: run `pulumi config set --secret sailpoint:clientSecret <value>` or set the SAIL_CLIENT_SECRET environment variable/g)).to.have.length(1);
    expect(output).not.to.match(/\n\s+at /);
    expect(output).not.to.include("sailpoint:clientId is not set");
    expect(emulator.requests).to.deep.equal([]);
  });

  it("rotating the API client in stack configuration: refresh and destroy use the stored settings until an up stores the new ones", async () => {
    const project = await configured("rotation");
    await project.up();
    const fresh = emulator.rotateClientSecret();
    await project.setConfig("sailpoint:clientSecret", fresh, true);

    const stale = await project.refresh([], { allowFailure: true });
    expect(stale.code, "refresh configures the provider from the settings stored at the last up").not.to.equal(0);
    expect(stale.stdout + stale.stderr).to.match(/ISC POST \/oauth\/token failed with 401[^\n]*Bad credentials/);
    expect(stale.stdout + stale.stderr).not.to.include(fresh);

    await project.refresh(["--run-program"]);
    await project.up();
    await project.refresh();

    // Again, and this time straight to destroy: it too uses the stored settings, unless it runs the program.
    const again = emulator.rotateClientSecret();
    await project.setConfig("sailpoint:clientSecret", again, true);
    const staleDestroy = await project.destroy([], { allowFailure: true });
    expect(staleDestroy.code).not.to.equal(0);
    expect(staleDestroy.stdout + staleDestroy.stderr).to.match(/ISC POST \/oauth\/token failed with 401/);
    await project.destroy(["--run-program"]);
    expect(emulator.store.listClusters().filter((c) => c.name === "st-va")).to.deep.equal([]);
  });

  it("rotating the API client in SAIL_* variables: the next refresh uses the new secret", async () => {
    const project = await CliProject.create("rotation-env", SPEC_PROGRAM, { files: { "spec.json": JSON.stringify(SPEC) }, env: sailEnv(emulator) });
    await project.up();
    const fresh = emulator.rotateClientSecret();
    await project.refresh([], { env: { SAIL_CLIENT_SECRET: fresh } });
    await project.destroy([], { env: { SAIL_CLIENT_SECRET: fresh } });
  });
});

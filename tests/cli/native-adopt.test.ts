/**
 * Taking existing objects and stacks to the native door, through the real CLI: the engine's `import` option for every
 * kind (zero writes, a clean preview after); a stack made by the dynamic classes moved to the native classes (no
 * replacement, zero writes, secrets kept); and a missing setting (one message naming the key, no request).
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { nativeProject, nativeResources, useNativeDoor, type NativeSpec } from "../native/cli";
import type { PreviewJson } from "./support/project";
import { specProject, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`);
const ops = (preview: PreviewJson) => Object.fromEntries(preview.steps.filter((s) => !s.urn.includes("::pulumi:")).map((s) => [s.urn.split("::").pop(), s.op]));

describe(`real CLI: onto the native door (${legName()})`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;

  onCliStage((started) => void (emulator = started));

  it("the `import` option adopts an object of each kind with zero writes, and the next preview is clean", async () => {
    const cluster = emulator.seedCluster({ name: "ni-va", description: "made in the UI" });
    const appliance = emulator.seedManagedClient({ clusterId: cluster.id, name: "ni-va-1", description: "first" });
    emulator.setLogConfig(cluster.id, { rootLevel: "WARN", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 });
    const { client } = emulator.seedOAuthClient({ name: "ni-ci", description: "pipeline", accessTokenValiditySeconds: 900, scope: ["idn:remote-client:read"] });
    const spec: NativeSpec = {
      resources: [
        { kind: "ManagedCluster", name: "va", args: { name: "ni-va", description: "made in the UI" }, options: { import: cluster.id } },
        { kind: "ManagedClient", name: "va-client", args: { clusterId: cluster.id, name: "ni-va-1", description: "first" }, options: { import: appliance.id } },
        { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: cluster.id, rootLevel: "WARN", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 }, options: { import: cluster.id } },
        {
          kind: "OAuthClient",
          name: "ci",
          args: { name: "ni-ci", description: "pipeline", accessTokenValiditySeconds: 900, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", scope: ["idn:remote-client:read"] },
          options: { import: client.id },
        },
      ],
    };
    const project = await nativeProject("native-import", emulator, spec);
    emulator.clearRequests();
    const up = await project.up();
    expect(up.stdout).to.match(/4 imported/);
    expect(writes(emulator.requests)).to.deep.equal([]);
    const state = await nativeResources(project);
    expect(Object.fromEntries([...state].map(([name, r]) => [name, r.id]))).to.deep.equal({ va: cluster.id, "va-client": appliance.id, "va-logs": cluster.id, ci: client.id });
    expect(state.get("ci")!.outputs).to.include({ secretKnown: false, secret: null });
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);
  });

  it("a stack of the dynamic classes moves to the native classes: every resource the same (no replacement), zero writes, secrets kept", async () => {
    const spec: Spec = {
      resources: [
        { kind: "ManagedCluster", name: "va", args: { name: "nm-va", configuration: { gmtOffset: "-5" } } },
        { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: "${va.id}", rootLevel: "INFO", durationMinutes: 240 } },
        { kind: "ManagedClient", name: "va-client", args: { clusterId: "${va.id}", name: "nm-va-1" } },
        { kind: "OAuthClient", name: "ci", args: { name: "nm-ci", description: "pipeline", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
      ],
      exports: { ciSecret: "ci.secret", clientKey: "va-client.secret" },
    };
    const project = await specProject("native-migrate", emulator, spec);
    await project.up();
    const before = await project.resources();
    const secrets = await project.outputs(true);

    useNativeDoor(project);
    emulator.clearRequests();
    const preview = await project.previewJson();
    expect(preview.code).to.equal(0);
    expect(ops(preview), "no step but `same` (which --json leaves out)").to.deep.equal({});
    expect(preview.changeSummary).to.deep.equal({ same: 5 });
    await project.up();
    expect(writes(emulator.requests)).to.deep.equal([]);

    const after = await nativeResources(project);
    for (const [name, old] of before) {
      expect(after.get(name)?.id, name).to.equal(old.id);
      expect(after.get(name)?.type, name).to.equal(old.type.replace("pulumi-nodejs:dynamic/sailpoint:", "sailpoint:index:"));
    }
    expect(await project.outputs(true), "the OAuth secret and the client key are kept").to.deep.equal(secrets);
    const text = JSON.stringify(await project.exportState());
    for (const secret of Object.values(secrets)) expect(text.includes(String(secret))).to.equal(false);
    await project.refresh();
    await project.preview(["--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);
  });

  it("a missing setting: one message naming the key, and no request", async () => {
    const project = await nativeProject("native-unset", undefined, { resources: [{ kind: "ManagedCluster", name: "va", args: { name: "nu-va" } }] }, { SAIL_BASE_URL: emulator.url, SAIL_CLIENT_ID: emulator.credentials.clientId });
    emulator.clearRequests();
    const preview = await project.previewJson();
    expect(preview.code).not.to.equal(0);
    const errors = (preview.diagnostics ?? []).filter((d) => d.severity === "error" && d.message.includes("sailpoint:clientSecret"));
    expect(errors, JSON.stringify(preview.diagnostics)).to.have.length(1);
    expect(errors[0].message).to.include("sailpoint:clientSecret is not set");
    expect(errors[0].message).not.to.include("sailpoint:baseUrl");
    expect(emulator.requests).to.deep.equal([]);
  });
});

/**
 * The lifecycle both SDK suites prove through the real CLI, each with its own driver: create the four resources,
 * update one field (one PATCH), refresh an out-of-band change (drift shows), import existing objects with the
 * `import` option (no write), read the OAuth secret as a secret, destroy; and the language's example, up and down.
 */
import { expect } from "chai";
import type { IscEmulator } from "../../../emulator";
import type { SdkProject } from "./sdk-project";

/** The secret marker of Pulumi's serialized state: a secret value appears only as ciphertext beside it. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

const writes = (emulator: IscEmulator) => emulator.writes().map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}|[0-9a-f-]{36}/g, "{id}")}`);

/**
 * Registers the `it`s of the lifecycle. `context()` gives the project and emulator once the suite's `before` has made
 * them; `prefix` keeps the objects of one language apart from another's.
 */
export function lifecycleTests(prefix: string, context: () => { project: SdkProject; emulator: IscEmulator }): void {
  const program = (clusterDescription: string) => ({ lifecycle: { prefix, clusterDescription } });
  let ids: Record<string, string> = {};

  it("up creates a cluster, its VA client, a log configuration and an OAuth client", async () => {
    const { project, emulator } = context();
    emulator.clearRequests();
    const up = await project.run("dev", "up", program("first"));
    expect(up.summary).to.deep.equal({ create: 5 });
    ids = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, String(v.value)]));
    const cluster = emulator.store.listClusters().find((c) => c.id === ids.clusterId);
    expect(cluster?.name).to.equal(`${prefix}-cluster`);
    expect(cluster?.configuration).to.include({ gmtOffset: "-5" });
    expect(emulator.store.clientsOfCluster(ids.clusterId).map((c) => [c.id, c.name, c.type])).to.deep.equal([[ids.vaClientId, `${prefix}-va`, "VA"]]);
    expect(emulator.store.getLogConfig(ids.clusterId)?.logLevels).to.deep.equal({ "sailpoint.connector.JDBCConnector": "DEBUG" });
    expect(emulator.store.listOAuthClients().find((c) => c.id === ids.oauthId)?.name).to.equal(`${prefix}-ci`);
    expect(writes(emulator).sort()).to.deep.equal([
      "POST /v2025/managed-clients",
      "POST /v2025/managed-clusters",
      "POST /v2025/oauth-clients",
      "PUT /v2025/managed-clusters/{id}/log-config",
    ]);
    // The lookup ran through the plugin's Invoke: one cluster has this name.
    expect(up.outputs.clusterCount).to.deep.equal({ value: 1, secret: false });
  });

  it("the OAuth client's secret is a secret output, and only ciphertext in the state", async () => {
    const { project, emulator } = context();
    const { outputs } = await project.run("dev", "outputs", program("first"));
    const secret = outputs.oauthSecret;
    expect(secret.secret, "marked secret by the plugin, not by the program").to.equal(true);
    expect(emulator.store.oauthSecretMatches(ids.oauthId, String(secret.value))).to.equal(true);
    const state = await project.exportState("dev");
    expect(state).to.include(SECRET_SIG);
    expect(state).not.to.include(String(secret.value));
  });

  it("changing one field updates in place with exactly one PATCH", async () => {
    const { project, emulator } = context();
    emulator.clearRequests();
    const up = await project.run("dev", "up", program("second"));
    expect(up.summary).to.deep.equal({ same: 4, update: 1 });
    expect(writes(emulator)).to.deep.equal(["PATCH /v2025/managed-clusters/{id}"]);
    expect(emulator.store.listClusters().find((c) => c.id === ids.clusterId)?.description).to.equal("second");
  });

  it("refresh shows an out-of-band change, writes nothing, and the next preview puts the program's value back", async () => {
    const { project, emulator } = context();
    emulator.mutateCluster(ids.clusterId, (c) => {
      c.description = "changed out of band";
    });
    emulator.clearRequests();
    const refresh = await project.run("dev", "refresh", program("second"));
    expect(refresh.summary).to.deep.equal({ same: 4, update: 1 });
    const preview = await project.run("dev", "preview", program("second"));
    expect(preview.summary).to.deep.equal({ same: 4, update: 1 });
    expect(writes(emulator)).to.deep.equal([]);
    emulator.clearRequests();
    const up = await project.run("dev", "up", program("second"));
    expect(up.summary).to.deep.equal({ same: 4, update: 1 });
    expect(writes(emulator)).to.deep.equal(["PATCH /v2025/managed-clusters/{id}"]);
  });

  it("the `import` option adopts existing objects with zero writes, and they preview clean", async () => {
    const { project, emulator } = context();
    const imp = `${prefix}-imp`;
    const cluster = emulator.seedCluster({ name: `${imp}-cluster`, description: "imported" });
    const client = emulator.seedManagedClient({ clusterId: cluster.id, type: "VA", name: `${imp}-va`, description: "VA of the SDK suite" });
    emulator.setLogConfig(cluster.id, { rootLevel: "INFO", durationMinutes: 240 });
    const { client: oauth } = emulator.seedOAuthClient({
      name: `${imp}-ci`,
      description: "CI client of the SDK suite",
      accessTokenValiditySeconds: 750,
      grantTypes: ["CLIENT_CREDENTIALS"],
      accessType: "OFFLINE",
    });
    const imports = { cluster: cluster.id, va: client.id, logs: cluster.id, ci: oauth.id };
    const declared = { lifecycle: { prefix: imp, clusterDescription: "imported", imports } };
    emulator.clearRequests();
    const up = await project.run("imported", "up", declared);
    expect(up.summary, up.display).to.deep.equal({ create: 1, import: 4 });
    expect(writes(emulator)).to.deep.equal([]);
    expect(up.outputs.oauthSecret?.secret ?? true, "an imported client's secret is unknown, never shown").to.equal(true);
    const preview = await project.run("imported", "preview", declared);
    expect(preview.summary).to.deep.equal({ same: 5 });
    emulator.clearRequests();
    const destroy = await project.run("imported", "destroy", declared);
    expect(destroy.summary).to.deep.equal({ delete: 5 });
    expect(emulator.store.listClusters().find((c) => c.id === cluster.id)).to.equal(undefined);
    expect(emulator.store.listOAuthClients().find((c) => c.id === oauth.id)).to.equal(undefined);
  });

  it("destroy deletes everything the stack made", async () => {
    const { project, emulator } = context();
    const destroy = await project.run("dev", "destroy", program("second"));
    expect(destroy.summary).to.deep.equal({ delete: 5 });
    expect(emulator.store.listClusters().find((c) => c.id === ids.clusterId)).to.equal(undefined);
    expect(emulator.store.listManagedClients().find((c) => c.id === ids.vaClientId)).to.equal(undefined);
    expect(emulator.store.listOAuthClients().find((c) => c.id === ids.oauthId)).to.equal(undefined);
  });
}

/** The language's example program: up (its secrets as secret outputs), then destroy. */
export function exampleTests(example: string | true, context: () => { project: SdkProject; emulator: IscEmulator }): void {
  it("the example program goes up with its secrets as secret outputs, and comes down", async () => {
    const { project, emulator } = context();
    const up = await project.run("example", "up", { example });
    expect(up.summary).to.deep.equal({ create: 5 });
    expect(up.outputs.ciClientSecret.secret).to.equal(true);
    expect(up.outputs.vaKey.secret).to.equal(true);
    const ci = emulator.store.listOAuthClients().find((c) => c.name === "dev-ci-pipeline");
    expect(ci && emulator.store.oauthSecretMatches(ci.id, String(up.outputs.ciClientSecret.value))).to.equal(true);
    expect(up.outputs.clustersNamedLikeThis.value).to.equal(1);
    const destroy = await project.run("example", "destroy", { example });
    expect(destroy.summary).to.deep.equal({ delete: 5 });
    expect(emulator.store.listClusters().filter((c) => c.name === "dev-va-cluster")).to.deep.equal([]);
  });
}

/**
 * The native door through the real CLI, every resource kind in one stack: up; `preview --diff` and `preview --json`
 * with each changed property and map key in detailedDiff (no write); the update; out-of-band drift taken by `refresh`
 * and put back by `up`; the OAuth secret and the managed client's key only as ciphertext in `pulumi stack export`; a
 * lookup (Invoke); destroy.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { declareNative, nativeProject, nativeResources, type NativeSpec } from "../native/cli";
import { blockOf, changedLines } from "./support/diff-text";
import type { CliProject, PreviewJson } from "./support/project";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const CI = { name: "nl-ci", description: "pipeline", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" };

const SPEC: NativeSpec = {
  resources: [
    { kind: "ManagedCluster", name: "va", args: { name: "nl-va", description: "primary", configuration: { gmtOffset: "-5", debug: "false" } } },
    { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: "${va.id}", rootLevel: "INFO", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 } },
    { kind: "ManagedClient", name: "va-client", args: { clusterId: "${va.id}", name: "nl-va-1" } },
    { kind: "OAuthClient", name: "ci", args: CI },
  ],
  lookups: [{ name: "clientsOfVa", fn: "listManagedClients", args: { clusterId: "${va-client.clusterId}" } }],
  exports: { ciSecret: "ci.secret", clientKey: "va-client.secret" },
};

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`);
const stepsOf = (preview: PreviewJson) =>
  Object.fromEntries(preview.steps.filter((s) => s.urn.includes("::sailpoint:index:")).map((s) => [s.urn.split("::").pop(), s]));
const kinds = (detailed: Record<string, unknown> | null | undefined) =>
  Object.fromEntries(Object.entries(detailed ?? {}).map(([path, d]) => [path, (d as { kind: string }).kind]));

describe(`real CLI: the native door, every resource (${legName()})`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;
  let project: CliProject;
  const clusterId = () => emulator.store.listClusters().find((c) => c.name.startsWith("nl-va"))!.id;

  onCliStage(async (started) => {
    emulator = started;
    project = await nativeProject("native-life", emulator, SPEC);
  });

  it("a first preview (ids not known yet) creates each kind; up makes them with the native types; a preview then shows no change and writes nothing", async () => {
    const first = await project.previewJson();
    expect(first.code, JSON.stringify(first.diagnostics)).to.equal(0);
    expect(first.changeSummary).to.include({ create: 5 });
    expect(emulator.requests, "a preview of creates asks nothing but the lookup, which waits for the cluster").to.deep.equal([]);
    const up = await project.up();
    expect(writes(emulator.requests).sort()).to.deep.equal(
      ["POST /v2025/managed-clusters", `PUT /v2025/managed-clusters/${clusterId()}/log-config`, "POST /v2025/managed-clients", "POST /v2025/oauth-clients"].sort(),
    );
    expect(up.stdout).not.to.match(/warning: using pulumi-resource-sailpoint from \$PATH/);
    const state = await nativeResources(project);
    expect([...state.values()].map((r) => r.type).sort()).to.deep.equal(["sailpoint:index:ClusterLogConfig", "sailpoint:index:ManagedClient", "sailpoint:index:ManagedCluster", "sailpoint:index:OAuthClient"]);
    const outputs = await project.outputs();
    expect((outputs.clientsOfVa as { name: string }[]).map((c) => c.name), "the lookup answered from the tenant").to.deep.equal(["nl-va-1"]);
    emulator.clearRequests();
    await project.preview(["--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);
  });

  it("the OAuth secret and the managed client's key are only ciphertext in `pulumi stack export`", async () => {
    const shown = await project.outputs(true);
    const secrets = [String(shown.ciSecret), String(shown.clientKey), emulator.credentials.clientSecret];
    const client = emulator.store.listOAuthClients().find((c) => c.name === "nl-ci")!;
    expect(emulator.store.oauthSecretMatches(client.id, secrets[0])).to.equal(true);
    const text = JSON.stringify(await project.exportState());
    for (const secret of secrets) expect(text.includes(secret), "a secret in plain text in the state").to.equal(false);
    const state = await nativeResources(project);
    for (const name of ["ci", "va-client"]) {
      expect(state.get(name)!.outputs!.secret, name).to.have.property("ciphertext");
    }
    expect((await project.outputs()).ciSecret).to.equal("[secret]");
  });

  it("preview --diff and --json name each changed property and map key, update or replace; nothing is written", async () => {
    declareNative(project, {
      ...SPEC,
      resources: [
        { kind: "ManagedCluster", name: "va", args: { name: "nl-va", description: "primary, edited", configuration: { gmtOffset: "-5", debug: "true", added: "x" } } },
        { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: "${va.id}", rootLevel: "WARN", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 } },
        { kind: "ManagedClient", name: "va-client", args: { clusterId: "${va.id}", name: "nl-va-1-renamed" } },
        { kind: "OAuthClient", name: "ci", args: { ...CI, accessTokenValiditySeconds: 900, scope: ["idn:remote-client:read"] } },
      ],
    });
    emulator.clearRequests();
    const text = (await project.preview(["--diff"])).stdout;
    const cluster = changedLines(blockOf(text, "va", "update")).join("\n");
    for (const line of [/~ description ?: "primary" => "primary, edited"/, /~ debug ?: "false" => "true"/, /\+ added ?: "x"/]) expect(cluster).to.match(line);
    expect(changedLines(blockOf(text, "ci", "replace")).join("\n")).to.match(/accessTokenValiditySeconds: 750 => 900/);

    const steps = stepsOf(await project.previewJson());
    expect(kinds(steps.va.detailedDiff)).to.deep.equal({ description: "update", 'configuration["debug"]': "update", 'configuration["added"]': "add" });
    expect(kinds(steps["va-logs"].detailedDiff)).to.deep.equal({ rootLevel: "update" });
    expect(kinds(steps["va-client"].detailedDiff)).to.deep.equal({ name: "update" });
    expect(steps.ci.op).to.equal("replace");
    expect(kinds(steps.ci.detailedDiff)).to.deep.equal({ accessTokenValiditySeconds: "update", scope: "update-replace" });
    expect(steps.ci.replaceReasons).to.deep.equal(["scope"]);
    expect(writes(emulator.requests)).to.deep.equal([]);
  });

  it("up sends exactly those changes", async () => {
    const before = emulator.store.listOAuthClients().find((c) => c.name === "nl-ci")!.id;
    emulator.clearRequests();
    await project.up();
    const id = clusterId();
    const client = emulator.store.listManagedClients().find((c) => c.clusterId === id)!;
    const after = emulator.store.listOAuthClients().find((c) => c.name === "nl-ci")!.id;
    expect(writes(emulator.requests).sort()).to.deep.equal(
      [`PATCH /v2025/managed-clusters/${id}`, `PUT /v2025/managed-clusters/${id}/log-config`, `PATCH /v2025/managed-clients/${client.id}`, "POST /v2025/oauth-clients", `DELETE /v2025/oauth-clients/${before}`].sort(),
    );
    expect(after, "the replacement is a new client").not.to.equal(before);
    const patch = emulator.requests.find((r) => r.method === "PATCH" && r.path.includes("managed-clusters"))!;
    expect(patch.body).to.deep.include.members([{ op: "add", path: "/configuration/debug", value: "true" }, { op: "add", path: "/configuration/added", value: "x" }]);
    await project.preview(["--expect-no-changes"]);
  });

  it("drift made out of band is taken by refresh, shown per property, and put back by up", async () => {
    const id = clusterId();
    emulator.mutateCluster(id, (c) => {
      c.description = "edited in the UI";
      c.configuration.debug = "false";
    });
    emulator.setLogConfig(id, { rootLevel: "ERROR", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 });
    emulator.store.mutateManagedClient(emulator.store.listManagedClients().find((c) => c.clusterId === id)!.id, (c) => (c.name = "renamed-in-ui"));
    emulator.mutateOAuthClient(emulator.store.listOAuthClients().find((c) => c.name === "nl-ci")!.id, (c) => (c.accessTokenValiditySeconds = 3600));

    emulator.clearRequests();
    await project.refresh();
    expect(writes(emulator.requests), "refresh never writes").to.deep.equal([]);
    const state = await nativeResources(project);
    expect(state.get("va")!.outputs).to.include({ description: "edited in the UI" });
    expect(state.get("ci")!.outputs).to.include({ accessTokenValiditySeconds: 3600 });

    const steps = stepsOf(await project.previewJson());
    expect(kinds(steps.va.detailedDiff)).to.deep.equal({ description: "update", 'configuration["debug"]': "update" });
    expect(kinds(steps["va-logs"].detailedDiff)).to.deep.equal({ rootLevel: "update" });
    expect(kinds(steps["va-client"].detailedDiff)).to.deep.equal({ name: "update" });
    expect(kinds(steps.ci.detailedDiff)).to.deep.equal({ accessTokenValiditySeconds: "update" });

    await project.up();
    expect(emulator.store.getCluster(id)).to.deep.include({ description: "primary, edited" });
    expect(emulator.store.getCluster(id)!.configuration).to.include({ debug: "true" });
    await project.preview(["--refresh", "--expect-no-changes"]);
  });

  it("destroy removes every object (the log configuration reset)", async () => {
    const id = clusterId();
    declareNative(project, { resources: [] });
    emulator.clearRequests();
    await project.destroy();
    expect(emulator.store.listClusters().filter((c) => c.name.startsWith("nl-"))).to.deep.equal([]);
    expect(emulator.store.listOAuthClients().filter((c) => c.name === "nl-ci")).to.deep.equal([]);
    expect(emulator.store.listManagedClients().filter((c) => c.clusterId === id)).to.deep.equal([]);
    expect(writes(emulator.requests)).to.include(`PUT /v2025/managed-clusters/${id}/log-config`);
    expect(await nativeResources(project)).to.have.property("size", 0);
  });
});

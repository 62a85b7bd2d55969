/**
 * Every row of "What a reviewer sees in a preview" (examples/gitops/README.md) through the real CLI: the step in
 * `pulumi preview --json`, the lines of `pulumi preview --diff`, no write during either, and what `pulumi up` sends.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { blockOf, changedLines } from "./support/diff-text";
import { CliProject, type PreviewJson } from "./support/project";
import { declare, specProject, withArgs, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const CI_ARGS = { name: "rv-ci", description: "ci", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS", "REFRESH_TOKEN"], accessType: "OFFLINE", scope: ["idn:remote-client:read"] };
const BASE: Spec = {
  resources: [
    { kind: "ManagedCluster", name: "va", args: { name: "rv-va", description: "d1", configuration: { gmtOffset: "-5" } } },
    { kind: "ManagedCluster", name: "other", args: { name: "rv-other" } },
    { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: "${va.id}", rootLevel: "INFO", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 60 } },
    { kind: "ManagedClient", name: "va-client", args: { clusterId: "${va.id}", name: "rv-va-1", description: "appliance" } },
    { kind: "OAuthClient", name: "ci", args: CI_ARGS },
    { kind: "OAuthClient", name: "plain", args: { name: "rv-plain", description: "no scope declared", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
  ],
  exports: { ciClientId: "ci.clientId", ciSecret: "ci.secret", clusterId: "va.id", upgradeJobs: "va.upgradeJobs", vaKey: "va-client.secret", vaClient: "va-client.id" },
};

const writeLines = (requests: readonly RecordedRequest[]) =>
  requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token").map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "{id}")}`);

/** The resource's step; `--json` lists no step for an unchanged resource, which is reported here as "same". */
const stepOf = (preview: PreviewJson, name: string) =>
  preview.steps.find((s) => s.urn.endsWith(`::${name}`) && s.op !== "create-replacement" && s.op !== "delete-replaced") ?? { op: "same" };

describe(`real CLI: what a reviewer sees in a preview (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let spec = BASE;

  /** Declares `next`, previews it both ways (asserting no write), and returns the JSON and the --diff text. */
  async function review(next: Spec): Promise<{ json: PreviewJson; text: string }> {
    spec = next;
    declare(project, spec);
    emulator.clearRequests();
    const json = await project.previewJson();
    expect(json.code, JSON.stringify(json.diagnostics)).to.equal(0);
    const text = (await project.preview(["--diff"])).stdout;
    expect(writeLines(emulator.requests), "a preview never writes").to.deep.equal([]);
    emulator.clearRequests();
    return { json, text };
  }

  async function up(): Promise<RecordedRequest[]> {
    emulator.clearRequests();
    await project.up();
    return emulator.requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");
  }

  onCliStage(async (started) => {
    emulator = started;
    project = await specProject("reviewer", emulator, BASE);
    await project.up();
  });

  it("in-place changes: ~ update with only the changed field; up sends one JSON Patch (or one PUT) with just that", async () => {
    let next = withArgs(spec, "va", { description: "d2" });
    next = withArgs(next, "va-logs", { rootLevel: "DEBUG" });
    next = withArgs(next, "ci", { description: "ci pipeline", accessTokenValiditySeconds: 900 });
    const secretBefore = (await project.outputs(true)).ciSecret;
    const { json, text } = await review(next);
    expect(["va", "va-logs", "ci", "other", "plain", "va-client"].map((n) => stepOf(json, n)?.op)).to.deep.equal(["update", "update", "update", "same", "same", "same"]);
    expect(changedLines(blockOf(text, "va"))).to.deep.equal(['~ description : "d1" => "d2"']);
    expect(changedLines(blockOf(text, "va-logs"))).to.deep.equal(['~ rootLevel : "INFO" => "DEBUG"']);
    expect(changedLines(blockOf(text, "ci"))).to.deep.equal(["~ accessTokenValiditySeconds: 750 => 900", '~ description : "ci" => "ci pipeline"']);

    const writes = await up();
    expect(writeLines(writes).sort()).to.deep.equal(["PATCH /v2025/managed-clusters/{id}", "PATCH /v2025/oauth-clients/{id}", "PUT /v2025/managed-clusters/{id}/log-config"]);
    const body = (p: string) => writes.find((r) => r.path.includes(p))!.body;
    expect(body("/managed-clusters/") && writes.find((r) => r.method === "PATCH" && r.path.includes("managed-clusters"))!.body).to.deep.equal([{ op: "replace", path: "/description", value: "d2" }]);
    expect(body("/oauth-clients/")).to.have.deep.members([
      { op: "replace", path: "/accessTokenValiditySeconds", value: 900 },
      { op: "replace", path: "/description", value: "ci pipeline" },
    ]);
    expect(body("/log-config")).to.deep.equal({ rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 60 });
    expect((await project.outputs(true)).ciSecret, "an update keeps the secret").to.equal(secretBefore);
  });

  it("one configuration key: ~ configuration { ~ key }, one operation on /configuration/<key>; removeClientsOnDelete sends nothing", async () => {
    emulator.mutateCluster(String((await project.outputs()).clusterId), (c) => (c.configuration.addedByService = "x"));
    const next = withArgs(withArgs(spec, "va", { configuration: { gmtOffset: "-6" }, removeClientsOnDelete: true }), "ci", { grantTypes: ["REFRESH_TOKEN", "CLIENT_CREDENTIALS"] });
    const { json, text } = await review(next);
    expect(stepOf(json, "va")?.op).to.equal("update");
    expect(stepOf(json, "ci")?.op, "grantTypes are a set: reordering is no change").to.equal("same");
    expect(changedLines(blockOf(text, "va"))).to.deep.equal(["~ configuration : {", '~ gmtOffset: "-5" => "-6"', "~ removeClientsOnDelete: false => true"]);
    const writes = await up();
    expect(writes.map((r) => [r.method, r.body])).to.deep.equal([["PATCH", [{ op: "add", path: "/configuration/gmtOffset", value: "-6" }]]]);
    expect(emulator.store.listClusters().find((c) => c.name === "rv-va")?.configuration).to.include({ gmtOffset: "-6", addedByService: "x" });
  });

  it("manualUpgradeTrigger: ~ update; up sends one manual upgrade and the jobs appear in upgradeJobs", async () => {
    const { json, text } = await review(withArgs(spec, "va", { manualUpgradeTrigger: "2026-12" }));
    expect(stepOf(json, "va")?.op).to.equal("update");
    expect(changedLines(blockOf(text, "va"))).to.deep.equal(['+ manualUpgradeTrigger : "2026-12"']);
    expect(writeLines(await up())).to.deep.equal(["POST /v2025/managed-clusters/{id}/manualUpgrade"]);
    expect((await project.outputs()).upgradeJobs).to.be.an("array").with.length.greaterThan(0);
  });

  it("ManagedClient name: ~ update, one JSON Patch of /name; its status and last contact moving is nothing", async () => {
    const id = String((await project.outputs()).vaClient);
    emulator.store.mutateManagedClient(id, (c) => Object.assign(c, { status: "NORMAL", lastSeen: new Date().toISOString() }));
    const key = (await project.outputs(true)).vaKey;
    const { json, text } = await review(withArgs(spec, "va-client", { name: "rv-va-01" }));
    expect(stepOf(json, "va-client").op).to.equal("update");
    expect(changedLines(blockOf(text, "va-client"))).to.deep.equal(['~ name : "rv-va-1" => "rv-va-01"']);
    const writes = await up();
    expect(writes.map((r) => [r.method, r.body])).to.deep.equal([["PATCH", [{ op: "replace", path: "/name", value: "rv-va-01" }]]]);
    expect((await project.outputs(true)).vaKey, "an update keeps the key").to.equal(key);
  });

  it("ManagedClient type: +- replace [diff: ~type]; up makes a new client with a new key, then deletes the old one", async () => {
    const before = await project.outputs(true);
    const { json } = await review(withArgs(spec, "va-client", { type: "CCG" }));
    expect(stepOf(json, "va-client")).to.deep.include({ op: "replace", replaceReasons: ["type"] });
    expect(writeLines(await up())).to.deep.equal(["POST /v2025/managed-clients", "DELETE /v2025/managed-clients/{id}"]);
    const after = await project.outputs(true);
    expect(after.vaClient).not.to.equal(before.vaClient);
    expect(after.vaKey).to.be.a("string").and.not.equal(before.vaKey);
    expect(emulator.store.listManagedClients().map((c) => [c.id, c.type])).to.deep.equal([[after.vaClient, "CCG"]]);
  });

  it("an omitted scope is the service's sp:scopes:all: declaring it is no change", async () => {
    const { json } = await review(withArgs(spec, "plain", { scope: ["sp:scopes:all"] }));
    expect(stepOf(json, "plain")?.op).to.equal("same");
  });

  it("OAuthClient scope: +- replace [diff: ~scope]; up makes a new client id and secret, then deletes the old client", async () => {
    const before = await project.outputs(true);
    const { json, text } = await review(withArgs(spec, "ci", { scope: ["idn:remote-client:read", "idn:remote-client:manage"] }));
    expect(stepOf(json, "ci")).to.deep.include({ op: "replace", replaceReasons: ["scope"] });
    const block = blockOf(text, "ci");
    expect(block.step).to.equal("replace");
    expect(changedLines(block)).to.include.members(["~ scope : [", '+ [1]: "idn:remote-client:manage"', "- secret : [secret]"]);
    const writes = await up();
    expect(writeLines(writes)).to.deep.equal(["POST /v2025/oauth-clients", "DELETE /v2025/oauth-clients/{id}"]);
    const after = await project.outputs(true);
    expect(after.ciClientId).not.to.equal(before.ciClientId);
    expect(after.ciSecret).not.to.equal(before.ciSecret);
    expect(emulator.store.listOAuthClients().filter((c) => c.name === "rv-ci").map((c) => c.id)).to.deep.equal([after.ciClientId]);
    expect(emulator.store.oauthSecretMatches(String(after.ciClientId), String(after.ciSecret))).to.equal(true);
  });

  it("ClusterLogConfig clusterId: +- replace; the old cluster is reset to INFO before the new one gets the configuration", async () => {
    const { json } = await review(withArgs(spec, "va-logs", { clusterId: "${other.id}" }));
    expect(stepOf(json, "va-logs")).to.deep.include({ op: "replace", replaceReasons: ["clusterId"] });
    const writes = await up();
    expect(writeLines(writes)).to.deep.equal(["PUT /v2025/managed-clusters/{id}/log-config", "PUT /v2025/managed-clusters/{id}/log-config"]);
    const [va, other] = ["rv-va", "rv-other"].map((n) => emulator.store.listClusters().find((c) => c.name === n)!);
    expect(writes[0].path).to.include(va.id);
    expect(writes[0].body).to.deep.equal({ rootLevel: "INFO", logLevels: {}, durationMinutes: 5 });
    expect(emulator.store.getLogConfig(other.id)).to.deep.include({ rootLevel: "DEBUG" });
  });

  it("ManagedCluster type, with a log configuration attached: +- replace of both; one new cluster with the configuration, the old one deleted", async () => {
    const next = withArgs(withArgs(spec, "other", { type: "iai" }), "va-logs", { clusterId: "${other.id}" });
    const { json, text } = await review(next);
    expect(stepOf(json, "other")).to.deep.include({ op: "replace", replaceReasons: ["type"] });
    expect(stepOf(json, "va-logs")).to.deep.include({ op: "replace", replaceReasons: ["clusterId"] });
    expect(changedLines(blockOf(text, "other"))).to.include('~ type : "idn" => "iai"');
    const old = emulator.store.listClusters().find((c) => c.name === "rv-other")!;
    const writes = await up();
    expect(writeLines(writes)).to.deep.equal([
      "POST /v2025/managed-clusters",
      "PUT /v2025/managed-clusters/{id}/log-config",
      "PUT /v2025/managed-clusters/{id}/log-config",
      "DELETE /v2025/managed-clusters/{id}",
    ]);
    const now = emulator.store.listClusters().filter((c) => c.name === "rv-other");
    expect(now).to.have.length(1);
    expect(now[0]).to.include({ type: "iai" });
    expect(now[0].id).not.to.equal(old.id);
    expect(emulator.store.getLogConfig(now[0].id)).to.deep.include({ rootLevel: "DEBUG" });
    expect(writes.at(-1)!.path).to.include(old.id);
  });

  it("leaves a clean stack: preview --refresh --expect-no-changes passes", async () => {
    emulator.clearRequests();
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(writeLines(emulator.requests)).to.deep.equal([]);
  });
});

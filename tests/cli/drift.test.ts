/**
 * Every row of "What drift looks like" (examples/gitops/README.md) through the real CLI: the scheduled check
 * (`pulumi preview --refresh --expect-no-changes`) fails and names what drifted, `pulumi up --refresh` puts it back,
 * and the check passes afterwards; what the program does not own is never drift. The JSON previews are recorded as
 * fixtures for the drift report.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { recordFixture } from "./support/fixtures";
import { CliProject, type PreviewJson } from "./support/project";
import { specProject, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const SPEC: Spec = {
  resources: [
    { kind: "ManagedCluster", name: "va", args: { name: "dr-va", description: "primary", configuration: { gmtOffset: "-5", debug: "false" } } },
    { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: "${va.id}", rootLevel: "INFO", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" }, durationMinutes: 240 } },
    { kind: "ManagedClient", name: "va-client", args: { clusterId: "${va.id}", name: "dr-va-1" } },
    { kind: "OAuthClient", name: "ci", args: { name: "dr-ci", description: "pipeline", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", scope: ["idn:remote-client:read"] } },
    { kind: "OAuthClient", name: "plain", args: { name: "dr-plain", description: "scope omitted", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" } },
  ],
  exports: { ciSecret: "ci.secret" },
};

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");
const ops = (preview: PreviewJson) =>
  Object.fromEntries(preview.steps.filter((s) => s.op !== "refresh" && s.op !== "same" && !s.urn.includes("pulumi:pulumi:Stack")).map((s) => [s.urn.split("::").pop(), s.op]));

describe(`real CLI: what drift looks like (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;

  const clusterNamed = (name: string) => emulator.store.listClusters().find((c) => c.name === name)!;
  const clientNamed = (name: string) => emulator.store.listOAuthClients().find((c) => c.name === name)!;
  const applianceNamed = (name: string) => emulator.store.listManagedClients().find((c) => c.name === name)!;

  /** The scheduled check: its exit code and text, and the JSON preview (recorded as fixture `name`). Writes nothing. */
  async function driftCheck(fixture: string): Promise<{ code: number; text: string; json: PreviewJson }> {
    emulator.clearRequests();
    const check = await project.preview(["--refresh", "--expect-no-changes"], { allowFailure: true });
    const json = await project.previewJson(["--refresh"]);
    expect(writes(emulator.requests), "a drift check never writes").to.deep.equal([]);
    recordFixture(`drift-${fixture}`, json, [emulator.credentials.clientSecret, String((await project.outputs(true)).ciSecret)]);
    return { code: check.code, text: check.stdout + check.stderr, json };
  }

  /** `pulumi up --refresh` (what the deploy workflow runs), then the check passes with no write. */
  async function remediate(): Promise<RecordedRequest[]> {
    emulator.clearRequests();
    await project.up(["--refresh"]);
    const sent = writes(emulator.requests);
    const after = await driftCheck("clean");
    expect(after.code, after.text).to.equal(0);
    return sent;
  }

  onCliStage(async (started) => {
    emulator = started;
    project = await specProject("drift", emulator, SPEC);
    await project.up();
  });

  it("owned fields changed out of band (renamed, description, a declared key changed and one deleted, OAuth fields, log levels): named, then put back", async () => {
    const secret = (await project.outputs(true)).ciSecret;
    emulator.mutateCluster(clusterNamed("dr-va").id, (c) => {
      c.name = "dr-va-renamed";
      c.description = "edited in the UI";
      c.configuration.gmtOffset = "+1";
      delete c.configuration.debug;
    });
    emulator.mutateOAuthClient(clientNamed("dr-ci").id, (c) => (c.accessTokenValiditySeconds = 3600));
    emulator.store.mutateManagedClient(applianceNamed("dr-va-1").id, (c) => (c.name = "dr-va-1-renamed"));
    emulator.setLogConfig(clusterNamed("dr-va-renamed").id, { rootLevel: "WARN", logLevels: { "sailpoint.connector.LDAPConnector": "TRACE" }, durationMinutes: 240 });

    const { code, text, json } = await driftCheck("owned-fields");
    expect(code, text).not.to.equal(0);
    expect(text).to.match(/ManagedCluster va update \[diff: ~[^\]]*configuration[^\]]*description[^\]]*name/);
    expect(text).to.match(/OAuthClient ci update \[diff: ~accessTokenValiditySeconds\]/);
    expect(text).to.match(/ClusterLogConfig va-logs update \[diff: ~logLevels,rootLevel\]/);
    expect(text).to.match(/ManagedClient va-client update \[diff: ~name\]/);
    expect(ops(json)).to.deep.equal({ va: "update", "va-logs": "update", ci: "update", "va-client": "update" });

    const sent = await remediate();
    const lines = sent.map((r) => `${r.method} ${r.path.split("/")[2]}`).sort();
    expect(lines).to.deep.equal(["PATCH managed-clients", "PATCH managed-clusters", "PATCH oauth-clients", "PUT managed-clusters"]);
    expect(applianceNamed("dr-va-1"), "the client, renamed back").to.not.equal(undefined);
    expect(sent.find((r) => r.method === "PATCH" && r.path.includes("managed-clusters"))!.body).to.have.deep.members([
      { op: "add", path: "/configuration/debug", value: "false" },
      { op: "add", path: "/configuration/gmtOffset", value: "-5" },
      { op: "replace", path: "/description", value: "primary" },
      { op: "replace", path: "/name", value: "dr-va" },
    ]);
    expect(sent.find((r) => r.path.includes("oauth-clients"))!.body).to.deep.equal([{ op: "replace", path: "/accessTokenValiditySeconds", value: 750 }]);
    expect(emulator.store.getLogConfig(clusterNamed("dr-va").id)).to.deep.include({ rootLevel: "INFO", logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" } });
    expect((await project.outputs(true)).ciSecret, "the secret is kept").to.equal(secret);
  });

  it("what the program does not own is never drift: an undeclared configuration key, an omitted scope, status and last use", async () => {
    emulator.mutateCluster(clusterNamed("dr-va").id, (c) => {
      c.configuration.addedInTheUI = "yes";
      c.status = "FAILED";
    });
    emulator.store.mutateManagedClient(applianceNamed("dr-va-1").id, (c) => Object.assign(c, { status: "NORMAL", lastSeen: new Date().toISOString(), ipAddress: "10.9.9.9" }));
    emulator.mutateOAuthClient(clientNamed("dr-plain").id, (c) => (c.scope = ["idn:remote-client:read"]));
    emulator.markOAuthClientUsed(clientNamed("dr-ci").id);
    const { code, text, json } = await driftCheck("not-owned");
    expect(code, text).to.equal(0);
    expect(ops(json)).to.deep.equal({});
  });

  it("a cluster and an OAuth client deleted out of band: + create (the cluster's log configuration and client with it); up --refresh makes them again", async () => {
    emulator.removeCluster(clusterNamed("dr-va").id);
    emulator.removeOAuthClient(clientNamed("dr-plain").id);
    const { code, text, json } = await driftCheck("deleted");
    expect(code, text).not.to.equal(0);
    expect(text).to.match(/ManagedCluster va create/);
    expect(text).to.match(/ClusterLogConfig va-logs create/);
    expect(text).to.match(/OAuthClient plain create/);
    expect(text).to.match(/ManagedClient va-client create/);
    expect(ops(json)).to.deep.equal({ va: "create", "va-logs": "create", plain: "create", "va-client": "create" });
    const sent = await remediate();
    expect(sent.map((r) => `${r.method} ${r.path.split("/").slice(2, 3)}`).sort()).to.deep.equal(["POST managed-clients", "POST managed-clusters", "POST oauth-clients", "PUT managed-clusters"]);
    expect(emulator.store.listClusters().filter((c) => c.name === "dr-va")).to.have.length(1);
  });

  it("an expired log configuration: + create of the ClusterLogConfig; up --refresh applies it for another window", async () => {
    emulator.advanceClock(5 * 60 * 60 * 1000);
    const { code, text, json } = await driftCheck("expired");
    expect(code, text).not.to.equal(0);
    expect(text).to.match(/ClusterLogConfig va-logs create/);
    expect(ops(json)).to.deep.equal({ "va-logs": "create" });
    const sent = await remediate();
    expect(sent.map((r) => r.method)).to.deep.equal(["PUT"]);
    expect(emulator.store.getLogConfig(clusterNamed("dr-va").id)).to.deep.include({ rootLevel: "INFO" });
  });
});

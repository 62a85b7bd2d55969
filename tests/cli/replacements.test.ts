/**
 * Replacements through the real CLI: `pulumi up --replace` of each resource kind, adopted objects included, and an
 * adopted resource renamed in the program. The engine creates the new copy first and deletes the old one afterwards
 * (a log configuration: deletes first), all in one provider process.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { CliProject } from "./support/project";
import { declare, specProject, type, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const CLIENT = { description: "pipeline", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", scope: ["idn:remote-client:read"] };

const writeLines = (requests: readonly RecordedRequest[]) =>
  requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token").map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "{id}")}`);

describe(`real CLI: replacements (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;
  let spec: Spec;
  let legacyCluster: string;
  let legacyClient: string;

  async function upWith(flags: string[]): Promise<string[]> {
    emulator.clearRequests();
    await project.up(flags);
    return writeLines(emulator.requests);
  }

  async function clean(): Promise<void> {
    emulator.clearRequests();
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(writeLines(emulator.requests)).to.deep.equal([]);
  }

  onCliStage(async (started) => {
    emulator = started;
    legacyCluster = emulator.seedCluster({ name: "rp-legacy", description: "made in the UI" }).id;
    legacyClient = emulator.seedOAuthClient({ name: "rp-legacy-ci", ...CLIENT }).client.id;
    spec = {
      resources: [
        { kind: "ManagedCluster", name: "va", args: { name: "rp-va" } },
        { kind: "ClusterLogConfig", name: "va-logs", args: { clusterId: "${va.id}", rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" }, durationMinutes: 120 } },
        { kind: "OAuthClient", name: "ci", args: { name: "rp-ci", ...CLIENT } },
        { kind: "ManagedCluster", name: "legacy", args: { name: "rp-legacy", description: "made in the UI", importId: legacyCluster } },
        { kind: "OAuthClient", name: "legacy-ci", args: { name: "rp-legacy-ci", ...CLIENT, importId: legacyClient } },
      ],
      exports: { ciSecret: "ci.secret", legacySecretKnown: "legacy-ci.secretKnown" },
    };
    project = await specProject("replacements", emulator, spec);
    await project.up();
  });

  it("--replace of a log configuration: the new copy's PUT, and the old copy's delete leaves the cluster's levels alone", async () => {
    const va = emulator.store.listClusters().find((c) => c.name === "rp-va")!;
    const sent = await upWith(["--replace", project.urn(type("ClusterLogConfig"), "va-logs")]);
    // The engine creates the new copy, then deletes the old one, which would reset the same cluster to INFO.
    expect(sent).to.deep.equal(["PUT /v2025/managed-clusters/{id}/log-config"]);
    expect(emulator.store.getLogConfig(va.id)).to.deep.include({ rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" } });
    await clean();
  });

  it("--replace of an adopted cluster and an adopted OAuth client: both are adopted again and still exist", async () => {
    const sent = await upWith(["--replace", project.urn(type("ManagedCluster"), "legacy"), "--replace", project.urn(type("OAuthClient"), "legacy-ci")]);
    expect(sent, "nothing created, nothing deleted").to.deep.equal([]);
    expect(emulator.store.getCluster(legacyCluster)).to.include({ name: "rp-legacy" });
    expect(emulator.store.getOAuthClient(legacyClient)).to.include({ name: "rp-legacy-ci" });
    const state = await project.resources();
    expect(state.get("legacy")?.id).to.equal(legacyCluster);
    expect(state.get("legacy-ci")?.id).to.equal(legacyClient);
    expect((await project.outputs()).legacySecretKnown, "an adopted client's secret stays unknown").to.equal(false);
    await clean();
  });

  it("an adopted cluster renamed in the program (same importId): the object stays, under the new name", async () => {
    spec = { ...spec, resources: spec.resources.map((r) => (r.name === "legacy" ? { ...r, name: "legacy-renamed" } : r)) };
    declare(project, spec);
    const sent = await upWith([]);
    expect(sent).to.deep.equal([]);
    expect(emulator.store.getCluster(legacyCluster)).to.include({ name: "rp-legacy" });
    expect((await project.resources()).get("legacy-renamed")?.id).to.equal(legacyCluster);
    await clean();
  });

  it("--replace of a cluster and an OAuth client: new objects, the old ones deleted; the log configuration follows its cluster", async () => {
    const [oldCluster] = emulator.store.listClusters().filter((c) => c.name === "rp-va");
    const [oldClient] = emulator.store.listOAuthClients().filter((c) => c.name === "rp-ci");
    const oldSecret = (await project.outputs(true)).ciSecret;
    await upWith(["--replace", project.urn(type("ManagedCluster"), "va"), "--replace", project.urn(type("OAuthClient"), "ci")]);
    const clusters = emulator.store.listClusters().filter((c) => c.name === "rp-va");
    const clients = emulator.store.listOAuthClients().filter((c) => c.name === "rp-ci");
    expect(clusters).to.have.length(1);
    expect(clients).to.have.length(1);
    expect(clusters[0].id).not.to.equal(oldCluster.id);
    expect(clients[0].id).not.to.equal(oldClient.id);
    expect(emulator.store.getLogConfig(clusters[0].id)).to.deep.include({ rootLevel: "DEBUG" });
    const secret = String((await project.outputs(true)).ciSecret);
    expect(secret).not.to.equal(oldSecret);
    expect(emulator.store.oauthSecretMatches(clients[0].id, secret)).to.equal(true);
    await clean();
  });
});

/** The quickstart through the real Pulumi CLI, configured the way the README says: stack configuration. */
import { expect } from "chai";
import path from "node:path";
import type { IscEmulator } from "../../emulator";
import { CliProject } from "./support/project";
import { onCliStage } from "./support/stage";
import { REPO, legName } from "./support/toolchain";

describe(`real CLI: the quickstart (${legName()})`, function () {
  this.timeout(300_000);
  let emulator: IscEmulator;
  let project: CliProject;

  onCliStage(async (started) => {
    emulator = started;
    project = await CliProject.create("quickstart", path.join(REPO, "examples", "quickstart", "index.ts"));
    await project.setConfig("sailpoint:baseUrl", emulator.url);
    await project.setConfig("sailpoint:clientId", emulator.credentials.clientId);
    await project.setConfig("sailpoint:clientSecret", emulator.credentials.clientSecret, true);
  });

  beforeEach(() => emulator.clearRequests());

  it("up creates the cluster, its VA client, its log configuration and the OAuth client, the secrets as stack secrets", async () => {
    const up = await project.up();
    expect(up.stdout).to.match(/\+ 5 created/);
    expect(emulator.store.listClusters().map((c) => c.name)).to.deep.equal(["dev-va-cluster"]);
    expect(emulator.store.listOAuthClients().map((c) => c.name)).to.deep.equal(["dev-ci-pipeline"]);
    const [cluster] = emulator.store.listClusters();
    expect(emulator.store.getLogConfig(cluster.id)?.logLevels).to.deep.equal({ "sailpoint.connector.JDBCConnector": "DEBUG" });
    expect(emulator.store.clientsOfCluster(cluster.id).map((c) => [c.name, c.type])).to.deep.equal([["dev-va-1", "VA"]]);
    const shown = await project.outputs();
    expect(shown.clusterId).to.equal(cluster.id);
    expect(shown.ciClientSecret).to.equal("[secret]");
    expect(shown.vaKey).to.equal("[secret]");
    const revealed = await project.outputs(true);
    const [client] = emulator.store.listOAuthClients();
    expect(emulator.store.oauthSecretMatches(client.id, String(revealed.ciClientSecret))).to.equal(true);
  });

  it("previews no changes with zero ISC requests", async () => {
    const preview = await project.preview(["--expect-no-changes"]);
    expect(preview.stdout).to.match(/5 unchanged/);
    expect(emulator.requests.filter((r) => r.path !== "/oauth/token")).to.have.length(0);
  });

  it("previews with --refresh: no changes, one GET per resource and no write", async () => {
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(emulator.writes()).to.have.length(0);
    // One list per kind that has one (clusters, managed clients, OAuth clients), one GET for the log configuration.
    expect(emulator.requests.filter((r) => r.method === "GET").length).to.be.at.most(4);
  });

  it("destroy leaves nothing in ISC: the VA client goes before its cluster", async () => {
    const destroy = await project.destroy();
    expect(destroy.stdout).to.match(/- 5 deleted/);
    expect(emulator.store.listManagedClients()).to.have.length(0);
    expect(emulator.store.listClusters()).to.have.length(0);
    expect(emulator.store.listOAuthClients()).to.have.length(0);
  });
});

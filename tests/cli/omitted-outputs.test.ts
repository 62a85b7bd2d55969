/**
 * Outputs of fields the program leaves out, through the real CLI: each carries what the service holds (a
 * ManagedClient's `VA-<clientId>` name, an OAuth client's default scope and type, a cluster's type and description, a
 * log configuration's duration), a program can export them, and they are never drift: a preview, with and without a
 * refresh, shows no change and sends no write.
 */
import { expect } from "chai";
import type { IscEmulator, RecordedRequest } from "../../emulator";
import { CliProject } from "./support/project";
import { specProject, type Spec } from "./support/spec";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");

describe(`real CLI: outputs of fields the program leaves out (${legName()})`, function () {
  this.timeout(600_000);
  let emulator: IscEmulator;
  let project: CliProject;

  onCliStage(async (started) => {
    emulator = started;
    const spec: Spec = {
      resources: [
        { kind: "ManagedCluster", name: "cluster", args: { name: "oo-cluster" } },
        { kind: "ManagedClient", name: "va", args: { clusterId: "${cluster.id}" } },
        { kind: "ClusterLogConfig", name: "logs", args: { clusterId: "${cluster.id}", rootLevel: "INFO" } },
        {
          kind: "OAuthClient",
          name: "api",
          args: { name: "oo-api", description: "d", accessTokenValiditySeconds: 3600, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" },
        },
      ],
      exports: {
        vaName: "va.name",
        vaClientId: "va.clientId",
        clusterType: "cluster.type",
        clusterDescription: "cluster.description",
        scope: "api.scope",
        clientType: "api.type",
        internal: "api.internal",
        duration: "logs.durationMinutes",
      },
    };
    project = await specProject("omitted-outputs", emulator, spec);
  });

  it("exports the service's values, and neither a preview nor a refresh preview sees a change", async () => {
    await project.up();
    const outputs = await project.outputs();
    expect(outputs.vaName).to.equal(`VA-${String(outputs.vaClientId)}`);
    expect(outputs).to.deep.include({ clusterType: "idn", clusterDescription: "", scope: ["sp:scopes:all"], clientType: "CONFIDENTIAL", internal: false, duration: 240 });

    emulator.clearRequests();
    await project.preview(["--expect-no-changes"]);
    await project.preview(["--refresh", "--expect-no-changes"]);
    await project.refresh();
    await project.preview(["--refresh", "--expect-no-changes"]);
    expect(writes(emulator.requests)).to.deep.equal([]);
    expect((await project.outputs()).vaName).to.equal(outputs.vaName);

    await project.destroy();
    expect(emulator.store.listClusters()).to.deep.equal([]);
  });
});

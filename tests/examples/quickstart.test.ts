import { expect } from "chai";
import path from "node:path";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig } from "../harness/host";
import { LifecycleDriver } from "../harness/lifecycle";
import { apiCalls, lines } from "../integration/wire";

const QUICKSTART = path.resolve(__dirname, "../../examples/quickstart/index.ts");

describe("examples/quickstart through the lifecycle driver", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let host: ProviderHost;

  before(async () => {
    emulator = await IscEmulator.start();
    host = await ProviderHost.start({ project: "sailpoint-isc-quickstart" });
    await host.configure(sailpointConfig(emulator));
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator?.stop();
  });

  it("creates everything, stays quiet, shows and repairs drift, and leaves nothing behind", async () => {
    const driver = new LifecycleDriver(host, { project: "sailpoint-isc-quickstart", stack: "dev" });

    // up: everything created
    const first = await driver.up(QUICKSTART);
    expect(first.steps.map((s) => `${s.op} ${s.name}`).sort()).to.deep.equal(["create ci-pipeline", "create va-1", "create va-cluster", "create va-cluster-logs"]);
    expect(emulator.listClusters()).to.have.length(1);
    expect(emulator.listOAuthClients()).to.have.length(1);
    const cluster = emulator.listClusters()[0];
    expect(emulator.store.clientsOfCluster(cluster.id).map((c) => c.name)).to.deep.equal(["dev-va-1"]);
    expect(first.outputs.vaKey).to.include({ secret: true, known: true });
    expect(first.outputs.clusterId).to.deep.include({ value: cluster.id, secret: false });
    expect(first.outputs.ciClientSecret.secret, "the OAuth secret is exported as a secret").to.equal(true);
    expect(first.outputs.ciClientSecret.value).to.be.a("string").with.length.greaterThan(10);
    expect(lines(emulator)).to.include(`PUT /v2025/managed-clusters/${cluster.id}/log-config`);

    // second up: no changes, zero requests
    emulator.clearRequests();
    const second = await driver.up(QUICKSTART);
    expect(second.steps.every((s) => s.op === "same")).to.equal(true);
    expect(apiCalls(emulator)).to.deep.equal([]);

    // an out-of-band change, seen by refresh
    emulator.mutateCluster(cluster.id, (c) => {
      c.description = "edited in the UI";
      c.configuration = { ...c.configuration, gmtOffset: "+2" };
    });
    emulator.clearRequests();
    const refresh = await driver.refresh();
    expect(refresh.steps.filter((s) => s.op === "refresh-changed").map((s) => s.name)).to.include("va-cluster");
    expect(apiCalls(emulator).every((r) => r.method === "GET")).to.equal(true);

    // up repairs it with one PATCH
    emulator.clearRequests();
    const repair = await driver.up(QUICKSTART);
    expect(repair.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`)).to.deep.equal(["update va-cluster"]);
    expect(lines(emulator)).to.deep.equal([`PATCH /v2025/managed-clusters/${cluster.id}`]);
    expect(apiCalls(emulator)[0].body).to.have.deep.members([
      { op: "replace", path: "/description", value: "Virtual appliances in the primary data center" },
      { op: "add", path: "/configuration/gmtOffset", value: "-5" },
    ]);

    // destroy: nothing left
    await driver.destroy();
    expect(emulator.listClusters()).to.deep.equal([]);
    expect(emulator.store.listManagedClients()).to.deep.equal([]);
    expect(emulator.listOAuthClients()).to.deep.equal([]);
    expect(driver.state.size).to.equal(0);
  });
});

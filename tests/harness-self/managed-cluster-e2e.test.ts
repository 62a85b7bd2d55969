import { expect } from "chai";
import { IscEmulator, type RecordedRequest } from "../../emulator";
import { ProviderHost, urnFor } from "../harness/host";
import { LifecycleDriver } from "../harness/lifecycle";
import { onEmulatorAndHost } from "../integration/stage";
import { providerText, resourceClass } from "../harness/provider-text";

/** API requests only (token requests left out), as "METHOD path". */
function apiCalls(emulator: IscEmulator): RecordedRequest[] {
  return emulator.requests.filter((r) => r.path !== "/oauth/token");
}
const line = (r: RecordedRequest) => `${r.method} ${r.path}`;

describe("ManagedCluster end to end: built package → real host → emulator", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  it("Check → Create → Read → Delete, with exactly the declared fields on the wire", async () => {
    const urn = urnFor("ManagedCluster", "wire");
    const declared = { name: "wire", type: "idn", description: "made by the harness", configuration: { gmtOffset: "-5" } };

    const checked = await host.check(urn, {}, declared);
    expect(checked.failures).to.deep.equal([]);
    expect(checked.inputs).to.include({ __provider: await providerText("ManagedCluster"), removeClientsOnDelete: false });
    expect(apiCalls(emulator), "Check is local").to.deep.equal([]);

    const created = await host.create(urn, checked.inputs);
    const posts = apiCalls(emulator);
    expect(posts.map(line)).to.deep.equal(["POST /v2025/managed-clusters"]);
    expect(posts[0].body).to.deep.equal(declared);
    const live = emulator.store.listClusters();
    expect(live.map((c) => c.id)).to.deep.equal([created.id]);
    expect(created.properties).to.include({ name: "wire", type: "idn", description: "made by the harness", __provider: checked.inputs.__provider });
    expect(created.properties.configuration).to.deep.equal({ gmtOffset: "-5" });
    expect(created.properties).to.have.property("liveConfiguration").that.includes({ gmtOffset: "-5" });

    emulator.clearRequests();
    const read = await host.read(urn, created.id, created.properties, checked.inputs);
    expect(apiCalls(emulator).map(line)).to.deep.equal([`GET /v2025/managed-clusters/${created.id}`]);
    expect(read.id).to.equal(created.id);
    expect(read.properties).to.deep.include({ name: "wire", description: "made by the harness", configuration: { gmtOffset: "-5" } });
    expect(read.inputs).to.deep.include({ name: "wire", type: "idn", description: "made by the harness", configuration: { gmtOffset: "-5" } });

    emulator.clearRequests();
    await host.delete(urn, created.id, created.properties);
    const deletes = apiCalls(emulator);
    expect(deletes.map(line)).to.deep.equal([`DELETE /v2025/managed-clusters/${created.id}`]);
    expect(deletes[0].query).to.deep.equal({ removeClients: "false" });
    expect(emulator.store.listClusters()).to.deep.equal([]);

    const gone = await host.read(urn, created.id, created.properties);
    expect(gone.id).to.equal("");
  });

  it("plays a program through up, refresh and destroy", async () => {
    const ManagedCluster = resourceClass("ManagedCluster");
    const driver = new LifecycleDriver(host);
    let description = "v1";
    const program = () => {
      const cluster = new ManagedCluster("prog", { name: "prog", description }) as { id: unknown; name: unknown };
      return { id: cluster.id, name: cluster.name };
    };

    const preview = await driver.preview(program);
    expect(preview.steps.map((s) => s.op)).to.deep.equal(["create"]);
    expect(apiCalls(emulator)).to.deep.equal([]);

    const up = await driver.up(program);
    const id = up.outputs.id.value as string;
    expect(apiCalls(emulator).map(line)).to.deep.equal(["POST /v2025/managed-clusters"]);
    expect(up.outputs.name).to.deep.equal({ value: "prog", secret: false, known: true });

    emulator.clearRequests();
    expect((await driver.up(program)).steps.map((s) => s.op)).to.deep.equal(["same"]);
    expect(apiCalls(emulator), "an unchanged program sends nothing").to.deep.equal([]);

    description = "v2";
    const update = await driver.up(program);
    expect(update.steps[0]).to.deep.include({ op: "update", changes: ["description"] });
    const patches = apiCalls(emulator).filter((r) => r.method === "PATCH");
    expect(patches.map(line)).to.deep.equal([`PATCH /v2025/managed-clusters/${id}`]);

    emulator.mutateCluster(id, (c) => void (c.description = "changed in the console"));
    const refresh = await driver.refresh();
    expect(refresh.steps[0]).to.deep.include({ op: "refresh-changed" });
    expect(driver.outputsOf("prog").description).to.equal("changed in the console");

    emulator.clearRequests();
    await driver.destroy();
    expect(apiCalls(emulator).map(line)).to.deep.equal([`DELETE /v2025/managed-clusters/${id}`]);
    expect(driver.state.size).to.equal(0);
  });
});

import { expect } from "chai";
import { HostError, UNKNOWN, urnFor, type ProviderHost } from "../harness/host";
import { LifecycleDriver } from "../harness/lifecycle";
import { captureRegistrations, resourceClass } from "../harness/provider-text";
import { rejection } from "../support/rejection";
import type { FaultSpec, IscEmulator } from "../../emulator";
import { onEmulatorAndHost } from "./stage";
import { apiCalls, lines } from "./wire";

type Bag = Record<string, unknown>;
type Ctor = new (name: string, args: Bag) => Record<string, unknown>;

const KEY = /^[0-9a-f]{64}$/;

describe("ManagedClient through the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;
  let n = 0;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  const cluster = () => emulator.seedCluster({ name: `mc-cluster-${++n}` }).id;
  const hostError = (call: Promise<unknown>) => rejection(call, HostError);

  /** Check + Create of a client; returns the urn, checked inputs, id and outputs. */
  async function created(inputs: Bag) {
    const urn = urnFor("ManagedClient", `c${++n}`);
    const checked = await host.check(urn, {}, inputs);
    expect(checked.failures).to.deep.equal([]);
    const result = await host.create(urn, checked.inputs);
    emulator.clearRequests();
    return { urn, inputs: checked.inputs, id: result.id, outputs: result.properties };
  }

  it("registers its key as an additional secret output", async () => {
    const ManagedClient = resourceClass("ManagedClient");
    const [reg] = await captureRegistrations(() => void new ManagedClient("va", { clusterId: "c" }));
    expect(reg.type).to.equal("pulumi-nodejs:dynamic/sailpoint:ManagedClient");
    expect(reg.additionalSecretOutputs).to.deep.equal(["secret"]);
  });

  describe("check", () => {
    it("names each bad property and sends nothing", async () => {
      const urn = urnFor("ManagedClient", "bad");
      const result = await host.check(urn, {}, { type: "VM", name: "", colour: "blue" });
      expect(result.failures.map((f) => f.property).sort()).to.deep.equal(["clusterId", "colour", "name", "type"]);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("defaults type to VA, tolerates the preview placeholder, and refuses importId once the client exists", async () => {
      const urn = urnFor("ManagedClient", "defaults");
      const fresh = await host.check(urn, {}, { clusterId: UNKNOWN });
      expect(fresh.failures).to.deep.equal([]);
      expect(fresh.inputs).to.include({ type: "VA", clusterId: UNKNOWN });
      const later = await host.check(urn, { clusterId: "a", type: "VA" }, { clusterId: "a", importId: "x" });
      expect(later.failures.map((f) => f.property)).to.deep.equal(["importId"]);
    });
  });

  describe("create", () => {
    it("sends one POST with exactly the declared fields; the key is in the outputs, every service field is there", async () => {
      const clusterId = cluster();
      const { id, outputs } = await created({ clusterId, name: "va-1", description: "first appliance" }).then(async (c) => c);
      const all = emulator.store.getManagedClient(id)!;
      expect(all).to.include({ clusterId, name: "va-1", description: "first appliance", type: "VA" });
      expect(outputs.secret).to.match(KEY);
      expect(outputs).to.include({ secretKnown: true, clientId: all.clientId, status: "NOT_CONFIGURED", provisionStatus: "DRAFT", lastSeen: null });
      for (const field of ["clusterType", "vaDownloadUrl", "vaVersion", "ipAddress", "createdAt", "updatedAt", "alertKey", "cookbook", "ccId"]) {
        expect(outputs, field).to.have.property(field);
      }
      expect(JSON.stringify(outputs)).not.to.include("undefined");
      expect(emulator.store.listClusters().find((c) => c.id === clusterId)?.clientIds).to.include(id);
    });

    it("the wire: one POST whose body is the declared fields", async () => {
      const clusterId = cluster();
      const urn = urnFor("ManagedClient", "wire");
      const checked = await host.check(urn, {}, { clusterId, type: "CCG" });
      await host.create(urn, checked.inputs);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clients"]);
      expect(apiCalls(emulator)[0].body).to.deep.equal({ clusterId, type: "CCG" });
    });

    it("an unnamed client gets the service's name, and that is no drift", async () => {
      const c = await created({ clusterId: cluster() });
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(emulator.store.getManagedClient(c.id)?.name).to.match(/^VA-/);
      expect((await host.diff(c.urn, c.id, read.properties, c.inputs)).changes).to.equal("none");
    });

    const lostKeys: Array<[string, FaultSpec]> = [
      ["a POST reset after the service committed it", { method: "POST", path: "/managed-clients", reset: "after" }],
      ["a 2xx answer without the key, after the service made the client", { method: "POST", path: "/managed-clients", afterCommit: true, omitFields: ["secret"] }],
    ];
    for (const [label, fault] of lostKeys) {
      it(`${label}: the client whose key is lost is removed and the POST sent again; one client remains, its key known`, async () => {
        const clusterId = cluster();
        emulator.injectFault(fault);
        const urn = urnFor("ManagedClient", `lost-${++n}`);
        const checked = await host.check(urn, {}, { clusterId, name: `lost-${n}` });
        const { id, properties } = await host.create(urn, checked.inputs);
        const lost = (apiCalls(emulator)[0].responseBody as Bag).id;
        expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clients", "GET /v2025/managed-clients", `DELETE /v2025/managed-clients/${String(lost)}`, "POST /v2025/managed-clients"]);
        expect(emulator.store.listManagedClients().filter((c) => c.clusterId === clusterId).map((c) => c.id)).to.deep.equal([id]);
        expect(properties.secret).to.match(KEY);
      });
    }

    it("fails clearly, naming the cluster, when the cluster does not exist", async () => {
      const urn = urnFor("ManagedClient", "orphan");
      const error = await hostError(host.create(urn, { clusterId: "no-such-cluster", type: "VA" }));
      expect(error.details).to.include("ISC POST /v2025/managed-clients failed with 400").and.include("no-such-cluster");
    });
  });

  describe("diff, update and refresh", () => {
    it("patches name and description with one minimal JSON Patch, keeping the key the PATCH answers as null", async () => {
      const c = await created({ clusterId: cluster(), name: "before", description: "d" });
      const news = { ...c.inputs, name: "after" };
      expect(await host.diff(c.urn, c.id, c.outputs, news)).to.deep.include({ changes: "some", replaces: [] });
      const { properties } = await host.update(c.urn, c.id, c.outputs, news);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/managed-clients/${c.id}`]);
      expect(apiCalls(emulator)[0].body).to.deep.equal([{ op: "replace", path: "/name", value: "after" }]);
      expect(properties).to.include({ name: "after", secret: c.outputs.secret, secretKnown: true });
    });

    it("replaces on clusterId or type, naming exactly that field", async () => {
      const c = await created({ clusterId: cluster(), name: "replace-me" });
      expect((await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, type: "CCG" })).replaces).to.deep.equal(["type"]);
      expect((await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, clusterId: "other" })).replaces).to.deep.equal(["clusterId"]);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("refresh: status and lastSeen moving is never a diff; a renamed client is drift, and the key is kept", async () => {
      const c = await created({ clusterId: cluster(), name: "steady", description: "d" });
      emulator.store.mutateManagedClient(c.id, (m) => Object.assign(m, { status: "NORMAL", lastSeen: new Date().toISOString(), ipAddress: "10.1.2.3" }));
      const quiet = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(quiet.properties).to.include({ status: "NORMAL", ipAddress: "10.1.2.3", secret: c.outputs.secret });
      expect((await host.diff(c.urn, c.id, quiet.properties, c.inputs)).changes).to.equal("none");

      emulator.store.mutateManagedClient(c.id, (m) => (m.name = "renamed in the UI"));
      const drifted = await host.read(c.urn, c.id, quiet.properties, c.inputs);
      expect(drifted.inputs).to.include({ name: "renamed in the UI" });
      expect((await host.diff(c.urn, c.id, drifted.properties, c.inputs)).changes).to.equal("some");
      emulator.clearRequests();
      await host.update(c.urn, c.id, drifted.properties, c.inputs);
      expect(apiCalls(emulator).map((r) => r.body)).to.deep.equal([[{ op: "replace", path: "/name", value: "steady" }]]);
    });

    it("refresh reports a client deleted out of band as gone, after a second read confirms it", async () => {
      const c = await created({ clusterId: cluster() });
      emulator.store.removeManagedClient(c.id);
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(read.id).to.equal("");
    });
  });

  describe("importId", () => {
    it("adopts an existing client without a POST; its key stays unknown", async () => {
      const clusterId = cluster();
      const existing = emulator.store.seedManagedClient({ clusterId, name: "legacy-va", description: "" });
      const urn = urnFor("ManagedClient", "adopted");
      const checked = await host.check(urn, {}, { clusterId, name: "legacy-va", description: "managed now", importId: existing.id });
      const { id, properties } = await host.create(urn, checked.inputs);
      expect(id).to.equal(existing.id);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clients/${id}`, `PATCH /v2025/managed-clients/${id}`]);
      expect(properties).to.include({ secret: null, secretKnown: false, description: "managed now" });
    });

    it("refuses, naming importId, a client of another cluster or type", async () => {
      const existing = emulator.store.seedManagedClient({ clusterId: cluster(), type: "CCG" });
      const urn = urnFor("ManagedClient", "mismatch");
      const error = await hostError(host.create(urn, { clusterId: existing.clusterId, type: "VA", importId: existing.id }));
      expect(error.details).to.match(/^importId: managed client "[^"]+" differs in type \(type is "CCG" on the service\)/);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clients/${existing.id}`]);
    });
  });

  describe("with its cluster, in a program", () => {
    it("clusterId: cluster.id; destroy deletes the client before its cluster, and the cluster without removeClients", async () => {
      const ManagedCluster = resourceClass("ManagedCluster") as unknown as Ctor;
      const ManagedClient = resourceClass("ManagedClient") as unknown as Ctor;
      const driver = new LifecycleDriver(host);
      const program = () => {
        const c = new ManagedCluster("prog-cluster", { name: "prog-cluster" });
        const va = new ManagedClient("prog-va", { clusterId: c.id, name: "prog-va" });
        return { key: va.secret };
      };
      const up = await driver.up(program);
      expect(up.outputs.key).to.include({ secret: true, known: true });
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clusters", "POST /v2025/managed-clients"]);
      emulator.clearRequests();
      await driver.destroy();
      const calls = apiCalls(emulator);
      expect(calls.map((r) => `${r.method} ${r.path.split("/")[2]}`)).to.deep.equal(["DELETE managed-clients", "DELETE managed-clusters"]);
      expect(calls[1].query).to.deep.equal({ removeClients: "false" });
      expect(calls.every((r) => r.status === 204)).to.equal(true);
    });
  });
});

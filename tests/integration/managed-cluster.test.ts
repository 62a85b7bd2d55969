import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { HostError, ProviderHost, UNKNOWN, sailpointConfig, urnFor } from "../harness/host";
import { providerText } from "../harness/provider-text";
import { rejection } from "../support/rejection";
import { onEmulatorAndHost } from "./stage";
import { apiCalls, lines } from "./wire";

type Bag = Record<string, unknown>;

describe("ManagedCluster through the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;
  let n = 0;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  /** Check + Create of a fresh cluster; returns the urn, checked inputs and the created id and outputs. */
  async function created(inputs: Bag) {
    const urn = urnFor("ManagedCluster", `c${++n}`);
    const checked = await host.check(urn, {}, inputs);
    expect(checked.failures).to.deep.equal([]);
    const result = await host.create(urn, checked.inputs);
    emulator.clearRequests();
    return { urn, inputs: checked.inputs, id: result.id, outputs: result.properties };
  }

  const hostError = (call: Promise<unknown>) => rejection(call, HostError);

  describe("check", () => {
    it("names each bad property and sends nothing", async () => {
      const urn = urnFor("ManagedCluster", "bad");
      const { failures } = await host.check(urn, {}, { name: "", type: "vm", configuration: { port: 8080 }, removeClientsOnDelete: "yes" });
      expect(failures.map((f) => f.property).sort()).to.deep.equal(["configuration.port", "name", "removeClientsOnDelete", "type"]);
      expect(failures.find((f) => f.property === "type")!.reason).to.include("idn, iai, spConnectCluster");
      const missing = await host.check(urn, {}, {});
      expect(missing.failures).to.deep.equal([{ property: "name", reason: "is required for ManagedCluster" }]);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("tolerates the preview placeholder, and refuses importId once the cluster exists", async () => {
      const urn = urnFor("ManagedCluster", "placeholder");
      expect((await host.check(urn, {}, { name: UNKNOWN, configuration: { a: UNKNOWN } })).failures).to.deep.equal([]);
      const later = await host.check(urn, { name: "x", type: "idn" }, { name: "x", importId: "abc" });
      expect(later.failures.map((f) => f.property)).to.deep.equal(["importId"]);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });
  });

  describe("create", () => {
    it("sends one POST with exactly the declared fields and returns every service field", async () => {
      const urn = urnFor("ManagedCluster", "post");
      const checked = await host.check(urn, {}, { name: "post", configuration: { gmtOffset: "-5" } });
      const { id, properties } = await host.create(urn, checked.inputs);
      const calls = apiCalls(emulator);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clusters"]);
      expect(calls[0].body).to.deep.equal({ name: "post", type: "idn", configuration: { gmtOffset: "-5" } });
      expect(properties).to.include({ name: "post", type: "idn", removeClientsOnDelete: false, ccgVersion: "v01", status: "NO_CLIENTS" });
      for (const field of ["clientType", "pinnedConfig", "operational", "pod", "org", "clientIds", "serviceCount", "createdAt", "updatedAt"]) {
        expect(properties, field).to.have.property(field);
      }
      expect(properties).not.to.have.property("id");
      expect(properties.configuration).to.deep.equal({ gmtOffset: "-5" });
      expect(properties.liveConfiguration).to.include({ gmtOffset: "-5", clusterExternalId: id });
    });

    it("makes no duplicate when the connection resets after the POST was committed", async () => {
      emulator.injectFault({ method: "POST", path: "/managed-clusters", reset: "after" });
      const before = emulator.store.listClusters().length;
      const { id } = await created({ name: "reset-after", description: "once" });
      const mine = emulator.store.listClusters().filter((c) => c.name === "reset-after");
      expect(mine.map((c) => c.id)).to.deep.equal([id]);
      expect(emulator.store.listClusters()).to.have.length(before + 1);
    });

    it("looks the name up, then creates, when the connection resets before the POST was committed", async () => {
      emulator.injectFault({ method: "POST", path: "/managed-clusters", reset: "before" });
      const urn = urnFor("ManagedCluster", "reset-before");
      const checked = await host.check(urn, {}, { name: "reset-before" });
      const { id } = await host.create(urn, checked.inputs);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clusters", "GET /v2025/managed-clusters", "POST /v2025/managed-clusters"]);
      expect(apiCalls(emulator)[1].query.filters).to.equal('name eq "reset-before"');
      expect(emulator.store.listClusters().filter((c) => c.name === "reset-before").map((c) => c.id)).to.deep.equal([id]);
    });

    it("fails with a clear error and creates nothing when the API client may only read, yet refreshes", async () => {
      // An API client whose tokens carry only the read scope: the emulator refuses writes as ISC does (403).
      const { client, secret } = emulator.seedOAuthClient({ grantTypes: ["CLIENT_CREDENTIALS"], scope: ["idn:remote-client:read"] });
      const reader = await ProviderHost.start();
      await reader.configure(sailpointConfig({ url: emulator.url, credentials: { clientId: client.id, clientSecret: secret } }));
      const urn = urnFor("ManagedCluster", "forbidden");
      const checked = await reader.check(urn, {}, { name: "forbidden" });
      const error = await hostError(reader.create(urn, checked.inputs));
      expect(error.details).to.include("ISC POST /v2025/managed-clusters failed with 403 403 Forbidden").and.include("lacks a scope");
      expect(error.details).to.not.include(secret);
      expect(error.initFailure).to.equal(undefined);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clusters"]);
      expect(emulator.store.listClusters().filter((c) => c.name === "forbidden")).to.deep.equal([]);

      const existing = await created({ name: "readable" });
      const refreshed = await reader.read(existing.urn, existing.id, existing.outputs);
      expect(refreshed.id).to.equal(existing.id);
      await reader.stop();
    });
  });

  describe("diff and update", () => {
    it("reports nothing and sends nothing for an unchanged program, though the service added fields and keys", async () => {
      const c = await created({ name: "same", configuration: { gmtOffset: "-5" } });
      const checked = await host.check(c.urn, c.inputs, { name: "same", configuration: { gmtOffset: "-5" } });
      const diff = await host.diff(c.urn, c.id, c.outputs, checked.inputs);
      expect(diff).to.deep.include({ changes: "none", replaces: [] });
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("replaces on a type change", async () => {
      const c = await created({ name: "typed" });
      const diff = await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, type: "iai" });
      expect(diff).to.deep.include({ changes: "some", replaces: ["type"], deleteBeforeReplace: false });
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("sends exactly one PATCH touching only the changed paths, and returns the full outputs", async () => {
      const c = await created({ name: "patch-me", description: "d", configuration: { "keep": "1", "change/me": "a", "drop": "x" } });
      const news = { ...c.inputs, name: "patched", configuration: { keep: "1", "change/me": "b" } };
      expect((await host.diff(c.urn, c.id, c.outputs, news)).changes).to.equal("some");
      const { properties } = await host.update(c.urn, c.id, c.outputs, news);
      const calls = apiCalls(emulator);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/managed-clusters/${c.id}`]);
      expect(calls[0].contentType).to.equal("application/json-patch+json");
      expect(calls[0].body).to.have.deep.members([
        { op: "replace", path: "/name", value: "patched" },
        { op: "add", path: "/configuration/change~1me", value: "b" },
        { op: "remove", path: "/configuration/drop" },
      ]);
      expect(properties).to.include({ name: "patched", description: "d", status: "NO_CLIENTS" });
      expect(properties.configuration).to.deep.equal({ keep: "1", "change/me": "b" });
      expect(properties.liveConfiguration).to.have.property("clusterType");
      expect(emulator.store.listClusters().find((x) => x.id === c.id)!.configuration).not.to.have.property("drop");
    });

    it("changes removeClientsOnDelete without any request", async () => {
      const c = await created({ name: "flag" });
      const news = { ...c.inputs, removeClientsOnDelete: true };
      expect((await host.diff(c.urn, c.id, c.outputs, news)).changes).to.equal("some");
      const { properties } = await host.update(c.urn, c.id, c.outputs, news);
      expect(apiCalls(emulator)).to.deep.equal([]);
      expect(properties).to.include({ removeClientsOnDelete: true, status: "NO_CLIENTS" });
    });
  });

  describe("refresh", () => {
    it("reveals out-of-band changes to owned fields and ignores keys the service owns", async () => {
      const c = await created({ name: "drift", configuration: { gmtOffset: "-5" } });
      emulator.mutateCluster(c.id, (live) => {
        live.name = "renamed-in-ui";
        live.configuration = { ...live.configuration, gmtOffset: "+1", serviceKey: "new" };
      });
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clusters/${c.id}`]);
      expect(read.inputs).to.deep.include({ name: "renamed-in-ui", configuration: { gmtOffset: "+1" } });
      expect(read.properties.liveConfiguration).to.include({ serviceKey: "new" });
      const diff = await host.diff(c.urn, c.id, read.properties, c.inputs);
      expect(diff.changes).to.equal("some");

      emulator.clearRequests();
      await host.update(c.urn, c.id, read.properties, c.inputs);
      expect(apiCalls(emulator)[0].body).to.have.deep.members([
        { op: "replace", path: "/name", value: "drift" },
        { op: "add", path: "/configuration/gmtOffset", value: "-5" },
      ]);

      emulator.mutateCluster(c.id, (live) => {
        live.configuration = { ...live.configuration, onlyTheService: "changed" };
      });
      const again = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect((await host.diff(c.urn, c.id, again.properties, c.inputs)).changes).to.equal("none");
    });

    it("reports a cluster deleted out of band as gone", async () => {
      const c = await created({ name: "vanished" });
      emulator.removeCluster(c.id);
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(read.id).to.equal("");
    });
  });

  describe("importId", () => {
    it("adopts an existing cluster with one PATCH to the declared state, and no POST", async () => {
      const existing = emulator.seedCluster({ name: "legacy", description: "old", configuration: { gmtOffset: "0", other: "x" } });
      const urn = urnFor("ManagedCluster", "adopted");
      const checked = await host.check(urn, {}, { name: "legacy", description: "managed now", configuration: { gmtOffset: "-5" }, importId: existing.id });
      const { id, properties } = await host.create(urn, checked.inputs);
      expect(id).to.equal(existing.id);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clusters/${id}`, `PATCH /v2025/managed-clusters/${id}`]);
      expect(apiCalls(emulator)[1].body).to.have.deep.members([
        { op: "replace", path: "/description", value: "managed now" },
        { op: "add", path: "/configuration/gmtOffset", value: "-5" },
      ]);
      expect(properties).to.include({ importId: existing.id, description: "managed now" });
      expect(properties.liveConfiguration).to.include({ other: "x" });
    });

    it("fails clearly, naming importId, when the cluster does not exist", async () => {
      const urn = urnFor("ManagedCluster", "ghost");
      const checked = await host.check(urn, {}, { name: "ghost", importId: "0123456789abcdef0123456789abcdef" });
      const error = await hostError(host.create(urn, checked.inputs));
      expect(error.details).to.include('importId: managed cluster "0123456789abcdef0123456789abcdef" does not exist');
      expect(lines(emulator)).to.deep.equal(["GET /v2025/managed-clusters/0123456789abcdef0123456789abcdef"]);
    });
  });

  describe("manual upgrade", () => {
    it("triggers once on create and once per change of the trigger", async () => {
      const c = await created({ name: "upgrade", manualUpgradeTrigger: "2026-11" });
      expect(c.outputs.upgradeJobs).to.be.an("array").with.length.greaterThan(0);
      expect(emulator.store.listClusters().length).to.be.greaterThan(0);

      const same = { ...c.inputs, description: "touched" };
      await host.update(c.urn, c.id, c.outputs, same);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/managed-clusters/${c.id}`]);

      emulator.clearRequests();
      const { properties } = await host.update(c.urn, c.id, c.outputs, { ...c.inputs, manualUpgradeTrigger: "2026-12" });
      expect(lines(emulator)).to.deep.equal([`POST /v2025/managed-clusters/${c.id}/manualUpgrade`]);
      expect(properties.upgradeJobs).to.be.an("array");
    });

    it("says clearly that API v3 has no manual upgrade, and keeps the cluster it created", async () => {
      const v3 = await ProviderHost.start();
      await v3.configure(sailpointConfig(emulator, { "sailpoint:apiVersion": "v3" }));
      const urn = urnFor("ManagedCluster", "v3-upgrade");
      const checked = await v3.check(urn, {}, { name: "v3-upgrade", manualUpgradeTrigger: "now" });
      const error = await hostError(v3.create(urn, checked.inputs));
      expect(error.details).to.include("does not exist in ISC API v3");
      expect(error.initFailure, "a partial create, so the cluster is not orphaned").to.not.equal(undefined);
      const made = emulator.store.listClusters().find((c) => c.name === "v3-upgrade")!;
      expect(error.initFailure!.id).to.equal(made.id);
      expect(error.initFailure!.properties).to.include({ name: "v3-upgrade", __provider: await providerText("ManagedCluster") });
      expect(lines(emulator)).to.deep.equal(["POST /v3/managed-clusters"]);
      await v3.stop();
    });
  });

  describe("delete", () => {
    it("sends removeClients as declared and succeeds when the cluster is already gone", async () => {
      const c = await created({ name: "with-clients", removeClientsOnDelete: true });
      emulator.seedManagedClient({ clusterId: c.id });
      await host.delete(c.urn, c.id, c.outputs);
      expect(apiCalls(emulator).map((r) => [r.method, r.path, r.query.removeClients])).to.deep.equal([
        ["DELETE", `/v2025/managed-clusters/${c.id}`, "true"],
      ]);
      expect(emulator.store.listClusters().find((x) => x.id === c.id)).to.equal(undefined);

      emulator.clearRequests();
      await host.delete(c.urn, c.id, c.outputs);
      expect(lines(emulator)).to.deep.equal([`DELETE /v2025/managed-clusters/${c.id}`]);
    });

    it("reports the service's refusal to delete a cluster that still has clients", async () => {
      const c = await created({ name: "has-clients" });
      emulator.seedManagedClient({ clusterId: c.id });
      const error = await hostError(host.delete(c.urn, c.id, c.outputs));
      expect(error.details).to.match(/ISC DELETE \/v2025\/managed-clusters\/\w+ failed with 400/);
      expect(apiCalls(emulator)[0].query.removeClients).to.equal("false");
    });
  });

  it("never lets the API client secret into __provider, outputs or the host's stderr", async () => {
    const c = await created({ name: "secrets" });
    const secret = emulator.credentials.clientSecret;
    expect(await providerText("ManagedCluster")).not.to.include(secret);
    expect(JSON.stringify(c.outputs)).not.to.include(secret);
    expect(host.stderr()).not.to.include(secret);
  });
});

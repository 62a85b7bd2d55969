/**
 * `sailpoint:apiVersion: v1`, SailPoint's per-service paths (`/managed-clusters/v1/...`, `/managed-clients/v1/...`,
 * `/oauth-clients/v1/...`, docs/isc-api.md §1.1): every resource's whole life through the real provider host, the
 * lookups and the `adopt` command, each asserting the paths the emulator recorded.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { main } from "../../cli/index";
import { IscEmulator } from "../../emulator";
import * as lookups from "../../sdk/lookups";
import { ProviderHost, sailpointConfig } from "../harness/host";
import { LifecycleDriver } from "../harness/lifecycle";
import { resourceClass } from "../harness/provider-text";
import { apiCalls, lines } from "./wire";

type Bag = Record<string, unknown>;
type Ctor = new (name: string, args: Bag) => Record<string, pulumi.Output<unknown>> & { id: pulumi.Output<string> };

const PER_SERVICE = /^\/(managed-clusters|managed-clients|oauth-clients)\/v1(\/|$)/;

/** Every API request went to a per-service v1 path, and none to a yearly version or beta. */
function expectOnlyV1(emulator: IscEmulator): void {
  const calls = apiCalls(emulator);
  expect(calls.length).to.be.greaterThan(0);
  expect(calls.map((r) => r.path).filter((p) => !PER_SERVICE.test(p))).to.deep.equal([]);
}

/** The recorded "METHOD path" lines with object ids replaced by the resource they belong to. */
function named(emulator: IscEmulator, ids: Record<string, string>): string[] {
  return lines(emulator)
    .map((line) => Object.entries(ids).reduce((text, [name, id]) => text.split(id).join(`{${name}}`), line))
    .sort();
}

describe("sailpoint:apiVersion v1: the per-service paths", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let host: ProviderHost;

  before(async () => {
    emulator = await IscEmulator.start();
    host = await ProviderHost.start();
    await host.configure(sailpointConfig(emulator, { "sailpoint:apiVersion": "v1" }));
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator?.stop();
  });
  beforeEach(() => emulator.clearRequests());

  it("every resource's whole life: create, update (with a manual upgrade), refresh, destroy", async () => {
    const ManagedCluster = resourceClass("ManagedCluster") as unknown as Ctor;
    const ManagedClient = resourceClass("ManagedClient") as unknown as Ctor;
    const ClusterLogConfig = resourceClass("ClusterLogConfig") as unknown as Ctor;
    const OAuthClient = resourceClass("OAuthClient") as unknown as Ctor;
    const program = (description: string, rootLevel: string, manualUpgradeTrigger?: string) => () => {
      const cluster = new ManagedCluster("v1-cluster", { name: "v1-cluster", description, configuration: { gmtOffset: "-5" }, manualUpgradeTrigger });
      const va = new ManagedClient("v1-va", { clusterId: cluster.id, name: "v1-va", description });
      new ClusterLogConfig("v1-logs", { clusterId: cluster.id, rootLevel, durationMinutes: 60 });
      const ci = new OAuthClient("v1-ci", { name: "v1-ci", description, accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" });
      return { key: va.secret, secret: ci.secret };
    };
    const driver = new LifecycleDriver(host);

    const up = await driver.up(program("first", "INFO"));
    expect(up.outputs.key).to.include({ secret: true, known: true });
    expect(up.outputs.secret).to.include({ secret: true, known: true });
    const ids = {
      cluster: driver.state.get([...driver.state.keys()].find((urn) => urn.endsWith("::v1-cluster"))!)!.id,
      va: driver.state.get([...driver.state.keys()].find((urn) => urn.endsWith("::v1-va"))!)!.id,
      ci: driver.state.get([...driver.state.keys()].find((urn) => urn.endsWith("::v1-ci"))!)!.id,
    };
    expect(named(emulator, ids)).to.deep.equal([
      "POST /managed-clients/v1",
      "POST /managed-clusters/v1",
      "POST /oauth-clients/v1",
      "PUT /managed-clusters/v1/{cluster}/log-config",
    ]);
    expectOnlyV1(emulator);

    emulator.clearRequests();
    const update = await driver.up(program("second", "DEBUG", "2026-12"));
    expect(update.steps.filter((s) => s.op === "update").map((s) => s.name).sort()).to.deep.equal(["v1-ci", "v1-cluster", "v1-logs", "v1-va"]);
    const updates = named(emulator, ids).filter((line) => !line.startsWith("GET "));
    expect(updates).to.deep.equal([
      "PATCH /managed-clients/v1/{va}",
      "PATCH /managed-clusters/v1/{cluster}",
      "PATCH /oauth-clients/v1/{ci}",
      "POST /managed-clusters/v1/{cluster}/manualUpgrade",
      "PUT /managed-clusters/v1/{cluster}/log-config",
    ]);
    expect(emulator.requests.find((r) => r.method === "PATCH" && r.path === `/oauth-clients/v1/${ids.ci}`)!.body).to.deep.equal([
      { op: "replace", path: "/description", value: "second" },
    ]);
    expectOnlyV1(emulator);

    emulator.clearRequests();
    const refresh = await driver.refresh();
    expect(refresh.steps.filter((s) => s.op !== "same" && s.op !== "read")).to.deep.equal([]);
    const reads = named(emulator, ids);
    expect(reads.every((line) => line.startsWith("GET "))).to.equal(true);
    expect(reads).to.include.members(["GET /managed-clusters/v1/{cluster}/log-config"]);
    expect(reads.filter((line) => /^GET \/(managed-clusters|managed-clients|oauth-clients)\/v1(\/\{(cluster|va|ci)\})?$/.test(line))).to.have.length.at.least(3);
    expectOnlyV1(emulator);

    emulator.clearRequests();
    await driver.destroy();
    expect(named(emulator, ids).filter((line) => !line.startsWith("GET "))).to.deep.equal([
      "DELETE /managed-clients/v1/{va}",
      "DELETE /managed-clusters/v1/{cluster}",
      "DELETE /oauth-clients/v1/{ci}",
      "PUT /managed-clusters/v1/{cluster}/log-config",
    ]);
    expectOnlyV1(emulator);
    expect(apiCalls(emulator).filter((r) => r.status >= 400)).to.deep.equal([]);
    expect(emulator.listClusters()).to.deep.equal([]);
    expect(emulator.listOAuthClients().map((c) => c.id)).not.to.include(ids.ci);
  });

  it("a stack deployed on v2025 and switched to v1: refresh and up find nothing to change, destroy deletes on v1", async () => {
    const ManagedCluster = resourceClass("ManagedCluster") as unknown as Ctor;
    const ClusterLogConfig = resourceClass("ClusterLogConfig") as unknown as Ctor;
    const OAuthClient = resourceClass("OAuthClient") as unknown as Ctor;
    const ManagedClient = resourceClass("ManagedClient") as unknown as Ctor;
    const program = () => {
      const cluster = new ManagedCluster("switch-cluster", { name: "switch-cluster", configuration: { gmtOffset: "-5" } });
      new ManagedClient("switch-va", { clusterId: cluster.id });
      new ClusterLogConfig("switch-logs", { clusterId: cluster.id, rootLevel: "INFO", logLevels: { "sailpoint.connector": "DEBUG" }, durationMinutes: 60 });
      new OAuthClient("switch-ci", { name: "switch-ci", description: "switch", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" });
      return {};
    };
    const driver = new LifecycleDriver(host);
    try {
      await host.configure(sailpointConfig(emulator));
      await driver.up(program);
      expect(lines(emulator).every((line) => line.includes(" /v2025/"))).to.equal(true);
      const before = driver.state;

      await host.configure(sailpointConfig(emulator, { "sailpoint:apiVersion": "v1" }));
      emulator.clearRequests();
      const refresh = await driver.refresh();
      expect(refresh.steps.filter((s) => s.op !== "same" && s.op !== "read")).to.deep.equal([]);
      const up = await driver.up(program);
      expect(up.steps.map((s) => s.op)).to.deep.equal(["same", "same", "same", "same"]);
      expect(apiCalls(emulator).filter((r) => r.method !== "GET")).to.deep.equal([]);
      expectOnlyV1(emulator);
      expect([...driver.state.values()].map((e) => [e.name, e.id, e.outputs.secret ?? null])).to.deep.equal(
        [...before.values()].map((e) => [e.name, e.id, e.outputs.secret ?? null]),
      );

      emulator.clearRequests();
      await driver.destroy();
      expect(lines(emulator).filter((line) => line.startsWith("DELETE ")).map((line) => line.split("/").slice(0, 3).join("/")).sort()).to.deep.equal([
        "DELETE /managed-clients/v1",
        "DELETE /managed-clusters/v1",
        "DELETE /oauth-clients/v1",
      ]);
      expectOnlyV1(emulator);
    } finally {
      await host.configure(sailpointConfig(emulator, { "sailpoint:apiVersion": "v1" }));
    }
  });

  it("adopts an existing object by importId through the v1 paths", async () => {
    const { client: existing } = emulator.seedOAuthClient({ name: "legacy", description: "made in the UI" });
    const OAuthClient = resourceClass("OAuthClient") as unknown as Ctor;
    const driver = new LifecycleDriver(host);
    await driver.up(() => {
      new OAuthClient("legacy", { importId: existing.id, name: "legacy", description: "made in code", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" });
      return {};
    });
    expect(named(emulator, { legacy: existing.id }).filter((line) => !line.startsWith("GET /oauth-clients/v1?"))).to.include.members([
      "GET /oauth-clients/v1/{legacy}",
      "PATCH /oauth-clients/v1/{legacy}",
    ]);
    expectOnlyV1(emulator);
    emulator.clearRequests();
    await driver.destroy();
    expect(lines(emulator)).to.deep.equal([`DELETE /oauth-clients/v1/${existing.id}`]);
  });

  describe("the lookups", () => {
    before(() => {
      pulumi.runtime.setAllConfig(
        {
          "sailpoint:baseUrl": emulator.url,
          "sailpoint:clientId": emulator.credentials.clientId,
          "sailpoint:clientSecret": emulator.credentials.clientSecret,
          "sailpoint:apiVersion": "v1",
        },
        ["sailpoint:clientSecret"],
      );
    });
    after(() => pulumi.runtime.setAllConfig({}, []));

    it("get and list each kind, and a managed client's status, on the v1 paths", async () => {
      const cluster = emulator.seedCluster({ name: "lookup-cluster" });
      const va = emulator.seedManagedClient({ clusterId: cluster.id, name: "lookup-va" });
      const { client: ci } = emulator.seedOAuthClient({ name: "lookup-ci" });
      emulator.clearRequests();

      expect((await lookups.getManagedCluster({ id: cluster.id })).name).to.equal("lookup-cluster");
      expect((await lookups.listManagedClusters({ name: "lookup-cluster" })).map((c) => c.id)).to.deep.equal([cluster.id]);
      expect((await lookups.listManagedClients({ clusterId: cluster.id })).map((c) => c.id)).to.deep.equal([va.id]);
      expect(await lookups.getManagedClientStatus({ id: va.id, type: "VA" })).to.include({ type: "VA" });
      expect((await lookups.getOAuthClient({ id: ci.id })).name).to.equal("lookup-ci");
      expect((await lookups.listOAuthClients()).map((c) => c.id)).to.include(ci.id);

      expect(lines(emulator)).to.deep.equal([
        `GET /managed-clusters/v1/${cluster.id}`,
        "GET /managed-clusters/v1",
        "GET /managed-clients/v1",
        `GET /managed-clients/v1/${va.id}/status`,
        `GET /oauth-clients/v1/${ci.id}`,
        "GET /oauth-clients/v1",
      ]);
      expect(apiCalls(emulator).every((r) => r.status === 200)).to.equal(true);
    });
  });

  it("the adopt command reads the tenant through the v1 paths", async () => {
    const cluster = emulator.seedCluster({ name: "adopt-cluster" });
    emulator.seedManagedClient({ clusterId: cluster.id, name: "adopt-va" });
    emulator.setLogConfig(cluster.id, { rootLevel: "WARN", durationMinutes: 60 });
    emulator.seedOAuthClient({ name: "adopt-ci" });
    emulator.clearRequests();
    const env = {
      SAIL_BASE_URL: emulator.url,
      SAIL_CLIENT_ID: emulator.credentials.clientId,
      SAIL_CLIENT_SECRET: emulator.credentials.clientSecret,
      SAIL_API_VERSION: "v1",
    };
    let program = "";
    let stderr = "";
    const code = await main(["adopt"], { stdout: (t) => (program += t), stderr: (t) => (stderr += t), env });
    expect(code, stderr).to.equal(0);
    expect(program).to.include("(API v1)").and.include('name: "adopt-cluster"').and.include('name: "adopt-ci"');
    expect(new Set(lines(emulator).map((line) => line.replace(/\/[0-9a-f]{32}(?=\/|$)/, "/{id}")))).to.deep.equal(
      new Set(["GET /managed-clusters/v1", "GET /managed-clients/v1", "GET /oauth-clients/v1", "GET /managed-clusters/v1/{id}/log-config"]),
    );
    expectOnlyV1(emulator);
  });
});

import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { IscEmulator } from "../../emulator";
import { lines } from "../integration/wire";

// The lookups run in the program, so they are exercised from the built package in this process.
const sdk = require("pulumi-sailpoint-isc") as typeof import("../../sdk");

describe("lookups", function () {
  this.timeout(30_000);
  let emulator: IscEmulator;

  before(async () => {
    emulator = await IscEmulator.start();
    pulumi.runtime.setAllConfig(
      { "sailpoint:baseUrl": emulator.url, "sailpoint:clientId": emulator.credentials.clientId, "sailpoint:clientSecret": emulator.credentials.clientSecret },
      ["sailpoint:clientSecret"],
    );
  });
  after(async () => {
    pulumi.runtime.setAllConfig({}, []);
    await emulator?.stop();
  });
  beforeEach(() => {
    emulator.reset();
  });

  it("listManagedClusters pages through every result", async () => {
    for (let i = 0; i < 260; i++) emulator.seedCluster({ name: `bulk-${i}` });
    const all = await sdk.listManagedClusters();
    expect(all).to.have.length(260);
    expect(new Set(all.map((c) => c.id)).size).to.equal(260);
    const pages = emulator.requests.filter((r) => r.path === "/v2025/managed-clusters");
    expect(pages.map((r) => [r.query.offset, r.query.limit])).to.deep.equal([["0", "250"], ["250", "250"]]);
  });

  it("listManagedClusters sends the documented filters", async () => {
    emulator.seedCluster({ name: "alpha" });
    emulator.seedCluster({ name: "beta", type: "iai" });
    const found = await sdk.listManagedClusters({ name: "beta", type: "iai" });
    expect(found.map((c) => c.name)).to.deep.equal(["beta"]);
    const request = emulator.requests.find((r) => r.path === "/v2025/managed-clusters")!;
    expect(request.query.filters).to.equal('name eq "beta" and type eq "iai"');
  });

  it("listManagedClients filters by cluster and name on the service, by type on the results; keys are never there", async () => {
    const a = emulator.seedCluster({ name: "a" });
    const b = emulator.seedCluster({ name: "b" });
    emulator.seedManagedClient({ clusterId: a.id, name: "a-va", type: "VA" });
    emulator.seedManagedClient({ clusterId: a.id, name: "a-ccg", type: "CCG" });
    emulator.seedManagedClient({ clusterId: b.id, name: "b-va", type: "VA" });
    const ofA = await sdk.listManagedClients({ clusterId: a.id });
    expect(ofA.map((c) => c.name).sort()).to.deep.equal(["a-ccg", "a-va"]);
    expect(ofA.every((c) => c.secret === null)).to.equal(true);
    expect(emulator.requests.filter((r) => r.path === "/v2025/managed-clients").at(-1)!.query.filters).to.equal(`clusterId eq "${a.id}"`);
    const vaOfA = await sdk.listManagedClients({ clusterId: a.id, type: "VA" });
    expect(vaOfA.map((c) => c.name)).to.deep.equal(["a-va"]);
    const status = await sdk.getManagedClientStatus({ id: vaOfA[0].id, type: "VA" });
    expect(status).to.include({ type: "VA" });
  });

  it("getManagedCluster and getManagedClusterOutput read one cluster", async () => {
    const seeded = emulator.seedCluster({ name: "one" });
    const cluster = await sdk.getManagedCluster({ id: seeded.id });
    expect(cluster).to.include({ id: seeded.id, name: "one" });
    // reset() revoked the token of earlier tests: one 401, one new token, one retry.
    expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clusters/${seeded.id}`, `GET /v2025/managed-clusters/${seeded.id}`]);
    expect(emulator.requests.map((r) => r.status)).to.deep.equal([401, 200, 200]);
    emulator.clearRequests();
    const viaOutput = await new Promise((resolve) => sdk.getManagedClusterOutput({ id: pulumi.output(seeded.id) }).apply(resolve));
    expect(viaOutput).to.include({ id: seeded.id, name: "one" });
    expect(lines(emulator)).to.deep.equal([`GET /v2025/managed-clusters/${seeded.id}`]);
  });

  it("getManagedCluster fails with a clear error and no secret for an unknown id", async () => {
    try {
      await sdk.getManagedCluster({ id: "nope" });
      expect.fail("expected a 404");
    } catch (error) {
      expect((error as Error).message).to.match(/^ISC GET \/v2025\/managed-clusters\/nope failed with 404/);
      expect((error as Error).message).not.to.include(emulator.credentials.clientSecret);
    }
  });

  it("getOAuthClient and listOAuthClients, with the lastUsed filters", async () => {
    const { client: used } = emulator.seedOAuthClient({ name: "used" });
    const { client: fresh } = emulator.seedOAuthClient({ name: "fresh" });
    emulator.markOAuthClientUsed(used.id, "2026-01-01T00:00:00.000Z");
    expect((await sdk.getOAuthClient({ id: fresh.id })).secret ?? null).to.equal(null);
    expect((await sdk.listOAuthClients()).map((c) => c.name).sort()).to.deep.equal(["fresh", "used"]);
    expect((await sdk.listOAuthClients({ neverUsed: true })).map((c) => c.name)).to.deep.equal(["fresh"]);
    expect((await sdk.listOAuthClients({ lastUsedBefore: "2026-06-01T00:00:00Z" })).map((c) => c.name)).to.deep.equal(["used"]);
    const filters = emulator.requests.filter((r) => r.path === "/v2025/oauth-clients").map((r) => r.query.filters);
    expect(filters).to.deep.equal([undefined, "lastUsed isnull", "lastUsed le 2026-06-01T00:00:00Z"]);
  });

  it("getManagedClientStatus reads a managed client's status by id and type", async () => {
    const cluster = emulator.seedCluster({ name: "with-va" });
    const client = emulator.seedManagedClient({ clusterId: cluster.id });
    const status = await sdk.getManagedClientStatus({ id: String(client.id), type: "VA" });
    expect(status).to.have.property("status");
    const request = emulator.requests.find((r) => r.path.endsWith("/status"))!;
    expect(request.path).to.equal(`/v2025/managed-clients/${client.id}/status`);
    expect(request.query).to.deep.equal({ type: "VA" });
  });
});

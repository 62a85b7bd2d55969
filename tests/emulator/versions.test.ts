/** Version-specific surfaces: v2024, v2026, beta, managed-client writes and managed cluster types. */
import { expect } from "chai";
import type { IscEmulator, ManagedClient, ManagedCluster } from "../../emulator";
import { ApiClient, CLUSTER, expectErrorDto, getToken, startEmulator } from "./helpers";

describe("emulator version surfaces", () => {
  let emu: IscEmulator;
  let token: string;
  const client = (version: "v3" | "v2024" | "v2025" | "v2026" | "beta" | "v1") => {
    const c = new ApiClient(emu, version);
    c.token = token;
    return c;
  };

  beforeEach(async () => {
    emu = await startEmulator();
    token = await getToken(emu);
  });

  afterEach(async () => {
    expect(emu.schemaViolations().map((r) => r.schemaErrors)).to.deep.equal([]);
    await emu.stop();
  });

  it("shares one tenant across every version", async () => {
    const c = (await client("v2026").post("/managed-clusters", CLUSTER)).body as ManagedCluster;
    for (const v of ["v3", "v2024", "v2025", "v2026", "beta", "v1"] as const) {
      expect(((await client(v).get(`/managed-clusters/${c.id}`)).body as ManagedCluster).name, v).to.equal("cluster-a");
    }
    expect((await client("v2024").post(`/managed-clusters/${c.id}/manualUpgrade`)).status).to.equal(200);
  });

  it("v2024 managed clients carry healthIndicators; v2025 ones do not", async () => {
    const c = emu.seedCluster({ name: "x" });
    const mc = emu.seedManagedClient({ clusterId: c.id });
    expect((await client("v2024").get(`/managed-clients/${mc.id}`)).body).to.have.property("healthIndicators", null);
    expect((await client("v2025").get(`/managed-clients/${mc.id}`)).body).to.not.have.property("healthIndicators");
    expectErrorDto(await client("v2024").get(`/managed-clients/${mc.id}/health-indicators`, { noValidate: true }), 404);
  });

  it("beta: read-only clusters, log config and the deprecated status update", async () => {
    const beta = client("beta");
    const c = emu.seedCluster({ name: "x" });
    const mc = emu.seedManagedClient({ clusterId: c.id, status: "NORMAL" });
    expect(((await beta.get("/managed-clusters")).body as ManagedCluster[]).map((x) => x.id)).to.deep.equal([c.id]);
    expectErrorDto(await beta.post("/managed-clusters", CLUSTER, { noValidate: true }), 405);
    expectErrorDto(await beta.get("/managed-clients", { noValidate: true }), 404);
    const res = await beta.post(`/managed-clients/${mc.id}/status`, { body: {}, status: "WARNING", type: "VA", timestamp: "2026-01-01T00:00:00Z" });
    expect(res.body).to.include({ status: "WARNING", type: "VA" });
    expect(emu.store.getManagedClient(mc.id)?.status).to.equal("WARNING");
    expect((emu.store.getCluster(c.id) as ManagedCluster).status).to.equal("CONFIGURING");
    expectErrorDto(await beta.post(`/managed-clients/${mc.id}/status`, { status: "WARNING" }), 400);
    expect((await client("v2025").post(`/managed-clients/${mc.id}/status`, {}, { noValidate: true })).status).to.equal(405);
  });

  it("creates, patches and deletes managed clients through the API", async () => {
    const api = client("v2025");
    const c = emu.seedCluster({ name: "x" });
    const created = await api.post("/managed-clients", { clusterId: c.id, name: "va-2", description: "second" });
    const mc = created.body as ManagedClient;
    expect(mc).to.include({ clusterId: c.id, name: "va-2", status: "NOT_CONFIGURED", type: "VA" });
    expect(mc.secret).to.match(/^[0-9a-f]{64}$/);
    expect((emu.store.getCluster(c.id) as ManagedCluster).clientIds).to.deep.equal([mc.id]);
    expectErrorDto(await api.post("/managed-clients", { clusterId: "nope" }), 400);
    const patched = await api.patch(`/managed-clients/${mc.id}`, [{ op: "replace", path: "/name", value: "renamed" }]);
    expect(patched.body).to.include({ name: "renamed", secret: null });
    expectErrorDto(await api.patch(`/managed-clients/${mc.id}`, [{ op: "replace", path: "/clusterId", value: "x" }]), 400, undefined, /'clusterId'/);
    expect((await api.delete(`/managed-clients/${mc.id}`)).status).to.equal(204);
    expect((emu.store.getCluster(c.id) as ManagedCluster).status).to.equal("NO_CLIENTS");
  });

  it("serves managed cluster types from v2024 on", async () => {
    const api = client("v2024");
    const t = (await api.post("/managed-cluster-types", { type: "idn", pod: "megapod-useast1", org: "acme", managedProcessIds: ["ccg"] })).body as { id: string };
    expect(((await api.get("/managed-cluster-types", { query: { type: "idn" } })).body as unknown[]).length).to.equal(1);
    expect(((await api.get("/managed-cluster-types", { query: { type: "iai" } })).body as unknown[]).length).to.equal(0);
    const p = await api.patch(`/managed-cluster-types/${t.id}`, { operations: [{ op: "add", path: "/managedProcessIds/-", value: "charon" }] });
    expect(p.body).to.deep.include({ managedProcessIds: ["ccg", "charon"] });
    expect((await api.delete(`/managed-cluster-types/${t.id}`)).status).to.equal(204);
    expectErrorDto(await api.get(`/managed-cluster-types/${t.id}`), 404);
    expectErrorDto(await client("v3").get("/managed-cluster-types", { noValidate: true }), 404);
  });
});

/** A full session per API version; every response is checked against the bundled OpenAPI schema (helpers.ts). */
import { expect } from "chai";
import type { IscEmulator, LogConfig, ManagedClient, ManagedCluster, OAuthClient } from "../../emulator";
import { ApiClient, CLUSTER, expectErrorDto, FakeClock, OAUTH, startSession } from "./helpers";

const MINUTE = 60_000;

for (const version of ["v2025", "v3", "v1"] as const) {
  describe(`emulator spec conformance (${version})`, () => {
    let emu: IscEmulator;
    let clock: FakeClock;
    let api: ApiClient;

    beforeEach(async () => ({ emu, clock, api } = await startSession(version)));

    afterEach(async () => {
      expect(emu.schemaViolations().map((r) => r.schemaErrors)).to.deep.equal([]);
      await emu.stop();
    });

    it("creates a cluster with every server-side field, and the service's own configuration keys", async () => {
      const res = await api.post("/managed-clusters", CLUSTER);
      expect(res.status).to.equal(200);
      const c = res.body as ManagedCluster;
      expect(c.id).to.match(/^[0-9a-f]{32}$/);
      expect(c).to.include({ name: "cluster-a", type: "idn", description: "first", pod: "megapod-useast1", org: "acme", ccgVersion: "v01" });
      expect(c).to.include({ clientType: "CCG", pinnedConfig: false, operational: false, status: "NO_CLIENTS", serviceCount: 0, ccId: "0", alertKey: "" });
      expect(c.configuration).to.deep.equal({ clusterExternalId: c.id, clusterType: "idn", gmtOffset: "-5", debug: "false" });
      expect(c.clientIds).to.deep.equal([]);
      expect(c.logConfiguration).to.equal(null);
      expect(c.createdAt).to.equal("2026-03-01T12:00:00.000Z");
      expect(c.updatedAt).to.equal(c.createdAt);
      expect(c.encryptionConfiguration).to.deep.equal({ format: "V3" });
      expect(c.redis.redisPort).to.equal(6379);
      expect(c.attributes.queue.region).to.equal("us-east-1");
      expect(c.updatePreferences).to.deep.equal({ processGroups: null, updateState: "AUTO", notificationEmail: null });

      const minimal = (await api.post("/managed-clusters", { name: "minimal" })).body as ManagedCluster;
      expect(minimal).to.include({ type: "idn", description: "" });
      expect(minimal.configuration).to.deep.equal({ clusterExternalId: minimal.id, clusterType: "idn", gmtOffset: "0" });

      const got = await api.get(`/managed-clusters/${c.id}`);
      expect(got.body).to.deep.equal(c);
    });

    it("lists clusters with count, paging and filters", async () => {
      const a = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      const b = (await api.post("/managed-clusters", { name: "cluster-b", type: "iai" })).body as ManagedCluster;
      emu.seedManagedClient({ clusterId: b.id });

      const all = await api.get("/managed-clusters", { query: { count: "true" } });
      expect(all.headers.get("x-total-count")).to.equal("2");
      expect((all.body as ManagedCluster[]).map((c) => c.id)).to.deep.equal([a.id, b.id]);
      expect((await api.get("/managed-clusters")).headers.get("x-total-count")).to.equal(null);

      const page = await api.get("/managed-clusters", { query: { offset: "1", limit: "1", count: "true" } });
      expect((page.body as ManagedCluster[]).map((c) => c.id)).to.deep.equal([b.id]);
      expect(page.headers.get("x-total-count")).to.equal("2");
      expect((await api.get("/managed-clusters", { query: { limit: "0" } })).body).to.deep.equal([]);
      expect((await api.get("/managed-clusters", { query: { offset: "5" } })).body).to.deep.equal([]);

      const ids = async (filters: string) =>
        ((await api.get("/managed-clusters", { query: { filters, count: "true" } })).body as ManagedCluster[]).map((c) => c.id);
      expect(await ids('name eq "cluster-a"')).to.deep.equal([a.id]);
      expect(await ids('name eq "CLUSTER-A"')).to.deep.equal([a.id]);
      expect(await ids('type eq "iai"')).to.deep.equal([b.id]);
      expect(await ids("operational eq true")).to.deep.equal([b.id]);
      expect(await ids('status eq "NO_CLIENTS"')).to.deep.equal([a.id]);
      expect(await ids('operational eq false and type eq "idn"')).to.deep.equal([a.id]);
      expect(await ids('name eq "cluster-a" or name eq "cluster-b"')).to.deep.equal([a.id, b.id]);
      expect(await ids('name eq "nope"')).to.deep.equal([]);
    });

    it("patches name, description and configuration keys; updatedAt moves", async () => {
      const c = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      clock.advance(5000);
      const res = await api.patch(`/managed-clusters/${c.id}`, [
        { op: "replace", path: "/name", value: "renamed" },
        { op: "replace", path: "/description", value: "second" },
        { op: "add", path: "/configuration/new~1key", value: "v" },
        { op: "remove", path: "/configuration/debug" },
        { op: "test", path: "/type", value: "idn" },
      ]);
      expect(res.status).to.equal(200);
      const p = res.body as ManagedCluster;
      expect(p).to.include({ name: "renamed", description: "second", type: "idn" });
      expect(p.configuration).to.deep.equal({ clusterExternalId: c.id, clusterType: "idn", gmtOffset: "-5", "new/key": "v" });
      expect(p.updatedAt).to.equal("2026-03-01T12:00:05.000Z");
      expect(p.createdAt).to.equal(c.createdAt);
      expect((await api.get(`/managed-clusters/${c.id}`)).body).to.deep.equal(p);
    });

    it("puts and gets the log configuration, with 204 when none or expired", async () => {
      const c = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      const none = await api.get(`/managed-clusters/${c.id}/log-config`);
      expect(none.status).to.equal(204);
      expect(none.text).to.equal("");

      const put = await api.put(`/managed-clusters/${c.id}/log-config`, {
        clientId: "3a38a51992e8445ab51a549c0a70ee66",
        rootLevel: "INFO",
        logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG", x: "OFF" },
        durationMinutes: 30,
      });
      expect(put.status).to.equal(200);
      expect(put.body).to.deep.equal({
        clientId: "3a38a51992e8445ab51a549c0a70ee66",
        rootLevel: "INFO",
        logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG", x: "OFF" },
        durationMinutes: 30,
        expiration: "2026-03-01T12:30:00.000Z",
      });
      expect((await api.get(`/managed-clusters/${c.id}/log-config`)).body).to.deep.equal(put.body);
      expect(((await api.get(`/managed-clusters/${c.id}`)).body as ManagedCluster).logConfiguration).to.deep.equal(put.body);

      // Neither timing field: 240 minutes. Expiration: absolute, no durationMinutes echoed.
      const dflt = (await api.put(`/managed-clusters/${c.id}/log-config`, { rootLevel: "WARN" })).body as LogConfig;
      expect(dflt).to.deep.equal({ rootLevel: "WARN", durationMinutes: 240, expiration: "2026-03-01T16:00:00.000Z" });
      const exp = (await api.put(`/managed-clusters/${c.id}/log-config`, { rootLevel: "ERROR", expiration: "2026-03-01T13:00:00Z" })).body;
      expect(exp).to.deep.equal({ rootLevel: "ERROR", expiration: "2026-03-01T13:00:00.000Z" });

      clock.advance(60 * MINUTE); // the token (749 s) has expired too
      await api.login();
      expect((await api.get(`/managed-clusters/${c.id}/log-config`)).status).to.equal(204);
      expect(((await api.get(`/managed-clusters/${c.id}`)).body as ManagedCluster).logConfiguration).to.equal(null);

      expectErrorDto(await api.get("/managed-clusters/not-a-cluster/log-config"), 404, "404 Not found");
      expectErrorDto(await api.put("/managed-clusters/not-a-cluster/log-config", { rootLevel: "INFO" }), 404);
    });

    it("triggers a manual upgrade (v2024+ and v1) with one job per client or one for the cluster", async () => {
      const c = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      if (version === "v3") {
        expectErrorDto(await api.post(`/managed-clusters/${c.id}/manualUpgrade`, undefined, { noValidate: true }), 404);
        return;
      }
      const single = (await api.post(`/managed-clusters/${c.id}/manualUpgrade`)).body as { jobs: Record<string, unknown>[] };
      expect(single.jobs).to.have.length(1);
      expect(single.jobs[0]).to.include({ state: "PENDING", type: "VA_UPGRADE", targetId: c.id });
      expect(single.jobs[0].managedProcessConfiguration).to.have.property("ccg");

      const c1 = emu.seedManagedClient({ clusterId: c.id });
      const c2 = emu.seedManagedClient({ clusterId: c.id });
      const two = (await api.post(`/managed-clusters/${c.id}/manualUpgrade`)).body as { jobs: { targetId: string }[] };
      expect(two.jobs.map((j) => j.targetId)).to.deep.equal([c1.id, c2.id]);
      expectErrorDto(await api.post("/managed-clusters/nope/manualUpgrade"), 404);
    });

    it("deletes clusters: 400 with clients unless removeClients=true, 204 otherwise, then 404", async () => {
      const c = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      const client = emu.seedManagedClient({ clusterId: c.id });
      const withClients = (await api.get(`/managed-clusters/${c.id}`)).body as ManagedCluster;
      expect(withClients).to.include({ status: "NORMAL", operational: true });
      expect(withClients.clientIds).to.deep.equal([client.id]);

      expectErrorDto(await api.delete(`/managed-clusters/${c.id}`), 400, "400.1 Bad Request Content", /cluster has clients/);
      expectErrorDto(await api.delete(`/managed-clusters/${c.id}`, { query: { removeClients: "false" } }), 400);
      const del = await api.delete(`/managed-clusters/${c.id}`, { query: { removeClients: "true" } });
      expect(del.status).to.equal(204);
      expect(del.text).to.equal("");
      expect(emu.store.getManagedClient(client.id)).to.equal(undefined);
      expectErrorDto(await api.get(`/managed-clusters/${c.id}`), 404);
      expectErrorDto(await api.delete(`/managed-clusters/${c.id}`), 404);

      const plain = (await api.post("/managed-clusters", { name: "plain" })).body as ManagedCluster;
      expect((await api.delete(`/managed-clusters/${plain.id}`)).status).to.equal(204);
    });

    it("creates, reads, lists, filters, patches and deletes OAuth clients", async () => {
      const created = await api.post("/oauth-clients", OAUTH);
      expect(created.status).to.equal(200);
      const c = created.body as OAuthClient & { secret: string };
      expect(c.id).to.match(/^[0-9a-f]{32}$/);
      expect(c.secret).to.match(/^[0-9a-f]{64}$/);
      expect(c).to.include({
        type: "CONFIDENTIAL",
        internal: false,
        strongAuthSupported: false,
        claimsSupported: false,
        refreshTokenValiditySeconds: 86400,
        businessName: null,
        homepageUrl: null,
        redirectUris: null,
        created: "2026-03-01T12:00:00.000Z",
        modified: "2026-03-01T12:00:00.000Z",
      });
      expect(c.scope).to.deep.equal(["sp:scopes:all"]);
      expect(c).to.not.have.property("lastUsed");

      const got = (await api.get(`/oauth-clients/${c.id}`)).body as OAuthClient;
      expect(got).to.include({ secret: null, lastUsed: null, metadata: null, name: "ci client" });

      const other = (
        await api.post("/oauth-clients", {
          ...OAUTH,
          name: "web",
          grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
          redirectUris: ["https://app.example.com/cb"],
          scope: ["idn:remote-client:read"],
          type: "PUBLIC",
        })
      ).body as OAuthClient;
      expect(other.scope).to.deep.equal(["idn:remote-client:read"]);

      const list = (await api.get("/oauth-clients")).body as OAuthClient[];
      expect(list.map((x) => x.id)).to.deep.equal([c.id, other.id]);
      expect(list.every((x) => x.secret === null)).to.equal(true);

      emu.markOAuthClientUsed(c.id, "2026-02-01T00:00:00.000Z");
      const ids = async (filters: string) => ((await api.get("/oauth-clients", { query: { filters } })).body as OAuthClient[]).map((x) => x.id);
      expect(await ids("lastUsed le 2026-02-15T00:00:00.000Z")).to.deep.equal([c.id]);
      expect(await ids('lastUsed le "2026-01-15T00:00:00Z"')).to.deep.equal([]);
      expect(await ids("lastUsed isnull")).to.deep.equal([other.id]);

      clock.advance(1000);
      const patched = await api.patch(`/oauth-clients/${c.id}`, [
        { op: "replace", path: "/strongAuthSupported", value: true },
        { op: "replace", path: "/businessName", value: "acme-solar" },
        { op: "replace", path: "/accessTokenValiditySeconds", value: 900 },
      ]);
      expect(patched.body).to.include({ strongAuthSupported: true, businessName: "acme-solar", accessTokenValiditySeconds: 900, secret: null });
      expect((patched.body as OAuthClient).modified).to.equal("2026-03-01T12:00:01.000Z");
      expect((patched.body as OAuthClient).created).to.equal(c.created);

      expect((await api.delete(`/oauth-clients/${c.id}`)).status).to.equal(204);
      expectErrorDto(await api.get(`/oauth-clients/${c.id}`), 404);
      expectErrorDto(await api.delete(`/oauth-clients/${c.id}`), 404);
    });

    it("serves managed clients and their status", async () => {
      const c = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      const client = emu.seedManagedClient({ clusterId: c.id, name: "va-1" });
      const list = await api.get("/managed-clients", { query: { count: "true", filters: `clusterId eq "${c.id}"` } });
      expect((list.body as ManagedClient[]).map((x) => x.id)).to.deep.equal([client.id]);
      expect(list.headers.get("x-total-count")).to.equal("1");
      const got = (await api.get(`/managed-clients/${client.id}`)).body as ManagedClient;
      expect(got).to.include({ clusterId: c.id, name: "va-1", status: "NORMAL", secret: null });

      const status = await api.get(`/managed-clients/${client.id}/status`, { query: { type: "VA" } });
      expect(status.body).to.include({ status: "NORMAL", type: "VA" });
      expectErrorDto(await api.get(`/managed-clients/${client.id}/status`), 400, undefined, /type/);
      expectErrorDto(await api.get(`/managed-clients/${client.id}/status`, { query: { type: "NOPE" } }), 400);
      expectErrorDto(await api.get("/managed-clients/nope/status", { query: { type: "VA" } }), 404);
      expectErrorDto(await api.get("/managed-clients/nope"), 404);
      if (version !== "v3") {
        const health = await api.get(`/managed-clients/${client.id}/health-indicators`);
        expect(health.body).to.include({ status: "NORMAL", type: "VA" });
      }
    });
  });
}

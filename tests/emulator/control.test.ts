/** The in-process drift helpers and the same controls over HTTP (/__emulator). */
import { expect } from "chai";
import type { IscEmulator, ManagedCluster, OAuthClient, RecordedRequest } from "../../emulator";
import { ApiClient, CLUSTER, FakeClock, startSession } from "./helpers";

describe("emulator controls", () => {
  let emu: IscEmulator;
  let clock: FakeClock;
  let api: ApiClient;

  beforeEach(async () => ({ emu, clock, api } = await startSession()));

  afterEach(async () => {
    await emu.stop();
  });

  const ctl = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/__emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  describe("in process", () => {
    it("records requests with headers, parsed bodies, client id and version", async () => {
      emu.clearRequests();
      await api.post("/managed-clusters", CLUSTER, { query: { x: "1" } });
      await api.get("/managed-clusters");
      const [post, get] = emu.requests;
      expect(post).to.include({ method: "POST", path: "/v2025/managed-clusters", status: 200, clientId: emu.credentials.clientId, apiVersion: "v2025", outcome: "ok" });
      expect(post.query).to.deep.equal({ x: "1" });
      expect(post.body).to.deep.equal(CLUSTER);
      expect(post.headers.authorization).to.equal(`Bearer ${api.token}`);
      expect(post.contentType).to.equal("application/json");
      expect(post.seq).to.be.lessThan(get.seq);
      expect(emu.writes().map((r: RecordedRequest) => r.method)).to.deep.equal(["POST"]);
      expect(emu.requestsTo("GET", "/managed-clusters")).to.have.length(1);
      expect(emu.requestsTo("*", /managed-clusters$/)).to.have.length(2);
      const v1 = new ApiClient(emu, "v1");
      v1.token = api.token;
      await v1.get("/oauth-clients");
      expect(emu.requests.at(-1)).to.include({ path: "/oauth-clients/v1", apiVersion: "v1" });
    });

    it("simulates drift: mutations show in API reads and move updatedAt/modified", async () => {
      const c = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
      clock.advance(1000);
      emu.mutateCluster(c.id, (x) => {
        x.description = "changed in the UI";
        x.configuration.extra = "1";
      });
      const read = (await api.get(`/managed-clusters/${c.id}`)).body as ManagedCluster;
      expect(read.description).to.equal("changed in the UI");
      expect(read.configuration.extra).to.equal("1");
      expect(read.updatedAt).to.equal("2026-03-01T12:00:01.000Z");

      emu.setLogConfig(c.id, { rootLevel: "DEBUG", durationMinutes: 5 });
      expect(((await api.get(`/managed-clusters/${c.id}/log-config`)).body as { rootLevel: string }).rootLevel).to.equal("DEBUG");
      emu.setLogConfig(c.id, undefined);
      expect((await api.get(`/managed-clusters/${c.id}/log-config`)).status).to.equal(204);

      const seeded = emu.seedCluster({ name: "seeded", type: "iai" });
      expect(seeded.configuration).to.include({ clusterType: "iai", clusterExternalId: seeded.id });
      emu.removeCluster(c.id);
      expect((await api.get(`/managed-clusters/${c.id}`)).status).to.equal(404);
      expect(emu.listClusters().map((x) => x.id)).to.deep.equal([seeded.id]);

      const { client, secret } = emu.seedOAuthClient({ name: "seeded" });
      expect(secret).to.match(/^[0-9a-f]{64}$/);
      clock.advance(1000);
      emu.mutateOAuthClient(client.id, (o) => (o.enabled = false));
      const o = (await api.get(`/oauth-clients/${client.id}`)).body as OAuthClient;
      expect(o).to.include({ enabled: false, modified: "2026-03-01T12:00:02.000Z", secret: null });
      emu.removeOAuthClient(client.id);
      expect(emu.listOAuthClients()).to.deep.equal([]);
    });

    it("reset() empties everything", async () => {
      await api.post("/managed-clusters", CLUSTER);
      emu.injectFault({ path: "/x", status: 500, times: Infinity });
      emu.reset();
      expect(emu.listClusters()).to.deep.equal([]);
      expect(emu.requests).to.have.length(0);
      expect(emu.pendingFaults()).to.have.length(0);
      expect((await api.get("/managed-clusters")).status).to.equal(401);
    });
  });

  describe("over HTTP", () => {
    it("drives requests, faults, clock and tokens", async () => {
      expect((await ctl("GET", "")).body).to.include({ url: emu.url, now: "2026-03-01T12:00:00.000Z" });
      await api.get("/managed-clusters");
      const reqs = (await ctl("GET", "/requests?method=GET&path=/managed-clusters")).body as RecordedRequest[];
      expect(reqs).to.have.length(1);
      expect((await ctl("DELETE", "/requests")).status).to.equal(204);
      expect(emu.requests).to.have.length(0);
      expect((await ctl("GET", "/requests")).body).to.deep.equal([]);

      expect((await ctl("POST", "/faults", { pathRegex: "^/managed-clusters$", status: 500, times: "Infinity" })).status).to.equal(201);
      expect(((await ctl("GET", "/faults")).body as unknown[])[0]).to.include({ pathRegex: "^\\/managed-clusters$", times: "Infinity", status: 500 });
      expect((await api.get("/managed-clusters", { noValidate: true })).status).to.equal(500);
      await ctl("DELETE", "/faults");
      expect((await api.get("/managed-clusters")).status).to.equal(200);

      expect((await ctl("POST", "/clock", { advanceMs: 749_000 })).body).to.deep.equal({ now: "2026-03-01T12:12:29.000Z" });
      expect((await api.get("/managed-clusters")).status).to.equal(401);
      await api.login();
      await ctl("POST", "/revoke-tokens");
      expect((await api.get("/managed-clusters")).status).to.equal(401);
      await ctl("PUT", "/token-endpoint", { down: 503 });
      expect((await fetch(`${emu.url}/oauth/token`, { method: "POST" })).status).to.equal(503);
      await ctl("PUT", "/token-endpoint", { down: false });
      await api.login();

      await ctl("POST", "/chaos", { seed: 1, serverError: 1 });
      expect((await api.get("/managed-clusters", { noValidate: true })).status).to.be.oneOf([500, 502, 503]);
      await ctl("DELETE", "/faults");
    });

    it("seeds and changes data out of band", async () => {
      const cluster = (await ctl("POST", "/clusters", { name: "from-http" })).body as ManagedCluster;
      expect(cluster.configuration.clusterExternalId).to.equal(cluster.id);
      expect(((await ctl("PATCH", `/clusters/${cluster.id}`, { name: "renamed" })).body as ManagedCluster).name).to.equal("renamed");
      const client = (await ctl("POST", "/managed-clients", { clusterId: cluster.id })).body as { id: string };
      expect(((await ctl("GET", "/clusters")).body as ManagedCluster[])[0]).to.include({ status: "NORMAL", operational: true });
      expect((await ctl("PUT", `/clusters/${cluster.id}/log-config`, { rootLevel: "WARN" })).body).to.include({ rootLevel: "WARN", durationMinutes: 240 });
      expect((await ctl("DELETE", `/clusters/${cluster.id}/log-config`)).status).to.equal(204);
      expect((await ctl("DELETE", `/managed-clients/${client.id}`)).status).to.equal(204);
      expect((await ctl("DELETE", `/clusters/${cluster.id}`)).status).to.equal(204);
      expect((await ctl("DELETE", `/clusters/${cluster.id}`)).status).to.equal(404);
      expect((await ctl("PATCH", "/clusters/nope", { name: "x" })).status).to.equal(404);

      const seeded = (await ctl("POST", "/oauth-clients", { name: "http" })).body as { client: OAuthClient; secret: string };
      expect(seeded.secret).to.match(/^[0-9a-f]{64}$/);
      expect(((await ctl("POST", `/oauth-clients/${seeded.client.id}/used`, { at: "2026-01-01T00:00:00.000Z" })).body as OAuthClient).lastUsed).to.equal("2026-01-01T00:00:00.000Z");
      expect(((await ctl("PATCH", `/oauth-clients/${seeded.client.id}`, { enabled: false })).body as OAuthClient).enabled).to.equal(false);
      expect((await ctl("DELETE", `/oauth-clients/${seeded.client.id}`)).status).to.equal(204);

      expect((await ctl("POST", "/reset")).status).to.equal(204);
      expect(emu.listClusters()).to.deep.equal([]);
      expect((await ctl("GET", "/nope")).status).to.equal(404);
      expect((await ctl("POST", "/faults", { status: 500 })).status).to.equal(400);
    });
  });
});

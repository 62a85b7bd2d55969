/**
 * The faults the hardening suites need: a redirect, strange 2xx answers (empty body, `null`, an object without `id`),
 * a transient 404, and a list that never ends; in process and over the /__emulator/faults control API.
 */
import { expect } from "chai";
import type { IscEmulator } from "../../emulator";
import { type ApiClient, CLUSTER, eachEmulator, expectErrorDto } from "./helpers";

describe("emulator faults for hardening", () => {
  let emu: IscEmulator;
  let api: ApiClient;

  eachEmulator((started, client) => ([emu, api] = [started, client]));

  /** A request that does not follow redirects (fetch would). */
  const raw = (method: string, path: string, body?: unknown) =>
    fetch(`${emu.url}/v2025${path}`, {
      method,
      redirect: "manual",
      headers: { Authorization: `Bearer ${api.token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${emu.url}/__emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  describe("afterCommit", () => {
    it("runs the handler (the cluster is made), then answers with the fault's body", async () => {
      emu.injectFault({ method: "POST", path: "/managed-clusters", afterCommit: true, status: 200, rawBody: "" });
      const res = await raw("POST", "/managed-clusters", CLUSTER);
      expect(res.status).to.equal(200);
      expect(await res.text()).to.equal("");
      expect(emu.listClusters().map((c) => c.name)).to.deep.equal([CLUSTER.name]);
    });

    it("with omitFields, answers the real body without them, over the control API too", async () => {
      const injected = await control("POST", "/faults", { method: "POST", path: "/oauth-clients", afterCommit: true, omitFields: ["secret"] });
      expect(injected.status).to.equal(201);
      const res = await raw("POST", "/oauth-clients", { name: "c", description: "d", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", enabled: true });
      const body = (await res.json()) as Record<string, unknown>;
      expect(res.status).to.equal(200);
      expect(body).to.have.property("id").that.is.a("string");
      expect(body).not.to.have.property("secret");
      expect(emu.listOAuthClients().map((c) => c.id)).to.deep.equal([body.id]);
    });

    it("refuses omitFields without afterCommit, or with a body", () => {
      expect(() => emu.injectFault({ path: "/oauth-clients", omitFields: ["secret"] })).to.throw(/omitFields needs afterCommit/);
      expect(() => emu.injectFault({ path: "/oauth-clients", afterCommit: true, omitFields: ["secret"], body: {} })).to.throw(/omitFields needs afterCommit/);
    });
  });

  describe("redirectTo", () => {
    for (const status of [301, 302, 303, 307, 308]) {
      it(`answers ${status} with the Location, an empty body, and does not run the handler`, async () => {
        emu.injectFault({ method: "POST", path: "/managed-clusters", redirectTo: "http://127.0.0.1:9/elsewhere?x=1", status });
        const res = await raw("POST", "/managed-clusters", CLUSTER);
        expect(res.status).to.equal(status);
        expect(res.headers.get("location")).to.equal("http://127.0.0.1:9/elsewhere?x=1");
        expect(await res.text()).to.equal("");
        expect(emu.listClusters(), "nothing created").to.deep.equal([]);
        expect(emu.requests.at(-1)).to.include({ status, outcome: "fault" });
      });
    }

    it("defaults to 302, takes a body, and works on the token endpoint", async () => {
      emu.injectFault({ path: "/oauth/token", redirectTo: "https://login.example/oauth/token", rawBody: "<html>Moved</html>" });
      const res = await fetch(`${emu.url}/oauth/token`, { method: "POST", redirect: "manual", body: new URLSearchParams({ grant_type: "client_credentials" }) });
      expect(res.status).to.equal(302);
      expect(res.headers.get("location")).to.equal("https://login.example/oauth/token");
      expect(await res.text()).to.equal("<html>Moved</html>");
    });

    it("refuses a status that is not a redirect, in process and over HTTP", async () => {
      expect(() => emu.injectFault({ path: "/managed-clusters", redirectTo: "http://x.example", status: 200 })).to.throw(/301, 302, 303, 307, 308/);
      const res = await control("POST", "/faults", { path: "/managed-clusters", redirectTo: "http://x.example", status: 404 });
      expect(res.status).to.equal(400);
      expect(((await res.json()) as { error: string }).error).to.match(/redirectTo needs status/);
      expect(emu.pendingFaults()).to.deep.equal([]);
    });

    it("is accepted over the control API", async () => {
      const res = await control("POST", "/faults", { method: "GET", path: "/managed-clusters/{id}", redirectTo: "http://127.0.0.1:9/", status: 307, times: 2 });
      expect(res.status).to.equal(201);
      for (let i = 0; i < 2; i++) expect((await raw("GET", "/managed-clusters/abc")).status).to.equal(307);
      expect((await raw("GET", "/managed-clusters/abc")).status).to.equal(404);
    });
  });

  describe("strange 2xx answers (status with rawBody or body)", () => {
    it("a 200 with an empty body, a null body and an object without id, over the control API too", async () => {
      const cluster = emu.seedCluster({ name: "real" });
      const path = `/managed-clusters/${cluster.id}`;
      emu.injectFault({ method: "GET", path: "/managed-clusters/{id}", status: 200, rawBody: "" });
      await control("POST", "/faults", { method: "GET", path: "/managed-clusters/{id}", body: null });
      await control("POST", "/faults", { method: "GET", path: "/managed-clusters/{id}", status: 201, body: { name: "no id here" } });
      const empty = await raw("GET", path);
      expect([empty.status, await empty.text(), empty.headers.get("content-length")]).to.deep.equal([200, "", "0"]);
      const nul = await raw("GET", path);
      expect([nul.status, await nul.text()]).to.deep.equal([200, "null"]);
      const noId = await raw("GET", path);
      expect([noId.status, await noId.json()]).to.deep.equal([201, { name: "no id here" }]);
      const real = await raw("GET", path);
      expect(((await real.json()) as { id: string }).id, "then the real handler").to.equal(cluster.id);
    });
  });

  describe("a transient 404 (status 404 with times)", () => {
    it("answers the ISC 404 body N times, then the real object", async () => {
      const cluster = emu.seedCluster({ name: "flaky" });
      await control("POST", "/faults", { method: "GET", path: "/managed-clusters/{id}", status: 404, times: 2 });
      for (let i = 0; i < 2; i++) expectErrorDto(await api.get(`/managed-clusters/${cluster.id}`, { noValidate: true }), 404, "404 Not found");
      const res = await api.get(`/managed-clusters/${cluster.id}`);
      expect((res.body as { id: string }).id).to.equal(cluster.id);
    });
  });

  describe("endlessList", () => {
    const page = async (offset: number, query = "") => {
      const res = await raw("GET", `/managed-clusters?offset=${offset}&limit=250${query}`);
      return { status: res.status, total: res.headers.get("x-total-count"), items: (await res.json()) as Array<{ id: string; name: string }> };
    };

    it("ignores offset: every answer is the same full page, until the faults are cleared", async () => {
      emu.seedCluster({ name: "the only real one" });
      emu.injectFault({ method: "GET", path: "/managed-clusters", endlessList: {} });
      const first = await page(0);
      const later = await page(5000);
      expect(first.items).to.have.length(250);
      expect(first.items[0]).to.deep.equal({ id: "endless-000001", name: "endless-000001" });
      expect(later.items).to.deep.equal(first.items);
      expect(first.total).to.equal(null);
      expect(emu.pendingFaults(), "times defaults to Infinity").to.have.length(1);
      emu.clearFaults();
      expect((await page(0)).items.map((c) => c.name)).to.deep.equal(["the only real one"]);
    });

    it("with distinctPages never runs out, with the page size, fields and X-Total-Count asked for", async () => {
      emu.injectFault({ method: "GET", path: "/managed-clusters", endlessList: { distinctPages: true, pageSize: 3, totalCount: 4, item: { type: "idn" } } });
      const a = await page(0);
      const b = await page(3);
      expect(a.items.map((c) => c.id)).to.deep.equal(["endless-000001", "endless-000002", "endless-000003"]);
      expect(b.items.map((c) => c.id)).to.deep.equal(["endless-000004", "endless-000005", "endless-000006"]);
      expect(b.items[0]).to.deep.equal({ id: "endless-000004", name: "endless-000004", type: "idn" });
      expect([a.total, b.total]).to.deep.equal(["4", "4"]);
    });

    it("is accepted over the control API, and bad options are refused", async () => {
      expect((await control("POST", "/faults", { method: "GET", path: "/managed-clusters", endlessList: { totalCount: 10 } })).status).to.equal(201);
      expect((await page(250)).items).to.have.length(250);
      const bad = await control("POST", "/faults", { path: "/managed-clusters", endlessList: { pageSize: 0 } });
      expect(bad.status).to.equal(400);
      expect(((await bad.json()) as { error: string }).error).to.match(/pageSize/);
      expect((await control("POST", "/faults", { path: "/managed-clusters", endlessList: {}, status: 500 })).status).to.equal(400);
    });
  });
});

/** Error shapes and status codes: 401, 404, 400 validation failures, 415 and 405. */
import { expect } from "chai";
import type { IscEmulator, ManagedCluster, OAuthClient } from "../../emulator";
import { ApiClient, CLUSTER, expectErrorDto, FakeClock, OAUTH, startSession } from "./helpers";

describe("emulator errors", () => {
  let emu: IscEmulator;
  let clock: FakeClock;
  let api: ApiClient;
  let cluster: ManagedCluster;

  beforeEach(async () => {
    ({ emu, clock, api } = await startSession());
    cluster = (await api.post("/managed-clusters", CLUSTER)).body as ManagedCluster;
  });

  afterEach(async () => {
    expect(emu.schemaViolations().map((r) => r.schemaErrors)).to.deep.equal([]);
    await emu.stop();
  });

  describe("401", () => {
    it("answers {error} for a missing, unknown, expired or revoked token, on every version", async () => {
      const missing = await api.get("/managed-clusters", { token: null });
      expect(missing.status).to.equal(401);
      expect(missing.body).to.deep.equal({ error: "JWT validation failed: token is missing" });
      expect(missing.headers.get("www-authenticate")).to.match(/^Bearer/);

      expect((await api.get("/managed-clusters", { token: "not-a-token" })).body).to.deep.equal({ error: "JWT validation failed: token is invalid" });
      const v1 = await new ApiClient(emu, "v1").get("/oauth-clients", { token: "x" });
      expect(v1.status).to.equal(401);

      clock.advance(749_000);
      expect((await api.get("/managed-clusters")).body).to.deep.equal({ error: "JWT validation failed: JWT is expired" });

      await api.login();
      expect((await api.get("/managed-clusters")).status).to.equal(200);
      emu.revokeTokens();
      expect((await api.get("/managed-clusters")).status).to.equal(401);
    });
  });

  describe("404", () => {
    it("answers ErrorResponseDto for unknown ids and unknown routes", async () => {
      expectErrorDto(await api.get("/managed-clusters/0123456789abcdef0123456789abcdef"), 404, "404 Not found");
      expectErrorDto(await api.patch("/managed-clusters/nope", [{ op: "replace", path: "/name", value: "x" }]), 404);
      expectErrorDto(await api.get("/oauth-clients/nope"), 404);
      expectErrorDto(await api.patch("/oauth-clients/nope", [{ op: "replace", path: "/name", value: "x" }]), 404);
      const unknownRoute = await fetch(`${emu.url}/v2025/not-a-thing`, { headers: { Authorization: `Bearer ${api.token}` } });
      expect(unknownRoute.status).to.equal(404);
      expect(await unknownRoute.json()).to.include({ detailCode: "404 Not found" });
      expect((await fetch(`${emu.url}/v9/managed-clusters`, { headers: { Authorization: `Bearer ${api.token}` } })).status).to.equal(404);
      // Beta has no cluster create, so only the deprecated reads answer there.
      const betaCreate = await fetch(`${emu.url}/beta/managed-clusters/${cluster.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${api.token}` } });
      expect(betaCreate.status).to.equal(405);
    });
  });

  describe("400", () => {
    it("rejects invalid cluster bodies", async () => {
      expectErrorDto(await api.post("/managed-clusters", { type: "idn" }), 400, "400.1 Bad Request Content", /name/);
      expectErrorDto(await api.post("/managed-clusters", { name: "x", type: "nope" }), 400, undefined, /type/);
      expectErrorDto(await api.post("/managed-clusters", { name: "x", configuration: { a: 1 } }), 400);
      expectErrorDto(await api.post("/managed-clusters", { name: "x", extra: true }), 400, undefined, /Unrecognized field "extra"/);
      expectErrorDto(await api.post("/managed-clusters", { name: "  " }), 400);
      expectErrorDto(await api.post("/managed-clusters", undefined, { rawBody: "{not json" }), 400, undefined, /Malformed JSON/);
      expectErrorDto(await api.call("POST", "/managed-clusters", { rawBody: "", contentType: "application/json" }), 400);
    });

    it("rejects bad cluster patches, naming the field", async () => {
      const url = `/managed-clusters/${cluster.id}`;
      expectErrorDto(await api.patch(url, [{ op: "replace", path: "/type", value: "iai" }]), 400, undefined, /'type'/);
      expectErrorDto(await api.patch(url, [{ op: "replace", path: "/id", value: "x" }]), 400, undefined, /'id'/);
      expectErrorDto(await api.patch(url, [{ op: "replace", path: "/status", value: "NORMAL" }]), 400, undefined, /'status'/);
      expectErrorDto(await api.patch(url, [{ op: "replace", path: "/configuration/missing", value: "x" }]), 400, undefined, /path does not exist/);
      expectErrorDto(await api.patch(url, [{ op: "remove", path: "/configuration/missing" }]), 400);
      expectErrorDto(await api.patch(url, [{ op: "test", path: "/name", value: "other" }]), 400, undefined, /test operation failed/);
      expectErrorDto(await api.patch(url, [{ op: "jump", path: "/name" }]), 400);
      expectErrorDto(await api.patch(url, [{ op: "replace", path: "/name" }]), 400);
      expectErrorDto(await api.patch(url, { op: "replace", path: "/name", value: "x" }), 400);
      expectErrorDto(await api.patch(url, [{ op: "replace", path: "/name", value: "" }]), 400);
      expectErrorDto(await api.patch(url, [{ op: "add", path: "/configuration/n", value: 5 }]), 400);
      expect((emu.store.getCluster(cluster.id) as ManagedCluster).name).to.equal("cluster-a");
    });

    it("rejects bad list parameters and filters", async () => {
      expectErrorDto(await api.get("/managed-clusters", { query: { limit: "251" } }), 400, undefined, /limit/);
      expectErrorDto(await api.get("/managed-clusters", { query: { limit: "-1" } }), 400);
      expectErrorDto(await api.get("/managed-clusters", { query: { offset: "-1" } }), 400);
      expectErrorDto(await api.get("/managed-clusters", { query: { offset: "abc" } }), 400);
      expectErrorDto(await api.get("/managed-clusters", { query: { count: "yes" } }), 400);
      for (const filters of ['name EQ "x"', "name eq x", 'description eq "x"', 'name ne "x"', 'name co "x"', "operational eq 1", 'name eq "x" and', '(name eq "x"', 'pr name']) {
        expectErrorDto(await api.get("/managed-clusters", { query: { filters } }), 400, "400.1 Bad Request Content");
      }
      for (const filters of ["lastUsed eq 2026-01-01T00:00:00Z", "name eq \"x\"", "lastUsed le yesterday", "lastUsed pr"]) {
        expectErrorDto(await api.get("/oauth-clients", { query: { filters } }), 400);
      }
    });

    it("rejects invalid log configurations", async () => {
      const url = `/managed-clusters/${cluster.id}/log-config`;
      const now = clock.now();
      const bad = [
        { rootLevel: "INFO", durationMinutes: 30, expiration: new Date(now + 3_600_000).toISOString() },
        { rootLevel: "INFO", durationMinutes: 4 },
        { rootLevel: "INFO", durationMinutes: 1441 },
        { rootLevel: "INFO", durationMinutes: 10.5 },
        { rootLevel: "INFO", expiration: new Date(now + 24 * 3_600_000 + 1000).toISOString() },
        { rootLevel: "INFO", expiration: new Date(now - 1000).toISOString() },
        { rootLevel: "INFO", expiration: "tomorrow" },
        { durationMinutes: 30 },
        { rootLevel: "LOUD" },
        { rootLevel: "INFO", logLevels: { a: "LOUD" } },
        { rootLevel: "INFO", colour: "blue" },
      ];
      for (const body of bad) expectErrorDto(await api.put(url, body), 400, "400.1 Bad Request Content");
      expectErrorDto(await api.put(url, [{ rootLevel: "INFO" }]), 400);
      expect((await api.put(url, { rootLevel: "INFO", expiration: new Date(now + 24 * 3_600_000).toISOString() })).status).to.equal(200);
    });

    it("requires durationMinutes on the beta log configuration", async () => {
      const beta = new ApiClient(emu, "beta");
      beta.token = api.token;
      const url = `/managed-clusters/${cluster.id}/log-config`;
      expect((await beta.get(url)).body).to.equal(null);
      expectErrorDto(await beta.put(url, { rootLevel: "INFO" }), 400, undefined, /durationMinutes/);
      expect((await beta.put(url, { rootLevel: "INFO", durationMinutes: 15 })).body).to.include({ rootLevel: "INFO", durationMinutes: 15 });
      expect((await beta.get(url)).body).to.include({ durationMinutes: 15 });
    });

    it("rejects invalid OAuth clients and non-patchable fields, naming the field", async () => {
      expectErrorDto(await api.post("/oauth-clients", { ...OAUTH, grantTypes: ["AUTHORIZATION_CODE"] }), 400, undefined, /redirect URI/);
      expectErrorDto(await api.post("/oauth-clients", { ...OAUTH, grantTypes: ["AUTHORIZATION_CODE"], redirectUris: [] }), 400);
      expectErrorDto(await api.post("/oauth-clients", { ...OAUTH, accessType: "SOMETIMES" }), 400);
      expectErrorDto(await api.post("/oauth-clients", { ...OAUTH, grantTypes: ["PASSWORD"] }), 400);
      expectErrorDto(await api.post("/oauth-clients", { ...OAUTH, secret: "mine" }), 400, undefined, /"secret"/);
      const { enabled: _enabled, ...noEnabled } = OAUTH;
      expectErrorDto(await api.post("/oauth-clients", noEnabled), 400, undefined, /enabled/);

      const c = (await api.post("/oauth-clients", OAUTH)).body as OAuthClient;
      for (const field of ["scope", "type", "internal", "id", "secret", "created", "modified", "lastUsed"]) {
        expectErrorDto(await api.patch(`/oauth-clients/${c.id}`, [{ op: "replace", path: `/${field}`, value: "x" }]), 400, undefined, new RegExp(`'${field}'`));
      }
      expectErrorDto(await api.patch(`/oauth-clients/${c.id}`, [{ op: "replace", path: "/enabled", value: "yes" }]), 400);
      expectErrorDto(await api.patch(`/oauth-clients/${c.id}`, [{ op: "replace", path: "/grantTypes", value: ["AUTHORIZATION_CODE"] }]), 400);
      // `tenant` is listed as patchable but exists nowhere: accepted and ignored.
      expect((await api.patch(`/oauth-clients/${c.id}`, [{ op: "add", path: "/tenant", value: "acme" }])).status).to.equal(200);
    });

    it("does not echo secrets or tokens in error bodies", async () => {
      const bad = await fetch(`${emu.url}/oauth/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: emu.credentials.clientId, client_secret: "wrong-secret-value" }),
      });
      const text = await bad.text();
      expect(bad.status).to.equal(401);
      expect(JSON.parse(text)).to.deep.equal({ error: "invalid_client", error_description: "Bad credentials" });
      expect(text).to.not.include("wrong-secret-value");
      const res = await api.get("/managed-clusters", { token: "secret-token-value" });
      expect(res.text).to.not.include("secret-token-value");
    });
  });

  describe("415 and 405", () => {
    it("refuses a PATCH that is not application/json-patch+json", async () => {
      const ops = [{ op: "replace", path: "/name", value: "x" }];
      const res = await api.call("PATCH", `/managed-clusters/${cluster.id}`, { body: ops, contentType: "application/json", noValidate: true });
      expectErrorDto(res, 415, "415 Unsupported Media Type");
      expectErrorDto(await api.call("PATCH", `/oauth-clients/x`, { body: ops, contentType: "text/plain", noValidate: true }), 415);
      expectErrorDto(await api.call("POST", "/managed-clusters", { body: CLUSTER, contentType: "text/plain", noValidate: true }), 415);
      const charset = await api.call("PATCH", `/managed-clusters/${cluster.id}`, { body: ops, contentType: "application/json-patch+json; charset=utf-8" });
      expect(charset.status).to.equal(200);
    });

    it("answers 405 with Allow for a known path and a wrong method", async () => {
      const res = await api.call("PUT", `/managed-clusters/${cluster.id}`, { body: {}, noValidate: true });
      expectErrorDto(res, 405);
      expect(res.headers.get("allow")?.split(", ").sort()).to.deep.equal(["DELETE", "GET", "PATCH"]);
      const token = await fetch(`${emu.url}/oauth/token`);
      expect(token.status).to.equal(405);
    });
  });
});

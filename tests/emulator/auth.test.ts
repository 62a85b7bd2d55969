/** The token endpoint and token lifetime. */
import { expect } from "chai";
import type { IscEmulator, OAuthClient } from "../../emulator";
import { ApiClient, FakeClock, getToken, OAUTH, startEmulator } from "./helpers";

describe("emulator token endpoint", () => {
  let emu: IscEmulator;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    emu = await startEmulator({ clock, clients: [{ clientId: "b61429f5-203d-494c-94c3-04f54e17bc5c", clientSecret: "s3cret" }, { clientId: "second", clientSecret: "two" }] });
  });

  afterEach(async () => {
    await emu.stop();
  });

  const token = (init: RequestInit, query = "") => fetch(`${emu.url}/oauth/token${query}`, { method: "POST", ...init });
  const form = (o: Record<string, string>) => new URLSearchParams({ grant_type: "client_credentials", ...o });

  it("issues a bearer token from an urlencoded body, with the documented fields and no secret", async () => {
    const res = await token({ body: form({ client_id: "b61429f5-203d-494c-94c3-04f54e17bc5c", client_secret: "s3cret" }) });
    expect(res.status).to.equal(200);
    expect(res.headers.get("cache-control")).to.equal("no-store");
    const text = await res.text();
    expect(text).to.not.include("s3cret");
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).to.include({
      token_type: "bearer",
      expires_in: 749,
      scope: "sp:scopes:all",
      internal: false,
      pod: "megapod-useast1",
      org: "acme",
      strong_auth_supported: false,
      enabled: true,
      accessType: "OFFLINE",
    });
    expect(body.tenant_id).to.match(/^[0-9a-f-]{36}$/);
    expect(body.jti).to.be.a("string");
    expect(String(body.access_token).split(".")).to.have.length(3);
    const claims = JSON.parse(Buffer.from(String(body.access_token).split(".")[1], "base64url").toString()) as Record<string, unknown>;
    expect(claims).to.include({ client_id: "b61429f5-203d-494c-94c3-04f54e17bc5c", exp: Math.floor(clock.now() / 1000) + 749 });

    const rec = emu.requestsTo("POST", "/oauth/token")[0];
    expect(rec.body).to.deep.equal({ grant_type: "client_credentials", client_id: "b61429f5-203d-494c-94c3-04f54e17bc5c", client_secret: "s3cret" });
    expect(rec.clientId).to.equal("b61429f5-203d-494c-94c3-04f54e17bc5c");
  });

  it("accepts multipart, the query string and HTTP Basic, and every configured client", async () => {
    const fd = new FormData();
    fd.set("grant_type", "client_credentials");
    fd.set("client_id", "second");
    fd.set("client_secret", "two");
    expect((await token({ body: fd })).status).to.equal(200);
    expect((await token({}, "?grant_type=client_credentials&client_id=second&client_secret=two")).status).to.equal(200);
    const basic = Buffer.from("second:two").toString("base64");
    expect((await token({ headers: { Authorization: `Basic ${basic}` }, body: new URLSearchParams({ grant_type: "client_credentials" }) })).status).to.equal(200);
    expect((await token({ body: form({ client_id: "second", client_secret: "s3cret" }) })).status).to.equal(401);
  });

  it("refuses bad credentials and grants", async () => {
    const bad = await token({ body: form({ client_id: "second", client_secret: "nope" }) });
    expect(bad.status).to.equal(401);
    expect(await bad.json()).to.deep.equal({ error: "invalid_client", error_description: "Bad credentials" });
    expect((await token({ body: form({ client_id: "unknown", client_secret: "x" }) })).status).to.equal(401);
    expect((await token({ body: new URLSearchParams({ grant_type: "client_credentials" }) })).status).to.equal(401);
    const password = await token({ body: new URLSearchParams({ grant_type: "password", client_id: "second", client_secret: "two" }) });
    expect(password.status).to.equal(400);
    expect(await password.json()).to.include({ error: "unsupported_grant_type" });
    expect((await token({ body: new URLSearchParams({ client_id: "second", client_secret: "two" }) })).status).to.equal(400);
  });

  it("expires tokens after tokenTtlSeconds by the emulator clock", async () => {
    const api = await new ApiClient(emu, "v2025").login();
    clock.advance(748_999);
    expect((await api.get("/managed-clusters")).status).to.equal(200);
    clock.advance(1);
    expect((await api.get("/managed-clusters")).body).to.deep.equal({ error: "JWT validation failed: JWT is expired" });
    emu.advanceClock(-1);
    expect((await api.get("/managed-clusters")).status).to.equal(200);
  });

  it("honours a custom token lifetime", async () => {
    const short = await startEmulator({ clock, tokenTtlSeconds: 10 });
    try {
      const t = await getToken(short);
      const api = new ApiClient(short, "v3");
      api.token = t;
      clock.advance(10_000);
      expect((await api.get("/managed-clusters")).status).to.equal(401);
    } finally {
      await short.stop();
    }
  });

  it("can be taken down and brought back", async () => {
    emu.setTokenEndpointDown(503);
    const down = await token({ body: form({ client_id: "second", client_secret: "two" }) });
    expect(down.status).to.equal(503);
    expect(await down.text()).to.not.include("two\"");
    emu.setTokenEndpointDown(false);
    expect((await token({ body: form({ client_id: "second", client_secret: "two" }) })).status).to.equal(200);
  });

  it("lets OAuth clients created through the API get tokens, and sets their lastUsed", async () => {
    const api = await new ApiClient(emu, "v2025").login();
    const created = (await api.post("/oauth-clients", { ...OAUTH, accessTokenValiditySeconds: 60 })).body as OAuthClient & { secret: string };
    const res = await token({ body: form({ client_id: created.id, client_secret: created.secret }) });
    expect(res.status).to.equal(200);
    expect(await res.json()).to.include({ expires_in: 60 });
    expect(((await api.get(`/oauth-clients/${created.id}`)).body as OAuthClient).lastUsed).to.equal(new Date(clock.now()).toISOString());

    await api.patch(`/oauth-clients/${created.id}`, [{ op: "replace", path: "/enabled", value: false }]);
    expect((await token({ body: form({ client_id: created.id, client_secret: created.secret }) })).status).to.equal(401);
    const { client, secret } = emu.seedOAuthClient({ grantTypes: ["AUTHORIZATION_CODE"], redirectUris: ["https://x"] });
    expect((await token({ body: form({ client_id: client.id, client_secret: secret }) })).status).to.equal(400);
  });
});

/** Authorization by OAuth scope: each operation admits the scopes its spec lists, or sp:scopes:all. */
import { expect } from "chai";
import type { IscEmulator, OAuthClient } from "../../emulator";
import { ApiClient, CLUSTER, expectErrorDto, getToken, OAUTH, startEmulator } from "./helpers";

describe("emulator scopes", () => {
  let emu: IscEmulator;
  let admin: ApiClient;
  const reader = { clientId: "reader", clientSecret: "r", scope: ["idn:remote-client:read"] };

  beforeEach(async () => {
    emu = await startEmulator({ clients: [{ clientId: "admin", clientSecret: "a" }, reader] });
    admin = await new ApiClient(emu, "v2025").login();
  });

  afterEach(async () => {
    await emu.stop();
  });

  const as = async (creds: { clientId: string; clientSecret: string }) => {
    const api = new ApiClient(emu, "v2025");
    api.token = await getToken(emu, creds);
    return api;
  };

  it("puts the configured client's scopes in its token response", async () => {
    const res = await fetch(`${emu.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: "reader", client_secret: "r" }),
    });
    expect(await res.json()).to.include({ scope: "idn:remote-client:read" });
  });

  it("lets a read scope read and answers 403 with the ISC error body to writes, changing nothing", async () => {
    const cluster = (await admin.post("/managed-clusters", CLUSTER)).body as { id: string };
    const api = await as(reader);
    expect((await api.get("/managed-clusters")).status).to.equal(200);
    expect((await api.get(`/managed-clusters/${cluster.id}/log-config`)).status).to.be.oneOf([200, 204]);
    expectErrorDto(await api.post("/managed-clusters", { ...CLUSTER, name: "other" }), 403, "403 Forbidden", /refuses to authorize/);
    expectErrorDto(await api.patch(`/managed-clusters/${cluster.id}`, [{ op: "replace", path: "/description", value: "x" }]), 403, "403 Forbidden");
    expectErrorDto(await api.delete(`/managed-clusters/${cluster.id}`), 403);
    expectErrorDto(await api.get("/oauth-clients"), 403);
    const all = (await admin.get("/managed-clusters")).body as { name: string; description: string }[];
    expect(all.map((c) => [c.name, c.description])).to.deep.equal([[CLUSTER.name, CLUSTER.description]]);
  });

  it("gives OAuth clients created through the API their declared scopes", async () => {
    const created = (await admin.post("/oauth-clients", { ...OAUTH, scope: ["sp:oauth-client:read"] })).body as OAuthClient & { secret: string };
    const api = await as({ clientId: created.id, clientSecret: created.secret });
    expect((await api.get("/oauth-clients")).status).to.equal(200);
    expectErrorDto(await api.delete(`/oauth-clients/${created.id}`), 403);
    expectErrorDto(await api.get("/managed-clusters"), 403);
  });

  it("admits every operation to sp:scopes:all, the default", async () => {
    expect((await admin.get("/oauth-clients")).status).to.equal(200);
    expect((await admin.post("/managed-clusters", CLUSTER)).status).to.equal(200);
  });
});

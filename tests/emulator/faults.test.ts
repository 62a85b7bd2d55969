/** Fault injection and chaos. */
import { expect } from "chai";
import type { IscEmulator, ManagedCluster } from "../../emulator";
import { ApiClient, CLUSTER, eachEmulator, expectErrorDto, startEmulator } from "./helpers";

describe("emulator faults", () => {
  let emu: IscEmulator;
  let api: ApiClient;

  eachEmulator((started, client) => ([emu, api] = [started, client]));

  const create = () => api.post("/managed-clusters", CLUSTER, { noValidate: true });

  it("answers a status fault without running the handler, once by default", async () => {
    emu.injectFault({ method: "POST", path: "/managed-clusters", status: 503 });
    expectErrorDto(await create(), 503, "503 Service Unavailable");
    expect(emu.listClusters()).to.have.length(0);
    expect(emu.requests.at(-1)).to.include({ status: 503, outcome: "fault" });
    expect((await create()).status).to.equal(200);
    expect(emu.listClusters()).to.have.length(1);
  });

  it("sends the given headers and body, and a 429 gets Retry-After by default", async () => {
    emu.injectFault({ path: "/managed-clusters", status: 418, headers: { "X-Teapot": "yes" }, body: { short: "and stout" } });
    const res = await api.get("/managed-clusters", { noValidate: true });
    expect(res.status).to.equal(418);
    expect(res.headers.get("x-teapot")).to.equal("yes");
    expect(res.body).to.deep.equal({ short: "and stout" });

    emu.injectFault({ path: "/managed-clusters", status: 429 });
    const limited = await api.get("/managed-clusters");
    expect(limited.body).to.deep.equal({ message: " Rate Limit Exceeded " });
    expect(limited.headers.get("retry-after")).to.equal("1");
  });

  it("sends a raw (malformed) body verbatim", async () => {
    emu.injectFault({ method: "GET", path: /^\/managed-clusters\/[^/]+$/, rawBody: '{"id": "abc' });
    const res = await fetch(`${emu.url}/v2025/managed-clusters/x`, { headers: { Authorization: `Bearer ${api.token}` } });
    expect(res.status).to.equal(200);
    expect(await res.text()).to.equal('{"id": "abc');
  });

  it("delays, then runs the real handler", async () => {
    emu.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 150 });
    const t0 = Date.now();
    const res = await create();
    expect(Date.now() - t0).to.be.at.least(140);
    expect(res.status).to.equal(200);
    expect(emu.listClusters()).to.have.length(1);
    expect(emu.requests.at(-1)).to.include({ outcome: "ok", status: 200 });
  });

  it("resets before: the change is not applied and the client sees a dropped connection", async () => {
    emu.injectFault({ method: "POST", path: "/managed-clusters", reset: "before" });
    let err: unknown;
    await create().catch((e: unknown) => (err = e));
    expect(err).to.be.instanceOf(Error);
    expect(emu.listClusters()).to.have.length(0);
    expect(emu.requests.at(-1)).to.include({ outcome: "reset-before", status: 0 });
  });

  it("resets after: the change is committed but the client never hears of it", async () => {
    emu.injectFault({ method: "POST", path: "/managed-clusters", reset: "after" });
    let err: unknown;
    await create().catch((e: unknown) => (err = e));
    expect(String((err as Error & { cause?: unknown })?.cause ?? err)).to.match(/other side closed|socket hang up|ECONNRESET|terminated/i);
    expect(emu.listClusters()).to.have.length(1);
    const rec = emu.requests.at(-1);
    expect(rec).to.include({ outcome: "reset-after", status: 200 });
    expect((rec?.responseBody as ManagedCluster).id).to.equal(emu.listClusters()[0].id);
  });

  it("consumes faults in injection order, honouring times, method, version and templates", async () => {
    emu.injectFault({ path: "/managed-clusters", method: "GET", status: 500, times: 2 });
    emu.injectFault({ path: "/managed-clusters", method: "GET", status: 502 });
    emu.injectFault({ path: "/managed-clusters/{id}", status: 504, version: "v3" });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.get("/managed-clusters", { noValidate: true })).status);
    expect(statuses).to.deep.equal([500, 500, 502, 200]);

    expect((await api.get("/managed-clusters/abc", { noValidate: true })).status).to.equal(404);
    const v3 = new ApiClient(emu, "v3");
    v3.token = api.token;
    expect((await v3.get("/managed-clusters/abc", { noValidate: true })).status).to.equal(504);
    expect(emu.pendingFaults()).to.have.length(0);
  });

  it("matches v1 paths without their /v1 segment, and the token endpoint", async () => {
    emu.injectFault({ path: "/oauth-clients", status: 500 });
    const v1 = new ApiClient(emu, "v1");
    v1.token = api.token;
    expect((await v1.get("/oauth-clients")).status).to.equal(500);

    emu.injectFault({ path: "/oauth/token", status: 503 });
    const res = await fetch(`${emu.url}/oauth/token`, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials", client_id: emu.credentials.clientId, client_secret: emu.credentials.clientSecret }) });
    expect(res.status).to.equal(503);
  });

  it("keeps Infinity faults until cleared, and probability 0 never fires", async () => {
    emu.injectFault({ path: "/oauth-clients", probability: 0, status: 500 });
    emu.injectFault({ path: "/managed-clusters", status: 500, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await api.get("/managed-clusters")).status).to.equal(500);
    expect((await api.get("/oauth-clients")).status).to.equal(200);
    emu.clearFaults();
    expect((await api.get("/managed-clusters")).status).to.equal(200);
  });

  it("produces reproducible chaos from a seed", async () => {
    const run = async () => {
      const e = await startEmulator();
      const c = await new ApiClient(e, "v2025").login();
      e.chaos({ seed: 42, rateLimited: 0.15, serverError: 0.15, resetBefore: 0.1, resetAfter: 0.1, slow: 0.1, slowMs: 5, malformedJson: 0.1 });
      for (let i = 0; i < 40; i++) await c.get("/managed-clusters", { noValidate: true }).catch(() => undefined);
      const outcomes = e.requestsTo("GET", "/managed-clusters").map((r) => `${r.outcome}:${r.status}`);
      await e.stop();
      return outcomes;
    };
    const a = await run();
    const b = await run();
    expect(a).to.deep.equal(b);
    expect(new Set(a).size).to.be.at.least(4);
    expect(a.some((o) => o === "fault:429")).to.equal(true);
    expect(a.some((o) => o.startsWith("reset-"))).to.equal(true);
  });
});

/** Sliding-window rate limit per client id per API version. */
import { expect } from "chai";
import type { IscEmulator } from "../../emulator";
import { ApiClient, FakeClock, getToken, startEmulator, startSession } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("emulator rate limit", () => {
  let emu: IscEmulator;
  let api: ApiClient;
  let clock: FakeClock;

  beforeEach(async () => {
    ({ emu, clock, api } = await startSession("v2025", {
      rateLimit: { limit: 5, windowMs: 500 },
      clients: [
        { clientId: "one", clientSecret: "1" },
        { clientId: "two", clientSecret: "2" },
      ],
    }));
  });

  afterEach(async () => {
    await emu.stop();
  });

  it("answers the 6th request in the window with 429, Retry-After and the spec body; OK again after the window", async () => {
    for (let i = 0; i < 5; i++) expect((await api.get("/managed-clusters")).status).to.equal(200);
    const limited = await api.get("/managed-clusters");
    expect(limited.status).to.equal(429);
    expect(limited.body).to.deep.equal({ message: " Rate Limit Exceeded " });
    expect(limited.headers.get("retry-after")).to.equal("1");
    expect(emu.requests.at(-1)).to.include({ status: 429, outcome: "rate-limited", clientId: "one" });

    // Refused requests do not count: the window frees a slot 500 ms after the first request.
    for (let i = 0; i < 3; i++) expect((await api.get("/managed-clusters")).status).to.equal(429);
    clock.advance(499);
    expect((await api.get("/managed-clusters")).status).to.equal(429);
    clock.advance(1); // all five counted requests (same fake instant) leave the window together
    for (let i = 0; i < 5; i++) expect((await api.get("/managed-clusters")).status).to.equal(200);
    expect((await api.get("/managed-clusters")).status).to.equal(429);
  });

  it("uses real time by default", async () => {
    await emu.stop();
    emu = await startEmulator({ rateLimit: { limit: 2, windowMs: 300 } });
    api = await new ApiClient(emu, "v3").login();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.get("/managed-clusters")).status);
    expect(statuses.slice(0, 2)).to.deep.equal([200, 200]);
    await sleep(350);
    expect((await api.get("/managed-clusters")).status).to.equal(200);
  });

  it("keeps separate buckets per client id and per version; the token endpoint is not limited", async () => {
    for (let i = 0; i < 5; i++) await api.get("/managed-clusters");
    expect((await api.get("/managed-clusters")).status).to.equal(429);

    const other = new ApiClient(emu, "v2025");
    other.token = await getToken(emu, { clientId: "two", clientSecret: "2" });
    expect((await other.get("/managed-clusters")).status).to.equal(200);

    for (const version of ["v3", "v2024", "v2026", "beta", "v1"] as const) {
      const sameClient = new ApiClient(emu, version);
      sameClient.token = api.token;
      expect((await sameClient.get("/oauth-clients")).status, version).to.equal(200);
    }
    for (let i = 0; i < 10; i++) await getToken(emu);
  });

  it("computes Retry-After in whole seconds, at least 1", async () => {
    await emu.stop();
    emu = await startEmulator({ clock, rateLimit: { limit: 1, windowMs: 3_500 } });
    api = await new ApiClient(emu, "v3").login();
    expect((await api.get("/managed-clusters")).status).to.equal(200);
    const limited = await api.get("/managed-clusters");
    expect(limited.status).to.equal(429);
    expect(limited.headers.get("retry-after")).to.equal("4");
    clock.advance(3_000);
    expect((await api.get("/managed-clusters")).headers.get("retry-after")).to.equal("1");
  });

  it("can be switched off or changed at runtime", async () => {
    emu.setRateLimit(false);
    for (let i = 0; i < 20; i++) expect((await api.get("/managed-clusters")).status).to.equal(200);
    emu.setRateLimit({ limit: 1, windowMs: 1000 });
    expect((await api.get("/managed-clusters")).status).to.equal(200);
    expect((await api.get("/managed-clusters")).status).to.equal(429);
  });
});

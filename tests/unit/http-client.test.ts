import { expect } from "chai";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { IscApiError } from "../../provider/http/errors";
import { IscClient } from "../../provider/http/client";
import type { Settings } from "../../provider/config";
import { rejection } from "../support/rejection";

interface Seen {
  method: string;
  url: string;
  body: string;
  authorization?: string;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string, n: number) => void;

/** A tiny scripted server: each API request is answered by the next handler (the last one repeats). */
async function server(handlers: Handler[], tokenTtl = 600) {
  const seen: Seen[] = [];
  let tokens = 0;
  let api = 0;
  const srv = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, body, authorization: req.headers.authorization });
      if (req.url === "/oauth/token") {
        tokens += 1;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ access_token: `token-${tokens}-abcdefgh`, token_type: "bearer", expires_in: tokenTtl }));
        return;
      }
      const handler = handlers[Math.min(api, handlers.length - 1)];
      api += 1;
      handler(req, res, body, api);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as AddressInfo).port;
  const settings: Settings = {
    baseUrl: `http://127.0.0.1:${port}`, clientId: "cid", clientSecret: "the-client-secret-123", apiVersion: "v2025",
    rateLimit: { limit: 1000, windowMs: 1000 }, timeoutMs: 2000,
  };
  return { seen, settings, tokens: () => tokens, close: () => new Promise((r) => srv.close(r)) };
}

const ok: Handler = (_req, res) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ id: "abc" }));
};
const status = (code: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(code, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

const failure = (p: Promise<unknown>) => rejection(p, IscApiError);

describe("ISC HTTP client", function () {
  this.timeout(20_000);

  it("sends credentials in the token request body only, and reuses one token for many calls", async () => {
    const s = await server([ok]);
    const client = new IscClient(s.settings);
    await Promise.all(Array.from({ length: 10 }, () => client.request("GET", "managed-clusters/x")));
    expect(s.tokens()).to.equal(1);
    const token = s.seen.find((r) => r.url === "/oauth/token")!;
    expect(token.method).to.equal("POST");
    expect(token.body).to.include("grant_type=client_credentials").and.include("client_secret=the-client-secret-123");
    expect(s.seen.filter((r) => r.url.includes("secret"))).to.deep.equal([]);
    expect(s.seen.filter((r) => r.url !== "/oauth/token").every((r) => r.authorization === "Bearer token-1-abcdefgh")).to.equal(true);
    await s.close();
  });

  it("fetches one fresh token and retries once on 401", async () => {
    const s = await server([status(401, { error: "JWT validation failed: JWT is expired" }), ok]);
    const client = new IscClient(s.settings);
    const res = await client.request<{ id: string }>("GET", "managed-clusters/x");
    expect(res.body.id).to.equal("abc");
    expect(s.tokens()).to.equal(2);
    expect(s.seen.filter((r) => r.url !== "/oauth/token").map((r) => r.authorization)).to.deep.equal([
      "Bearer token-1-abcdefgh", "Bearer token-2-abcdefgh",
    ]);
    await s.close();
  });

  it("honours Retry-After on 429, for POST too", async () => {
    const s = await server([status(429, { message: " Rate Limit Exceeded " }, { "retry-after": "1" }), ok]);
    const started = Date.now();
    const res = await new IscClient(s.settings).request<{ id: string }>("POST", "managed-clusters", { json: { name: "n" } });
    expect(res.body.id).to.equal("abc");
    expect(Date.now() - started).to.be.greaterThan(900);
    await s.close();
  });

  it("accepts Retry-After as an HTTP date", async () => {
    const s = await server([status(429, { message: "x" }, { "retry-after": new Date(Date.now() + 1500).toUTCString() }), ok]);
    await new IscClient(s.settings).request("GET", "managed-clusters");
    expect(s.seen.filter((r) => r.url !== "/oauth/token")).to.have.length(2);
    await s.close();
  });

  it("retries a 5xx GET but never repeats a POST that failed ambiguously", async () => {
    const s = await server([status(503, { detailCode: "503" }), ok]);
    await new IscClient(s.settings).request("GET", "managed-clusters");
    expect(s.seen.filter((r) => r.url !== "/oauth/token")).to.have.length(2);
    await s.close();

    const p = await server([status(500, { detailCode: "500.0 Internal Fault", trackingId: "t1", messages: [{ text: "An internal fault occurred." }] })]);
    const error = await failure(new IscClient(p.settings).request("POST", "managed-clusters", { json: { name: "n" } }));
    expect(p.seen.filter((r) => r.url !== "/oauth/token")).to.have.length(1);
    expect(error.ambiguous).to.equal(true);
    await p.close();
  });

  it("reports method, path, status, detailCode, trackingId and texts, even behind a bogus Content-Encoding", async () => {
    const body = { detailCode: "400.1 Bad Request Content", trackingId: "abc123", messages: [{ locale: "en-US", localeOrigin: "DEFAULT", text: "name is required" }] };
    const s = await server([status(400, body, { "content-encoding": "UTF-8" })]);
    const error = await failure(new IscClient(s.settings).request("PATCH", "managed-clusters/x", { patch: [] }));
    expect(error).to.deep.include({ method: "PATCH", path: "/v2025/managed-clusters/x", status: 400, detailCode: "400.1 Bad Request Content", trackingId: "abc123" });
    expect(error.message).to.equal("ISC PATCH /v2025/managed-clusters/x failed with 400 400.1 Bad Request Content: name is required (trackingId abc123)");
    expect(error.ambiguous).to.equal(false);
    await s.close();
  });

  it("sends JSON Patch as application/json-patch+json", async () => {
    let contentType = "";
    const s = await server([(req, res, body) => {
      contentType = String(req.headers["content-type"]);
      res.end(body);
    }]);
    await new IscClient(s.settings).request("PATCH", "managed-clusters/x", { patch: [{ op: "remove", path: "/a" }] });
    expect(contentType).to.equal("application/json-patch+json");
    await s.close();
  });

  it("times out slow responses and never puts a token or secret in the error", async () => {
    const s = await server([(_req, res) => setTimeout(() => res.end("{}"), 5000)]);
    const error = await failure(new IscClient({ ...s.settings, timeoutMs: 300 }).request("POST", "oauth-clients", { json: {} }));
    expect(error.code).to.equal("ETIMEDOUT");
    expect(error.ambiguous).to.equal(true);
    expect(error.message).not.to.match(/token-1|the-client-secret/);
    await s.close();
  });

  it("redacts a secret the service echoes back", async () => {
    const s = await server([status(400, { messages: [{ text: "bad secret the-client-secret-123 and Bearer token-1-abcdefgh" }] })]);
    const error = await failure(new IscClient(s.settings).request("GET", "x"));
    expect(error.message).to.include("[redacted]").and.not.include("the-client-secret-123").and.not.include("token-1-abcdefgh");
    await s.close();
  });

  it("learns the service's clock from Date headers, never ahead of it, and allows two minutes before any", async () => {
    const serviceAhead = 3_600_000;
    const s = await server([
      (req, res) => {
        res.setHeader("date", new Date(Date.now() + serviceAhead).toUTCString());
        ok(req, res, "", 0);
      },
    ]);
    const client = new IscClient(s.settings);
    const local = Date.now();
    expect(client.serviceTimeAfter(local)).to.equal(local - 120_000);
    await client.request("GET", "x");
    const learnt = client.serviceTimeAfter(local) - local;
    // Truncated to the second and 5 s of slack: between 6 s and 5 s short of the real offset.
    expect(learnt).to.be.within(serviceAhead - 6_100, serviceAhead - 5_000);
    await s.close();
  });
});

/**
 * Credentials never leave the configured origin: the HTTP layer follows no redirect, neither from the token endpoint
 * (whose form body carries the client secret) nor from an API call (which carries a bearer token), reports it as an
 * IscApiError naming the status and only the target's origin, retries nothing, and refuses outright to send a request
 * to another origin.
 */
import { expect } from "chai";
import got from "got";
import { IscClient } from "../../provider/http/client";
import { IscApiError } from "../../provider/http/errors";
import { originGuard } from "../../provider/http/origin-guard";
import { originOf, sameOrigin } from "../../provider/http/origin";
import type { Settings } from "../../provider/config";
import { rejection } from "../support/rejection";
import { json, recordingServer, type RecordingServer } from "./recording-server";

const SECRET = "redirect-secret+/=&%-0123456789";
const STATUSES = [301, 302, 303, 307, 308] as const;
const METHODS = ["GET", "POST", "PATCH", "DELETE"] as const;
const TOKEN = "issued-token-abcdefgh";
/** The path and query of the redirect target: they must never appear in an error (they may carry anything). */
const TARGET_PATH = "/collect/path-part?q=query-part";

function settings(baseUrl: string): Settings {
  return { baseUrl, clientId: "cid", clientSecret: SECRET, apiVersion: "v2025", rateLimit: { limit: 1000, windowMs: 1000 }, timeoutMs: 2000 };
}

/** The configured origin: answers the token call and API calls as `redirect` says, or normally. */
async function isc(redirect: { token?: number; api?: number; location: string; body?: string }): Promise<RecordingServer> {
  return recordingServer((req, res) => {
    const isToken = req.url === "/oauth/token";
    const status = isToken ? redirect.token : redirect.api;
    if (status) {
      res.writeHead(status, { location: redirect.location, ...(redirect.body ? { "content-type": "text/html" } : {}) });
      res.end(redirect.body ?? "");
    } else if (isToken) json(res, 200, { access_token: TOKEN, expires_in: 600 });
    else json(res, 200, { id: "abc" });
  });
}

/** "The other origin": a second server that, if anything reached it, would answer as a perfect ISC would. */
async function otherOrigin(): Promise<RecordingServer> {
  return recordingServer((req, res) => {
    if (req.url?.startsWith("/oauth/token")) json(res, 200, { access_token: "foreign-token-abcdefgh", expires_in: 600 });
    else json(res, 200, { id: "foreign" });
  });
}

function call(client: IscClient, method: (typeof METHODS)[number]) {
  if (method === "POST") return client.request("POST", "managed-clusters", { json: { name: "n" } });
  if (method === "PATCH") return client.request("PATCH", "managed-clusters/abc", { patch: [{ op: "replace", path: "/name", value: "m" }] });
  return client.request(method, "managed-clusters/abc");
}

function expectRedirectError(error: IscApiError, status: number, other: RecordingServer): void {
  expect(error.status).to.equal(status);
  expect(error.redirected).to.equal(true);
  expect(error.redirectOrigin).to.equal(other.url);
  expect(error.ambiguous, "a redirect is a definite answer").to.equal(false);
  expect(error.message).to.include(`failed with ${status}: a redirect to ${other.url},`).and.include("sailpoint:baseUrl");
  expect(error.message).not.to.include("path-part").and.not.include("query-part").and.not.include(SECRET);
}

describe("HTTP layer: credentials never leave the configured origin", function () {
  this.timeout(30_000);
  let other: RecordingServer;
  let main: RecordingServer | undefined;

  beforeEach(async () => {
    other = await otherOrigin();
  });
  afterEach(async () => {
    await main?.close();
    main = undefined;
    await other.close();
  });

  for (const status of STATUSES) {
    it(`a ${status} from the token endpoint is an error; the secret goes nowhere else, no API request is sent`, async () => {
      main = await isc({ token: status, location: `${other.url}/oauth/token${TARGET_PATH}` });
      const error = await rejection(new IscClient(settings(main.url)).request("GET", "managed-clusters/abc"), IscApiError);
      expect(error.message).to.match(/^ISC GET \/v2025\/managed-clusters\/abc failed: no access token: ISC POST \/oauth\/token failed with \d{3}: a redirect to/);
      expect(error.message).to.include(`failed with ${status}: a redirect to ${other.url},`);
      expect(error.message).not.to.include("path-part").and.not.include(SECRET);
      expect(main.seen.map((r) => `${r.method} ${r.url}`), "one token request, not retried").to.deep.equal(["POST /oauth/token"]);
      expect(other.seen, "the other origin got nothing").to.deep.equal([]);
    });

    for (const method of METHODS) {
      it(`a ${status} on ${method} is an error naming the status and origin; no token goes elsewhere, nothing is retried`, async () => {
        main = await isc({ api: status, location: `${other.url}${TARGET_PATH}` });
        const error = await rejection(call(new IscClient(settings(main.url)), method), IscApiError);
        expectRedirectError(error, status, other);
        expect(error.message).to.match(new RegExp(`^ISC ${method} /v2025/managed-clusters`));
        expect(main.seen.filter((r) => r.url !== "/oauth/token"), "one API request, not retried").to.have.length(1);
        expect(other.seen, "the other origin got nothing").to.deep.equal([]);
      });
    }
  }

  it("a redirect with an HTML body (not JSON) is the same error, and a GET is not retried for its body", async () => {
    main = await isc({ api: 302, location: `${other.url}${TARGET_PATH}`, body: "<html><body>Moved</body></html>" });
    const error = await rejection(call(new IscClient(settings(main.url)), "GET"), IscApiError);
    expectRedirectError(error, 302, other);
    expect(main.seen.filter((r) => r.url !== "/oauth/token")).to.have.length(1);
    expect(other.seen).to.deep.equal([]);

    await main.close();
    main = await isc({ token: 307, location: `${other.url}/oauth/token`, body: "<html>Moved</html>" });
    const tokenError = await rejection(call(new IscClient(settings(main.url)), "GET"), IscApiError);
    expect(tokenError.message).to.include(`ISC POST /oauth/token failed with 307: a redirect to ${other.url},`);
    expect(main.seen).to.have.length(1);
    expect(other.seen).to.deep.equal([]);
  });

  it("a redirect to another path on the same origin, or without a Location, is not followed either", async () => {
    main = await isc({ api: 308, location: "/v2025/managed-clusters/elsewhere" });
    const error = await rejection(call(new IscClient(settings(main.url)), "GET"), IscApiError);
    expect(error.redirectOrigin).to.equal(main.url);
    expect(error.message).not.to.include("elsewhere");
    expect(main.seen.map((r) => r.url)).to.deep.equal(["/oauth/token", "/v2025/managed-clusters/abc"]);

    await main.close();
    main = await recordingServer((req, res) => (req.url === "/oauth/token" ? json(res, 200, { access_token: TOKEN }) : res.writeHead(302).end()));
    const bare = await rejection(call(new IscClient(settings(main.url)), "DELETE"), IscApiError);
    expect(bare.message).to.include("failed with 302: a redirect without a usable Location");
  });

  it("a redirect from https to plain http on the same host is another origin", () => {
    expect(sameOrigin("http://acme.api.identitynow.com/oauth/token", "https://acme.api.identitynow.com")).to.equal(false);
    expect(sameOrigin("https://acme.api.identitynow.com:443/v2025/x", "https://acme.api.identitynow.com")).to.equal(true);
    expect(sameOrigin("https://acme.api.identitynow.com:8443/v2025/x", "https://acme.api.identitynow.com")).to.equal(false);
    expect(sameOrigin("https://evil.example/v2025/x", "https://acme.api.identitynow.com")).to.equal(false);
    expect(sameOrigin("https://ACME.api.identitynow.com/x", "https://acme.api.identitynow.com/prefix")).to.equal(true);
    expect(sameOrigin("not a url", "https://acme.api.identitynow.com")).to.equal(false);
    expect(originOf("//other.example:81/x?token=abc", "https://acme.api.identitynow.com/v2025/y")).to.equal("https://other.example:81");
    expect(originOf("http://u:p@other.example/p?q")).to.equal("http://other.example");
  });

  it("the origin guard refuses a request to another origin before anything is sent, https -> http included", async () => {
    const base = `https://127.0.0.1:${new URL(other.url).port}`;
    const guarded = got.extend({ hooks: { beforeRequest: [originGuard(base)] }, retry: { limit: 0 } });
    const refused = await rejection(guarded.post(`${other.url}/oauth/token`, { form: { client_secret: SECRET } }), Error);
    const cause = (refused as Error & { cause?: unknown }).cause;
    expect(cause).to.be.instanceOf(IscApiError);
    expect((cause as IscApiError).message).to.include(`refused to send credentials to ${other.url}`).and.include(`configured origin ${base}`);
    expect((cause as IscApiError).message).not.to.include(SECRET);
    expect(other.seen, "not even a connection carried the secret").to.deep.equal([]);
  });
});

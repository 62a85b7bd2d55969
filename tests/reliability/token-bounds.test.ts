/**
 * Every token failure is bounded: whatever the token endpoint does wrong (reset, no answer, a 200 that is not JSON,
 * 5xx), an operation costs one token fetch (3 requests with its own retries) and then fails, sending no API request;
 * the API request's own retries never fetch again. Concurrent callers share the one fetch. Counted on the emulator,
 * timed with a 1 s request timeout, through the HTTP layer and through the real provider host.
 */
import { expect } from "chai";
import { IscEmulator, type FaultSpec } from "../../emulator";
import { IscClient } from "../../provider/http/client";
import { IscApiError } from "../../provider/http/errors";
import { TOKEN_RETRY_LIMIT } from "../../provider/http/token";
import { HostError, ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { rejection } from "../support/rejection";
import { apiRequests, tokenRequests } from "./helpers";

const TIMEOUT_MS = 1_000;
const ATTEMPTS = TOKEN_RETRY_LIMIT + 1;
/** The no-answer case: every attempt waits out the timeout; plus the 1 s and 2 s backoffs with their noise. */
const WORST_MS = ATTEMPTS * TIMEOUT_MS + 1_000 + 2_000 + 2 * 100;
/** Slack for a shared 2-core machine. */
const SLACK_MS = 2_000;
/** Longer than the client timeout: the emulator answers (to nobody) after this. */
const SLOW_MS = 1_500;

const FAILURES: Array<{ label: string; apply: (e: IscEmulator) => void; message: RegExp }> = [
  { label: "resets the connection", apply: (e) => e.injectFault(tokenFault({ reset: "before" })), message: /\/oauth\/token failed: ECONNRESET/ },
  { label: "does not answer in time", apply: (e) => e.injectFault(tokenFault({ delayMs: SLOW_MS })), message: /\/oauth\/token failed: ETIMEDOUT/ },
  {
    label: "answers 200 with a body that is not JSON",
    apply: (e) => e.injectFault(tokenFault({ status: 200, rawBody: "<html>maintenance</html>" })),
    message: /\/oauth\/token failed with 200 and a response body that is not valid JSON/,
  },
  { label: "answers 503", apply: (e) => e.setTokenEndpointDown(503), message: /\/oauth\/token failed with 503/ },
];

function tokenFault(spec: Omit<FaultSpec, "path">): FaultSpec {
  return { path: "/oauth/token", times: Infinity, ...spec };
}

function clientFor(emulator: IscEmulator): IscClient {
  return new IscClient({
    baseUrl: emulator.url,
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
    apiVersion: "v2025",
    rateLimit: { limit: 1000, windowMs: 1000 },
    timeoutMs: TIMEOUT_MS,
  });
}

/** The emulator records a delayed request when it answers: wait until every token request has been recorded. */
const settle = () => new Promise((resolve) => setTimeout(resolve, SLOW_MS));

describe("reliability: a failing token endpoint costs one token fetch per operation", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;

  beforeEach(async () => {
    emulator = await IscEmulator.start({ rateLimit: false });
  });
  afterEach(async () => {
    await ProviderHost.stopAll();
    await emulator.stop();
  });

  for (const failure of FAILURES) {
    it(`HTTP layer: a GET when the token endpoint ${failure.label}: ${ATTEMPTS} token requests, no API request, bounded time`, async () => {
      failure.apply(emulator);
      const started = Date.now();
      const error = await rejection(clientFor(emulator).request("GET", "managed-clusters/abc"), IscApiError);
      const elapsed = Date.now() - started;
      await settle();
      expect(error.message).to.match(/^ISC GET \/v2025\/managed-clusters\/abc failed: no access token: ISC POST/).and.match(failure.message);
      expect(tokenRequests(emulator), "one fetch with its own retries").to.have.length(ATTEMPTS);
      expect(apiRequests(emulator)).to.deep.equal([]);
      expect(elapsed, "time").to.be.below(WORST_MS + SLACK_MS);
    });
  }

  it("HTTP layer: 20 concurrent requests share the one fetch and its failure", async () => {
    emulator.injectFault(tokenFault({ reset: "before" }));
    const client = clientFor(emulator);
    const errors = await Promise.all(Array.from({ length: 20 }, (_, i) => rejection(client.request("GET", `managed-clusters/c${i}`), IscApiError)));
    expect(new Set(errors.map((e) => e.message.replace(/c\d+ failed/, "c failed"))).size).to.equal(1);
    expect(tokenRequests(emulator)).to.have.length(ATTEMPTS);
    expect(apiRequests(emulator)).to.deep.equal([]);
  });

  it("HTTP layer: a 401 whose fresh token cannot be had fails after one fetch, without re-sending the request", async () => {
    const client = clientFor(emulator);
    await client.request("GET", "managed-clusters");
    emulator.revokeTokens();
    emulator.injectFault(tokenFault({ reset: "before" }));
    emulator.clearRequests();
    const error = await rejection(client.request("GET", "managed-clusters"), IscApiError);
    expect(error.message).to.match(/no access token: ISC POST \/oauth\/token failed: ECONNRESET/);
    expect(apiRequests(emulator).map((r) => r.status), "the refused request, once").to.deep.equal([401]);
    expect(tokenRequests(emulator)).to.have.length(ATTEMPTS);
  });

  it("provider host: a refresh (Read) when the token endpoint does not answer fails clearly after one fetch", async () => {
    const host = await ProviderHost.start();
    await host.configure(sailpointConfig(emulator, { "sailpoint:requestTimeoutSeconds": String(TIMEOUT_MS / 1000) }));
    const cluster = emulator.seedCluster({ name: "token-bounds" });
    emulator.injectFault(tokenFault({ delayMs: SLOW_MS }));
    const started = Date.now();
    const error = await rejection(host.read(urnFor("ManagedCluster", "c"), cluster.id, { name: "token-bounds" }), HostError);
    const elapsed = Date.now() - started;
    await settle();
    expect(error.details).to.match(/ISC GET \/v2025\/managed-clusters\S* failed: no access token: ISC POST \/oauth\/token failed: ETIMEDOUT/);
    expect(tokenRequests(emulator)).to.have.length(ATTEMPTS);
    expect(apiRequests(emulator)).to.deep.equal([]);
    expect(elapsed).to.be.below(WORST_MS + SLACK_MS);
  });
});

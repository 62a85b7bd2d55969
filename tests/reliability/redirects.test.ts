/**
 * Credentials never leave the configured origin, through the real provider host: when the emulator redirects a
 * resource operation's request (or the token request) to another origin, the operation fails with an error naming
 * the status and that origin, and the other origin, a second emulator that accepts the same credentials and would
 * answer every call perfectly, receives nothing at all.
 */
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { HostError, ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { rejection } from "../support/rejection";
import { apiRequests, tokenRequests } from "./helpers";

describe("reliability: redirects are never followed", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let other: IscEmulator;
  let host: ProviderHost;

  before(async () => {
    emulator = await IscEmulator.start({ rateLimit: false });
    other = await IscEmulator.start({ rateLimit: false, clients: [{ ...emulator.credentials }] });
  });
  beforeEach(async () => {
    host = await ProviderHost.start();
    await host.configure(sailpointConfig(emulator, { "sailpoint:requestTimeoutSeconds": "2" }));
    emulator.clearFaults();
    emulator.clearRequests();
    other.clearRequests();
  });
  afterEach(async () => {
    await ProviderHost.stopAll();
  });
  after(async () => {
    await emulator?.stop();
    await other?.stop();
  });

  /** A redirect to the same path on the other origin, plus a query that must never show in an error. */
  const to = (path: string) => `${other.url}${path}?note=path-and-query-stay-private`;

  function expectRedirect(error: HostError, method: string, status: number): void {
    expect(error.details).to.match(new RegExp(`ISC ${method} /v2025/managed-clusters\\S* failed with ${status}: a redirect to ${other.url}, which the provider does not follow`));
    expect(error.details).to.include("sailpoint:baseUrl").and.not.include("path-and-query-stay-private");
    expect(error.details).not.to.include(emulator.credentials.clientSecret);
    expect(other.requests, "the other origin saw nothing").to.deep.equal([]);
  }

  it("create: a 307 on the POST fails the create once, without a retry or a duplicate lookup", async () => {
    emulator.injectFault({ method: "POST", path: "/managed-clusters", redirectTo: to("/v2025/managed-clusters"), status: 307, times: Infinity });
    const urn = urnFor("ManagedCluster", "redirected");
    const { inputs } = await host.check(urn, {}, { name: "redirected" });
    expectRedirect(await rejection(host.create(urn, inputs), HostError), "POST", 307);
    expect(apiRequests(emulator).map((r) => `${r.method} ${r.path}`)).to.deep.equal(["POST /v2025/managed-clusters"]);
    expect(emulator.listClusters()).to.deep.equal([]);
  });

  it("read, update and delete: 301, 308 and 302 fail clearly; the cluster is neither reported gone nor changed", async () => {
    const cluster = emulator.seedCluster({ name: "kept", description: "before" });
    const urn = urnFor("ManagedCluster", "kept");
    const state = { name: "kept", description: "before", type: "idn", removeClientsOnDelete: false };
    const path = `/managed-clusters/${cluster.id}`;

    emulator.injectFault({ method: "GET", path: "/managed-clusters/{id}", redirectTo: to(`/v2025${path}`), status: 301, times: Infinity });
    emulator.injectFault({ method: "GET", path: "/managed-clusters", redirectTo: to("/v2025/managed-clusters"), status: 301, times: Infinity });
    expectRedirect(await rejection(host.read(urn, cluster.id, state, state), HostError), "GET", 301);

    emulator.injectFault({ method: "PATCH", path: "/managed-clusters/{id}", redirectTo: to(`/v2025${path}`), status: 308, times: Infinity });
    expectRedirect(await rejection(host.update(urn, cluster.id, state, { ...state, description: "after" }), HostError), "PATCH", 308);

    emulator.injectFault({ method: "DELETE", path: "/managed-clusters/{id}", redirectTo: to(`/v2025${path}`), status: 302, times: Infinity });
    expectRedirect(await rejection(host.delete(urn, cluster.id, state), HostError), "DELETE", 302);

    expect(emulator.listClusters().map((c) => [c.id, c.description])).to.deep.equal([[cluster.id, "before"]]);
    const writes = apiRequests(emulator).filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.status}`), "each write sent once").to.deep.equal(["PATCH 308", "DELETE 302"]);
  });

  it("token: a 302 from the token endpoint fails the operation; the secret goes nowhere else, no API request is sent", async () => {
    emulator.injectFault({ path: "/oauth/token", redirectTo: to("/oauth/token"), times: Infinity });
    const urn = urnFor("ManagedCluster", "no-token");
    const { inputs } = await host.check(urn, {}, { name: "no-token" });
    const error = await rejection(host.create(urn, inputs), HostError);
    expect(error.details).to.include(`ISC POST /v2025/managed-clusters failed: no access token: ISC POST /oauth/token failed with 302: a redirect to ${other.url},`);
    expect(error.details).not.to.include("path-and-query-stay-private").and.not.include(emulator.credentials.clientSecret);
    expect(tokenRequests(emulator), "one token request, not retried").to.have.length(1);
    expect(apiRequests(emulator)).to.deep.equal([]);
    expect(other.requests).to.deep.equal([]);
  });
});

import { expect } from "chai";
import { resourceClass } from "../harness/provider-text";
import { apiRequests, maxInWindow, startEnv, stopEnv, type Bag, type Env } from "./helpers";

type Ctor = new (name: string, args: Bag) => { id: unknown };

const LIMIT = 20;
const WINDOW_MS = 1_000;
const CLUSTERS = 40;
const LOG_CONFIGS = 25;
const OAUTH_CLIENTS = 25;
const RESOURCES = CLUSTERS + LOG_CONFIGS + OAUTH_CLIENTS;

/** 90 resources, all registered at once, so their requests compete for the one limiter of the host. */
function program() {
  const ManagedCluster = resourceClass("ManagedCluster") as Ctor;
  const ClusterLogConfig = resourceClass("ClusterLogConfig") as Ctor;
  const OAuthClient = resourceClass("OAuthClient") as Ctor;
  return () => {
    for (let i = 0; i < CLUSTERS; i++) {
      const cluster = new ManagedCluster(`rl-cluster-${i}`, { name: `rl-cluster-${i}` });
      if (i < LOG_CONFIGS) new ClusterLogConfig(`rl-logs-${i}`, { clusterId: cluster.id, rootLevel: "DEBUG" });
    }
    for (let j = 0; j < OAUTH_CLIENTS; j++) {
      new OAuthClient(`rl-oauth-${j}`, { name: `rl-oauth-${j}`, description: "rate", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" });
    }
    return {};
  };
}

describe("reliability: the client stays under ISC's rate limit", function () {
  this.timeout(90_000);
  let env: Env;

  before(async () => {
    // ISC's limit, scaled down: 20 requests per second per client id, and the provider told the same.
    env = await startEnv({ emulator: { rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } }, config: { "sailpoint:rateLimit": `${LIMIT}/${WINDOW_MS}` } });
  });
  after(async () => stopEnv(env));
  beforeEach(() => env.emulator.clearRequests());

  /** The phase sent `expected` requests or more, none was refused, and no window held more than the limit. */
  function expectUnderTheLimit(expected: number) {
    const requests = apiRequests(env.emulator);
    expect(requests.length).to.be.at.least(expected);
    expect(requests.filter((r) => r.outcome === "rate-limited" || r.status === 429).map((r) => `${r.method} ${r.path}`), "429s").to.deep.equal([]);
    expect(maxInWindow(requests.map((r) => r.time), WINDOW_MS), `requests in the busiest ${WINDOW_MS} ms`).to.be.at.most(LIMIT);
    // The limit was the constraint: the busiest window was well filled, so the check above could have failed.
    expect(maxInWindow(requests.map((r) => r.time), WINDOW_MS)).to.be.at.least(Math.floor(LIMIT * 0.75));
  }

  it("creates 90 resources at once without a single 429", async () => {
    await env.driver.up(program());
    expect(env.driver.state.size).to.equal(RESOURCES);
    expectUnderTheLimit(RESOURCES);
  });

  it("reads them all at once, as a parallel refresh does, without a single 429: one list per kind, one GET per log configuration", async () => {
    const { driver, host } = env;
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS)); // the up's requests leave the window
    env.emulator.clearRequests();
    const reads = await Promise.all([...driver.state].map(([urn, e]) => host.read(urn, e.id, e.outputs, e.inputs)));
    expect(reads.map((r) => r.id).sort()).to.deep.equal([...driver.state.values()].map((e) => e.id).sort());
    const lines = apiRequests(env.emulator).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}/g, "{id}")}`);
    expect(lines.filter((l) => !l.endsWith("/log-config")).sort()).to.deep.equal(["GET /v2025/managed-clusters", "GET /v2025/oauth-clients"]);
    expect(lines.filter((l) => l.endsWith("/log-config"))).to.have.length(LOG_CONFIGS);
    expectUnderTheLimit(LOG_CONFIGS + 2);
  });
});

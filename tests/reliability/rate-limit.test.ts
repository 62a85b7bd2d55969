import { expect } from "chai";
import { resourceClass } from "../harness/provider-text";
import { apiRequests, maxInWindow, startEnv, stopEnv, type Bag, type Env } from "./helpers";

type Ctor = new (name: string, args: Bag) => { id: unknown };

const LIMIT = 20;
const WINDOW_MS = 1_000;
const CLUSTERS = 40;
const OAUTH_CLIENTS = 25;

/** 65 resources, all registered at once, so their requests compete for the one limiter of the host. */
function program() {
  const ManagedCluster = resourceClass("ManagedCluster") as Ctor;
  const OAuthClient = resourceClass("OAuthClient") as Ctor;
  return () => {
    for (let i = 0; i < CLUSTERS; i++) new ManagedCluster(`rl-cluster-${i}`, { name: `rl-cluster-${i}` });
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

  it("creates 65 resources at once without a single 429", async () => {
    await env.driver.up(program());
    expect(env.driver.state.size).to.equal(CLUSTERS + OAUTH_CLIENTS);
    expectUnderTheLimit(CLUSTERS + OAUTH_CLIENTS);
  });

  it("reads them all at once, as a parallel refresh does, without a single 429", async () => {
    const { driver, host } = env;
    const reads = await Promise.all([...driver.state].map(([urn, e]) => host.read(urn, e.id, e.outputs, e.inputs)));
    expect(reads.map((r) => r.id).sort()).to.deep.equal([...driver.state.values()].map((e) => e.id).sort());
    expectUnderTheLimit(CLUSTERS + OAUTH_CLIENTS);
  });
});

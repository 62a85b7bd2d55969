import { expect } from "chai";
import { LifecycleError } from "../harness/lifecycle";
import { resourceClass } from "../harness/provider-text";
import { apiRequests, startEnv, stopEnv, tokenRequests, type Bag, type Env } from "./helpers";

type Ctor = new (name: string, args: Bag) => { id: unknown };

/** 6 clusters, each with a log config, and 4 OAuth clients. */
function program(prefix: string, version: 1 | 2) {
  const ManagedCluster = resourceClass("ManagedCluster") as Ctor;
  const ClusterLogConfig = resourceClass("ClusterLogConfig") as Ctor;
  const OAuthClient = resourceClass("OAuthClient") as Ctor;
  return () => {
    for (let i = 0; i < 6; i++) {
      const cluster = new ManagedCluster(`${prefix}-cluster-${i}`, { name: `${prefix}-cluster-${i}`, description: `v${version}` });
      new ClusterLogConfig(`${prefix}-log-${i}`, { clusterId: cluster.id, rootLevel: version === 1 ? "INFO" : "WARN", durationMinutes: 30 });
    }
    for (let j = 0; j < 4; j++) {
      new OAuthClient(`${prefix}-oauth-${j}`, {
        name: `${prefix}-oauth-${j}`,
        description: `v${version}`,
        accessTokenValiditySeconds: 750,
        grantTypes: ["CLIENT_CREDENTIALS"],
        accessType: "OFFLINE",
      });
    }
    return {};
  };
}

describe("reliability: tokens", function () {
  this.timeout(90_000);
  let env: Env | undefined;

  afterEach(async () => {
    await stopEnv(env);
    env = undefined;
  });

  it("a token revoked while a provider process runs costs exactly one new token request and no failed operation", async () => {
    env = await startEnv({ emulator: { rateLimit: false } });
    const { emulator, driver, host } = env;
    await driver.up(program("rev", 1));
    expect(tokenRequests(emulator), "one token per deployment").to.have.length(1);

    // A provider process that has a token (a long deployment), then the token is revoked: 16 updates start at once.
    const entries = [...driver.state];
    await host.read(entries[0][0], entries[0][1].id, entries[0][1].outputs, entries[0][1].inputs);
    emulator.revokeTokens();
    emulator.clearRequests();
    const v2 = (e: (typeof entries)[number][1]) => (e.kind === "ClusterLogConfig" ? { ...e.inputs, rootLevel: "WARN" } : { ...e.inputs, description: "v2" });
    await Promise.all(entries.map(([urn, e]) => host.update(urn, e.id, e.outputs, v2(e))));
    expect(tokenRequests(emulator), "one new token for all of them").to.have.length(1);
    const rejected = apiRequests(emulator).filter((r) => r.status === 401);
    expect(rejected.length, "the old token was refused").to.be.greaterThan(0);
    const fresh = (tokenRequests(emulator)[0].responseBody as { access_token: string }).access_token;
    expect(apiRequests(emulator).filter((r) => r.status !== 401).every((r) => r.headers.authorization === `Bearer ${fresh}`)).to.equal(true);
    expect(emulator.listClusters().every((c) => c.description === "v2")).to.equal(true);
    expect(emulator.listOAuthClients().every((c) => c.description === "v2")).to.equal(true);

    // The same between the reads of a refresh, which go one at a time.
    emulator.revokeTokens();
    emulator.clearRequests();
    for (const [urn, e] of entries) expect((await host.read(urn, e.id, e.outputs, e.inputs)).id).to.equal(e.id);
    expect(tokenRequests(emulator)).to.have.length(1);
    expect(apiRequests(emulator).filter((r) => r.status === 401)).to.have.length(1);

    // A later deployment is a new provider process: it starts with a token of its own.
    emulator.revokeTokens();
    emulator.clearRequests();
    await driver.destroy();
    expect(tokenRequests(emulator)).to.have.length(1);
    expect(apiRequests(emulator).filter((r) => r.status === 401)).to.deep.equal([]);
    expect(emulator.listClusters()).to.deep.equal([]);
    expect(emulator.listOAuthClients()).to.deep.equal([]);
  });

  it("with the token endpoint down, a fresh host fails clearly, naming the token endpoint, and writes nothing", async () => {
    env = await startEnv({ emulator: { rateLimit: false } });
    const { emulator, driver } = env;
    emulator.setTokenEndpointDown(503);
    let failure: LifecycleError | undefined;
    try {
      await driver.up(program("down", 1));
    } catch (error) {
      failure = error as LifecycleError;
    }
    expect(failure, "up failed").to.be.instanceOf(LifecycleError);
    const errors = failure!.result.errors;
    // The clusters and OAuth clients fail; the log configs never start, their clusters having no id.
    expect(errors).to.have.length(10);
    for (const error of errors) {
      expect(error).to.match(/ISC POST \/v2025\/(managed-clusters|oauth-clients) failed: no access token: ISC POST \/oauth\/token failed with 503/);
      expect(error).to.include("The authorization server is temporarily unavailable");
    }
    expect(tokenRequests(emulator).length, "the token request was retried").to.be.greaterThan(1);
    expect(apiRequests(emulator), "no API request at all, so nothing half-done").to.deep.equal([]);
    expect(driver.state.size).to.equal(0);
    expect(emulator.listClusters()).to.deep.equal([]);

    // Once it is back, the same program converges in one run.
    emulator.setTokenEndpointDown(false);
    emulator.clearRequests();
    await driver.up(program("down", 1));
    expect(driver.state.size).to.equal(16);
    expect(tokenRequests(emulator)).to.have.length(1);
    expect(emulator.listClusters()).to.have.length(6);
    expect(emulator.listOAuthClients()).to.have.length(4);
  });
});

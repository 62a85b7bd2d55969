import { expect } from "chai";
import { LifecycleDriver, LifecycleError } from "../harness/lifecycle";
import { resourceClass } from "../harness/provider-text";
import { apiRequests, startEnv, stopEnv, type Bag, type Env } from "./helpers";
import { rejection } from "../support/rejection";

type Ctor = new (name: string, args: Bag) => { id: unknown };

const line = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

function clusterProgram(name: string, version: 1 | 2) {
  const ManagedCluster = resourceClass("ManagedCluster") as Ctor;
  return () => {
    new ManagedCluster(name, {
      name,
      description: `v${version}`,
      configuration: version === 1 ? { keep: "1", drop: "me" } : { keep: "1", added: "yes" },
    });
    return {};
  };
}

function oauthProgram(name: string) {
  const OAuthClient = resourceClass("OAuthClient") as Ctor;
  return () => {
    new OAuthClient(name, { name, description: "ambiguous", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" });
    return {};
  };
}

/** Fails the test with the driver's errors if the operation failed. */
async function ok<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof LifecycleError) throw new Error(error.message);
    throw error;
  }
}

const lifecycleError = (call: Promise<unknown>) => rejection(call, LifecycleError);

describe("reliability: writes that fail ambiguously", function () {
  this.timeout(60_000);
  let env: Env;

  before(async () => {
    env = await startEnv({ emulator: { rateLimit: false } });
  });
  after(async () => stopEnv(env));
  // One host and tenant for all; each test starts with an empty tenant and state.
  beforeEach(() => {
    const { emulator } = env;
    emulator.clearFaults();
    for (const c of emulator.listClusters()) emulator.removeCluster(c.id);
    for (const c of emulator.listOAuthClients()) emulator.removeOAuthClient(c.id);
    emulator.clearRequests();
    env.driver = new LifecycleDriver(env.host, { timeoutMs: 60_000 });
  });

  it("a PATCH reset after its commit is read back, and nothing is patched twice", async () => {
    const { emulator, driver } = env;
    await ok(driver.up(clusterProgram("patch-reset", 1)));
    const id = [...driver.state.values()][0].id;
    emulator.clearRequests();
    emulator.injectFault({ method: "PATCH", path: "/managed-clusters/{id}", reset: "after" });
    const up = await ok(driver.up(clusterProgram("patch-reset", 2)));
    expect(up.steps.map((s) => s.op)).to.deep.equal(["update"]);
    const calls = apiRequests(emulator);
    expect(calls.map(line)).to.deep.equal([`PATCH /v2025/managed-clusters/${id}`, `GET /v2025/managed-clusters/${id}`]);
    expect(calls[0].outcome).to.equal("reset-after");
    const live = emulator.listClusters();
    expect(live).to.have.length(1);
    expect(live[0]).to.include({ description: "v2" });
    expect(live[0].configuration).to.include({ keep: "1", added: "yes" }).and.not.have.property("drop");
    expect(driver.outputsOf("patch-reset")).to.deep.include({ description: "v2", configuration: { keep: "1", added: "yes" } });
  });

  it("an update whose PATCH committed unseen converges on the next run, patching only what is missing", async () => {
    const { emulator, driver } = env;
    await ok(driver.up(clusterProgram("patch-rerun", 1)));
    const id = [...driver.state.values()][0].id;
    emulator.clearRequests();
    // The PATCH is applied but its answer lost, and the read-back that would have noticed fails too.
    emulator.injectFault({ method: "PATCH", path: "/managed-clusters/{id}", reset: "after" });
    emulator.injectFault({ method: "GET", path: "/managed-clusters/{id}", status: 400 });
    const failed = await lifecycleError(driver.up(clusterProgram("patch-rerun", 2)));
    expect(failed.result.errors).to.have.length(1);
    expect(failed.result.errors[0]).to.include(`ISC GET /v2025/managed-clusters/${id} failed with 400`);
    expect(emulator.listClusters()[0].configuration, "the PATCH was applied").not.to.have.property("drop");

    // Meanwhile someone puts the old description back. The state still holds the old outputs, so the next run's
    // PATCH also removes a key that is already gone: refused, read back, and only the description is patched again.
    emulator.mutateCluster(id, (c) => void (c.description = "v1"));
    emulator.clearRequests();
    const rerun = await ok(driver.up(clusterProgram("patch-rerun", 2)));
    expect(rerun.steps.map((s) => s.op)).to.deep.equal(["update"]);
    const calls = apiRequests(emulator);
    expect(calls.map(line)).to.deep.equal([`PATCH /v2025/managed-clusters/${id}`, `GET /v2025/managed-clusters/${id}`, `PATCH /v2025/managed-clusters/${id}`]);
    expect(calls[0].status).to.equal(400);
    expect(calls[2].status).to.equal(200);
    expect(calls[2].body).to.deep.equal([{ op: "replace", path: "/description", value: "v2" }]);
    const live = emulator.listClusters();
    expect(live).to.have.length(1);
    expect(live[0]).to.include({ description: "v2" });
    expect(live[0].configuration).to.include({ keep: "1", added: "yes" }).and.not.have.property("drop");

    emulator.clearRequests();
    const same = await ok(driver.up(clusterProgram("patch-rerun", 2)));
    expect(same.steps.map((s) => s.op)).to.deep.equal(["same"]);
    expect(apiRequests(emulator)).to.deep.equal([]);
  });

  it("a PATCH that times out and commits late converges, no operation applied twice", async () => {
    const { emulator, driver } = env;
    await ok(driver.up(clusterProgram("patch-slow", 1)));
    const id = [...driver.state.values()][0].id;
    emulator.clearRequests();
    // Applied 1.5 s after arrival, with the client's timeout at 1 s.
    emulator.injectFault({ method: "PATCH", path: "/managed-clusters/{id}", delayMs: 1_500 });
    await ok(driver.up(clusterProgram("patch-slow", 2)));
    await new Promise((resolve) => setTimeout(resolve, 700)); // a PATCH still in the service's hands has landed by now
    const live = emulator.listClusters();
    expect(live[0]).to.include({ description: "v2" });
    expect(live[0].configuration).to.include({ keep: "1", added: "yes" }).and.not.have.property("drop");
    // The read-back saw the late PATCH applied, so nothing was sent again (a second PATCH would remove "drop" twice).
    expect(apiRequests(emulator).map((r) => `${line(r)} ${r.status}`)).to.deep.equal([`PATCH /v2025/managed-clusters/${id} 200`, `GET /v2025/managed-clusters/${id} 200`]);
  });

  it("an OAuth POST reset after its commit leaves exactly one client, whose secret the state knows", async () => {
    const { emulator, driver } = env;
    emulator.injectFault({ method: "POST", path: "/oauth-clients", reset: "after" });
    await ok(driver.up(oauthProgram("oauth-reset")));
    const clients = emulator.listOAuthClients();
    expect(clients).to.have.length(1);
    const entry = [...driver.state.values()][0];
    expect(clients[0].id).to.equal(entry.id);
    expect(emulator.store.oauthSecretMatches(entry.id, String(entry.outputs.secret))).to.equal(true);
    const posts = emulator.requestsTo("POST", "/oauth-clients");
    expect(posts.map((r) => r.outcome)).to.deep.equal(["reset-after", "ok"]);
    const orphan = (posts[0].responseBody as { id: string }).id;
    expect(emulator.requestsTo("DELETE", `/oauth-clients/${orphan}`), "the client with the lost secret was deleted").to.have.length(1);
  });

  it("a cluster POST and an OAuth POST that time out and commit after the client gave up leave no duplicate", async () => {
    const { emulator, driver } = env;
    const ManagedCluster = resourceClass("ManagedCluster") as Ctor;
    const OAuthClient = resourceClass("OAuthClient") as Ctor;
    // Answered 1.5 s after arrival, with the client's timeout at 1 s: the service commits after the client gave up.
    emulator.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 1_500 });
    emulator.injectFault({ method: "POST", path: "/oauth-clients", delayMs: 1_500 });
    await ok(
      driver.up(() => {
        new ManagedCluster("slow-post", { name: "slow-post" });
        new OAuthClient("slow-post", { name: "slow-post", description: "slow", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" });
        return {};
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 700)); // a POST still in the service's hands has landed by now
    const [cluster, client] = [...driver.state.values()].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(emulator.listClusters().map((o) => o.id)).to.deep.equal([cluster.id]);
    expect(emulator.listOAuthClients().map((o) => o.id)).to.deep.equal([client.id]);
    expect(emulator.store.oauthSecretMatches(client.id, String(client.outputs.secret))).to.equal(true);
    // Each timed-out POST was found (cluster) or removed (OAuth client, its secret lost) before anything was repeated.
    expect(emulator.requestsTo("POST", "/managed-clusters").map((r) => r.status)).to.deep.equal([200]);
    expect(emulator.requestsTo("POST", "/oauth-clients").map((r) => r.status)).to.deep.equal([200, 200]);
    expect(emulator.requestsTo("DELETE", "/oauth-clients/")).to.have.length(1);
  });
});

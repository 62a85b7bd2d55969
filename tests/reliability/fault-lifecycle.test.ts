import { expect } from "chai";
import type { ChaosOptions } from "../../emulator";
import { LifecycleDriver, type OperationResult, type StateEntry } from "../harness/lifecycle";
import { resourceClass } from "../harness/provider-text";
import {
  apiRequests, countKinds, duplicates, issuedTokens, leaks, replayChaos, startEnv, stateTexts, stopEnv, tokenRequests, untilConverged,
  type Bag, type Convergence, type Env,
} from "./helpers";

/**
 * 56 resources (21 clusters, each with a log config, and 14 OAuth clients) in 7 stacks that share one provider host
 * (one HTTP client, token cache and limiter) and one tenant. The harness refreshes and destroys one resource at a time,
 * unlike the engine; separate stacks let those phases run in parallel, as `pulumi refresh` does, and keep this suite
 * inside its time budget.
 */
const STACKS = 7;
const CLUSTERS_PER_STACK = 3;
const OAUTH_PER_STACK = 2;
const CLUSTERS = STACKS * CLUSTERS_PER_STACK;
const OAUTH_CLIENTS = STACKS * OAUTH_PER_STACK;
const MAX_RUNS = 6;

/**
 * Per API request: 30% 429 (Retry-After 0.1 s), 10% 500/502/503, 5% connection resets (half of them after the change
 * was committed), 2% slow (answered 1.5 s after arrival, past the client's 1 s timeout, the handler running late) and
 * 2% a 200 with a truncated JSON body. The token endpoint is spared.
 */
const CHAOS: ChaosOptions = {
  seed: 20260311,
  rateLimited: 0.3,
  retryAfterSeconds: 0.1,
  serverError: 0.1,
  resetBefore: 0.025,
  resetAfter: 0.025,
  slow: 0.02,
  slowMs: 1_500,
  malformedJson: 0.02,
};

type Ctor = new (name: string, args: Bag, opts?: Bag) => { id: unknown };

/** Per stack: 3 clusters, each with a log config, and 2 OAuth clients; `version` 2 changes every one of them. */
function program(stack: number, version: 1 | 2) {
  const ManagedCluster = resourceClass("ManagedCluster") as Ctor;
  const ClusterLogConfig = resourceClass("ClusterLogConfig") as Ctor;
  const OAuthClient = resourceClass("OAuthClient") as Ctor;
  return () => {
    for (let i = 0; i < CLUSTERS_PER_STACK; i++) {
      const n = stack * CLUSTERS_PER_STACK + i;
      const configuration: Record<string, string> = version === 1 ? { gmtOffset: "-5", drop: "me", keep: `k${n}` } : { gmtOffset: "+1", keep: `k${n}`, added: "yes" };
      const cluster = new ManagedCluster(`cluster-${n}`, { name: `rel-cluster-${n}`, description: `cluster ${n} v${version}`, configuration });
      new ClusterLogConfig(`log-${n}`, {
        clusterId: cluster.id,
        rootLevel: version === 1 ? "INFO" : "DEBUG",
        logLevels: version === 1 ? { "sailpoint.connector.JDBCConnector": "DEBUG" } : { "sailpoint.connector.LDAPConnector": "WARN" },
        durationMinutes: version === 1 ? 60 : 120,
      });
    }
    for (let j = 0; j < OAUTH_PER_STACK; j++) {
      const n = stack * OAUTH_PER_STACK + j;
      new OAuthClient(`oauth-${n}`, {
        name: `rel-oauth-${n}`,
        description: `client ${n} v${version}`,
        accessTokenValiditySeconds: version === 1 ? 750 : 900,
        grantTypes: ["CLIENT_CREDENTIALS"],
        accessType: "OFFLINE",
      });
    }
    return {};
  };
}

/**
 * What a failure under these faults may look like: the ISC request that failed, and its status (with the body's
 * problem for a 200) or its network error. A resource's error is one of these after the driver's prefix.
 */
const CLEAR_ERROR =
  /ISC (GET|POST|PUT|PATCH|DELETE) \/v2025\/[\w/-]+ failed(: (ETIMEDOUT|ECONNRESET|EPIPE|ECONNREFUSED)$| with (429|500|502|503)\b| with 200 and a response body that is not valid JSON)/;

describe("reliability: a 56-resource lifecycle under seeded chaos", function () {
  this.timeout(170_000);
  let env: Env;
  let drivers: LifecycleDriver[] = [];
  const runs: Record<string, number[]> = {};
  const durations: Record<string, number[][]> = {};
  const seconds: Record<string, number> = {};
  const allErrors: string[] = [];
  /** Taken just before destroy, for the leak scan. */
  let finalState: StateEntry[] = [];
  let finalStateTexts: Array<{ label: string; text: string }> = [];

  before(async () => {
    // The provider's own limiter is opened up: here the 429s come from chaos, not from a real limit.
    env = await startEnv({ emulator: { rateLimit: false }, config: { "sailpoint:rateLimit": "10000/1000" } });
    drivers = Array.from({ length: STACKS }, (_, k) => new LifecycleDriver(env.host, { stack: `s${k}`, timeoutMs: 150_000 }));
    env.emulator.chaos(CHAOS);
  });
  after(async () => {
    // RELIABILITY_REPORT=1 prints what happened: runs per stack and phase, faults by kind, sample errors.
    if (process.env.RELIABILITY_REPORT) console.log(JSON.stringify(report(), null, 2));
    await stopEnv(env);
  });

  function report() {
    const replayed = replayChaos(env.emulator.requests, CHAOS);
    return {
      runsPerStack: runs,
      seconds,
      msPerRun: durations,
      apiRequests: replayed.length,
      faults: countKinds(replayed),
      tokenRequests: tokenRequests(env.emulator).length,
      errors: allErrors,
    };
  }

  function record(label: string, startedAt: number, outcomes: Convergence[]): Convergence[] {
    runs[label] = outcomes.map((o) => o.runs);
    durations[label] = outcomes.map((o) => o.durations);
    seconds[label] = Math.round((Date.now() - startedAt) / 100) / 10;
    for (const o of outcomes) allErrors.push(...o.failures.flat());
    return outcomes;
  }

  /** `up` of every stack in turn (programs run one at a time), each repeated until it converges. */
  async function upAll(label: string, version: 1 | 2): Promise<Convergence[]> {
    const startedAt = Date.now();
    const outcomes: Convergence[] = [];
    for (const [k, driver] of drivers.entries()) outcomes.push(await untilConverged(() => driver.up(program(k, version)), MAX_RUNS));
    return record(label, startedAt, outcomes);
  }

  /** Refresh or destroy of every stack in parallel, each repeated until it converges. */
  async function inParallel(label: string, operation: (driver: LifecycleDriver) => Promise<OperationResult>): Promise<Convergence[]> {
    const startedAt = Date.now();
    return record(label, startedAt, await Promise.all(drivers.map((driver) => untilConverged(() => operation(driver), MAX_RUNS))));
  }

  function allState(): StateEntry[] {
    return drivers.flatMap((d) => [...d.state.values()]);
  }

  /** The emulator holds exactly what the state says, one object per declared name, log configs as declared. */
  function expectExactlyDeclared(version: 1 | 2) {
    const { emulator } = env;
    const state = allState();
    const clusters = emulator.listClusters();
    const oauth = emulator.listOAuthClients();
    expect(duplicates(clusters.map((c) => c.name)), "duplicate clusters").to.deep.equal([]);
    expect(duplicates(oauth.map((c) => c.name)), "duplicate OAuth clients").to.deep.equal([]);
    const stateIds = (kind: string) => state.filter((e) => e.kind === kind).map((e) => e.id).sort();
    expect(clusters.map((c) => c.id).sort(), "clusters = state").to.deep.equal(stateIds("ManagedCluster"));
    expect(oauth.map((c) => c.id).sort(), "OAuth clients = state").to.deep.equal(stateIds("OAuthClient"));
    expect(stateIds("ClusterLogConfig"), "one log config per cluster").to.deep.equal(stateIds("ManagedCluster"));
    expect(clusters).to.have.length(CLUSTERS);
    expect(oauth).to.have.length(OAUTH_CLIENTS);
    for (const c of clusters) {
      expect(c.description, c.name).to.equal(`cluster ${c.name.split("-").pop()} v${version}`);
      expect(c.configuration.gmtOffset, c.name).to.equal(version === 1 ? "-5" : "+1");
      expect(c.configuration, c.name).to.have.property(version === 1 ? "drop" : "added");
      if (version === 2) expect(c.configuration, c.name).not.to.have.property("drop");
      const log = emulator.store.getLogConfig(c.id);
      expect(log?.rootLevel, `log config of ${c.name}`).to.equal(version === 1 ? "INFO" : "DEBUG");
      expect(log?.durationMinutes).to.equal(version === 1 ? 60 : 120);
    }
    for (const o of oauth) {
      expect(o.description, o.name).to.equal(`client ${o.name.split("-").pop()} v${version}`);
      expect(o.accessTokenValiditySeconds).to.equal(version === 1 ? 750 : 900);
    }
    for (const entry of state.filter((e) => e.kind === "OAuthClient")) {
      const secret = entry.outputs.secret;
      expect(secret, `secret of ${entry.name}`).to.be.a("string").with.length.greaterThan(0);
      expect(entry.outputs.secretKnown).to.equal(true);
      expect(emulator.store.oauthSecretMatches(entry.id, secret as string), `the state's secret of ${entry.name} is the one issued`).to.equal(true);
    }
    expect(emulator.schemaViolations().map((r) => `${r.method} ${r.path}`), "emulator answered off-spec").to.deep.equal([]);
  }

  it("up converges to exactly the 56 declared objects", async () => {
    const outcomes = await upAll("up", 1);
    expect(allState()).to.have.length(CLUSTERS * 2 + OAUTH_CLIENTS);
    for (const o of outcomes) expect(o.result.steps.map((s) => s.op)).to.satisfy((ops: string[]) => ops.every((op) => ["create", "same", "update"].includes(op)));
    expectExactlyDeclared(1);
  });

  it("refresh converges and finds no drift; the next up has nothing to do", async () => {
    // Neither `__provider` nor the `__owner` the resource classes send (for the create journal) is read back.
    const inputs = (entries: StateEntry[]) => Object.fromEntries(entries.map((e) => [`${e.kind} ${e.name}`, { ...e.inputs, __provider: undefined, __owner: undefined }]));
    const declared = inputs(allState());
    const outcomes = await inParallel("refresh", (d) => d.refresh());
    // Only the clusters' view of their log configuration, set after the cluster was created, is new to the state.
    const steps = outcomes.flatMap((o) => o.result.steps);
    expect(steps.filter((s) => s.op !== "read" && !(s.op === "refresh-changed" && s.changes?.join() === "logConfiguration")).map((s) => `${s.op} ${s.name} ${s.changes}`)).to.deep.equal([]);
    expect(inputs(allState()), "the inputs read back are the declared ones").to.deep.equal(declared);
    expectExactlyDeclared(1);
    for (const o of await upAll("up-same", 1)) expect(o.result.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`)).to.deep.equal([]);
  });

  it("an update of every resource converges, keeping every secret", async () => {
    const before = new Map(allState().filter((e) => e.kind === "OAuthClient").map((e) => [e.id, e.outputs.secret]));
    await upAll("update", 2);
    expectExactlyDeclared(2);
    const after = new Map(allState().filter((e) => e.kind === "OAuthClient").map((e) => [e.id, e.outputs.secret]));
    expect(after, "the same clients, with the same secrets").to.deep.equal(before);
    for (const o of await upAll("update-same", 2)) expect(o.result.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.name}`)).to.deep.equal([]);
  });

  it("every failure on the way was a clear error", () => {
    expect(allErrors.length, "the faults did make runs fail").to.be.greaterThan(0);
    const unclear = allErrors.filter((e) => !CLEAR_ERROR.test(e));
    expect(unclear, "errors that do not name the failed request").to.deep.equal([]);
    expect(allErrors.every((e) => /^pulumi-nodejs:dynamic\/sailpoint:\w+ resource '[\w-]+': /.test(e)), "each names its resource").to.equal(true);
  });

  it("destroy converges and leaves nothing on the emulator", async () => {
    finalState = allState();
    finalStateTexts = drivers.flatMap((d) => stateTexts(d.state));
    await inParallel("destroy", (d) => d.destroy());
    expect(allState()).to.deep.equal([]);
    expect(env.emulator.listClusters()).to.deep.equal([]);
    expect(env.emulator.listOAuthClients()).to.deep.equal([]);
  });

  it("no secret leaked into __provider, unregistered outputs, any error or the host's output, destroy included", () => {
    const { emulator, host } = env;
    const sensitive = [
      { label: "the API client secret", value: emulator.credentials.clientSecret },
      ...[...issuedTokens(emulator.requests)].map((value, i) => ({ label: `bearer token #${i + 1}`, value })),
      ...finalState.filter((e) => e.kind === "OAuthClient").map((e) => ({ label: `secret of ${e.name}`, value: String(e.outputs.secret) })),
    ];
    expect(sensitive.filter((s) => s.label.startsWith("bearer")).length, "tokens were collected").to.be.greaterThan(0);
    expect(sensitive.filter((s) => s.label.startsWith("secret of"))).to.have.length(OAUTH_CLIENTS);
    const texts = [
      ...finalStateTexts,
      ...allErrors.map((text, i) => ({ label: `error #${i + 1}`, text })),
      { label: "host stderr", text: host.stderr() },
      { label: "host stdout", text: host.stdout().split("\n").slice(1).join("\n") },
    ];
    expect(texts.some((t) => t.label.endsWith("inputs.__provider")), "__provider was scanned").to.equal(true);
    expect(texts.some((t) => t.label.endsWith("outputs.secret")), "only the registered secret output is left out").to.equal(false);
    expect(leaks([{ label: "probe", text: `x${sensitive.at(-1)!.value}y` }], sensitive), "the scan finds what it looks for").to.have.length(1);
    expect(leaks(texts, sensitive)).to.deep.equal([]);
  });

  it("the chaos really happened, by kind", () => {
    const replayed = replayChaos(env.emulator.requests, CHAOS);
    // The replay must agree with what the emulator recorded, or its counts mean nothing.
    for (const { request, kind } of replayed) {
      if (kind === "rateLimited") expect([request.outcome, request.status]).to.deep.equal(["fault", 429]);
      if (kind === "serverError") expect([request.outcome, [500, 502, 503].includes(request.status)]).to.deep.equal(["fault", true]);
      if (kind === "malformedJson") expect([request.outcome, request.status]).to.deep.equal(["fault", 200]);
      if (kind === "resetBefore" || kind === "resetAfter") expect(request.outcome).to.equal(kind === "resetBefore" ? "reset-before" : "reset-after");
      if (kind === "none" || kind === "slow") expect(request.outcome).to.equal("ok");
    }
    const counts = countKinds(replayed);
    for (const kind of ["rateLimited", "serverError", "resetBefore", "resetAfter", "slow", "malformedJson"] as const) {
      expect(counts[kind], kind).to.be.greaterThan(0);
    }
    expect(counts.rateLimited / replayed.length).to.be.within(0.2, 0.4);
    expect(apiRequests(env.emulator).length).to.equal(replayed.length);
  });
});

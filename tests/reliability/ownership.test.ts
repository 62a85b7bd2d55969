/**
 * Recovery never takes what is not its own, through real provider processes sharing one journal directory, as the
 * stacks of one CI runner or laptop do (every stack here declares the very same objects on one tenant and API client):
 * - a create whose answer the engine never got (its provider process lives on) is taken back by the next run of the
 *   same stack, never by another stack; a create still in flight in a live process is waited for, never taken for dead;
 * - an entry stands only for the stack and resource that made it, and only for objects made before its latest
 *   possible commit;
 * - a journal directory that cannot be written is said once;
 * - two resources adopting one object at once: exactly one gets it.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { IscEmulator } from "../../emulator";
import { HostError, ProviderHost, sailpointConfig } from "../harness/host";
import { captureRegistrations, resourceClass } from "../harness/provider-text";
import type { Bag, Kind } from "../harness/wire";
import { rejection } from "../support/rejection";

const CLUSTER = { name: "twin", description: "declared alike by every stack" };
const CLIENT = { name: "twin-ci", description: "declared alike by every stack", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" };

interface Declared {
  urn: string;
  inputs: Bag;
}

interface Created {
  id: string;
  properties: Bag;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

/** What our resource class registers for `name` in `stack` (its hidden `__owner` included). */
async function declared(kind: Kind, name: string, args: Bag, stack: string): Promise<Declared> {
  const Class = resourceClass(kind);
  const [reg] = await captureRegistrations(() => void new Class(name, args), { stack });
  return { urn: reg.urn, inputs: reg.inputs };
}

/** Check and Create, as the engine sends them. */
async function create(host: ProviderHost, resource: Declared): Promise<Created> {
  const checked = await host.check(resource.urn, {}, resource.inputs);
  expect(checked.failures).to.deep.equal([]);
  return host.create(resource.urn, checked.inputs);
}

describe("reliability: recovery never takes what is not its own (two provider processes, one journal)", function () {
  this.timeout(120_000);
  let emulator: IscEmulator;
  let journal: string;

  before(async () => {
    emulator = await IscEmulator.start({ rateLimit: false });
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator.stop();
  });
  beforeEach(() => {
    emulator.reset();
    journal = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-journal-"));
  });
  afterEach(async () => {
    await ProviderHost.stopAll();
    fs.rmSync(journal, { recursive: true, force: true });
  });

  /** A provider process of its own (one deployment) writing the journal in `dir`. */
  async function provider(dir = journal, timeoutSeconds = 30): Promise<ProviderHost> {
    const host = await ProviderHost.start({ env: { SAIL_PENDING_CREATES_DIR: dir } });
    await host.configure(sailpointConfig(emulator, { "sailpoint:requestTimeoutSeconds": String(timeoutSeconds) }));
    return host;
  }

  /** One stack's cluster and OAuth client, declared alike in every stack. */
  const twins = async (stack: string) => [await declared("ManagedCluster", "cluster", CLUSTER, stack), await declared("OAuthClient", "client", CLIENT, stack)];

  const posts = () => emulator.requests.filter((r) => r.method === "POST" && r.path !== "/oauth/token");
  const answered = (kind: string) => posts().filter((r) => r.path.endsWith(kind) && r.status === 200);
  const clusters = () => emulator.listClusters().filter((c) => c.name === CLUSTER.name).map((c) => c.id).sort();
  const clients = () => emulator.listOAuthClients().filter((c) => c.name === CLIENT.name).map((c) => c.id).sort();
  const secretKnown = (client: Created) => emulator.store.oauthSecretMatches(client.id, String(client.properties.secret));

  it("the resource classes name their resource: the hidden __owner input is the URN, and check keeps it", async () => {
    const [cluster] = await twins("a");
    expect(cluster.inputs.__owner).to.equal(cluster.urn);
    const host = await provider();
    expect((await host.check(cluster.urn, {}, cluster.inputs)).inputs.__owner).to.equal(cluster.urn);
  });

  it("stack B creates while stack A's identical create is answered but not yet received: each stack gets its own objects, A's are neither adopted nor deleted", async () => {
    const [a, b] = [await provider(), await provider()];
    const [aCluster, aClient] = await twins("a");
    const [bCluster, bClient] = await twins("b");
    emulator.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 500 });
    emulator.injectFault({ method: "POST", path: "/oauth-clients", delayMs: 500 });
    const first = Promise.all([create(a, aCluster), create(a, aClient)]);
    await until("A's creates to reach the service", () => emulator.pendingFaults().length === 0);
    // A is alive but does not read its answers yet (a slow process, a slow network): nothing has failed anywhere.
    process.kill(a.pid!, "SIGSTOP");
    let second: Created[];
    try {
      await until("the service to commit and answer A's creates", () => answered("/managed-clusters").length === 1 && answered("/oauth-clients").length === 1);
      second = await Promise.all([create(b, bCluster), create(b, bClient)]);
    } finally {
      process.kill(a.pid!, "SIGCONT");
    }
    const [madeByA, madeByB] = [await first, second];
    expect(madeByB[0].id, "B's cluster is its own").not.to.equal(madeByA[0].id);
    expect(clusters()).to.deep.equal([madeByA[0].id, madeByB[0].id].sort());
    expect(clients(), "A's client still exists, and B made its own").to.deep.equal([madeByA[1].id, madeByB[1].id].sort());
    expect(emulator.requests.filter((r) => r.method === "DELETE")).to.deep.equal([]);
    expect(secretKnown(madeByA[1]) && secretKnown(madeByB[1]), "both stacks know their client's secret").to.equal(true);
  });

  it("a stack killed before its creates were sent, run again after another stack made the identical objects: the rerun takes none of them", async () => {
    const killed = await provider(journal, 1);
    const ours = await twins("b");
    // The requests reach the service, which never runs them (the process is killed meanwhile).
    emulator.injectFault({ method: "POST", path: "/managed-clusters", reset: "before", delayMs: 3_000 });
    emulator.injectFault({ method: "POST", path: "/oauth-clients", reset: "before", delayMs: 3_000 });
    const doomed = Promise.allSettled(ours.map((r) => create(killed, r)));
    await until("both creates to be in flight", () => emulator.pendingFaults().length === 0);
    process.kill(killed.pid!, "SIGKILL");
    await doomed;
    expect(fs.readdirSync(journal), "the killed attempts' entries").to.have.length(2);
    // Past their latest possible commit (a heartbeat, two 1 s timeouts, the clock slack) another stack, on another
    // machine, makes the identical objects.
    await pause(11_000);
    const theirs = await Promise.all((await twins("a")).map(async (r) => create(await provider(path.join(journal, "another-machine")), r)));
    emulator.clearRequests();

    const rerun = await provider(journal, 1);
    const mine = await Promise.all(ours.map((r) => create(rerun, r)));
    expect(mine[0].id, "the other stack's cluster is not adopted").not.to.equal(theirs[0].id);
    expect(clusters()).to.deep.equal([theirs[0].id, mine[0].id].sort());
    expect(clients(), "the other stack's client is not deleted").to.deep.equal([theirs[1].id, mine[1].id].sort());
    expect(emulator.requests.filter((r) => r.method === "DELETE")).to.deep.equal([]);
    expect(posts().map((r) => r.path).sort()).to.deep.equal(["/v2025/managed-clusters", "/v2025/oauth-clients"]);
    expect(secretKnown(theirs[1]) && secretKnown(mine[1])).to.equal(true);
  });

  it("creates answered after the engine stopped listening (the provider process lives on): the same stack's next run takes the cluster back and replaces the client whose secret was lost; another stack gets its own; a later read of each clears the journal", async () => {
    const [cluster, client] = await twins("s");
    // The first run's answers: the provider process got them, the engine (a killed CLI) never did.
    const lost = await Promise.all([create(await provider(), cluster), create(await provider(), client)]);
    const other = await Promise.all((await twins("t")).map(async (r) => create(await provider(), r)));
    expect(other.map((o) => o.id)).to.not.include.members(lost.map((o) => o.id));
    emulator.clearRequests();

    const next = await provider();
    const [clusterAgain, clientAgain] = await Promise.all([create(next, cluster), create(next, client)]);
    expect(clusterAgain.id, "the cluster is taken back").to.equal(lost[0].id);
    expect(clientAgain.id, "the client whose secret was lost is replaced").not.to.equal(lost[1].id);
    expect(secretKnown(clientAgain)).to.equal(true);
    expect(clusters()).to.deep.equal([lost[0].id, other[0].id].sort());
    expect(clients()).to.deep.equal([clientAgain.id, other[1].id].sort());
    expect(emulator.requests.filter((r) => r.method === "DELETE").map((r) => r.path)).to.deep.equal([`/v2025/oauth-clients/${lost[1].id}`]);
    expect(posts().map((r) => r.path)).to.deep.equal(["/v2025/oauth-clients"]);
    const entries = () => fs.readdirSync(journal).filter((f) => f.endsWith(".json"));
    expect(entries(), "until the engine reads them, all four stay in the journal").to.have.length(4);

    // A later deployment reads what the state holds: the engine has the objects, the journal lets them go.
    const later = await provider();
    for (const [resource, made] of [[cluster, clusterAgain], [client, clientAgain]] as const) await later.read(resource.urn, made.id, made.properties, resource.inputs);
    const [t1, t2] = await twins("t");
    for (const [resource, made] of [[t1, other[0]], [t2, other[1]]] as const) await later.diff(resource.urn, made.id, made.properties, resource.inputs);
    expect(fs.readdirSync(journal)).to.deep.equal([]);
  });

  it("an earlier create of the same resource still in flight in a live process is waited for, then taken back: one cluster", async () => {
    const [cluster] = await twins("s");
    emulator.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 2_000 });
    const first = create(await provider(), cluster);
    await until("the first create to reach the service", () => emulator.pendingFaults().length === 0);
    const second = await create(await provider(), cluster);
    expect(second.id).to.equal((await first).id);
    expect(clusters()).to.deep.equal([second.id]);
    expect(posts()).to.have.length(1);
  });

  it("a live process whose create never finishes is never taken for dead: the next create of that resource stops after a bounded wait, naming it, and sends nothing", async () => {
    const [cluster] = await twins("s");
    const stuck = await provider(journal, 1);
    emulator.injectFault({ method: "POST", path: "/managed-clusters", delayMs: 1_000 });
    const first = create(stuck, cluster);
    await until("the first create to reach the service", () => emulator.pendingFaults().length === 0);
    process.kill(stuck.pid!, "SIGSTOP");
    const startedAt = Date.now();
    try {
      const error = await rejection(create(await provider(), cluster), HostError);
      expect(error.details).to.match(new RegExp(`^ManagedCluster "twin": another process on this machine \\(pid ${stuck.pid}\\) has been creating this resource since .+ and has not finished; run again once it has, or once it is stopped\\.$`));
    } finally {
      process.kill(stuck.pid!, "SIGCONT");
    }
    // Three times its heartbeat and two 1 s timeouts.
    expect(Date.now() - startedAt).to.be.within(11_000, 20_000);
    await first.catch(() => undefined);
    expect(posts(), "only the first create's request").to.have.length(1);
  });

  it("a journal directory that cannot be written: every create still works, and the provider says so once", async () => {
    const file = path.join(journal, "a-file");
    fs.writeFileSync(file, "");
    const host = await provider(path.join(file, "journal"));
    const [cluster, client] = await twins("s");
    const other = await declared("ManagedCluster", "other", { name: "other" }, "s");
    await Promise.all([create(host, cluster), create(host, client), create(host, other)]);
    expect(clusters()).to.have.length(1);
    const said = host.stderr().split("\n").filter((line) => line.includes("create journal"));
    expect(said).to.deep.equal([
      `pulumi-sailpoint-isc: warning: the create journal directory ${path.join(file, "journal")} cannot be written (ENOTDIR). ` +
        "A create interrupted by a killed run will not be recognised by the next run, which may then make a second object. " +
        "Make it writable, or set SAIL_PENDING_CREATES_DIR to a writable directory.",
    ]);
  });

  it("two resources adopting the same object at once (importId): exactly one adopts it, the other is refused", async () => {
    const existing = emulator.seedCluster({ name: "adopted-twice" });
    // The object's read is slow enough for both adoptions to be under way at once.
    emulator.injectFault({ method: "GET", path: "/managed-clusters/{id}", delayMs: 300, times: 2 });
    const host = await provider();
    const both = await Promise.allSettled(
      ["first", "second"].map(async (name) => create(host, await declared("ManagedCluster", name, { name: "adopted-twice", importId: existing.id }, "s"))),
    );
    const adopted = both.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<Created>).value.id);
    const refused = both.filter((r) => r.status === "rejected").map((r) => ((r as PromiseRejectedResult).reason as HostError).details);
    expect(adopted).to.deep.equal([existing.id]);
    expect(refused).to.deep.equal([`importId: managed cluster "${existing.id}" is already managed by another resource of this deployment`]);
  });
});

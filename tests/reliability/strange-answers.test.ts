/**
 * A strange 2xx is never data loss, and one stray 404 never drops a live object (through the real provider host):
 * creates whose answer is empty, `null`, not an object or without an id (or an OAuth client's secret) after the
 * service committed them; reads whose 200 has no usable object; ISC's eventual consistency; undated and same-named
 * lookalikes; and two creates of identical objects in flight at once.
 */
import { expect } from "chai";
import type { FaultSpec } from "../../emulator";
import { HostError, urnFor } from "../harness/host";
import { rejection } from "../support/rejection";
import { apiRequests, startEnv, stopEnv, type Bag, type Env } from "./helpers";

const CLIENT = { description: "strange", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" };

describe("reliability: strange answers and eventual consistency", function () {
  this.timeout(60_000);
  let env: Env;
  let n = 0;

  before(async () => {
    env = await startEnv({ emulator: { rateLimit: false } });
  });
  after(async () => stopEnv(env));
  beforeEach(() => {
    env.emulator.clearFaults();
    env.emulator.clearRequests();
  });

  const lines = () => apiRequests(env.emulator).map((r) => `${r.method} ${r.path.replace(/\/[0-9a-f]{32}$/, "/{id}")}`);

  /** Check + Create of `kind` through the host. */
  async function create(kind: "ManagedCluster" | "OAuthClient", inputs: Bag) {
    const urn = urnFor(kind, `s${++n}`);
    const checked = await env.host.check(urn, {}, inputs);
    expect(checked.failures).to.deep.equal([]);
    return { urn, inputs: checked.inputs, ...(await env.host.create(urn, checked.inputs)) };
  }

  const committedWith = (path: string, answer: Partial<FaultSpec>): FaultSpec => ({ method: "POST", path, afterCommit: true, status: 200, ...answer });

  describe("a create whose 2xx answer is unusable, after the service made the object", () => {
    const answers: Array<[string, Partial<FaultSpec>]> = [
      ["an empty body", { rawBody: "" }],
      ["null", { rawBody: "null" }],
      ["a string", { rawBody: '"created"' }],
      ["an object without an id", { body: { name: "x" } }],
    ];
    for (const [label, answer] of answers) {
      it(`cluster, ${label}: the made cluster is found and recorded, nothing is duplicated`, async () => {
        const name = `strange-${++n}`;
        env.emulator.injectFault(committedWith("/managed-clusters", answer));
        const { id } = await create("ManagedCluster", { name });
        expect(lines()).to.deep.equal(["POST /v2025/managed-clusters", "GET /v2025/managed-clusters"]);
        expect(env.emulator.listClusters().filter((c) => c.name === name).map((c) => c.id)).to.deep.equal([id]);
      });
    }

    it("OAuth client without its secret: that client is removed (its secret is lost) and the client created again", async () => {
      const name = `secretless-${++n}`;
      env.emulator.injectFault(committedWith("/oauth-clients", { status: undefined, omitFields: ["secret"] }));
      const { id, properties } = await create("OAuthClient", { name, ...CLIENT });
      const lost = (apiRequests(env.emulator)[0].responseBody as Bag).id;
      expect(lines()).to.deep.equal(["POST /v2025/oauth-clients", "GET /v2025/oauth-clients", "DELETE /v2025/oauth-clients/{id}", "POST /v2025/oauth-clients"]);
      expect(apiRequests(env.emulator)[2].path).to.include(String(lost));
      expect(env.emulator.listOAuthClients().filter((c) => c.name === name).map((c) => c.id)).to.deep.equal([id]);
      expect(env.emulator.store.oauthSecretMatches(id, String(properties.secret))).to.equal(true);
    });

    it("OAuth client, an empty body: the unusable client is found among the unused ones, removed, and made again", async () => {
      const name = `empty-${++n}`;
      env.emulator.injectFault(committedWith("/oauth-clients", { rawBody: "" }));
      const { id, properties } = await create("OAuthClient", { name, ...CLIENT });
      expect(env.emulator.listOAuthClients().filter((c) => c.name === name).map((c) => c.id)).to.deep.equal([id]);
      expect(env.emulator.store.oauthSecretMatches(id, String(properties.secret))).to.equal(true);
    });
  });

  describe("a read", () => {
    it("a 200 without a usable object is an error naming the request, never 'gone'", async () => {
      const c = await create("ManagedCluster", { name: `read-${++n}` });
      for (const rawBody of ["", "null", "[]", '{"name":"no id"}']) {
        // The list snapshot does not have it, so the read GETs it.
        env.emulator.injectFault({ method: "GET", path: "/managed-clusters", status: 200, rawBody: "[]" });
        env.emulator.injectFault({ method: "GET", path: "/managed-clusters/{id}", status: 200, rawBody });
        const fresh = await env.host.sibling();
        const error = await rejection(fresh.read(c.urn, c.id, c.properties, c.inputs), HostError);
        expect(error.details).to.match(new RegExp(`^ISC GET /v2025/managed-clusters/${c.id} failed with 200 \\(ERR_UNUSABLE_RESPONSE\\)`));
        await fresh.stop();
      }
    });

    it("a 200 that describes another object is an error, never that object", async () => {
      const a = await create("ManagedCluster", { name: `a-${++n}` });
      const b = await create("ManagedCluster", { name: `b-${++n}` });
      const other = env.emulator.store.getCluster(b.id);
      env.emulator.injectFault({ method: "GET", path: "/managed-clusters", status: 200, rawBody: "[]" });
      env.emulator.injectFault({ method: "GET", path: "/managed-clusters/{id}", status: 200, body: other });
      const fresh = await env.host.sibling();
      const error = await rejection(fresh.read(a.urn, a.id, a.properties, a.inputs), HostError);
      expect(error.details).to.include(`describes object "${b.id}", not the "${a.id}" asked for`);
      await fresh.stop();
    });

    it("one stray 404 (eventual consistency) does not drop a live cluster or OAuth client from the state", async () => {
      const c = await create("ManagedCluster", { name: `stray-${++n}` });
      const o = await create("OAuthClient", { name: `stray-${n}`, ...CLIENT });
      env.emulator.clearRequests();
      const fresh = await env.host.sibling();
      for (const [kind, resource] of [["managed-clusters", c], ["oauth-clients", o]] as const) {
        env.emulator.injectFault({ method: "GET", path: `/${kind}`, status: 200, rawBody: "[]" });
        env.emulator.injectFault({ method: "GET", path: `/${kind}/{id}`, status: 404, times: 1 });
        const read = await fresh.read(resource.urn, resource.id, resource.properties, resource.inputs);
        expect(read.id, `${kind} still there`).to.equal(resource.id);
      }
      await fresh.stop();
      expect(lines().filter((l) => !l.endsWith("clusters") && !l.endsWith("clients"))).to.deep.equal([
        "GET /v2025/managed-clusters/{id}",
        "GET /v2025/managed-clusters/{id}",
        "GET /v2025/oauth-clients/{id}",
        "GET /v2025/oauth-clients/{id}",
      ]);
    });
  });

  describe("after a create that failed without an answer", () => {
    it("a same-named lookalike without a creation time stops the create with an error naming it, instead of a duplicate", async () => {
      const name = `undated-${++n}`;
      const undated = env.emulator.seedCluster({ name, createdAt: null as unknown as string }).id;
      env.emulator.injectFault({ method: "POST", path: "/managed-clusters", reset: "before" });
      const urn = urnFor("ManagedCluster", `u${n}`);
      const checked = await env.host.check(urn, {}, { name });
      const error = await rejection(env.host.create(urn, checked.inputs), HostError);
      expect(error.details).to.include(undated).and.include("without a creation time").and.include("importId");
      expect(env.emulator.listClusters().filter((c) => c.name === name)).to.have.length(1);
    });

    it("two resources of one program declaring the same name never end up sharing one object", async () => {
      const name = `twin-${++n}`;
      env.emulator.injectFault({ method: "POST", path: "/managed-clusters", reset: "after", times: 1 });
      const [first, second] = await Promise.all([create("ManagedCluster", { name }), create("ManagedCluster", { name })]);
      expect(first.id).not.to.equal(second.id);
      expect(env.emulator.listClusters().filter((c) => c.name === name).map((c) => c.id).sort()).to.deep.equal([first.id, second.id].sort());
    });

    it("an identical OAuth client whose create is still in flight is never taken for the orphan of another's reset POST", async () => {
      const name = `inflight-${++n}`;
      // The first POST is slow to answer; the second one's connection resets after the commit.
      env.emulator.injectFault({ method: "POST", path: "/oauth-clients", delayMs: 700 });
      env.emulator.injectFault({ method: "POST", path: "/oauth-clients", reset: "after" });
      const [slow, reset] = await Promise.all([create("OAuthClient", { name, ...CLIENT }), create("OAuthClient", { name, ...CLIENT })]);
      const survivors = env.emulator.listOAuthClients().filter((c) => c.name === name).map((c) => c.id);
      expect(survivors.sort()).to.deep.equal([slow.id, reset.id].sort());
      for (const c of [slow, reset]) expect(env.emulator.store.oauthSecretMatches(c.id, String(c.properties.secret))).to.equal(true);
    });
  });
});

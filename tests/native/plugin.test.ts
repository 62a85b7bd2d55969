/**
 * The native plugin at the protocol level, as the engine drives it: what it prints, its info and schema, settings from
 * Configure (one message naming the key, before any request), Diff's detailed diff (pure), secrets in and out, Read of
 * an import, partial failures, and the lookups.
 */
import { expect } from "chai";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { GetSchemaRequest } from "@pulumi/pulumi/proto/provider_pb";
import { IscEmulator } from "../../emulator";
import { PluginError, PluginHost, UNKNOWN, isWrappedSecret, urn, wrapSecret, type Bag } from "./plugin-host";

const pkg = require("../../package.json") as { version: string };
const writes = (emulator: IscEmulator) => emulator.requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token");
const calls = (emulator: IscEmulator) => emulator.requests.filter((r) => r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`);

describe("native plugin: the protocol", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let plugin: PluginHost;
  const settings = () => ({ baseUrl: emulator.url, clientId: emulator.credentials.clientId, clientSecret: wrapSecret(emulator.credentials.clientSecret) });

  before(async () => {
    emulator = await IscEmulator.start();
    plugin = await PluginHost.start();
    const reply = await plugin.configure(settings());
    expect(reply.getAcceptsecrets(), "acceptSecrets").to.equal(true);
  });
  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
  });
  beforeEach(() => emulator.clearRequests());

  it("prints its port and nothing else; reports the package version and the generated schema", async () => {
    expect(plugin.stdout).to.match(/^\d+\n$/);
    const info = await plugin.call<{ getVersion(): string }>("getPluginInfo", new Empty());
    expect(info.getVersion()).to.equal(pkg.version);
    const schema = await plugin.call<{ getSchema(): string }>("getSchema", new GetSchemaRequest());
    const { packageSchema } = require("../../native/schema/index") as typeof import("../../native/schema/index");
    expect(JSON.parse(schema.getSchema())).to.deep.equal(JSON.parse(JSON.stringify(packageSchema({ version: pkg.version }))));
  });

  describe("settings", () => {
    it("a missing or bad setting fails CheckConfig with one message naming the key, and every call before any request", async () => {
      const failures = await plugin.checkConfig({ baseUrl: emulator.url, clientId: "x" });
      expect(failures).to.have.length(1);
      expect(failures[0].reason).to.include("sailpoint:clientSecret is not set");
      expect(await plugin.checkConfig({ ...settings(), requestTimeoutSeconds: 0 })).to.have.length(1);
      expect(await plugin.checkConfig(settings())).to.deep.equal([]);
      expect(await plugin.checkConfig({ baseUrl: UNKNOWN }), "unknown until an apply").to.deep.equal([]);

      const other = await PluginHost.start();
      try {
        await other.configure({ baseUrl: emulator.url, clientId: "x" });
        const { failures: checked } = await other.check(urn("ManagedCluster", "m"), {}, { name: "m" });
        expect(checked.map((f) => f.reason).join("\n")).to.include("sailpoint:clientSecret is not set");
        const read = await other.read(urn("ManagedCluster", "m"), "some-id").catch((e: PluginError) => e);
        expect((read as PluginError).details).to.include("sailpoint:clientSecret is not set");
      } finally {
        await other.stop();
      }
      expect(emulator.requests).to.deep.equal([]);
    });

    it("an explicit provider that names a tenant never completes its credentials from SAIL_* (another tenant's)", async () => {
      const explicit = await PluginHost.start({ SAIL_CLIENT_SECRET: emulator.credentials.clientSecret });
      try {
        const failures = await explicit.checkConfig({ baseUrl: emulator.url, clientId: emulator.credentials.clientId }, "prod");
        expect(failures.map((f) => f.reason).join()).to.include("sailpoint:clientSecret is not set");
        expect(await explicit.checkConfig({}, "from-env"), "no credential given: the variables are the settings").to.have.length(1);
        expect(await explicit.checkConfig({ baseUrl: emulator.url, clientId: "x" }, "default"), "the default provider: stack config, then SAIL_*").to.deep.equal([]);
      } finally {
        await explicit.stop();
      }
    });
  });

  describe("diff", () => {
    const cluster = urn("ManagedCluster", "c");
    const olds = { name: "c", type: "idn", configuration: { a: "1", gone: "x", 'q"k': "1" }, removeClientsOnDelete: false, __provider: "old dynamic text" };

    it("names each changed property and map key, with update or replace, and sends nothing", async () => {
      const news = { name: "c2", type: "iai", configuration: { a: "2", added: "y", 'q"k': "1" }, removeClientsOnDelete: false };
      const diff = await plugin.diff(cluster, "id1", olds, news);
      expect(diff.changes).to.equal(2); // DIFF_SOME
      expect(diff.replacesList).to.deep.equal(["type"]);
      expect(diff.hasdetaileddiff).to.equal(true);
      expect(Object.fromEntries(diff.detaileddiffMap.map(([path, d]) => [path, d.kind]))).to.deep.equal({
        name: 4, // UPDATE
        type: 5, // UPDATE_REPLACE
        'configuration["a"]': 4,
        'configuration["added"]': 0, // ADD
        'configuration["gone"]': 2, // DELETE
      });
      expect(diff.diffsList.sort()).to.deep.equal(["configuration", "name", "type"]);
      expect(emulator.requests).to.deep.equal([]);
    });

    it("ignores the dynamic door's hidden inputs (a migrated stack is unchanged) and honours ignoreChanges", async () => {
      const { __provider: _ignored, ...same } = olds;
      expect((await plugin.diff(cluster, "id1", olds, same)).changes).to.equal(1); // DIFF_NONE
      const written = { ...olds, __secretInputs: [["configuration", "a"]], __owner: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/sailpoint:ManagedCluster::c" };
      expect((await plugin.diff(cluster, "id1", written, same)).changes, "nor its other hidden inputs").to.equal(1);
      const ignored = await plugin.diff(cluster, "id1", olds, { ...same, name: "other", configuration: { ...same.configuration, a: "9" } }, ["name", 'configuration["a"]']);
      expect(ignored.changes).to.equal(1);
    });

    it("a value not known yet (preview) is a change of its property", async () => {
      const diff = await plugin.diff(cluster, "id1", olds, { ...olds, configuration: UNKNOWN });
      expect(diff.detaileddiffMap.map(([path]) => path)).to.deep.equal(["configuration"]);
    });
  });

  describe("secrets", () => {
    it("an OAuth client's secret is returned as a secret; a secret input stays one in Check's inputs and in the outputs", async () => {
      const client = urn("OAuthClient", "o");
      const created = await plugin.create(client, { name: "o", description: "d", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", enabled: true });
      expect(isWrappedSecret(created.properties.secret)).to.equal(true);
      expect(emulator.store.oauthSecretMatches(created.id, String((created.properties.secret as { value: unknown }).value))).to.equal(true);

      const cluster = urn("ManagedCluster", "s");
      const news = { name: "s", configuration: { token: wrapSecret("s3cr3t-value-1"), plain: "p" } };
      const { inputs, failures } = await plugin.check(cluster, {}, news);
      expect(failures).to.deep.equal([]);
      expect((inputs.configuration as Bag).token).to.deep.equal(wrapSecret("s3cr3t-value-1"));
      const made = await plugin.create(cluster, inputs);
      expect((made.properties.configuration as Bag).token).to.deep.equal(wrapSecret("s3cr3t-value-1"));
      expect((made.properties.configuration as Bag).plain).to.equal("p");
      expect((made.properties.liveConfiguration as Bag).token, "the service's copy too").to.deep.equal(wrapSecret("s3cr3t-value-1"));
      expect(JSON.stringify({ ...made.properties, configuration: null, liveConfiguration: null })).not.to.include("s3cr3t-value-1");
    });

    it("an input that becomes the resource id must not be secret (Pulumi never encrypts an id)", async () => {
      const logs = await plugin.check(urn("ClusterLogConfig", "l"), {}, { clusterId: wrapSecret("0123456789abcdef0123456789abcdef"), rootLevel: "INFO" });
      expect(logs.failures.map((f) => f.property)).to.deep.equal(["clusterId"]);
      const adopted = await plugin.check(urn("ManagedCluster", "a"), {}, { name: "a", importId: wrapSecret("0123456789abcdef0123456789abcdef") });
      expect(adopted.failures.map((f) => f.property)).to.deep.equal(["importId"]);
      expect(adopted.inputs, "the list of secret paths is not kept").not.to.have.property("__secretInputs");
    });
  });

  describe("read", () => {
    it("given only an id (an import): the outputs and the inputs Check accepts, with one GET and no write", async () => {
      const seeded = emulator.seedCluster({ name: "imported", description: "from the UI" });
      emulator.clearRequests();
      const kind = urn("ManagedCluster", "imported");
      const read = await plugin.read(kind, seeded.id);
      expect(read.id).to.equal(seeded.id);
      expect(read.inputs).to.deep.equal({ name: "imported", type: seeded.type, description: "from the UI", removeClientsOnDelete: false });
      expect(read.properties).to.include({ name: "imported", status: seeded.status });
      expect(read.properties.liveConfiguration).to.deep.equal(seeded.configuration);
      expect(calls(emulator)).to.deep.equal(["GET /v2025/managed-clusters"]);
      const { failures } = await plugin.check(kind, {}, read.inputs!);
      expect(failures).to.deep.equal([]);
      expect((await plugin.diff(kind, seeded.id, read.properties, read.inputs!)).changes).to.equal(1);

      const client = emulator.seedOAuthClient({ name: "imported-client", description: "made in the UI" }).client;
      const oauth = await plugin.read(urn("OAuthClient", "o"), client.id);
      expect(oauth.properties).to.include({ secret: null, secretKnown: false, clientId: client.id });
      expect((await plugin.check(urn("OAuthClient", "o"), {}, oauth.inputs!)).failures).to.deep.equal([]);
      expect(writes(emulator)).to.deep.equal([]);
    });

    it("an id that does not exist reads as gone", async () => {
      expect((await plugin.read(urn("ManagedCluster", "x"), "0123456789abcdef0123456789abcdef")).id).to.equal("");
    });
  });

  it("a partial failure keeps the object: ErrorResourceInitFailed with its id and properties", async () => {
    emulator.injectFault({ method: "POST", path: "/managed-clusters/{id}/manualUpgrade", status: 500, times: 1 });
    const error = (await plugin.create(urn("ManagedCluster", "p"), { name: "partial", manualUpgradeTrigger: "1", type: "idn", removeClientsOnDelete: false }).catch((e: unknown) => e)) as PluginError;
    expect(error).to.be.instanceOf(PluginError);
    const [made] = emulator.store.listClusters().filter((c) => c.name === "partial");
    expect(error.initFailure?.id).to.equal(made.id);
    expect(error.initFailure?.properties).to.include({ name: "partial", manualUpgradeTrigger: null });
    expect(error.details).to.match(/created managed cluster \(id \w+\) but a later step failed/);
  });

  describe("lookups (Invoke)", () => {
    it("answers from the tenant, lists as items", async () => {
      const seeded = emulator.seedCluster({ name: "looked-up" });
      const one = await plugin.invoke("getManagedCluster", { id: seeded.id });
      expect(one.failures).to.deep.equal([]);
      expect(one.result).to.include({ id: seeded.id, name: "looked-up" });
      const list = await plugin.invoke("listManagedClusters", { name: "looked-up" });
      expect((list.result.items as Bag[]).map((c) => c.id)).to.deep.equal([seeded.id]);
    });

    it("refuses bad arguments naming them, before any request", async () => {
      emulator.clearRequests();
      expect((await plugin.invoke("getManagedCluster", {})).failures.map((f) => f.property)).to.deep.equal(["id"]);
      expect((await plugin.invoke("listManagedClusters", { status: "SLEEPING", colour: "red" })).failures.map((f) => f.property).sort()).to.deep.equal(["colour", "status"]);
      expect(emulator.requests).to.deep.equal([]);
    });
  });
});

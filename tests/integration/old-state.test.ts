/**
 * Stacks written by 0.1.0, whose state holds the closure serializer's `__provider` text (tests/fixtures), played
 * through refresh, an unchanged preview, update and delete with the current code, in the real provider host, as the
 * engine sends them: Read and Delete with the old outputs (old text), Check with old inputs and new inputs (new text),
 * Diff and Update with old outputs and new inputs. Nothing is injected: every bag names its text.
 */
import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { LEGACY_KINDS, legacyProviderText, providerText, type LegacyKind } from "../harness/provider-text";
import { lines } from "./wire";

/** A refresh reads, and only reads: the object itself or its collection (a list snapshot), whichever the provider uses. */
function onlyReadsOf(sent: string[], collection: string, id: string): void {
  expect(sent).to.have.length.greaterThan(0);
  for (const line of sent) expect([`GET ${collection}`, `GET ${collection}/${id}`]).to.include(line);
}

type Bag = Record<string, unknown>;

describe("state written by 0.1.0 (serialized __provider) with the current code", () => {
  let emulator: IscEmulator;
  /** The deployment that wrote the state (0.1.0's `up`), and the later ones, in a host of their own as separate runs are. */
  let earlier: ProviderHost;
  let host: ProviderHost;
  let n = 0;

  before(async () => {
    emulator = await IscEmulator.start();
    [earlier, host] = await Promise.all([ProviderHost.start({ injectProvider: false }), ProviderHost.start({ injectProvider: false })]);
    await earlier.configure(sailpointConfig(emulator));
    await host.configure(sailpointConfig(emulator));
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator?.stop();
  });
  beforeEach(() => emulator.clearRequests());

  /** A resource as 0.1.0 left it after `up`: checked and created with the old text, so inputs and outputs hold it. */
  async function oldResource(kind: LegacyKind, args: Bag) {
    const urn = urnFor(kind, `old-${++n}`);
    const old = legacyProviderText(kind);
    const checked = await earlier.check(urn, {}, { ...args, __provider: old });
    expect(checked.failures).to.deep.equal([]);
    const created = await earlier.create(urn, checked.inputs);
    expect(created.properties.__provider).to.equal(old);
    emulator.clearRequests();
    return { urn, id: created.id, inputs: checked.inputs, outputs: created.properties, old, current: await providerText(kind) };
  }

  it("the fixtures are 0.1.0's texts, and the current text differs from them", async () => {
    for (const kind of LEGACY_KINDS) {
      expect(legacyProviderText(kind)).to.match(/^exports\.handler = __f0;/).and.include(`kind: "${kind}"`);
      expect(await providerText(kind)).not.to.equal(legacyProviderText(kind));
    }
  });

  it("ManagedCluster: refresh with the old text, an unchanged preview, an update and a delete", async () => {
    const args = { name: "old-cluster", description: "from 0.1.0", configuration: { gmtOffset: "-5" } };
    const r = await oldResource("ManagedCluster", args);

    const read = await host.read(r.urn, r.id, r.outputs, r.inputs);
    onlyReadsOf(lines(emulator), "/v2025/managed-clusters", r.id);
    expect(read.properties).to.include({ name: "old-cluster", description: "from 0.1.0", __provider: r.old });

    emulator.clearRequests();
    const same = await host.check(r.urn, r.inputs, { ...args, __provider: r.current });
    expect(same.failures).to.deep.equal([]);
    expect(same.inputs.__provider).to.equal(r.current);
    const unchanged = await host.diff(r.urn, r.id, read.properties, same.inputs);
    expect(unchanged.changes).to.equal("none");
    expect(lines(emulator)).to.deep.equal([]);

    const changed = await host.check(r.urn, r.inputs, { ...args, description: "now 0.2", __provider: r.current });
    expect((await host.diff(r.urn, r.id, read.properties, changed.inputs)).changes).to.equal("some");
    const updated = await host.update(r.urn, r.id, read.properties, changed.inputs);
    expect(lines(emulator)).to.deep.equal([`PATCH /v2025/managed-clusters/${r.id}`]);
    expect(emulator.requests.find((q) => q.method === "PATCH")!.body).to.deep.equal([{ op: "replace", path: "/description", value: "now 0.2" }]);
    expect(updated.properties).to.include({ description: "now 0.2", __provider: r.current });

    // A second old resource deleted with its old outputs, as `pulumi destroy` sends them.
    const other = await oldResource("ManagedCluster", { name: "old-cluster-2" });
    await host.delete(other.urn, other.id, other.outputs);
    expect(lines(emulator)).to.deep.equal([`DELETE /v2025/managed-clusters/${other.id}`]);
    expect(emulator.store.listClusters().map((c) => c.name)).to.deep.equal(["old-cluster"]);
  });

  it("OAuthClient: the secret stored by 0.1.0 survives a refresh and an update with the current text", async () => {
    const args = { name: "old-client", description: "from 0.1.0", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" };
    const r = await oldResource("OAuthClient", args);
    const secret = r.outputs.secret as string;
    expect(emulator.store.oauthSecretMatches(r.id, secret)).to.equal(true);

    const read = await host.read(r.urn, r.id, r.outputs, r.inputs);
    onlyReadsOf(lines(emulator), "/v2025/oauth-clients", r.id);
    expect(read.properties).to.include({ secret, secretKnown: true, __provider: r.old });

    emulator.clearRequests();
    const changed = await host.check(r.urn, r.inputs, { ...args, accessTokenValiditySeconds: 900, __provider: r.current });
    const diff = await host.diff(r.urn, r.id, read.properties, changed.inputs);
    expect(diff).to.include({ changes: "some" });
    expect(diff.replaces).to.deep.equal([]);
    const updated = await host.update(r.urn, r.id, read.properties, changed.inputs);
    expect(lines(emulator)).to.deep.equal([`PATCH /v2025/oauth-clients/${r.id}`]);
    expect(updated.properties).to.include({ secret, accessTokenValiditySeconds: 900, __provider: r.current });

    emulator.clearRequests();
    await host.delete(r.urn, r.id, r.outputs);
    expect(lines(emulator)).to.deep.equal([`DELETE /v2025/oauth-clients/${r.id}`]);
  });

  it("ClusterLogConfig: refresh and delete (the reset PUT) with the old text", async () => {
    const cluster = emulator.store.seedCluster({ name: "logs-host" });
    const r = await oldResource("ClusterLogConfig", { clusterId: cluster.id, rootLevel: "DEBUG", durationMinutes: 60 });
    const path = `/v2025/managed-clusters/${cluster.id}/log-config`;

    const read = await host.read(r.urn, r.id, r.outputs, r.inputs);
    expect(lines(emulator)).to.deep.equal([`GET ${path}`]);
    expect(read.id).to.equal(cluster.id);
    expect(read.properties).to.include({ rootLevel: "DEBUG", __provider: r.old });

    emulator.clearRequests();
    await host.delete(r.urn, r.id, read.properties);
    expect(lines(emulator)).to.deep.equal([`PUT ${path}`]);
    expect(emulator.store.getLogConfig(cluster.id)).to.deep.include({ rootLevel: "INFO", logLevels: {} });
  });
});

/**
 * Outputs carry what the service holds for every input field the program leaves out (a ManagedClient's `VA-<clientId>`
 * name, an OAuth client's default scope and type, a cluster's description and configuration, a log configuration's
 * duration), through the real provider host; and that is never drift: diff after create, after a read and after an
 * unrelated update says nothing changed, and nothing is sent for such a field.
 */
import { expect } from "chai";
import { urnFor, type ProviderHost } from "../harness/host";
import type { Bag, Kind } from "../harness/wire";
import type { IscEmulator } from "../../emulator";
import { onEmulatorAndHost } from "./stage";
import { apiCalls } from "./wire";

describe("outputs of fields the program leaves out, through the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;
  let n = 0;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  async function created(kind: Kind, args: Bag) {
    const urn = urnFor(kind, `o${++n}`);
    const checked = await host.check(urn, {}, args);
    expect(checked.failures).to.deep.equal([]);
    const result = await host.create(urn, checked.inputs);
    emulator.clearRequests();
    return { urn, inputs: checked.inputs, id: result.id, outputs: result.properties };
  }

  /** Diff right after create, and a read followed by a diff: both "none"; returns the read's outputs. */
  async function noDrift(c: Awaited<ReturnType<typeof created>>): Promise<Bag> {
    expect((await host.diff(c.urn, c.id, c.outputs, c.inputs)).changes, "diff after create").to.equal("none");
    const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
    expect(read.properties, "read keeps the service's values").to.deep.include(pick(c.outputs, Object.keys(read.properties)));
    expect((await host.diff(c.urn, c.id, read.properties, read.inputs ?? c.inputs)).changes, "diff after read").to.equal("none");
    return read.properties;
  }

  const pick = (bag: Bag, keys: string[]) => Object.fromEntries(keys.filter((k) => k in bag && k !== "lastSeen" && k !== "sinceLastSeen").map((k) => [k, bag[k]]));

  it("ManagedClient: an unnamed client's name output is the service's VA-<clientId>; declaring and renaming still patch", async () => {
    const clusterId = emulator.seedCluster({ name: `oo-${++n}` }).id;
    const c = await created("ManagedClient", { clusterId });
    const live = emulator.store.getManagedClient(c.id)!;
    expect(live.name).to.equal(`VA-${live.clientId}`);
    expect(c.outputs).to.include({ name: live.name, type: "VA" });
    await noDrift(c);

    // An update of another field sends only that field, and keeps the service's name in the outputs.
    const news = { ...c.inputs, description: "rack 4" };
    emulator.clearRequests();
    const updated = await host.update(c.urn, c.id, c.outputs, news);
    expect(apiCalls(emulator).map((r) => r.body)).to.deep.equal([[{ op: "replace", path: "/description", value: "rack 4" }]]);
    expect(updated.properties).to.include({ name: live.name, description: "rack 4" });
    expect((await host.diff(c.urn, c.id, updated.properties, news)).changes).to.equal("none");

    // Declaring a name is a change, sent as such.
    const named = { ...news, name: "va-rack-4" };
    expect((await host.diff(c.urn, c.id, updated.properties, named)).changes).to.equal("some");
  });

  it("OAuthClient: scope, type, internal and the other service defaults are in the outputs, and no drift", async () => {
    const c = await created("OAuthClient", {
      name: `oo-client-${++n}`,
      description: "d",
      accessTokenValiditySeconds: 3600,
      grantTypes: ["CLIENT_CREDENTIALS"],
      accessType: "OFFLINE",
    });
    expect(c.outputs).to.deep.include({ scope: ["sp:scopes:all"], type: "CONFIDENTIAL", internal: false, enabled: true, strongAuthSupported: false, claimsSupported: false });
    expect(c.outputs).to.have.property("refreshTokenValiditySeconds").that.is.a("number");
    await noDrift(c);
    // An out-of-band change of a field the program leaves out is not drift either (the program does not own it).
    emulator.store.mutateOAuthClient(c.id, (o) => (o.businessName = "set in the UI"));
    const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
    expect(read.properties.businessName).to.equal("set in the UI");
    expect((await host.diff(c.urn, c.id, read.properties, c.inputs)).changes).to.equal("none");
  });

  it("ManagedCluster: type, description and configuration left out are the service's, and no drift", async () => {
    const c = await created("ManagedCluster", { name: `oo-cluster-${++n}` });
    const live = emulator.store.listClusters().find((x) => x.id === c.id)!;
    expect(c.outputs).to.deep.include({ type: "idn", description: live.description, configuration: live.configuration });
    await noDrift(c);
  });

  it("ClusterLogConfig: the timing the service applies and the empty overrides are in the outputs, and no drift", async () => {
    const clusterId = emulator.seedCluster({ name: `oo-logs-${++n}` }).id;
    const c = await created("ClusterLogConfig", { clusterId, rootLevel: "INFO" });
    expect(c.outputs).to.deep.include({ logLevels: {}, durationMinutes: 240 });
    await noDrift(c);
    // An unrelated change is one PUT without a timing field: the service applies its default again.
    const news = { ...c.inputs, rootLevel: "DEBUG" };
    expect((await host.diff(c.urn, c.id, c.outputs, news)).changes).to.equal("some");
    emulator.clearRequests();
    await host.update(c.urn, c.id, c.outputs, news);
    expect(apiCalls(emulator).map((r) => r.body)).to.deep.equal([{ rootLevel: "DEBUG", logLevels: {} }]);
  });
});

import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { ProviderHost, sailpointConfig, urnFor } from "../harness/host";
import { apiCalls } from "../integration/wire";
import { BAD_INPUTS, VALID_INPUTS } from "./corpus";

/**
 * Every corpus entry through the real provider host's Check, against a running emulator: each bad input is refused
 * naming its property, each attack-looking but valid input passes unchanged, and not one request leaves the host.
 */
describe("bad-input corpus through the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;

  before(async () => {
    emulator = await IscEmulator.start();
    host = await ProviderHost.start();
    await host.configure(sailpointConfig(emulator));
    emulator.clearRequests();
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator?.stop();
  });

  it("has at least 60 invalid inputs, at least 15 for each of the first three resources", () => {
    expect(BAD_INPUTS.length).to.be.at.least(60);
    for (const kind of ["ManagedCluster", "ClusterLogConfig", "OAuthClient"]) {
      expect(BAD_INPUTS.filter((b) => b.kind === kind).length, kind).to.be.at.least(15);
    }
    const labels = BAD_INPUTS.map((b) => `${b.kind} ${b.label}`);
    expect(new Set(labels).size, "labels are unique").to.equal(labels.length);
  });

  describe("refused at Check, naming the property", () => {
    BAD_INPUTS.forEach((entry, i) => {
      it(`${entry.kind}: ${entry.label} → ${entry.property}`, async () => {
        const { failures } = await host.check(urnFor(entry.kind, `bad-${i}`), entry.olds ?? {}, entry.inputs);
        const properties = failures.map((f) => f.property);
        expect(properties.sort(), JSON.stringify(failures)).to.deep.equal([entry.property, ...(entry.alsoFails ?? [])].sort());
        for (const failure of failures) expect(failure.reason.trim(), failure.property).not.to.equal("");
        const failure = failures.find((f) => f.property === entry.property)!;
        if (entry.reason) expect(failure.reason).to.match(entry.reason);
      });
    });
  });

  describe("attack-looking text that ISC accepts as free text passes unchanged", () => {
    VALID_INPUTS.forEach((entry, i) => {
      it(`${entry.kind}: ${entry.label}`, async () => {
        const { inputs, failures } = await host.check(urnFor(entry.kind, `valid-${i}`), {}, entry.inputs);
        expect(failures).to.deep.equal([]);
        for (const [key, value] of Object.entries(entry.inputs)) expect(inputs[key], key).to.deep.equal(value);
      });
    });
  });

  it("sent no request at all (not even for a token)", () => {
    expect(emulator.requests).to.deep.equal([]);
  });

  it("would have seen a stray request: the same host does reach the emulator for a valid create", async () => {
    const urn = urnFor("ManagedCluster", "canary");
    const checked = await host.check(urn, {}, { name: "canary" });
    await host.create(urn, checked.inputs);
    expect(apiCalls(emulator).map((r) => `${r.method} ${r.path}`)).to.deep.equal(["POST /v2025/managed-clusters"]);
  });
});

import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { BAD_INPUTS, VALID_INPUTS } from "../bad-input/corpus";
import { PluginHost, urn, wrapSecret } from "./plugin-host";

/**
 * The bad-input corpus through the native plugin's Check (the dynamic door's run: tests/bad-input/corpus.test.ts):
 * each bad input refused naming its property, each attack-looking but valid input passed unchanged, no request sent.
 */
describe("bad-input corpus through the native plugin", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let plugin: PluginHost;

  before(async () => {
    emulator = await IscEmulator.start();
    plugin = await PluginHost.start();
    await plugin.configure({ baseUrl: emulator.url, clientId: emulator.credentials.clientId, clientSecret: wrapSecret(emulator.credentials.clientSecret) });
  });
  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
  });

  it("refuses every bad input at Check, naming its property", async () => {
    const wrong: string[] = [];
    for (const [i, entry] of BAD_INPUTS.entries()) {
      const { failures } = await plugin.check(urn(entry.kind, `bad-${i}`), entry.olds ?? {}, entry.inputs);
      const properties = failures.map((f) => f.property).sort();
      const expected = [entry.property, ...(entry.alsoFails ?? [])].sort();
      const reason = failures.find((f) => f.property === entry.property)?.reason ?? "";
      if (JSON.stringify(properties) !== JSON.stringify(expected) || failures.some((f) => !f.reason.trim()) || (entry.reason && !entry.reason.test(reason))) {
        wrong.push(`${entry.kind} ${entry.label}: ${JSON.stringify(failures)}`);
      }
    }
    expect(wrong).to.deep.equal([]);
    expect(BAD_INPUTS.length).to.be.at.least(60);
  });

  it("passes attack-looking text unchanged", async () => {
    for (const [i, entry] of VALID_INPUTS.entries()) {
      const { inputs, failures } = await plugin.check(urn(entry.kind, `valid-${i}`), {}, entry.inputs);
      expect(failures, entry.label).to.deep.equal([]);
      for (const [key, value] of Object.entries(entry.inputs)) expect(inputs[key], `${entry.label}: ${key}`).to.deep.equal(value);
    }
  });

  it("sent no request at all (not even for a token), though the same plugin reaches the emulator for a create", async () => {
    expect(emulator.requests).to.deep.equal([]);
    const { inputs } = await plugin.check(urn("ManagedCluster", "canary"), {}, { name: "canary" });
    await plugin.create(urn("ManagedCluster", "canary"), inputs);
    expect(emulator.requests.filter((r) => r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`)).to.deep.equal(["POST /v2025/managed-clusters"]);
  });
});

import { expect } from "chai";
import { HostError, ProviderHost, UNKNOWN, urnFor } from "../harness/host";
import { providerText, serializeProvider } from "../harness/provider-text";
import { rejection } from "../support/rejection";

/** A config whose endpoint is never contacted by the calls below (Check and Diff are local). */
const CONFIG = {
  "sailpoint:baseUrl": "http://127.0.0.1:9",
  "sailpoint:clientId": "harness-client",
  "sailpoint:clientSecret": { secret: "harness-secret-0123456789" },
};
const urn = urnFor("ManagedCluster", "c1");

const hostRejection = (call: Promise<unknown>) => rejection(call, HostError);

describe("harness: ProviderHost (the real dynamic-provider host over gRPC)", () => {
  let host: ProviderHost;

  after(() => ProviderHost.stopAll());

  describe("configured", () => {
    before(async () => {
      host = await ProviderHost.start();
    });
    after(() => host.stop());

    it("answers Configure as the dynamic-provider host does", async () => {
      const reply = await host.configure(CONFIG);
      expect(reply).to.include({ acceptSecrets: false, supportsPreview: false });
    });

    it("never carries a credential in __provider", async () => {
      const text = await providerText("ManagedCluster");
      expect(text).not.to.include(CONFIG["sailpoint:clientSecret"].secret);
      expect(text).not.to.include(CONFIG["sailpoint:clientId"]);
      const checked = await host.check(urn, {}, { name: "c1" });
      expect(checked.inputs.__provider).to.equal(text);
    });

    it("reports Check failures naming each bad property", async () => {
      const { failures } = await host.check(urn, {}, { name: "", type: "bogus" });
      expect(failures.map((f) => f.property).sort()).to.deep.equal(["name", "type"]);
      expect(failures.find((f) => f.property === "type")!.reason).to.include("bogus");
    });

    it("tolerates the preview placeholder for unresolved values", async () => {
      const { failures, inputs } = await host.check(urn, {}, { name: UNKNOWN, description: UNKNOWN, configuration: UNKNOWN });
      expect(failures).to.deep.equal([]);
      expect(inputs.name).to.equal(UNKNOWN);
    });

    it("diffs identical inputs, and a __provider-only change, as none", async () => {
      const { inputs } = await host.check(urn, {}, { name: "c1", description: "d" });
      const olds = { ...inputs, id: "abc", status: "CONFIGURING" };
      expect((await host.diff(urn, "abc", olds, inputs)).changes).to.equal("none");
      const otherText = { ...olds, __provider: `${inputs.__provider}\n// an older serialization` };
      const diff = await host.diff(urn, "abc", otherText, inputs);
      expect(diff).to.include({ changes: "none", deleteBeforeReplace: false });
      expect(diff.raw.hasdetaileddiff).to.equal(false);
    });

    it("reports a changed input as some, and a type change as a replacement", async () => {
      const { inputs } = await host.check(urn, {}, { name: "c1" });
      expect((await host.diff(urn, "abc", inputs, { ...inputs, name: "c2" })).changes).to.equal("some");
      const replaced = await host.diff(urn, "abc", inputs, { ...inputs, type: "iai" });
      expect(replaced.replaces).to.deep.equal(["type"]);
    });
  });

  describe("errors", () => {
    before(async () => {
      host = await ProviderHost.start();
      await host.configure({});
    });
    after(() => host.stop());

    it("delivers an unhandled provider error as HostError with the message", async () => {
      const { text } = await serializeProvider({
        create: async () => {
          throw new Error("provider exploded");
        },
      });
      const error = await hostRejection(host.create(urn, { __provider: text, name: "x" }));
      expect(error).to.include({ method: "create", code: 2, details: "provider exploded", message: "provider exploded" });
      expect(error.initFailure).to.equal(undefined);
    });

    it("decodes a partial-create failure (id, properties, reasons)", async () => {
      const { text } = await serializeProvider({
        create: async (inputs: Record<string, unknown>) => {
          throw Object.assign(new Error("created but not ready"), { id: "half-1", properties: { ...inputs, status: "FAILED" }, reasons: ["r1"] });
        },
      });
      const error = await hostRejection(host.create(urn, { __provider: text, name: "x" }));
      expect(error.details).to.equal("created but not ready");
      expect(error.initFailure).to.deep.equal({ id: "half-1", properties: { __provider: text, name: "x", status: "FAILED" }, reasons: ["r1"] });
    });
  });

  describe("missing credentials", () => {
    const saved = process.env.SAIL_CLIENT_SECRET;
    before(async () => {
      process.env.SAIL_CLIENT_SECRET = "from-the-callers-env"; // must not reach the host
      host = await ProviderHost.start();
    });
    after(async () => {
      if (saved === undefined) delete process.env.SAIL_CLIENT_SECRET;
      else process.env.SAIL_CLIENT_SECRET = saved;
      await host.stop();
    });

    it("fails the first check with one failure naming sailpoint:clientSecret and SAIL_CLIENT_SECRET, and later calls too", async () => {
      const { "sailpoint:clientSecret": _, ...withoutSecret } = CONFIG;
      await host.configure(withoutSecret);
      const { failures } = await host.check(urn, {}, { name: "c1" });
      expect(failures).to.have.length(1);
      expect(failures[0].reason).to.include("sailpoint:clientSecret").and.include("SAIL_CLIENT_SECRET");
      expect(failures[0].reason).not.to.include("sailpoint:clientId").and.not.include("sailpoint:baseUrl");
      const error = await hostRejection(host.create(urn, { name: "c1", type: "idn" }));
      expect(error.details).to.include("sailpoint:clientSecret");
    });
  });

  it("stops every host it started, leaving no child process", async () => {
    const a = await ProviderHost.start();
    const b = await ProviderHost.start();
    const pids = [a.pid, b.pid];
    await ProviderHost.stopAll();
    for (const pid of pids) expect(() => process.kill(pid!, 0)).to.throw();
  });
});

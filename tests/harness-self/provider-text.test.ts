import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { captureRegistrations, loadProviderText, providerText, resourceClass, sailpointPackage, serializeProvider } from "../harness/provider-text";
import { KINDS, typeFor, urnFor } from "../harness/wire";
import { AnyDynamic } from "./fake-cloud";

describe("harness: program side (provider-text)", () => {
  it("captures the ManagedCluster __provider text: a small shim that loads the implementation by package name", async () => {
    const text = await providerText("ManagedCluster");
    expect(text.length).to.be.below(2500);
    expect(text).to.match(/^exports\.handler = __f0;/);
    expect(text).to.include('require("pulumi-sailpoint-isc/provider")');
    expect(text).to.include('"ManagedCluster"');
    expect(await providerText("ManagedCluster")).to.equal(text, "cached per kind");
    const provider = loadProviderText(text);
    expect(Object.keys(provider).sort()).to.deep.equal(["check", "configure", "create", "delete", "diff", "read", "update"]);
  });

  for (const kind of KINDS) {
    it(`captures the ${kind} __provider text once the package exports the class`, async function () {
      if (typeof sailpointPackage()[kind] !== "function") this.skip();
      const text = await providerText(kind);
      expect(text.length).to.be.below(2500);
      expect(text).to.include('require("pulumi-sailpoint-isc/provider")').and.include(`"${kind}"`);
    });
  }

  it("records type, URN, plain inputs and registration options", async () => {
    const ManagedCluster = resourceClass("ManagedCluster");
    const regs = await captureRegistrations(() => {
      const first = new ManagedCluster("first", { name: "a" }) as pulumi.CustomResource;
      new (ManagedCluster as unknown as new (...args: unknown[]) => unknown)(
        "second",
        { name: pulumi.secret("b"), description: first.id },
        { additionalSecretOutputs: ["alertKey"], deleteBeforeReplace: true },
      );
    });
    expect(regs.map((r) => r.urn)).to.deep.equal([urnFor("ManagedCluster", "first"), urnFor("ManagedCluster", "second")]);
    const [first, second] = regs;
    expect(first.type).to.equal(typeFor("ManagedCluster"));
    expect(first.inputs).to.deep.equal({ name: "a", __provider: await providerText("ManagedCluster") });
    expect(first.secretInputs).to.deep.equal([]);
    expect(first.additionalSecretOutputs).to.deep.equal([]);
    expect(first.deleteBeforeReplace).to.equal(false);
    expect(second.inputs).to.include({ name: "b", description: "first-id" });
    expect(second.secretInputs).to.deep.equal(["name"]);
    expect(second.additionalSecretOutputs).to.deep.equal(["alertKey"]);
    expect(second.deleteBeforeReplace).to.equal(true);
    expect(second.dependencies).to.deep.equal([first.urn]);
  });

  it("unwraps a secret __provider (a captured secret Output) and reports it", async () => {
    const token = pulumi.secret("captured-token");
    const provider = { create: async () => ({ id: String(await new Promise((resolve) => token.apply(resolve))), outs: {} }) };
    const [reg] = await captureRegistrations(() => void new AnyDynamic(provider, "leaky", {}));
    expect(reg.secretInputs).to.deep.equal(["__provider"]);
    expect(reg.inputs.__provider).to.be.a("string").and.include("captured-token");
  });

  it("turns a __provider serialization failure into a clean rejection instead of a hang", async () => {
    const holder = { max: Math.max.bind(null) }; // bound natives cannot be serialized
    const provider = { create: async () => ({ id: String(holder.max(1, 2)), outs: {} }) };
    try {
      await serializeProvider(provider);
      expect.fail("serializeProvider should reject");
    } catch (error) {
      expect((error as Error).message).to.include("Error serializing");
    }
    try {
      await captureRegistrations(() => void new AnyDynamic(provider, "broken", {}), { timeoutMs: 10_000 });
      expect.fail("captureRegistrations should reject");
    } catch (error) {
      expect((error as Error).message).to.match(/^program registration failed: error serializing property "__provider"/);
    }
  });

  it("bounds a program that waits on an output that never resolves", async () => {
    const holder = { max: Math.max.bind(null) };
    const provider = { create: async () => ({ id: String(holder.max(1, 2)), outs: {} }) };
    try {
      await captureRegistrations(
        async () => {
          const res = new AnyDynamic(provider, "stuck", {});
          await new Promise((resolve) => res.urn.apply(resolve));
        },
        { timeoutMs: 1_000 },
      );
      expect.fail("should time out");
    } catch (error) {
      expect((error as Error).message).to.match(/did not finish within 1000 ms; unhandled rejections: error serializing/);
    }
  });

  it("resets the runtime between runs (project, stack, config)", async () => {
    const seen: string[] = [];
    const record = () => void seen.push(`${pulumi.getProject()}/${pulumi.getStack()}/${new pulumi.Config("sailpoint").get("x")}`);
    await captureRegistrations(record, { project: "p1", stack: "s1", config: { "sailpoint:x": "one" } });
    await captureRegistrations(record);
    expect(seen).to.deep.equal(["p1/s1/one", "sailpoint-test/test/undefined"]);
  });
});

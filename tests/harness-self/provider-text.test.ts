import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import {
  captureRegistrations,
  LEGACY_KINDS,
  legacyProviderText,
  legacyResourceClass,
  loadProviderText,
  providerText,
  resourceClass,
  serializeProvider,
  type Registration,
} from "../harness/provider-text";
import { KINDS, typeFor, urnFor, type Bag, type Kind } from "../harness/wire";
import { AnyDynamic } from "./fake-cloud";

const ARGS: Record<Kind, Bag> = {
  ManagedCluster: { name: "c", description: "d", configuration: { gmtOffset: "-5" } },
  ClusterLogConfig: { clusterId: "cluster-id", rootLevel: "DEBUG", durationMinutes: 60 },
  OAuthClient: { name: "o", description: "d", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" },
  ManagedClient: { clusterId: "cluster-id", name: "va-1" },
};

/** Everything a registration carries except the `__provider` text. */
/** A registration but for its `__provider` text, and the `__owner` input (the URN) 0.1.0 did not send. */
const withoutText = (r: Registration) => ({ ...r, inputs: { ...r.inputs, __provider: typeof r.inputs.__provider, __owner: undefined } });

describe("harness: program side (provider-text)", () => {
  it("captures the ManagedCluster __provider text: a fixed module that hands over the implementation by package name", async () => {
    const text = await providerText("ManagedCluster");
    expect(text.length).to.be.below(160);
    expect(text).to.match(/^"use strict";\n/);
    expect(text).to.include('require("pulumi-sailpoint-isc/provider").resource("ManagedCluster")');
    expect(await providerText("ManagedCluster")).to.equal(text, "cached per kind");
    const provider = loadProviderText(text);
    expect(Object.keys(provider).sort()).to.deep.equal(["check", "configure", "create", "delete", "diff", "read", "update"]);
  });

  for (const kind of KINDS) {
    it(`${kind}: one constant text for every resource, with nothing from the program in it`, async () => {
      const Class = resourceClass(kind) as unknown as new (name: string, args: Bag, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;
      const regs = await captureRegistrations(() => {
        new Class("first", ARGS[kind]);
        new Class("second", { ...ARGS[kind], description: pulumi.secret("a secret description") }, { additionalSecretOutputs: ["name"] });
      });
      const texts = regs.map((r) => r.inputs.__provider);
      expect(texts).to.deep.equal([await providerText(kind), await providerText(kind)]);
      expect(texts[0]).to.include(`.resource("${kind}")`).and.not.include("a secret description");
      expect(regs.map((r) => r.secretInputs)).to.deep.equal([[], ["description"]]);
      expect(regs.map((r) => r.type)).to.deep.equal([typeFor(kind), typeFor(kind)]);
    });
  }

  for (const kind of LEGACY_KINDS) {
    it(`${kind}: registers as 0.1.0's pulumi.dynamic.Resource did, but for the __provider text`, async () => {
      const Current = resourceClass(kind) as unknown as new (name: string, args: Bag, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;
      const Legacy = legacyResourceClass(kind);
      const program = (Class: typeof Current) => () => {
        const first = new Class("first", ARGS[kind]);
        new Class("second", { ...ARGS[kind], name: pulumi.secret("n"), clusterId: first.id }, { additionalSecretOutputs: ["name"], deleteBeforeReplace: true, dependsOn: [first] });
      };
      const [current, legacy] = [await captureRegistrations(program(Current)), await captureRegistrations(program(Legacy))];
      expect(current.map(withoutText)).to.deep.equal(legacy.map(withoutText));
      expect(legacy[0].inputs.__provider).to.match(/^exports\.handler = __f0;/);
      expect(current[1].additionalSecretOutputs).to.include("name");
    });

    it(`${kind}: the 0.1.0 text and the current one run the same implementation`, async () => {
      const [legacy, current] = [loadProviderText(legacyProviderText(kind)), loadProviderText(await providerText(kind))];
      type Check = (olds: Bag, news: Bag) => Promise<{ inputs: Bag; failures?: unknown[] }>;
      const [a, b] = await Promise.all([(legacy.check as Check)({}, ARGS[kind]), (current.check as Check)({}, ARGS[kind])]);
      expect(b).to.deep.equal(a);
      expect(b.failures ?? []).to.deep.equal([]);
      const bad = await (current.check as Check)({}, {});
      expect(bad.failures).to.have.length.greaterThan(0);
    });
  }

  it("the classes are custom resources; stack traces are off while the SDK sets one up, and back after, failed ones too", async () => {
    const ManagedCluster = resourceClass("ManagedCluster") as unknown as new (name: string, args: Bag, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;
    const limit = Error.stackTraceLimit;
    const seen: number[] = [];
    // Transformations run synchronously inside the SDK's Resource constructor.
    const probe = { transformations: [() => void seen.push(Error.stackTraceLimit)] };
    await captureRegistrations(() => {
      const cluster = new ManagedCluster("c", ARGS.ManagedCluster, probe);
      expect(cluster).to.be.instanceOf(pulumi.CustomResource);
      expect(pulumi.CustomResource.isInstance(cluster)).to.equal(true);
      expect(Error.stackTraceLimit).to.equal(limit);
      expect(() => new ManagedCluster("", ARGS.ManagedCluster)).to.throw("Missing resource name argument");
      expect(Error.stackTraceLimit).to.equal(limit);
      process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
      try {
        new ManagedCluster("debugging-leaks", ARGS.ManagedCluster, probe);
      } finally {
        delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
      }
    });
    expect(seen).to.deep.equal([0, limit]);
  });

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
    expect(first.inputs).to.deep.equal({ name: "a", __owner: urnFor("ManagedCluster", "first"), __provider: await providerText("ManagedCluster") });
    expect(first.secretInputs).to.deep.equal([]);
    // The schema's secret outputs (the cluster's service copy of its log configuration), and the caller's.
    expect(first.additionalSecretOutputs).to.deep.equal(["logConfiguration"]);
    expect(first.deleteBeforeReplace).to.equal(false);
    expect(second.inputs).to.include({ name: "b", description: "first-id" });
    expect(second.secretInputs).to.deep.equal(["name"]);
    expect(second.additionalSecretOutputs).to.deep.equal(["alertKey", "logConfiguration"]);
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

/**
 * A `__proto__` key in a map input (as JSON.parse of a configuration file makes it) is lost in Pulumi's own
 * serialization before the provider runs. The resource classes name such properties, whether the map is a plain
 * object, an Output or a Promise, and the provider's Check refuses them, naming the property: the registration fails
 * with one error, before any request. The programs run under mocks; their registrations go through the real host.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import type { IscEmulator } from "../../emulator";
import { captureRegistrations, resourceClass, type Registration } from "../harness/provider-text";
import type { ProviderHost } from "../harness/host";
import { onEmulatorAndHost } from "../integration/stage";
import type { Bag } from "../harness/wire";

const FILE = '{"gmtOffset": "-5", "__proto__": "from-a-file"}';
const LEVELS = '{"sailpoint.connector": "DEBUG", "__proto__": "TRACE"}';

type Program = () => void;

const programs: Array<{ label: string; kind: "ManagedCluster" | "ClusterLogConfig"; property: string; program: Program }> = [
  {
    label: "configuration parsed from a file (a plain object)",
    kind: "ManagedCluster",
    property: "configuration",
    program: () => void new (resourceClass("ManagedCluster"))("plain", { name: "plain", configuration: JSON.parse(FILE) }),
  },
  {
    label: "configuration as an Output of the parsed file",
    kind: "ManagedCluster",
    property: "configuration",
    program: () => void new (resourceClass("ManagedCluster"))("output", { name: "output", configuration: pulumi.output(FILE).apply((t) => JSON.parse(t)) }),
  },
  {
    label: "configuration as a Promise of the parsed file",
    kind: "ManagedCluster",
    property: "configuration",
    program: () => void new (resourceClass("ManagedCluster"))("promise", { name: "promise", configuration: Promise.resolve(FILE).then((t) => JSON.parse(t)) }),
  },
  {
    label: "logLevels as a secret Output of the parsed file",
    kind: "ClusterLogConfig",
    property: "logLevels",
    program: () =>
      void new (resourceClass("ClusterLogConfig"))("levels", {
        clusterId: "0123456789abcdef0123456789abcdef",
        rootLevel: "INFO",
        logLevels: pulumi.secret(LEVELS).apply((t) => JSON.parse(t)),
      }),
  },
  {
    label: "a __proto__ key among the arguments themselves",
    kind: "ManagedCluster",
    property: "__proto__",
    program: () => void new (resourceClass("ManagedCluster"))("args", JSON.parse('{"name": "args", "__proto__": {"x": 1}}')),
  },
];

describe("a __proto__ key that Pulumi's serialization would drop", function () {
  this.timeout(60_000);
  let emulator: IscEmulator;
  let host: ProviderHost;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  const checked = async (reg: Registration) => host.check(reg.urn, {}, reg.inputs);

  for (const { label, kind, property, program } of programs) {
    it(`${kind}: ${label} is refused at Check, naming ${property}, with no request`, async () => {
      emulator.clearRequests();
      const [reg] = await captureRegistrations(program);
      expect(reg.type).to.equal(`pulumi-nodejs:dynamic/sailpoint:${kind}`);
      const { failures } = await checked(reg);
      expect(failures.map((f) => f.property)).to.deep.equal([property]);
      expect(failures[0].reason).to.match(property === "__proto__" ? /is not a ManagedCluster property/ : /has a key "__proto__".*rename or remove the key/);
      expect(emulator.requests, "not even a token request").to.deep.equal([]);
    });
  }

  it("the same inputs without the key pass, and carry no marker", async () => {
    const regs = await captureRegistrations(() => {
      const Cluster = resourceClass("ManagedCluster");
      new Cluster("fine-output", { name: "fine-output", configuration: pulumi.output('{"gmtOffset": "-5"}').apply((t) => JSON.parse(t)) });
      new Cluster("fine-plain", { name: "fine-plain", configuration: { constructor: "x", prototype: "y" } });
    });
    for (const reg of regs) {
      expect(Object.keys(reg.inputs).filter((k) => k.startsWith("__"))).to.deep.equal(["__owner", "__provider"]);
      const { inputs, failures } = await checked(reg);
      expect(failures).to.deep.equal([]);
      expect(Object.keys(inputs.configuration as Bag).length).to.be.greaterThan(0);
    }
  });

  it("a map still unknown in preview passes Check then, and is refused once known", async () => {
    const [reg] = await captureRegistrations(
      () => void new (resourceClass("ManagedCluster"))("later", { name: "later", configuration: pulumi.output(FILE).apply((t) => JSON.parse(t)) }),
    );
    const { failures: later } = await checked(reg);
    expect(later.map((f) => f.property)).to.deep.equal(["configuration"]);
    const preview = { ...reg.inputs, configuration: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", __lostKeys: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" };
    const { inputs, failures } = await host.check(reg.urn, {}, preview);
    expect(failures).to.deep.equal([]);
    expect(inputs).not.to.have.property("__lostKeys");
  });
});

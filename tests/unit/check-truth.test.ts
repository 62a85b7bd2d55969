/**
 * Check tells the truth: a `__` key other than the engine's `__provider` is refused like any unknown property,
 * NaN and ±Infinity are named as what they are (JSON would call them null), and the resource classes' `__lostKeys`
 * marker becomes a failure naming each property.
 */
import { expect } from "chai";
import { checkInputs } from "../../provider/engine/check";
import { UNKNOWN } from "../../provider/engine/values";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";

const LOG = { clusterId: "0123456789abcdef0123456789abcdef", rootLevel: "INFO" };
const OAUTH = { name: "n", description: "d", accessTokenValiditySeconds: 3600, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" };

describe("check tells the truth", () => {
  it("keeps __provider and refuses every other __ key, naming it", () => {
    const { inputs, failures } = checkInputs(managedClusterSchema, {}, { name: "c", __provider: "text", __x: 1, __defaults: [] });
    expect(inputs.__provider).to.equal("text");
    expect(inputs).not.to.have.property("__x");
    expect(failures.map((f) => f.property)).to.deep.equal(["__x", "__defaults"]);
    expect(failures[0].reason).to.match(/^is not a ManagedCluster property; expected one of name, type/);
  });

  for (const [value, shown] of [[NaN, "number NaN"], [Infinity, "number Infinity"], [-Infinity, "number -Infinity"]] as const) {
    it(`names ${shown} as it is`, () => {
      const log = checkInputs(clusterLogConfigSchema, {}, { ...LOG, durationMinutes: value });
      expect(log.failures).to.deep.equal([{ property: "durationMinutes", reason: `must be a whole number, got ${shown}` }]);
      const oauth = checkInputs(oauthClientSchema, {}, { ...OAUTH, accessTokenValiditySeconds: value, enabled: value });
      expect(oauth.failures.map((f) => f.reason)).to.deep.equal([`must be a whole number, got ${shown}`, `must be true or false, got ${shown}`]);
      const name = checkInputs(managedClusterSchema, {}, { name: value });
      expect(name.failures[0].reason).to.equal(`must be a string, got ${shown}`);
    });
  }

  it("turns the __lostKeys marker into a failure per property, accepts it unknown, and refuses it malformed", () => {
    const lost = checkInputs(managedClusterSchema, {}, { name: "c", configuration: { a: "b" }, __lostKeys: ["configuration"] });
    expect(lost.failures.map((f) => f.property)).to.deep.equal(["configuration"]);
    expect(lost.failures[0].reason).to.match(/has a key "__proto__", which Pulumi's serialization of inputs drops/);
    expect(lost.inputs).not.to.have.property("__lostKeys");
    const unknown = checkInputs(managedClusterSchema, {}, { name: "c", __lostKeys: UNKNOWN });
    expect(unknown.failures).to.deep.equal([]);
    expect(unknown.inputs).not.to.have.property("__lostKeys");
    const bad = checkInputs(managedClusterSchema, {}, { name: "c", __lostKeys: { configuration: true } });
    expect(bad.failures).to.deep.equal([{ property: "__lostKeys", reason: "is not a ManagedCluster property" }]);
  });
});

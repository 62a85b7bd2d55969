import { expect } from "chai";
import { secretIdProblems, secretOutputPaths, secretPathsDiffer, secretPathsIn, wrapAt } from "../../provider/engine/secrets";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { isWrappedSecret, unwrapSecrets, wrapSecret } from "../../provider/secret-wire";

describe("the secrets rule (provider/engine/secrets.ts)", () => {
  it("a secret map value makes the same key secret in the echo and in the service's copy (liveNames)", () => {
    expect(secretOutputPaths(managedClusterSchema, [["configuration", "pw"]])).to.deep.equal([
      ["configuration", "pw"],
      ["liveConfiguration", "pw"],
    ]);
    expect(secretOutputPaths(managedClusterSchema, [["configuration"], ["name"]])).to.deep.equal([["configuration"], ["liveConfiguration"], ["name"]]);
  });

  it("an output computed from a secret input is secret whole (derivedOutputs)", () => {
    expect(secretOutputPaths(clusterLogConfigSchema, [["durationMinutes"]])).to.deep.equal([["durationMinutes"], ["expiresAt"]]);
    expect(secretOutputPaths(clusterLogConfigSchema, [["logLevels", "a.b"]])).to.deep.equal([["logLevels", "a.b"]]);
  });

  it("reads the hidden input strictly: paths of fields only, keys only for maps; anything else is malformed", () => {
    expect(secretPathsIn(managedClusterSchema, undefined)).to.deep.equal([]);
    expect(secretPathsIn(managedClusterSchema, [["configuration", "k"], ["name"]])).to.deep.equal([["configuration", "k"], ["name"]]);
    for (const bad of ["configuration", [["nope"]], [["name", "k"]], [[]], [["configuration", 1]], [["a", "b", "c"]]]) {
      expect(secretPathsIn(managedClusterSchema, bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it("wraps exactly the values at the paths; absent and null values stay as they are", () => {
    const bag = { configuration: { pw: "x", plain: "y" }, liveConfiguration: { pw: "x", added: "z" }, description: null };
    const wrapped = wrapAt(bag, [["configuration", "pw"], ["liveConfiguration", "pw"], ["description"], ["name"]], wrapSecret);
    expect(wrapped).to.deep.equal({
      configuration: { pw: wrapSecret("x"), plain: "y" },
      liveConfiguration: { pw: wrapSecret("x"), added: "z" },
      description: null,
    });
    expect(bag.configuration.pw).to.equal("x");
    // A whole field and one of its keys: the whole value is wrapped once.
    expect(wrapAt({ configuration: { a: "1" } }, [["configuration"], ["configuration", "a"]], wrapSecret)).to.deep.equal({ configuration: wrapSecret({ a: "1" }) });
  });

  it("compares secret paths as sets; an id input may not be secret", () => {
    expect(secretPathsDiffer(managedClusterSchema, [["name"], ["description"]], [["description"], ["name"]])).to.equal(false);
    expect(secretPathsDiffer(managedClusterSchema, undefined, [["name"]])).to.equal(true);
    expect(secretIdProblems([["importId"], ["name"]], ["importId"]).map((p) => p.property)).to.deep.equal(["importId"]);
  });

  it("a door receiving wrapped secrets finds the same paths (secret-wire.unwrapSecrets)", () => {
    const { plain, paths } = unwrapSecrets(managedClusterSchema, {
      name: "n",
      description: wrapSecret("d"),
      configuration: { pw: wrapSecret("x"), plain: "y" },
      __provider: "p",
    });
    expect(plain).to.deep.equal({ name: "n", description: "d", configuration: { pw: "x", plain: "y" }, __provider: "p" });
    expect(paths).to.deep.equal([["description"], ["configuration", "pw"]]);
    expect(unwrapSecrets(managedClusterSchema, { configuration: wrapSecret({ a: "1" }) }).paths).to.deep.equal([["configuration"]]);
    expect(isWrappedSecret(wrapSecret(1))).to.equal(true);
  });
});

import { expect } from "chai";
import { checkInputs } from "../../provider/engine/check";
import { diffInputs } from "../../provider/engine/diff";
import { buildOutputs, ownedInputs } from "../../provider/engine/outputs";
import { patchOperations } from "../../provider/engine/patch";
import { UNKNOWN } from "../../provider/engine/values";
import { managedClusterSchema as cluster } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema as oauth } from "../../provider/schemas/oauth-client";

describe("field-table engine", () => {
  describe("check", () => {
    it("applies defaults and keeps __provider", () => {
      const { inputs, failures } = checkInputs(cluster, {}, { name: "c", __provider: "text" });
      expect(failures).to.deep.equal([]);
      expect(inputs).to.deep.equal({ name: "c", type: "idn", removeClientsOnDelete: false, __provider: "text" });
    });

    it("names the property of every failure", () => {
      const { failures } = checkInputs(cluster, {}, { name: "", type: "bogus", configuration: { a: 1, "": "x" }, colour: "red" });
      expect(failures.map((f) => f.property).sort()).to.deep.equal(["colour", "configuration", "configuration.a", "name", "type"]);
    });

    it("tolerates the preview placeholder anywhere", () => {
      const { failures } = checkInputs(oauth, {}, {
        name: UNKNOWN, description: "d", accessTokenValiditySeconds: UNKNOWN, grantTypes: [UNKNOWN], accessType: UNKNOWN,
      });
      expect(failures).to.deep.equal([]);
    });

    it("allows a create-only field on create and refuses a change later", () => {
      expect(checkInputs(cluster, {}, { name: "c", importId: "abc" }).failures).to.deep.equal([]);
      const olds = { name: "c", type: "idn" };
      const { failures } = checkInputs(cluster, olds, { name: "c", importId: "abc" });
      expect(failures.map((f) => f.property)).to.deep.equal(["importId"]);
    });
  });

  describe("diff", () => {
    const olds = { name: "c", type: "idn", configuration: { a: "1" }, removeClientsOnDelete: false, liveConfiguration: { a: "1", gmtOffset: "0" } };

    it("reports nothing for an unchanged program, whatever the service added", () => {
      expect(diffInputs(cluster, { ...olds, status: "NORMAL", __provider: "old" }, { ...olds, __provider: "new" }).changes).to.equal(false);
    });

    it("replaces on type and updates on name", () => {
      expect(diffInputs(cluster, olds, { ...olds, type: "iai" })).to.deep.include({ changes: true, replaces: ["type"] });
      expect(diffInputs(cluster, olds, { ...olds, name: "d" })).to.deep.include({ changes: true, replaces: [], changed: ["name"] });
    });

    it("compares sets as sets and honours the service's value for an omitted field", () => {
      const base = { name: "n", description: "d", accessTokenValiditySeconds: 1, accessType: "ONLINE", enabled: true };
      const a = { ...base, grantTypes: ["CLIENT_CREDENTIALS", "REFRESH_TOKEN"] };
      const b = { ...base, grantTypes: ["REFRESH_TOKEN", "CLIENT_CREDENTIALS", "REFRESH_TOKEN"] };
      expect(diffInputs(oauth, a, b).changes).to.equal(false);
      expect(diffInputs(oauth, { ...a, scope: ["sp:scopes:all"] }, a).changes).to.equal(false);
      expect(diffInputs(oauth, { ...a, scope: ["sp:scopes:all"] }, { ...a, scope: ["idn:x"] }).replaces).to.deep.equal(["scope"]);
    });

    it("treats an unknown value as a change", () => {
      expect(diffInputs(cluster, olds, { ...olds, name: UNKNOWN }).changes).to.equal(true);
    });
  });

  describe("patch", () => {
    it("patches exactly the changed configuration key, escaped per RFC 6901", () => {
      const from = { name: "c", configuration: { "a/b~c": "1", keep: "x" } };
      const to = { name: "c", configuration: { "a/b~c": "2", keep: "x", added: "y" } };
      expect(patchOperations(cluster, from, to)).to.have.deep.members([
        { op: "add", path: "/configuration/added", value: "y" },
        { op: "add", path: "/configuration/a~1b~0c", value: "2" },
      ]);
    });

    it("removes a key the program no longer declares and never touches service keys", () => {
      const ops = patchOperations(cluster, { name: "c", configuration: { a: "1", b: "2" } }, { name: "c", configuration: { a: "1" } });
      expect(ops).to.deep.equal([{ op: "remove", path: "/configuration/b" }]);
    });

    it("sends a changed set whole and an unchanged one not at all", () => {
      const base = { name: "n", grantTypes: ["A", "B"] };
      expect(patchOperations(oauth, base, { ...base, grantTypes: ["B", "A"] })).to.deep.equal([]);
      expect(patchOperations(oauth, base, { ...base, grantTypes: ["A"] })).to.deep.equal([{ op: "replace", path: "/grantTypes", value: ["A"] }]);
    });

    it("never turns false or 0 into a remove", () => {
      const ops = patchOperations(oauth, { enabled: true, strongAuthSupported: true }, { enabled: false });
      expect(ops).to.deep.include({ op: "replace", path: "/enabled", value: false });
      expect(ops).to.deep.include({ op: "replace", path: "/strongAuthSupported", value: false });
    });
  });

  describe("outputs", () => {
    const live = { id: "x", name: "live", type: "idn", configuration: { a: "2", gmtOffset: "0" }, status: "NORMAL", description: "" };

    it("echoes declared inputs with live values, the service's values of omitted ones, and renames clashing service fields", () => {
      const outs = buildOutputs(cluster, live, { name: "c", type: "idn", configuration: { a: "1" }, removeClientsOnDelete: true });
      expect(outs).to.deep.equal({
        name: "live", type: "idn", configuration: { a: "2" }, removeClientsOnDelete: true,
        liveConfiguration: { a: "2", gmtOffset: "0" }, status: "NORMAL",
        // Left out by the program: the service's value, named as such, which diff never compares.
        description: "", __omitted: ["description"],
      });
      expect(diffInputs(cluster, outs, { name: "live", type: "idn", configuration: { a: "2" }, removeClientsOnDelete: true }).changes).to.equal(false);
    });

    it("drops declared map keys the service no longer has, so they show as drift", () => {
      expect(ownedInputs(cluster, live, { configuration: { a: "1", gone: "z" } })).to.deep.equal({ configuration: { a: "2" } });
    });
  });
});

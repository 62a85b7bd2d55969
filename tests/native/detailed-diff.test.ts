import { expect } from "chai";
import { detailedChanges } from "../../provider/engine/detailed-diff";
import { importedInputs } from "../../provider/engine/imported";
import { clusterLogConfigSchema } from "../../provider/schemas/cluster-log-config";
import { managedClusterSchema } from "../../provider/schemas/managed-cluster";
import { oauthClientSchema } from "../../provider/schemas/oauth-client";

describe("core for the native door: detailed diff and imported inputs", () => {
  it("a map key the engine's path syntax cannot carry (a backslash) is reported on the whole map", () => {
    const changes = detailedChanges(managedClusterSchema, { name: "c", configuration: { "a\\b": "1" } }, { name: "c", configuration: { "a\\b": "2" } });
    expect(changes).to.deep.equal([{ path: "configuration", kind: "update", replaces: false }]);
  });

  it("a map declared for the first time is one addition per key; what an omitted field means is no change", () => {
    expect(detailedChanges(clusterLogConfigSchema, { clusterId: "x", rootLevel: "INFO" }, { clusterId: "x", rootLevel: "INFO", logLevels: { a: "DEBUG" } })).to.deep.equal([
      { path: 'logLevels["a"]', kind: "add", replaces: false },
    ]);
    expect(detailedChanges(clusterLogConfigSchema, { clusterId: "x", rootLevel: "INFO", logLevels: {} }, { clusterId: "x", rootLevel: "INFO" })).to.deep.equal([]);
    expect(detailedChanges(oauthClientSchema, { name: "o", scope: ["sp:scopes:all"] }, { name: "o" })).to.deep.equal([]);
  });

  it("imported inputs: the service's values, no map keys, provider-side defaults, nothing an omission means", () => {
    const live = { id: "1", name: "c", type: "idn", description: "", configuration: { gmtOffset: "0" }, status: "NORMAL" };
    expect(importedInputs(managedClusterSchema, live)).to.deep.equal({ name: "c", type: "idn", removeClientsOnDelete: false });
    const client = { name: "o", description: "d", accessTokenValiditySeconds: 750, refreshTokenValiditySeconds: 86400, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", enabled: true, redirectUris: null, type: "CONFIDENTIAL", scope: ["sp:scopes:all"] };
    expect(importedInputs(oauthClientSchema, client)).to.deep.equal({ name: "o", description: "d", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE", enabled: true });
  });
});

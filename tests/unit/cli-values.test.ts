/**
 * adopt's value selection against objects as the service makes them (the emulator's create-time defaults), judged by
 * the provider's own check, adoption and diff code: what is declared must adopt with no change and no later drift.
 */
import { expect } from "chai";
import { CLUSTER, MANAGED_CLIENT, OAUTH_CLIENT } from "../../cli/adopt/kinds";
import { selectInputs } from "../../cli/adopt/values";
import { adoptionProblems } from "../../cli/adopt/verify";
import { newCluster, newManagedClient, newOAuthClient } from "../../emulator/new-objects";

type Bag = Record<string, unknown>;
const TENANT = { pod: "pod", org: "acme" };
const NOW = "2030-01-01T00:00:00.000Z";

const clusterLive = (p: Bag = {}) => newCluster(p, TENANT, NOW) as unknown as Bag;
const oauthLive = (p: Bag = {}) => newOAuthClient({ name: "ci", description: "pipeline", ...p }, NOW) as unknown as Bag;
const selected = (rules: typeof CLUSTER, live: Bag) => selectInputs(rules.schema, live, rules).inputs;
const problems = async (rules: typeof CLUSTER, live: Bag, inputs = selected(rules, live)) => adoptionProblems(rules.provider, rules.schema, live, inputs);

describe("adopt: which values a cluster is declared with", () => {
  it("declares the name and what someone chose; leaves out the default type, an empty description and the keys the service adds", () => {
    const live = clusterLive({ name: "va", configuration: { gmtOffset: "0" } });
    const selection = selectInputs(CLUSTER.schema, live, CLUSTER);
    expect(selection.inputs).to.deep.equal({ name: "va" });
    expect(selection.leftOut.map((l) => l.path).sort()).to.deep.equal(["configuration.clusterExternalId", "configuration.clusterType", "configuration.gmtOffset"]);
  });

  it("declares a type other than the default, a description and the configuration keys a user set", () => {
    const live = clusterLive({ name: "va", type: "iai", description: "dc 1", configuration: { gmtOffset: "-5", "a/b~c": "x" } });
    expect(selected(CLUSTER, live)).to.deep.equal({ name: "va", type: "iai", description: "dc 1", configuration: { gmtOffset: "-5", "a/b~c": "x" } });
  });

  it("what it declares adopts with no request that changes anything, and no diff afterwards", async () => {
    for (const p of [{ name: "a" }, { name: "b", type: "das-pc", description: "x" }, { name: "c", configuration: { k: "v", gmtOffset: "+2" } }]) {
      expect(await problems(CLUSTER, clusterLive(p))).to.deep.equal([]);
    }
  });

  it("the provider flags a declaration that would not adopt unchanged (so the check above can fail)", async () => {
    const live = clusterLive({ name: "va", type: "iai" });
    expect(await problems(CLUSTER, live, { name: "va" })).to.deep.equal(["type differs from the service's value, which only a replacement could change"]);
    expect(await problems(CLUSTER, live, { name: "other", type: "iai" })).to.deep.equal(["adopting would send replace /name"]);
    expect(await problems(CLUSTER, live, { name: "va", type: "iai", configuration: { gmtOffset: "-5" } })).to.deep.equal(["adopting would send add /configuration/gmtOffset"]);
  });
});

describe("adopt: which values an OAuth client is declared with", () => {
  it("leaves out every field at what omitting it means: enabled, refresh lifetime, scope, type, flags, empty URLs", () => {
    expect(selected(OAUTH_CLIENT, oauthLive())).to.deep.equal({
      name: "ci",
      description: "pipeline",
      accessTokenValiditySeconds: 750,
      grantTypes: ["CLIENT_CREDENTIALS"],
      accessType: "OFFLINE",
    });
  });

  it("declares every field that differs from it, replace-only ones included", async () => {
    const live = oauthLive({
      enabled: false,
      refreshTokenValiditySeconds: 3600,
      grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
      redirectUris: ["https://app.example.com/cb"],
      businessName: "Acme",
      homepageUrl: "https://acme.example.com",
      strongAuthSupported: true,
      claimsSupported: true,
      type: "PUBLIC",
      internal: true,
      scope: ["idn:remote-client:read"],
      accessType: "ONLINE",
    });
    const inputs = selected(OAUTH_CLIENT, live);
    expect(Object.keys(inputs)).to.deep.equal([
      "name", "description", "accessTokenValiditySeconds", "refreshTokenValiditySeconds", "grantTypes", "accessType", "enabled",
      "businessName", "homepageUrl", "redirectUris", "strongAuthSupported", "claimsSupported", "type", "internal", "scope",
    ]);
    expect(await problems(OAUTH_CLIENT, live)).to.deep.equal([]);
  });

  it("adopts unchanged for every single field moved off its default", async () => {
    const moved: Bag[] = [
      { enabled: false }, { refreshTokenValiditySeconds: 1 }, { businessName: "B" }, { homepageUrl: "https://h.example.com" },
      { grantTypes: ["AUTHORIZATION_CODE"], redirectUris: ["https://r.example.com"] }, { strongAuthSupported: true },
      { claimsSupported: true }, { type: "PUBLIC" }, { internal: true }, { scope: ["a", "b"] }, { businessName: "", homepageUrl: "" },
    ];
    for (const p of moved) expect(await problems(OAUTH_CLIENT, oauthLive(p)), JSON.stringify(p)).to.deep.equal([]);
  });

  it("the provider's check flags what the service holds but the resource refuses", async () => {
    const live = oauthLive({ grantTypes: ["AUTHORIZATION_CODE"], redirectUris: null });
    expect(await problems(OAUTH_CLIENT, live)).to.deep.equal(["redirectUris must list at least one URL when grantTypes includes AUTHORIZATION_CODE"]);
  });
});

describe("adopt: which values a managed client is declared with", () => {
  const cluster = newCluster({ name: "va" }, TENANT, NOW);
  const clientLive = (p: Bag = {}) => newManagedClient({ clusterId: cluster.id, ...p }, cluster, TENANT, NOW) as unknown as Bag;

  it("leaves the service's name (VA-<clientId>), an empty description and the default type VA to the service", async () => {
    const live = clientLive();
    expect(live.name).to.equal(`VA-${String(live.clientId)}`);
    expect(selected(MANAGED_CLIENT, live)).to.deep.equal({ clusterId: cluster.id });
    expect(await problems(MANAGED_CLIENT, live)).to.deep.equal([]);
  });

  it("declares a chosen name, a description and another type, and they adopt unchanged", async () => {
    const live = clientLive({ name: "va-01", description: "rack 4", type: "CCG" });
    expect(selected(MANAGED_CLIENT, live)).to.deep.equal({ clusterId: cluster.id, type: "CCG", name: "va-01", description: "rack 4" });
    expect(await problems(MANAGED_CLIENT, live)).to.deep.equal([]);
    expect(await problems(MANAGED_CLIENT, live, { clusterId: cluster.id, name: "va-01" })).to.deep.equal(["type differs from the service's value, which only a replacement could change"]);
  });
});

import { expect } from "chai";
import { identifier, identifiers, logicalNames, slug, type Nameable } from "../../cli/adopt/names";

const names = (items: Nameable[]) => {
  const map = logicalNames(items);
  return items.map((i) => map.get(`${i.kind}/${i.id}`));
};

describe("adopt: logical names", () => {
  it("are the ISC name in kebab case, accents folded, punctuation dropped", () => {
    expect(slug("Prod VA Cluster (Zürich)")).to.equal("prod-va-cluster-zurich");
    expect(slug("  --ci__pipeline--  ")).to.equal("ci-pipeline");
    expect(slug("日本")).to.equal("");
    expect(slug("x".repeat(80))).to.have.length(60);
  });

  it("name a nameless object by its kind", () => {
    expect(names([{ kind: "ManagedCluster", name: "", id: "c1" }, { kind: "OAuthClient", name: null, id: "o1" }])).to.deep.equal(["cluster", "oauth"]);
  });

  it("tell apart objects of different kinds with one name by the kind, and of one kind by a prefix of the id", () => {
    const items: Nameable[] = [
      { kind: "ManagedCluster", name: "ci", id: "aaaaaa111" },
      { kind: "OAuthClient", name: "CI", id: "bbbbbb222" },
      { kind: "ManagedCluster", name: "prod", id: "0123456789" },
      { kind: "ManagedCluster", name: "Prod", id: "9876543210" },
    ];
    expect(names(items)).to.deep.equal(["ci-cluster", "ci-oauth", "prod-012345", "prod-987654"]);
  });

  it("do not depend on the order the objects are listed in", () => {
    const items: Nameable[] = [
      { kind: "ManagedCluster", name: "a", id: "abcdef01" },
      { kind: "ManagedCluster", name: "A", id: "abcdef02" },
      { kind: "ManagedCluster", name: "a", id: "99" },
      { kind: "OAuthClient", name: "a", id: "o" },
    ];
    const forward = logicalNames(items);
    const backward = logicalNames([...items].reverse());
    expect([...backward].sort()).to.deep.equal([...forward].sort());
    expect(new Set(forward.values()).size).to.equal(4);
    // The ids abcdef01 and abcdef02 share 7 characters: both get 8.
    expect(forward.get("ManagedCluster/abcdef01")).to.equal("a-abcdef01");
    expect(forward.get("ManagedCluster/abcdef02")).to.equal("a-abcdef02");
  });

  it("never take a name another object has as its own", () => {
    const items: Nameable[] = [
      { kind: "ManagedCluster", name: "ci", id: "c1" },
      { kind: "OAuthClient", name: "ci", id: "o1" },
      { kind: "ManagedCluster", name: "ci-cluster", id: "c2" },
    ];
    const map = logicalNames(items);
    expect(map.get("ManagedCluster/c2")).to.equal("ci-cluster");
    expect(map.get("ManagedCluster/c1")).to.equal("ci-cluster-c1");
    expect(map.get("OAuthClient/o1")).to.equal("ci-oauth");
  });
});

describe("adopt: variable names", () => {
  it("are camel case identifiers, never reserved words, imported names or starting with a digit", () => {
    expect(identifier("prod-va-cluster", "ManagedCluster")).to.equal("prodVaCluster");
    expect(identifier("2nd-dc", "ManagedCluster")).to.equal("cluster2ndDc");
    expect(identifier("delete", "ManagedCluster")).to.equal("deleteCluster");
    expect(identifier("pulumi", "OAuthClient")).to.equal("pulumiOauth");
    expect(identifier("ManagedCluster", "ManagedCluster", new Set(["ManagedCluster"]))).to.equal("ManagedClusterCluster");
  });

  it("are unique when two logical names make one identifier", () => {
    expect(identifiers([{ logicalName: "a-1", kind: "ManagedCluster" }, { logicalName: "a1", kind: "ManagedCluster" }], new Set())).to.deep.equal(["a1", "a12"]);
  });
});

import { expect } from "chai";
import { FilterError, selection, type Candidate } from "../../cli/adopt/filters";

const cluster = (name: string): Candidate => ({ kind: "ManagedCluster", name });
const client = (name: string, parentName: string): Candidate => ({ kind: "ManagedClient", name, parentName });
const oauth = (name: string): Candidate => ({ kind: "OAuthClient", name });

describe("adopt: --include / --exclude", () => {
  it("keeps everything without patterns", () => {
    expect([cluster("a"), oauth("b")].every(selection([], []))).to.equal(true);
  });

  it("matches name globs case-insensitively, whole names only", () => {
    const keep = selection(["prod-*"], []);
    expect([cluster("Prod-VA"), cluster("prod-"), cluster("preprod-va"), oauth("prod-ci")].map(keep)).to.deep.equal([true, true, false, true]);
    expect(selection(["va-?"], [])(cluster("va-1"))).to.equal(true);
    expect(selection(["va-?"], [])(cluster("va-10"))).to.equal(false);
    expect(selection(["a.b"], [])(cluster("axb")), "a dot is a dot").to.equal(false);
    expect(selection(["evil*"], [])(cluster("evil\nname")), "* spans line breaks").to.equal(true);
  });

  it("matches kinds by name or short word", () => {
    expect([cluster("x"), client("y", "x"), oauth("z")].map(selection(["kind:cluster"], []))).to.deep.equal([true, false, false]);
    expect([cluster("x"), client("y", "x"), oauth("z")].map(selection([], ["kind:OAuthClient"]))).to.deep.equal([true, true, false]);
    expect([client("y", "x")].map(selection(["kind:clients"], []))).to.deep.equal([true]);
  });

  it("keeps a managed client with its cluster when a name pattern matches the cluster", () => {
    const keep = selection(["prod-*"], []);
    expect([client("VA-123", "prod-va"), client("VA-456", "dev-va")].map(keep)).to.deep.equal([true, false]);
  });

  it("lets --exclude win over --include", () => {
    const keep = selection(["kind:cluster"], ["*-old"]);
    expect([cluster("va"), cluster("va-old")].map(keep)).to.deep.equal([true, false]);
  });

  it("refuses unknown kinds and empty patterns", () => {
    expect(() => selection(["kind:vm"], [])).to.throw(FilterError, /unknown kind "vm"/);
    expect(() => selection([], [" "])).to.throw(FilterError, /empty filter/);
  });
});

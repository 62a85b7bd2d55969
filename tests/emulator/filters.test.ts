/** The filter expression parser and evaluator (standard-collection-parameters syntax). */
import { expect } from "chai";
import { ApiError } from "../../emulator/errors";
import { applyFilter, type FilterFields } from "../../emulator/filters";

interface Item {
  name: string;
  on: boolean;
  at: string | null;
}

const items: Item[] = [
  { name: "Alpha", on: true, at: "2026-01-01T00:00:00.000Z" },
  { name: 'quo"te', on: false, at: null },
  { name: "beta", on: false, at: "2026-02-01T00:00:00.000Z" },
];

const fields: FilterFields<Item> = {
  name: { kind: "string", ops: ["eq", "ne", "co", "sw", "in"], get: (i) => i.name },
  on: { kind: "boolean", ops: ["eq"], get: (i) => i.on },
  at: { kind: "datetime", ops: ["le", "gt", "isnull"], get: (i) => i.at },
};

const names = (f: string) => applyFilter(items, f, fields).map((i) => i.name);

describe("emulator filters", () => {
  it("evaluates comparisons, lists, presence and boolean logic with precedence", () => {
    expect(names('name eq "alpha"')).to.deep.equal(["Alpha"]);
    expect(names('name eq "quo\\"te"')).to.deep.equal(['quo"te']);
    expect(names('name sw "b"')).to.deep.equal(["beta"]);
    expect(names('name in ("beta", "ALPHA")')).to.deep.equal(["Alpha", "beta"]);
    expect(names("on eq true")).to.deep.equal(["Alpha"]);
    expect(names('on eq "false"')).to.deep.equal(['quo"te', "beta"]);
    expect(names("at le 2026-01-15T00:00:00Z")).to.deep.equal(["Alpha"]);
    expect(names("at isnull")).to.deep.equal(['quo"te']);
    expect(names("not at isnull")).to.deep.equal(["Alpha", "beta"]);
    expect(names('on eq true or name eq "beta" and on eq true')).to.deep.equal(["Alpha"]);
    expect(names('(on eq true or name eq "beta") and not name co "alp"')).to.deep.equal(["beta"]);
  });

  it("rejects syntax errors, uppercase operators, unsupported fields/operators and ill-typed values with a 400", () => {
    for (const f of ['name EQ "x"', 'name eq "x" AND on eq true', "name eq alpha", 'nope eq "x"', 'name gt "x"', "on eq 1", "at le soon", 'name eq "x', "(on eq true", 'name in "x"', "", "at isnull extra"]) {
      expect(() => names(f), f).to.throw(ApiError).with.property("status", 400);
    }
  });
});

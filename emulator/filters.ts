/**
 * The ISC `filters` query syntax (standard-collection-parameters; docs/isc-api.md §9): lowercase operators only,
 * double-quoted strings, `true`/`false`, unquoted ISO date-times, `and`/`or`/`not` with parentheses, `in`/`ca` lists,
 * `pr field` and `field isnull`. Each endpoint declares the fields and operators it supports; anything else is a 400.
 */
import { badRequest } from "./errors";

type Literal =
  | { type: "string"; value: string }
  | { type: "boolean"; value: boolean }
  | { type: "number"; value: number }
  | { type: "datetime"; value: string }
  | { type: "null" };

export type FilterExpr =
  | { kind: "and" | "or"; left: FilterExpr; right: FilterExpr }
  | { kind: "not"; expr: FilterExpr }
  | { kind: "cmp"; field: string; op: string; value: Literal }
  | { kind: "list"; field: string; op: "in" | "ca"; values: Literal[] }
  | { kind: "pr" | "isnull"; field: string };

export interface FilterField<T> {
  ops: readonly string[];
  kind: "string" | "boolean" | "datetime";
  get(item: T): unknown;
}

export type FilterFields<T> = Record<string, FilterField<T>>;

const COMPARISON = ["eq", "ne", "gt", "ge", "lt", "le", "co", "sw"];
const KEYWORDS = [...COMPARISON, "in", "ca", "pr", "isnull", "and", "or", "not"];

type Token = { t: "word" | "string" | "(" | ")" | ","; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      out.push({ t: c, v: c });
      i++;
    } else if (c === '"') {
      let v = "";
      i++;
      for (;;) {
        if (i >= src.length) throw badRequest("Invalid filter: unterminated string literal");
        if (src[i] === "\\" && i + 1 < src.length) {
          v += src[i + 1];
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else v += src[i++];
      }
      out.push({ t: "string", v });
    } else {
      const m = /^[^\s(),"]+/.exec(src.slice(i));
      if (!m) throw badRequest(`Invalid filter: unexpected '${c}'`);
      out.push({ t: "word", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpr {
    const e = this.or();
    if (this.pos < this.tokens.length) throw badRequest(`Invalid filter: unexpected '${this.tokens[this.pos].v}'`);
    return e;
  }

  private peekWord(): string | undefined {
    const tok = this.tokens[this.pos];
    if (tok?.t !== "word") return undefined;
    if (KEYWORDS.includes(tok.v.toLowerCase()) && tok.v !== tok.v.toLowerCase()) {
      throw badRequest(`Invalid filter: operator '${tok.v}' must be lowercase`);
    }
    return tok.v;
  }

  private next(): Token {
    const tok = this.tokens[this.pos++];
    if (!tok) throw badRequest("Invalid filter: unexpected end of expression");
    return tok;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.peekWord() === "or") {
      this.pos++;
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.not();
    while (this.peekWord() === "and") {
      this.pos++;
      left = { kind: "and", left, right: this.not() };
    }
    return left;
  }

  private not(): FilterExpr {
    if (this.peekWord() === "not") {
      this.pos++;
      return { kind: "not", expr: this.not() };
    }
    return this.primary();
  }

  private primary(): FilterExpr {
    const tok = this.next();
    if (tok.t === "(") {
      const e = this.or();
      if (this.next().t !== ")") throw badRequest("Invalid filter: missing ')'");
      return e;
    }
    if (tok.t !== "word") throw badRequest(`Invalid filter: expected a field name, got '${tok.v}'`);
    this.pos--;
    if (this.peekWord() === "pr") {
      this.pos++;
      return { kind: "pr", field: this.field() };
    }
    const field = this.field();
    const op = this.peekWord();
    if (op === undefined) throw badRequest(`Invalid filter: expected an operator after '${field}'`);
    this.pos++;
    if (op === "isnull") return { kind: "isnull", field };
    if (op === "in" || op === "ca") {
      if (this.next().t !== "(") throw badRequest(`Invalid filter: '${op}' needs a parenthesised list`);
      const values = [this.literal()];
      for (let tok2 = this.next(); tok2.t !== ")"; tok2 = this.next()) {
        if (tok2.t !== ",") throw badRequest("Invalid filter: expected ',' or ')' in list");
        values.push(this.literal());
      }
      return { kind: "list", field, op, values };
    }
    if (!COMPARISON.includes(op)) throw badRequest(`Invalid filter: unknown operator '${op}'`);
    return { kind: "cmp", field, op, value: this.literal() };
  }

  private field(): string {
    const tok = this.next();
    if (tok.t !== "word" || !/^[A-Za-z_][\w.]*$/.test(tok.v) || KEYWORDS.includes(tok.v)) {
      throw badRequest(`Invalid filter: expected a field name, got '${tok.v}'`);
    }
    return tok.v;
  }

  private literal(): Literal {
    const tok = this.next();
    if (tok.t === "string") return { type: "string", value: tok.v };
    if (tok.t !== "word") throw badRequest(`Invalid filter: expected a value, got '${tok.v}'`);
    if (tok.v === "true" || tok.v === "false") return { type: "boolean", value: tok.v === "true" };
    if (tok.v === "null") return { type: "null" };
    if (/^-?\d+(\.\d+)?$/.test(tok.v)) return { type: "number", value: Number(tok.v) };
    if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(tok.v) && !Number.isNaN(Date.parse(tok.v))) {
      return { type: "datetime", value: tok.v };
    }
    throw badRequest(`Invalid filter: '${tok.v}' is not a valid value (strings must be double-quoted)`);
  }
}

/** Parses a filter and checks every field/operator against what the endpoint supports. */
export function parseFilter<T>(src: string, fields: FilterFields<T>): FilterExpr {
  if (!src.trim()) throw badRequest("Invalid filter: empty expression");
  const expr = new Parser(tokenize(src)).parse();
  check(expr, fields);
  return expr;
}

function check<T>(e: FilterExpr, fields: FilterFields<T>): void {
  switch (e.kind) {
    case "and":
    case "or":
      check(e.left, fields);
      check(e.right, fields);
      return;
    case "not":
      check(e.expr, fields);
      return;
  }
  const spec = Object.prototype.hasOwnProperty.call(fields, e.field) ? fields[e.field] : undefined;
  if (!spec) throw badRequest(`Invalid filter: filtering is not supported for field '${e.field}'`);
  const op = e.kind === "cmp" || e.kind === "list" ? e.op : e.kind;
  if (!spec.ops.includes(op)) throw badRequest(`Invalid filter: operator '${op}' is not supported for field '${e.field}'`);
  const values = e.kind === "cmp" ? [e.value] : e.kind === "list" ? e.values : [];
  for (const v of values) coerce(v, spec.kind, e.field);
}

function coerce(v: Literal, kind: FilterField<unknown>["kind"], field: string): string | boolean | number {
  if (kind === "boolean") {
    if (v.type === "boolean") return v.value;
    if (v.type === "string" && (v.value === "true" || v.value === "false")) return v.value === "true";
    throw badRequest(`Invalid filter: '${field}' takes true or false`);
  }
  if (kind === "datetime") {
    const text = v.type === "datetime" || v.type === "string" ? v.value : undefined;
    const ms = text === undefined ? NaN : Date.parse(text);
    if (Number.isNaN(ms)) throw badRequest(`Invalid filter: '${field}' takes an ISO-8601 date-time`);
    return ms;
  }
  if (v.type !== "string") throw badRequest(`Invalid filter: '${field}' takes a double-quoted string`);
  return v.value;
}

/** Evaluates a checked filter against one item. String comparisons are case-insensitive, as in ISC. */
export function matchesFilter<T>(e: FilterExpr, item: T, fields: FilterFields<T>): boolean {
  switch (e.kind) {
    case "and":
      return matchesFilter(e.left, item, fields) && matchesFilter(e.right, item, fields);
    case "or":
      return matchesFilter(e.left, item, fields) || matchesFilter(e.right, item, fields);
    case "not":
      return !matchesFilter(e.expr, item, fields);
    case "pr":
    case "isnull": {
      const v = fields[e.field].get(item);
      const present = v !== null && v !== undefined && v !== "";
      return e.kind === "pr" ? present : !present;
    }
    case "list": {
      const spec = fields[e.field];
      const actual = spec.get(item);
      const wanted = e.values.map((v) => normalize(coerce(v, spec.kind, e.field)));
      const have = (Array.isArray(actual) ? actual : [actual]).map((a) => normalize(toComparable(a, spec.kind)));
      return e.op === "in" ? have.some((h) => wanted.includes(h)) : wanted.every((w) => have.includes(w));
    }
    case "cmp": {
      const spec = fields[e.field];
      const raw = spec.get(item);
      if (raw === null || raw === undefined) return e.op === "ne";
      const a = normalize(toComparable(raw, spec.kind));
      const b = normalize(coerce(e.value, spec.kind, e.field));
      switch (e.op) {
        case "eq":
          return a === b;
        case "ne":
          return a !== b;
        case "gt":
          return a > b;
        case "ge":
          return a >= b;
        case "lt":
          return a < b;
        case "le":
          return a <= b;
        case "co":
          return String(a).includes(String(b));
        case "sw":
          return String(a).startsWith(String(b));
      }
      return false;
    }
  }
}

function toComparable(v: unknown, kind: FilterField<unknown>["kind"]): string | boolean | number {
  if (kind === "datetime") return Date.parse(String(v));
  if (kind === "boolean") return v === true;
  return String(v);
}

function normalize(v: string | boolean | number): string | boolean | number {
  return typeof v === "string" ? v.toLowerCase() : v;
}

/** Parses `filters` (if present) and returns the items that match. */
export function applyFilter<T>(items: T[], src: string | undefined, fields: FilterFields<T>): T[] {
  if (src === undefined) return items;
  const expr = parseFilter(src, fields);
  return items.filter((i) => matchesFilter(expr, i, fields));
}

/**
 * Query parameters checked against the operation's declared parameters: integers and their bounds (`offset` ≥ 0,
 * `limit` 0..250), booleans, enums and required parameters. Declared defaults are applied; undeclared parameters are
 * ignored, as the service ignores them.
 */
import { badRequest } from "./errors";
import { isObject, resolvePointer, type Operation } from "./openapi";

export function parseQueryParams(op: Operation, query: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const list = resolvePointer(op.version, `${op.pointer}/parameters`)?.node;
  if (!Array.isArray(list)) return out;
  list.forEach((_, i) => {
    const param = resolvePointer(op.version, `${op.pointer}/parameters/${i}`);
    if (!param || !isObject(param.node) || param.node.in !== "query") return;
    const name = String(param.node.name);
    const schema = resolvePointer(op.version, `${param.pointer}/schema`)?.node;
    const s = isObject(schema) ? schema : {};
    const raw = query[name];
    if (raw === undefined) {
      if (param.node.required === true) throw badRequest(`Required query parameter '${name}' is missing.`);
      if (s.default !== undefined) out[name] = s.default;
      return;
    }
    out[name] = convert(name, raw, s);
  });
  return out;
}

function convert(name: string, raw: string, s: Record<string, unknown>): unknown {
  if (s.type === "integer") {
    if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`Query parameter '${name}' must be an integer.`);
    const n = Number(raw);
    const min = typeof s.minimum === "number" ? s.minimum : -Infinity;
    const max = typeof s.maximum === "number" ? s.maximum : Infinity;
    if (n < min || n > max) {
      throw badRequest(
        max === Infinity ? `Query parameter '${name}' must be at least ${min}.` : `Query parameter '${name}' must be between ${min} and ${max}.`,
      );
    }
    return n;
  }
  if (s.type === "boolean") {
    const v = raw.toLowerCase();
    if (v !== "true" && v !== "false") throw badRequest(`Query parameter '${name}' must be true or false.`);
    return v === "true";
  }
  if (Array.isArray(s.enum)) {
    const allowed = s.enum.filter((e): e is string => typeof e === "string");
    if (!allowed.includes(raw)) throw badRequest(`Query parameter '${name}' must be one of ${allowed.join(", ")}.`);
  }
  return raw;
}

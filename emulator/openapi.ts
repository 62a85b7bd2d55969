/**
 * Read access to the bundled OpenAPI documents (emulator/openapi/<version>.json, written by scripts/bundle-specs.ts):
 * the operations each version serves, path matching, and $ref-following lookups for schemas and responses.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { API_VERSIONS, type ApiVersion } from "./types";

export type JsonObject = Record<string, unknown>;

export interface OpenApiDoc extends JsonObject {
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject>; responses?: Record<string, JsonObject> };
}

export interface Operation {
  version: ApiVersion;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template as written in the spec (`/managed-clusters/{id}`, or `/managed-clusters/v1/{id}` for v1). */
  template: string;
  /** Template without the per-service `/v1` segment: the same for every version (`/managed-clusters/{id}`). */
  route: string;
  /** operationId without the `V1` suffix of the per-service specs. */
  operationId: string;
  deprecated: boolean;
  /** JSON pointer of the operation object inside the bundle. */
  pointer: string;
  spec: JsonObject;
}

export const BUNDLE_DIR = path.join(__dirname, "openapi");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const docs = new Map<ApiVersion, OpenApiDoc>();
const operationCache = new Map<ApiVersion, Operation[]>();

export function isApiVersion(v: string): v is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(v);
}

export function loadSpec(version: ApiVersion): OpenApiDoc {
  let doc = docs.get(version);
  if (!doc) {
    doc = JSON.parse(fs.readFileSync(path.join(BUNDLE_DIR, `${version}.json`), "utf8")) as OpenApiDoc;
    docs.set(version, doc);
  }
  return doc;
}

/** `/managed-clusters/v1/{id}` → `/managed-clusters/{id}`; other paths unchanged. */
export function stripServiceVersion(p: string): string {
  return p.replace(/^(\/[^/]+)\/v1(?=\/|$)/, "$1");
}

export function escapePointer(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function operations(version: ApiVersion): Operation[] {
  let ops = operationCache.get(version);
  if (!ops) {
    ops = [];
    const doc = loadSpec(version);
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const spec = item[method];
        if (!spec) continue;
        ops.push({
          version,
          method: method.toUpperCase(),
          template,
          route: version === "v1" ? stripServiceVersion(template) : template,
          operationId: String(spec.operationId ?? "").replace(/V1$/, ""),
          deprecated: spec.deprecated === true,
          pointer: `/paths/${escapePointer(template)}/${method}`,
          spec,
        });
      }
    }
    operationCache.set(version, ops);
  }
  return ops;
}

/** Path parameters when `route` (a template) matches the concrete version-less path, else undefined. */
export function matchTemplate(route: string, concrete: string): Record<string, string> | undefined {
  const t = route.split("/");
  const c = concrete.split("/");
  if (t.length !== c.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const m = /^\{(.+)\}$/.exec(t[i]);
    if (m) {
      if (!c[i]) return undefined;
      try {
        params[m[1]] = decodeURIComponent(c[i]);
      } catch {
        return undefined;
      }
    } else if (t[i] !== c[i]) return undefined;
  }
  return params;
}

export type RouteMatch =
  | { kind: "found"; operation: Operation; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

/** Finds the operation for a version-less path (`/managed-clusters/abc`) and method. */
export function findOperation(version: ApiVersion, method: string, routePath: string): RouteMatch {
  const allowed: string[] = [];
  for (const op of operations(version)) {
    const params = matchTemplate(op.route, routePath);
    if (!params) continue;
    if (op.method === method.toUpperCase()) return { kind: "found", operation: op, params };
    allowed.push(op.method);
  }
  return allowed.length ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
}

/** Reads a JSON pointer in a bundle, following internal $refs on the way and at the end. */
export function resolvePointer(version: ApiVersion, pointer: string): { pointer: string; node: unknown } | undefined {
  const doc = loadSpec(version);
  let node: unknown = doc;
  let at = "";
  const follow = () => {
    for (let hops = 0; isObject(node) && typeof node.$ref === "string" && hops < 20; hops++) {
      at = node.$ref.replace(/^#/, "");
      node = getPointer(doc, at);
    }
  };
  for (const part of pointer.split("/").slice(1)) {
    follow();
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as JsonObject)[key];
    at = `${at}/${part}`;
    if (node === undefined) return undefined;
  }
  follow();
  return { pointer: at, node };
}

function getPointer(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const part of pointer.split("/").slice(1)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as JsonObject)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The declared JSON request body: its content type and the pointer of its schema. */
export function requestBodyInfo(op: Operation): { contentType: string; schemaPointer: string; required: boolean } | undefined {
  const body = resolvePointer(op.version, `${op.pointer}/requestBody`);
  if (!body || !isObject(body.node) || !isObject(body.node.content)) return undefined;
  const contentType = Object.keys(body.node.content)[0];
  return {
    contentType,
    schemaPointer: `${body.pointer}/content/${escapePointer(contentType)}/schema`,
    required: body.node.required === true,
  };
}

export type ResponseInfo = { declared: false } | { declared: true; schemaPointer?: string };

/** Whether a status is declared for an operation, and the pointer of its JSON schema when it has a body. */
export function responseInfo(op: Operation, status: number): ResponseInfo {
  const res =
    resolvePointer(op.version, `${op.pointer}/responses/${status}`) ?? resolvePointer(op.version, `${op.pointer}/responses/default`);
  if (!res || !isObject(res.node)) return { declared: false };
  const content = res.node.content;
  if (!isObject(content)) return { declared: true };
  const type = Object.keys(content).find((t) => t.includes("json")) ?? Object.keys(content)[0];
  return { declared: true, schemaPointer: `${res.pointer}/content/${escapePointer(type)}/schema` };
}

/** A component schema with its $refs followed at the top level. */
export function componentSchema(version: ApiVersion, name: string): JsonObject {
  const lower = version === "v1" ? name.toLowerCase() : name;
  const found = resolvePointer(version, `/components/schemas/${lower}`);
  if (!found || !isObject(found.node)) throw new Error(`schema ${name} not in the ${version} bundle`);
  return found.node;
}

/** Enum values of a component schema (e.g. StandardLevel), nulls dropped. */
export function enumValues(version: ApiVersion, name: string): string[] {
  const e = componentSchema(version, name).enum;
  return Array.isArray(e) ? e.filter((v): v is string => typeof v === "string") : [];
}

/** The declared properties of the schema at a pointer (following refs), for unknown-property checks. */
export function propertyNames(version: ApiVersion, schemaPointer: string): string[] {
  const found = resolvePointer(version, schemaPointer);
  if (!found || !isObject(found.node)) return [];
  const props = found.node.properties;
  return isObject(props) ? Object.keys(props) : [];
}

/**
 * Fields and operators the `filters` parameter supports, read from its description
 * ("**lastUsed**: *le, isnull*"). Empty when the operation takes no filters.
 */
export function declaredFilters(op: Operation): Record<string, string[]> {
  const params = op.spec.parameters;
  const out: Record<string, string[]> = {};
  if (!Array.isArray(params)) return out;
  const filters = params.find((p): p is JsonObject => isObject(p) && p.name === "filters" && p.in === "query");
  const text = typeof filters?.description === "string" ? filters.description : "";
  for (const m of text.matchAll(/\*\*(\w+)\*\*:\s*\*([^*]+)\*/g)) out[m[1]] = m[2].split(",").map((s) => s.trim());
  return out;
}

/**
 * Ajv validation against the bundled OpenAPI 3.0 documents, used by the emulator (request bodies, optional response
 * self-checks) and by tests (`validateResponse`).
 *
 * OpenAPI 3.0 schemas are converted for Ajv: `nullable: true` adds "null" to `type` (and to `enum`), and keywords
 * next to a `$ref` are dropped, as OpenAPI 3.0 says they are ignored. Path parameters are never validated, so the
 * `format: uuid` on cluster ids (docs/isc-api.md §11.3) is not enforced.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import {
  findOperation,
  isApiVersion,
  isObject,
  loadSpec,
  operations,
  responseInfo,
  stripServiceVersion,
  type JsonObject,
  type Operation,
} from "./openapi";
import type { ApiVersion } from "./types";

const BASE = "https://isc-emulator.local/openapi/";

/**
 * Known spec defects the validator tolerates, each a schema property that the spec forgets to mark nullable.
 * `CreateOAuthClientResponse` requires businessName, homepageUrl, description and redirectUris without `nullable`,
 * although a client created without them has no value (GetOAuthClientResponse marks the same fields nullable, and
 * the emulator returns null, as the docs' read examples do).
 */
export const TOLERATED_NULLABLE: Record<string, string[]> = {
  CreateOAuthClientResponse: ["businessName", "homepageUrl", "description", "redirectUris"],
};

let ajv: Ajv | undefined;
const loaded = new Set<ApiVersion>();
const compiled = new Map<string, ValidateFunction>();

function getAjv(version: ApiVersion): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(ajv);
  }
  if (!loaded.has(version)) {
    const doc = structuredClone(loadSpec(version));
    for (const [name, props] of Object.entries(TOLERATED_NULLABLE)) {
      const schema = doc.components.schemas[version === "v1" ? name.toLowerCase() : name];
      for (const p of props) {
        const prop = (schema?.properties as Record<string, JsonObject> | undefined)?.[p];
        if (prop) prop.nullable = true;
      }
    }
    ajv.addSchema({ ...(toJsonSchema(doc) as JsonObject), $id: `${BASE}${version}.json` });
    loaded.add(version);
  }
  return ajv;
}

/** OpenAPI 3.0 → JSON Schema (draft-07 as Ajv reads it). Applied to the whole document; only schemas are compiled. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string") return { $ref: node.$ref };
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "nullable" && typeof v === "boolean") continue;
    out[k] = toJsonSchema(v);
  }
  if (node.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined && out.enum === undefined) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function validatorAt(version: ApiVersion, pointer: string): ValidateFunction {
  const key = `${version}#${pointer}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = getAjv(version).compile({ $ref: `${BASE}${version}.json#${pointer}` });
    compiled.set(key, fn);
  }
  return fn;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || "/";
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "enum") return `${where} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  if (e.keyword === "additionalProperties") return `${where} must not have property '${String(p.additionalProperty)}'`;
  return `${where} ${e.message ?? "is invalid"}`;
}

/** Validates a value against the schema at a JSON pointer of a bundle; returns readable errors (empty = valid). */
export function validateAt(version: ApiVersion, schemaPointer: string, value: unknown): string[] {
  const fn = validatorAt(version, schemaPointer);
  if (fn(value)) return [];
  const errors = (fn.errors ?? []).filter((e) => e.keyword !== "if");
  // oneOf/anyOf produce one error per branch; keep them but put the summary last.
  return [...new Set(errors.map(describe))];
}

/** Validates against a component schema by name (`ManagedCluster`; lower-cased automatically for v1). */
export function validateSchema(version: ApiVersion, name: string, value: unknown): string[] {
  return validateAt(version, `/components/schemas/${version === "v1" ? name.toLowerCase() : name}`, value);
}

/** Finds the operation for a template or concrete path, with or without the version prefix. */
export function operationFor(version: ApiVersion, method: string, pathTemplateOrConcretePath: string): Operation | undefined {
  let p = pathTemplateOrConcretePath.split("?")[0];
  if (p.startsWith(`/${version}/`)) p = p.slice(version.length + 1);
  p = stripServiceVersion(p);
  const m = method.toUpperCase();
  const byTemplate = operations(version).find((op) => op.method === m && op.route === p);
  if (byTemplate) return byTemplate;
  const found = findOperation(version, m, p);
  return found.kind === "found" ? found.operation : undefined;
}

export interface ValidateResponseOptions {
  /**
   * What to do with a status the operation does not declare. "error-dto" (default): a 4xx/5xx body must be an
   * ErrorResponseDto (the shape ISC uses for every such error, e.g. the undeclared 404 of DELETE /managed-clusters/{id}),
   * any other undeclared status is an error. "reject": every undeclared status is an error.
   */
  undeclared?: "error-dto" | "reject";
}

/**
 * Validates a response body against the bundled OpenAPI response schema for an operation and status.
 * `body` is the parsed JSON (undefined or "" for an empty body). Returns readable errors; empty means valid.
 */
export function validateResponse(
  version: ApiVersion | string,
  method: string,
  pathTemplateOrConcretePath: string,
  status: number,
  body: unknown,
  options: ValidateResponseOptions = {},
): string[] {
  if (!isApiVersion(version)) return [`unknown API version '${version}'`];
  const op = operationFor(version, method, pathTemplateOrConcretePath);
  if (!op) return [`no operation ${method.toUpperCase()} ${pathTemplateOrConcretePath} in ${version}`];
  return validateOperationResponse(op, status, body, options);
}

/** validateResponse for an operation already looked up. */
export function validateOperationResponse(op: Operation, status: number, body: unknown, options: ValidateResponseOptions = {}): string[] {
  const version = op.version;
  const info = responseInfo(op, status);
  const label = `${op.operationId} (${version}) ${status}`;
  if (!info.declared) {
    if ((options.undeclared ?? "error-dto") === "reject" || status < 400 || status === 401 || status === 429) {
      return [`${label}: status not declared`];
    }
    return validateSchema(version, "ErrorResponseDto", body).map((e) => `${label} (undeclared, as ErrorResponseDto): ${e}`);
  }
  const empty = body === undefined || body === "";
  if (!info.schemaPointer) return empty ? [] : [`${label}: expected no body`];
  if (empty) return [`${label}: expected a JSON body`];
  return validateAt(version, info.schemaPointer, body).map((e) => `${label}: ${e}`);
}

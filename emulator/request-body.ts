/** Request bodies: content-type check, JSON parsing, schema validation and unknown-property rejection. */
import { ApiError, badRequest } from "./errors";
import { isObject, propertyNames, requestBodyInfo, type Operation } from "./openapi";
import { validateAt } from "./openapi-validator";

function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * Checks the Content-Type against the operation's declared body type and parses the JSON.
 * A PATCH declared as `application/json-patch+json` refuses `application/json` (415), as Spring-based services do.
 */
export function readDeclaredBody(op: Operation, contentType: string | undefined, text: string): unknown {
  const info = requestBodyInfo(op);
  if (!info) return text.trim() ? parseJson(text) : undefined;
  const empty = text.trim() === "";
  if (empty && !info.required) return undefined;
  if (mediaType(contentType) !== info.contentType.toLowerCase()) {
    throw new ApiError(415, `Content type '${mediaType(contentType) || "none"}' is not supported; use '${info.contentType}'.`);
  }
  if (empty) throw badRequest("Required request body is missing.");
  return parseJson(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`Malformed JSON request body: ${(e as Error).message}`);
  }
}

/** Validates the body against the operation's declared schema (or another pointer); 400 with the errors as causes. */
export function validateBody(op: Operation, body: unknown, opts: { schemaPointer?: string; rejectUnknown?: boolean } = {}): void {
  const pointer = opts.schemaPointer ?? requestBodyInfo(op)?.schemaPointer;
  if (!pointer) return;
  const errors = validateAt(op.version, pointer, body);
  if (errors.length) throw badRequest(`Invalid request body: ${errors.slice(0, 3).join("; ")}`, errors);
  if (opts.rejectUnknown) rejectUnknownProperties(op, pointer, body);
}

/** 400 for top-level properties the schema does not declare (the schemas do not say additionalProperties: false). */
export function rejectUnknownProperties(op: Operation, schemaPointer: string, body: unknown): void {
  if (!isObject(body)) return;
  const known = propertyNames(op.version, schemaPointer);
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) {
    throw badRequest(`Unrecognized field${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; not a property of the request.`);
  }
}

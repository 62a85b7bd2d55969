import { IscApiError } from "../http/errors";
import { isPlainObject } from "../engine/values";

interface Request {
  method: string;
  path: string;
  status: number;
}

/**
 * A 2xx whose body is not what the operation promises: empty, `null`, not an object, without a string `id`, the
 * wrong `id`, or (a create) without its one-time secret. After a write the service may have applied it, so the outcome
 * is ambiguous and is reconciled like a connection reset after commit; `madeId` is the id the body did carry, if any.
 */
export class UnusableResponse extends IscApiError {
  constructor(
    request: Request,
    problem: string,
    private readonly afterWrite: boolean,
    readonly madeId?: string,
  ) {
    super({ method: request.method, path: request.path, status: request.status, code: "ERR_UNUSABLE_RESPONSE", messages: [problem] });
  }

  override get ambiguous(): boolean {
    return this.afterWrite;
  }
}

const WRITES = new Set(["POST", "PUT", "PATCH"]);

function shape(body: unknown): string {
  if (body === undefined) return "an empty body";
  if (body === null) return "null";
  return Array.isArray(body) ? "a list" : typeof body === "object" ? "an object" : `a ${typeof body}`;
}

/**
 * The body as one object of the collection: a JSON object with a string `id` (equal to `expectedId` when given) and a
 * string for each of `requiredStrings`.
 */
export function expectObject<T>(request: Request, body: unknown, expectedId?: string, requiredStrings: readonly string[] = []): T {
  const afterWrite = WRITES.has(request.method.toUpperCase());
  if (!isPlainObject(body)) throw new UnusableResponse(request, `expected an object with an id, got ${shape(body)}`, afterWrite);
  const id = body.id;
  if (typeof id !== "string" || id === "") throw new UnusableResponse(request, "the object in the response has no id", afterWrite);
  if (expectedId !== undefined && id !== expectedId) {
    throw new UnusableResponse(request, `the response describes object "${id}", not the "${expectedId}" asked for`, afterWrite);
  }
  for (const field of requiredStrings) {
    if (typeof body[field] !== "string" || body[field] === "") {
      throw new UnusableResponse(request, `the response has no ${field}`, afterWrite, id);
    }
  }
  return body as T;
}

/** The body as a list of objects with ids. */
export function expectList<T>(request: Request, body: unknown): T[] {
  if (!Array.isArray(body) || body.some((item) => !isPlainObject(item) || typeof item.id !== "string")) {
    throw new UnusableResponse(request, `expected a list of objects with ids, got ${shape(body)}`, false);
  }
  return body as T[];
}

/** The body as an object carrying a string in each of `fields` (objects without an id, such as a log configuration). */
export function expectFields<T>(request: Request, body: unknown, fields: readonly string[]): T {
  const missing = isPlainObject(body) ? fields.filter((f) => typeof body[f] !== "string") : fields;
  if (!isPlainObject(body) || missing.length > 0) {
    throw new UnusableResponse(request, `expected an object with ${fields.join(", ")}, got ${isPlainObject(body) ? `one without ${missing.join(", ")}` : shape(body)}`, WRITES.has(request.method.toUpperCase()));
  }
  return body as T;
}

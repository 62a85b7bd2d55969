/**
 * The request pipeline: record → fault injection → token endpoint, or auth → rate limit → route → handler →
 * optional response self-check against the bundled spec. `/__emulator/...` control routes bypass all of it.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { TokenService } from "./auth";
import { ApiError, errorResponse, RATE_LIMIT_BODY } from "./errors";
import type { FaultInjector } from "./faults";
import { BodyTooLargeError, headerObject, parseForm, parseMaybeJson, queryObject, readBody, send } from "./http-io";
import { findOperation, type Operation } from "./openapi";
import { validateOperationResponse } from "./openapi-validator";
import { parseQueryParams } from "./query-params";
import type { RateLimiter } from "./rate-limit";
import type { Recorder } from "./recorder";
import { readDeclaredBody } from "./request-body";
import { authorized } from "./scopes";
import { HANDLERS } from "./routes";
import type { EmulatorStore } from "./store";
import type { ApiVersion, Clock, RecordedRequest } from "./types";

export interface EmulatorCore {
  clock: Clock;
  store: EmulatorStore;
  tokens: TokenService;
  limiter: RateLimiter;
  faults: FaultInjector;
  recorder: Recorder;
  validateResponses: boolean;
  /** Handles `/__emulator/...`. */
  control(req: IncomingMessage, res: ServerResponse, url: URL, body: string): void;
}

interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  outcome: "ok" | "rate-limited";
  operation?: Operation;
}

const LEGACY_PREFIX = /^\/(v3|v2024|v2025|v2026|beta)(\/.*)?$/;
const SERVICE_PREFIX = /^\/(managed-clusters|managed-clients|oauth-clients)\/v1(\/.*)?$/;

/** `/v2025/managed-clusters/x` → v2025 + `/managed-clusters/x`; `/managed-clusters/v1/x` → v1 + `/managed-clusters/x`. */
export function splitVersion(path: string): { version?: ApiVersion; routePath: string } {
  const legacy = LEGACY_PREFIX.exec(path);
  if (legacy) return { version: legacy[1] as ApiVersion, routePath: legacy[2] ?? "/" };
  const service = SERVICE_PREFIX.exec(path);
  if (service) return { version: "v1", routePath: `/${service[1]}${service[2] ?? ""}` };
  return { routePath: path };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createRequestListener(core: EmulatorCore): RequestListener {
  return (req, res) => {
    handle(core, req, res).catch((err: unknown) => {
      console.error("[isc-emulator] internal error:", err);
      if (!res.headersSent) send(res, 500, JSON.stringify(errorResponse(500)));
      else res.destroy();
    });
  };
}

async function handle(core: EmulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const method = (req.method ?? "GET").toUpperCase();
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return send(res, 413, JSON.stringify(errorResponse(413, e.message)), { Connection: "close" });
    throw e;
  }
  const text = raw.toString("utf8");
  if (url.pathname === "/__emulator" || url.pathname.startsWith("/__emulator/")) return core.control(req, res, url, text);

  const isToken = url.pathname === "/oauth/token";
  const { version, routePath } = splitVersion(url.pathname);
  const headers = headerObject(req);
  const record: RecordedRequest = {
    seq: core.recorder.nextSeq(),
    time: core.clock.now(),
    method,
    path: url.pathname,
    query: queryObject(url.searchParams),
    headers,
    contentType: headers["content-type"],
    body: isToken && isForm(headers["content-type"]) ? parseForm(headers["content-type"], raw) : parseMaybeJson(text),
    status: 0,
    ...(version ? { apiVersion: version } : {}),
  };

  const finish = (status: number, bodyText: string, h: Record<string, string> | undefined, outcome: RecordedRequest["outcome"]) => {
    record.status = status;
    record.outcome = outcome;
    record.responseBody = parseMaybeJson(bodyText);
    core.recorder.add(record);
    // The service's clock, as ISC's gateway reports it: clients can relate createdAt stamps to their own time.
    send(res, status, bodyText, { Date: new Date(core.clock.now()).toUTCString(), ...h });
  };

  const fault = core.faults.take({ method, routePath: isToken ? url.pathname : routePath, version });
  if (fault && fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault?.kind === "respond") return finish(fault.status, fault.bodyText, fault.headers, "fault");
  if (fault?.kind === "reset" && fault.when === "before") {
    record.outcome = "reset-before";
    core.recorder.add(record);
    req.socket.destroy();
    return;
  }

  const result = isToken ? tokenEndpoint(core, req, method, url, raw, record) : apiRequest(core, req, method, version, routePath, text, record);
  const bodyText = result.body === undefined ? "" : JSON.stringify(result.body);
  if (core.validateResponses && result.operation) {
    const errors = validateOperationResponse(result.operation, result.status, result.body);
    if (errors.length) record.schemaErrors = errors;
  }
  if (fault?.kind === "after-commit") {
    // The change is committed; the client gets an answer it cannot use.
    let body = fault.bodyText;
    if (body === undefined) {
      const real = result.body && typeof result.body === "object" ? { ...(result.body as Record<string, unknown>) } : result.body;
      if (real && typeof real === "object") for (const field of fault.omitFields) delete (real as Record<string, unknown>)[field];
      body = real === undefined ? "" : JSON.stringify(real);
    }
    return finish(fault.status ?? result.status, body, { ...result.headers, ...fault.headers }, "fault");
  }
  if (fault?.kind === "reset" && fault.when === "after") {
    // The change is committed; the client never hears about it.
    record.status = result.status;
    record.outcome = "reset-after";
    record.responseBody = result.body;
    core.recorder.add(record);
    req.socket.destroy();
    return;
  }
  finish(result.status, bodyText, result.headers, result.outcome);
}

function tokenEndpoint(core: EmulatorCore, req: IncomingMessage, method: string, url: URL, raw: Buffer, record: RecordedRequest): Outcome {
  if (method !== "POST") {
    return { status: 405, body: { error: "method_not_allowed", error_description: `Request method '${method}' is not supported` }, headers: { Allow: "POST" }, outcome: "ok" };
  }
  const params = { ...queryObject(url.searchParams), ...parseForm(req.headers["content-type"], raw) };
  const r = core.tokens.issue(params, req.headers.authorization);
  if (r.clientId !== undefined) record.clientId = r.clientId;
  return { status: r.status, body: r.body, headers: r.headers, outcome: "ok" };
}

function apiRequest(
  core: EmulatorCore,
  req: IncomingMessage,
  method: string,
  version: ApiVersion | undefined,
  routePath: string,
  text: string,
  record: RecordedRequest,
): Outcome {
  const auth = core.tokens.authenticate(req.headers.authorization);
  if (!auth.ok) {
    const match = version ? findOperation(version, method, routePath) : undefined;
    const operation = match?.kind === "found" ? match.operation : undefined;
    return { status: 401, body: { error: auth.error }, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' }, outcome: "ok", operation };
  }
  record.clientId = auth.clientId;
  const rate = core.limiter.admit(`${auth.clientId} ${version ?? "unversioned"}`);
  const match = version ? findOperation(version, method, routePath) : ({ kind: "not-found" } as const);
  const operation = match.kind === "found" ? match.operation : undefined;
  if (!rate.ok) {
    return { status: 429, body: RATE_LIMIT_BODY, headers: { "Retry-After": String(rate.retryAfterSeconds) }, outcome: "rate-limited", operation };
  }
  if (match.kind === "not-found") return { status: 404, body: errorResponse(404), outcome: "ok" };
  if (match.kind === "method-not-allowed") {
    return {
      status: 405,
      body: errorResponse(405, `Request method '${method}' is not supported.`),
      headers: { Allow: match.allowed.join(", ") },
      outcome: "ok",
    };
  }
  const op = match.operation;
  if (!authorized(op, auth.scopes)) return { status: 403, body: errorResponse(403), outcome: "ok", operation: op };
  const handler = HANDLERS[op.operationId];
  try {
    if (!handler) throw new ApiError(501, `${op.operationId} is not implemented by the emulator.`);
    const body = readDeclaredBody(op, req.headers["content-type"], text);
    const query = parseQueryParams(op, record.query);
    const r = handler({
      version: op.version,
      operation: op,
      params: match.params,
      query,
      rawQuery: record.query,
      body,
      headers: req.headers,
      clientId: auth.clientId,
      store: core.store,
      clock: core.clock,
    });
    return { ...r, outcome: "ok", operation: op };
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, body: e.body(), headers: e.headers, outcome: "ok", operation: op };
    console.error(`[isc-emulator] ${op.operationId} failed:`, e);
    return { status: 500, body: errorResponse(500), outcome: "ok", operation: op };
  }
}

function isForm(contentType: string | undefined): boolean {
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType ?? "");
}

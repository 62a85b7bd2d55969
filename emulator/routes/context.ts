/** What a route handler receives and returns. */
import type { IncomingHttpHeaders } from "node:http";
import type { Operation } from "../openapi";
import type { EmulatorStore } from "../store";
import type { ApiVersion, Clock } from "../types";

export interface HandlerContext {
  version: ApiVersion;
  operation: Operation;
  /** Path parameters, URI-decoded. */
  params: Record<string, string>;
  /** Declared query parameters, converted and with defaults (see query-params.ts). */
  query: Record<string, unknown>;
  /** Every query parameter as sent. */
  rawQuery: Record<string, string>;
  /** Parsed JSON body (content type already checked), undefined when empty. */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** OAuth client id of the bearer token. */
  clientId: string;
  store: EmulatorStore;
  clock: Clock;
}

export interface HandlerResult {
  status: number;
  /** JSON-encoded; omit for an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

/** Handlers keyed by operationId (without the per-service `V1` suffix). */
export type HandlerTable = Record<string, Handler>;

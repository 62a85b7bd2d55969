import got, { RequestError, type Got, type Method, type RequestFunction } from "got";
import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { ApiVersion, Settings } from "../config";
import { IscApiError, isRedirect } from "./errors";
import { fromGotError } from "./got-errors";
import { originGuard } from "./origin-guard";
import { versionedPath } from "./paths";
import { limiterFor, type SlidingWindowLimiter } from "./rate-limit";
import { TokenSource } from "./token";

const USER_AGENT = "pulumi-sailpoint-isc";
/** How far the service's clock may be from ours before any response (and its Date header) has been seen. */
const UNKNOWN_SKEW_MS = 120_000;
/** Slack on the clock learnt from Date headers: the stamp of one ISC server against another's header. */
const DATE_SLACK_MS = 5_000;
const RETRY_LIMIT = 5;
/** Methods that are safe to repeat after an ambiguous failure. POST and PATCH are repeated only after a 429. */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export interface RequestOptions {
  searchParams?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  /** A JSON Patch document, sent as application/json-patch+json. */
  patch?: unknown[];
  /** Version root for this request when it differs from sailpoint:apiVersion (the beta-only endpoints). */
  version?: ApiVersion | "beta";
}

export interface IscResponse<T> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** Counters for tests and the benchmark. */
export interface ClientStats {
  requests: number;
  tokenRequests: number;
}

/**
 * Thrown by the auth hooks when no token could be had. The token fetch has already retried on its own, so the API
 * request fails with it at once: its own retries would only fetch again (each fetch with its retries).
 */
class NoAccessToken extends Error {
  readonly code = "ERR_NO_ACCESS_TOKEN";
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/**
 * The one HTTP layer: got with retries (429 honouring Retry-After, 5xx and network errors with capped, jittered
 * backoff for idempotent methods), a per-request timeout, bearer tokens with one retry on 401, the shared rate
 * limiter, and every failure turned into an IscApiError. Redirects are never followed (an IscApiError), and no
 * request carries the secret or a token to any origin but the configured base URL's.
 */
export class IscClient {
  readonly apiVersion: ApiVersion;
  readonly tokens: TokenSource;
  private readonly api: Got;
  /** How long one request may take (sailpoint:requestTimeoutSeconds). */
  readonly timeoutMs: number;
  private sent = 0;
  /** Service clock minus ours, at least: the last response's Date header (whole seconds) against its arrival. */
  private clockOffsetMs?: number;

  constructor(settings: Settings) {
    this.apiVersion = settings.apiVersion;
    this.timeoutMs = settings.timeoutMs;
    const guardOrigin = originGuard(settings.baseUrl);
    const base = got.extend({
      prefixUrl: settings.baseUrl,
      timeout: { request: settings.timeoutMs },
      decompress: false,
      // ISC never redirects; following could carry the form body's secret or a token elsewhere (also https -> http).
      followRedirect: false,
      headers: { accept: "application/json", "accept-encoding": "identity", "user-agent": USER_AGENT },
      hooks: {
        beforeRequest: [guardOrigin],
        afterResponse: [
          (response) => {
            const date = Date.parse(response.headers.date ?? "");
            if (Number.isFinite(date)) this.clockOffsetMs = date - Date.now();
            return response;
          },
        ],
      },
      retry: {
        limit: RETRY_LIMIT,
        methods: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "POST", "PATCH"],
        statusCodes: [429, 500, 502, 503, 504],
        errorCodes: [...(got.defaults.options.retry.errorCodes ?? []), "ERR_BODY_PARSE_FAILURE"],
        backoffLimit: 8_000,
        noise: 100,
        maxRetryAfter: 120_000,
        calculateDelay: ({ computedValue, error, retryAfter }) => {
          // The 401 hook's retry with a fresh token (got's RetryError): the request was refused, so any method may go again.
          if (error.code === "ERR_RETRYING") return computedValue;
          // A redirect (whose body may not parse) and a missing token are final.
          if (isRedirect(error.response?.statusCode) || error.cause instanceof NoAccessToken) return 0;
          const method = error.options.method.toUpperCase();
          const status = error.response?.statusCode;
          if (!IDEMPOTENT.has(method) && status !== 429) return 0;
          // Retry-After is honoured as given; otherwise "equal jitter" spreads the capped exponential backoff of
          // many resources retrying at once.
          return retryAfter !== undefined || computedValue === 0 ? computedValue : computedValue / 2 + Math.random() * (computedValue / 2);
        },
      },
    });
    this.tokens = new TokenSource(base, settings.clientId, settings.clientSecret);
    const secretHash = createHash("sha256").update(settings.clientSecret).digest("hex").slice(0, 16);
    const limiter = limiterFor(`${settings.baseUrl}\n${settings.clientId}\n${secretHash}`, settings.rateLimit);
    const tokens = this.tokens;
    this.api = base.extend({
      responseType: "json",
      request: limitedRequest(limiter),
      hooks: {
        beforeRequest: [
          async (options) => {
            const token = await tokens.get().catch((failure: unknown) => {
              throw new NoAccessToken(failure);
            });
            guardOrigin(options);
            options.headers.authorization = `Bearer ${token}`;
            this.sent += 1;
          },
        ],
        afterResponse: [
          (response, retryWithMergedOptions) => {
            if (response.statusCode !== 401) return response;
            const used = String(response.request.options.headers.authorization ?? "").replace(/^Bearer /, "");
            tokens.invalidate(used);
            // Once: got drops this hook for the retried request. beforeRequest attaches the fresh token.
            return retryWithMergedOptions({});
          },
        ],
      },
    });
  }

  /**
   * The earliest service time at which anything the service did after our local time `localMs` can be stamped
   * (`createdAt`, `created`): by the clock learnt from Date headers, less a few seconds of slack; before any response,
   * two minutes earlier. A Date header is truncated to the second and older than its arrival, so the learnt offset
   * never overshoots.
   */
  serviceTimeAfter(localMs: number): number {
    return this.clockOffsetMs === undefined ? localMs - UNKNOWN_SKEW_MS : localMs + this.clockOffsetMs - DATE_SLACK_MS;
  }

  /**
   * The latest service time at which anything the service did before our local time `localMs` can be stamped: the
   * other side of `serviceTimeAfter` (the learnt offset is up to a second short, the header being truncated).
   */
  serviceTimeBefore(localMs: number): number {
    return this.clockOffsetMs === undefined ? localMs + UNKNOWN_SKEW_MS : localMs + this.clockOffsetMs + 1_000 + DATE_SLACK_MS;
  }

  get stats(): ClientStats {
    return { requests: this.sent, tokenRequests: this.tokens.requests };
  }

  /** Sends one API request; `path` is relative to the version root, e.g. "managed-clusters/abc". */
  async request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<IscResponse<T>> {
    const display = versionedPath(options.version ?? this.apiVersion, path);
    try {
      const response = await this.api(display.slice(1), {
        method,
        searchParams: compact(options.searchParams),
        ...(options.patch !== undefined
          ? { body: JSON.stringify(options.patch), headers: { "content-type": "application/json-patch+json" } }
          : options.json !== undefined
            ? { json: options.json }
            : {}),
      });
      if (isRedirect(response.statusCode)) throw IscApiError.redirect(method, display, response);
      return { status: response.statusCode, body: decodeBody(response.body) as T, headers: response.headers };
    } catch (error) {
      if (error instanceof IscApiError) throw error;
      // The token is fetched in the beforeRequest hook, so got wraps a token failure in its own RequestError.
      // Say what happened: this request was never sent for want of a token.
      if (error instanceof RequestError && error.cause instanceof NoAccessToken) {
        const cause = error.cause.failure;
        throw new IscApiError({ method, path: display, code: `no access token: ${cause instanceof Error ? cause.message : String(cause)}` });
      }
      const failure = fromGotError(method, display, error);
      // A POST or PATCH that timed out may still be in the service's hands and applied later. Give it as long again
      // before reporting, so the caller's read-back (duplicate lookup, re-read before a re-patch) sees it if it lands.
      if (failure.code === "ETIMEDOUT" && !IDEMPOTENT.has(method.toUpperCase())) await sleep(this.timeoutMs);
      throw failure;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * got's request function behind the rate limiter: every attempt (a retry too) takes a slot right before its request
 * is made, after the hooks have fetched the token, and gives it back when the request closes, answered or not.
 */
function limitedRequest(limiter: SlidingWindowLimiter): RequestFunction {
  return async (url, options, callback) => {
    const release = await limiter.acquire();
    try {
      const request = (url.protocol === "https:" ? https : http).request(url, options, callback);
      request.once("close", release);
      return request;
    } catch (error) {
      release();
      throw error;
    }
  };
}

function compact(params: RequestOptions["searchParams"]): Record<string, string | number | boolean> | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

/** Bodies arrive parsed, as "" for an empty body, or as a Buffer when the server sent a bogus Content-Encoding. */
function decodeBody(body: unknown): unknown {
  if (Buffer.isBuffer(body)) {
    const text = body.toString("utf8");
    return text ? JSON.parse(text) : undefined;
  }
  return body === "" ? undefined : body;
}

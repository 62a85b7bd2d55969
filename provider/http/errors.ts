import { originOf } from "./origin";
import { redact } from "./redact";

/** Longest error text kept from a body that is not JSON, cut only after redaction. */
const MAX_TEXT = 300;

/** Network-level failures after which the server may or may not have applied the request. */
const AMBIGUOUS_CODES = new Set([
  "ETIMEDOUT", "ECONNRESET", "EPIPE", "ECONNABORTED", "ERR_BODY_PARSE_FAILURE", "ESOCKETTIMEDOUT",
]);

/** Any 3xx: got follows none of them (followRedirect is off), so each must be caught as a failure. */
export function isRedirect(status: number | undefined): boolean {
  return status !== undefined && status >= 300 && status < 400;
}

/** What a redirect error needs from a got response. */
export interface RedirectResponse {
  statusCode: number;
  headers: { location?: string };
  /** The URL that was requested, against which a relative Location resolves. */
  url: string;
}

export interface IscErrorDetails {
  method: string;
  path: string;
  status?: number;
  /** Network error code (ECONNRESET, ETIMEDOUT, ...) when no usable response arrived. */
  code?: string;
  detailCode?: string;
  trackingId?: string;
  messages?: string[];
  /** For a 3xx answer: the origin its Location names ("" when there is none or it is not a URL). Never its path or query. */
  redirectOrigin?: string;
}

/**
 * The one error type of the HTTP layer. Carries what an operator needs to look the failure up with SailPoint
 * (method, path, status, detailCode, trackingId, message texts) and never a token or a secret.
 */
export class IscApiError extends Error {
  override readonly name = "IscApiError";
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly code?: string;
  readonly detailCode?: string;
  readonly trackingId?: string;
  readonly messages: string[];
  readonly redirectOrigin?: string;

  /**
   * A 3xx answer. ISC has no reason to redirect any call, and following one could carry the client secret or a token
   * to another origin, so redirects are never followed: the answer is this error, naming the status and only the
   * origin of the target (its path and query may carry anything).
   */
  static redirect(method: string, path: string, response: RedirectResponse): IscApiError {
    const location = response.headers.location;
    const origin = location ? originOf(location, response.url) : undefined;
    return new IscApiError({ method, path, status: response.statusCode, code: "ERR_REDIRECT", redirectOrigin: origin ?? "" });
  }

  /** Defence in depth: a request about to carry credentials to another origin than the configured one. */
  static foreignOrigin(method: string, path: string, url: string | URL, configured: string): IscApiError {
    return new IscApiError({
      method,
      path,
      code: `ERR_FOREIGN_ORIGIN: refused to send credentials to ${originOf(url) ?? "an unparsable URL"}, which is not the configured origin ${originOf(configured)}`,
    });
  }

  constructor(details: IscErrorDetails) {
    super(redact(describe(details)));
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.code = details.code;
    this.detailCode = details.detailCode;
    this.trackingId = details.trackingId;
    this.messages = (details.messages ?? []).map(redact);
    this.redirectOrigin = details.redirectOrigin;
  }

  get redirected(): boolean {
    return this.redirectOrigin !== undefined;
  }

  /** True when the request may have been applied although no success was seen (reset, timeout, 5xx, bad body). */
  get ambiguous(): boolean {
    if (this.status === undefined) return this.code === undefined || AMBIGUOUS_CODES.has(this.code);
    return this.status >= 500 || (this.status < 300 && this.code === "ERR_BODY_PARSE_FAILURE");
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

function describe(d: IscErrorDetails): string {
  const where = `ISC ${d.method} ${d.path}`;
  if (d.redirectOrigin !== undefined) {
    const target = d.redirectOrigin ? `a redirect to ${d.redirectOrigin}` : "a redirect without a usable Location";
    return (
      `${where} failed with ${d.status}: ${target}, which the provider does not follow: ISC has no reason to redirect ` +
      "API or token requests, and credentials never leave the configured origin. Check sailpoint:baseUrl (SAIL_BASE_URL): " +
      "it must be the tenant's API root, such as https://acme.api.identitynow.com"
    );
  }
  if (d.status === undefined) return `${where} failed: ${d.code ?? "network error"}${hint(d)}`;
  const parts = [`${where} failed with ${d.status}`];
  // A status alone ("failed with 200") says nothing: name the network-level problem that came with it.
  if (d.code) parts.push(d.code === "ERR_BODY_PARSE_FAILURE" ? "and a response body that is not valid JSON (ERR_BODY_PARSE_FAILURE)" : `(${d.code})`);
  if (d.detailCode) parts.push(d.detailCode);
  const texts = (d.messages ?? []).filter(Boolean);
  let text = parts.join(" ");
  if (texts.length > 0) text += `: ${texts.join("; ")}`;
  if (d.trackingId) text += ` (trackingId ${d.trackingId})`;
  return text + hint(d);
}

function hint(d: IscErrorDetails): string {
  if (d.status === 401) return ". Check sailpoint:clientId / sailpoint:clientSecret (SAIL_CLIENT_ID / SAIL_CLIENT_SECRET).";
  if (d.status === 403) return ". The API client lacks a scope or user level this endpoint needs (see the README's troubleshooting table).";
  if (d.status === 429) return ". The tenant's rate limit was still exceeded after retries.";
  return "";
}

interface ErrorBody {
  detailCode?: unknown;
  trackingId?: unknown;
  messages?: unknown;
  causes?: unknown;
  error?: unknown;
  error_description?: unknown;
  message?: unknown;
}

function texts(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((m) => (m && typeof m === "object" && "text" in m ? String((m as { text: unknown }).text) : ""))
    .filter(Boolean);
}

/**
 * Reads the three ISC error shapes: ErrorResponseDto, `{error}` (401) and `{message}` (429); tolerates non-JSON, of
 * which it keeps the start. Redaction comes before the cut, so a secret straddling it cannot leave its first part.
 */
export function parseErrorBody(body: unknown): Pick<IscErrorDetails, "detailCode" | "trackingId" | "messages"> {
  let parsed: unknown = body;
  if (typeof body === "string") {
    try {
      parsed = JSON.parse(body);
    } catch {
      const text = redact(body.trim());
      return { messages: text ? [text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text] : [] };
    }
  }
  if (!parsed || typeof parsed !== "object") return { messages: [] };
  const b = parsed as ErrorBody;
  const messages = [...texts(b.messages), ...texts(b.causes)];
  for (const key of ["error", "error_description", "message"] as const) {
    const value = b[key];
    if (typeof value === "string" && value.trim()) messages.push(value.trim());
  }
  return {
    detailCode: typeof b.detailCode === "string" ? b.detailCode : undefined,
    trackingId: typeof b.trackingId === "string" ? b.trackingId : undefined,
    messages,
  };
}

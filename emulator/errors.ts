/** Error bodies in the three shapes ISC uses (docs/isc-api.md §7): ErrorResponseDto, `{error}` (401) and `{message}` (429). */
import { randomBytes } from "node:crypto";

export interface ErrorResponseDto {
  detailCode: string;
  trackingId: string;
  messages: { locale: string; localeOrigin: string; text: string }[];
  causes: { locale: string; localeOrigin: string; text: string }[];
}

const DETAIL_CODES: Record<number, string> = {
  400: "400.1 Bad Request Content",
  403: "403 Forbidden",
  404: "404 Not found",
  405: "405 Method Not Allowed",
  413: "413 Payload Too Large",
  415: "415 Unsupported Media Type",
  500: "500.0 Internal Fault",
  501: "501 Not Implemented",
  502: "502 Bad Gateway",
  503: "503 Service Unavailable",
  504: "504 Gateway Timeout",
};

const DEFAULT_TEXTS: Record<number, string> = {
  400: "The request was syntactically correct but its content is semantically invalid.",
  403: "The server understood the request but refuses to authorize it.",
  404: "The server did not find a current representation for the target resource.",
  500: "An internal fault occurred.",
};

export const RATE_LIMIT_BODY = { message: " Rate Limit Exceeded " };

export function errorResponse(status: number, text?: string, causes: string[] = []): ErrorResponseDto {
  const message = (t: string) => ({ locale: "en-US", localeOrigin: "DEFAULT", text: t });
  return {
    detailCode: DETAIL_CODES[status] ?? `${status} Error`,
    trackingId: randomBytes(16).toString("hex"),
    messages: [message(text ?? DEFAULT_TEXTS[status] ?? DETAIL_CODES[status] ?? `HTTP ${status}`)],
    causes: causes.map(message),
  };
}

/** A default body of the right shape for a status (used by faults that give only a status). */
export function defaultErrorBody(status: number): unknown {
  if (status === 401) return { error: "JWT validation failed: JWT is expired" };
  if (status === 429) return RATE_LIMIT_BODY;
  return errorResponse(status);
}

/** Thrown by handlers; the server turns it into an ErrorResponseDto response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly causes: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? DEFAULT_TEXTS[status] ?? `HTTP ${status}`);
  }

  body(): ErrorResponseDto {
    return errorResponse(this.status, this.message, this.causes);
  }
}

export const badRequest = (text: string, causes: string[] = []) => new ApiError(400, text, causes);
export const notFound = (what: string, id: string) => new ApiError(404, `${what} with id '${id}' was not found.`);

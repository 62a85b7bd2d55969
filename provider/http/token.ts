import type { Got } from "got";
import { IscApiError, isRedirect, parseErrorBody } from "./errors";
import { fromGotError } from "./got-errors";
import { registerSensitive } from "./redact";

/**
 * Retries of one token fetch: 3 attempts at most, 1 s and 2 s apart (plus up to 100 ms of noise), or after a
 * Retry-After of at most 10 s (a longer one is not waited for). A token request changes nothing on the server, so
 * every failure (5xx, 429, reset, timeout, a body that is not JSON) may be retried; a redirect never is. These are
 * the only token retries: the API request that needed the token fails with the fetch's error.
 */
export const TOKEN_RETRY_LIMIT = 2;
const TOKEN_BACKOFF_LIMIT_MS = 2_000;
const TOKEN_MAX_RETRY_AFTER_MS = 10_000;

const PATH = "/oauth/token";

interface CachedToken {
  value: string;
  refreshAt: number;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
}

/**
 * OAuth2 client-credentials tokens from `POST {baseUrl}/oauth/token`, credentials in the form body.
 * One cached token per client; renewed ahead of `expires_in` by a single in-flight request however many callers wait.
 */
export class TokenSource {
  private cached?: CachedToken;
  private inflight?: Promise<string>;
  /** Number of token fetches (each with its own retries) started, for tests and the benchmark. */
  requests = 0;

  constructor(
    private readonly http: Got,
    private readonly clientId: string,
    private readonly clientSecret: string,
  ) {
    registerSensitive(clientSecret);
  }

  get(): Promise<string> {
    if (this.cached && Date.now() < this.cached.refreshAt) return Promise.resolve(this.cached.value);
    this.inflight ??= this.fetch().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Drops the cached token if it is the one that was rejected, so the next `get` fetches a fresh one. */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = undefined;
  }

  private async fetch(): Promise<string> {
    this.requests += 1;
    let response;
    try {
      response = await this.http.post("oauth/token", {
        form: { grant_type: "client_credentials", client_id: this.clientId, client_secret: this.clientSecret },
        responseType: "json",
        throwHttpErrors: false,
        retry: {
          limit: TOKEN_RETRY_LIMIT,
          backoffLimit: TOKEN_BACKOFF_LIMIT_MS,
          maxRetryAfter: TOKEN_MAX_RETRY_AFTER_MS,
          calculateDelay: ({ computedValue, error }) => (isRedirect(error.response?.statusCode) ? 0 : computedValue),
        },
      });
    } catch (error) {
      throw fromGotError("POST", PATH, error);
    }
    if (isRedirect(response.statusCode)) throw IscApiError.redirect("POST", PATH, response);
    if (response.statusCode !== 200) {
      throw new IscApiError({ method: "POST", path: PATH, status: response.statusCode, ...parseErrorBody(response.body) });
    }
    const body = response.body as TokenResponse | "";
    if (typeof body !== "object" || body === null || typeof body.access_token !== "string" || !body.access_token) {
      throw new IscApiError({ method: "POST", path: PATH, status: 200, messages: ["token response has no access_token"] });
    }
    registerSensitive(body.access_token);
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 300;
    const margin = Math.min(60, lifetime / 10);
    this.cached = { value: body.access_token, refreshAt: Date.now() + (lifetime - margin) * 1000 };
    return body.access_token;
  }
}

import type { Got } from "got";
import { IscApiError, parseErrorBody } from "./errors";
import { registerSensitive } from "./redact";

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
  /** Number of token requests sent (for tests and the benchmark). */
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
    const path = "/oauth/token";
    let response;
    try {
      response = await this.http.post("oauth/token", {
        form: { grant_type: "client_credentials", client_id: this.clientId, client_secret: this.clientSecret },
        responseType: "text",
        throwHttpErrors: false,
        // A token request changes nothing on the server, so every failure may be retried.
        retry: { calculateDelay: ({ computedValue }) => computedValue },
      });
    } catch (error) {
      const e = error as { code?: string };
      throw new IscApiError({ method: "POST", path, code: e.code ?? "network error" });
    }
    if (response.statusCode !== 200) {
      throw new IscApiError({ method: "POST", path, status: response.statusCode, ...parseErrorBody(response.body) });
    }
    let body: TokenResponse;
    try {
      body = JSON.parse(response.body) as TokenResponse;
    } catch {
      throw new IscApiError({ method: "POST", path, status: 200, code: "ERR_BODY_PARSE_FAILURE" });
    }
    if (typeof body.access_token !== "string" || !body.access_token) {
      throw new IscApiError({ method: "POST", path, status: 200, messages: ["token response has no access_token"] });
    }
    registerSensitive(body.access_token);
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 300;
    const margin = Math.min(60, lifetime / 10);
    this.cached = { value: body.access_token, refreshAt: Date.now() + (lifetime - margin) * 1000 };
    return body.access_token;
  }
}

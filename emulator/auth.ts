/**
 * OAuth: the client-credentials token endpoint (`POST /oauth/token`, docs/isc-api.md §6) and bearer-token checks.
 *
 * Accepted credentials: the emulator's configured clients, and OAuth clients created through the API (enabled, with
 * the CLIENT_CREDENTIALS grant), whose `lastUsed` is then set. Tokens look like JWTs but are opaque: only tokens this
 * emulator issued and has not revoked are valid, until they expire by the emulator clock.
 */
import { base64Url, safeEqual, uuid } from "./ids";
import type { EmulatorStore } from "./store";
import type { ClientCredentials, Clock } from "./types";

interface IssuedToken {
  clientId: string;
  expiresAt: number;
  scopes: string[];
}

export interface TokenResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  clientId?: string;
}

export type AuthResult = { ok: true; clientId: string; scopes: string[] } | { ok: false; error: string };

const DAY_MS = 24 * 60 * 60 * 1000;

function oauthError(status: number, error: string, description: string, clientId?: string): TokenResult {
  return { status, body: { error, error_description: description }, headers: { "Cache-Control": "no-store" }, clientId };
}

export class TokenService {
  private readonly tokens = new Map<string, IssuedToken>();
  /** When set, the token endpoint answers this status (an outage of the auth service). */
  endpointDown: number | false = false;
  readonly tenantId = uuid();

  constructor(
    private readonly clock: Clock,
    private readonly store: EmulatorStore,
    readonly clients: readonly ClientCredentials[],
    private readonly ttlSeconds: number,
  ) {}

  /** Every token issued so far becomes invalid. */
  revokeAll(): void {
    this.tokens.clear();
  }

  /**
   * Handles `POST /oauth/token`. `params` merges the query string and the form body; `basic` is an
   * `Authorization: Basic` header, which OAuth clients may use instead of form fields.
   */
  issue(params: Record<string, string>, basic?: string): TokenResult {
    let clientId = params.client_id;
    let clientSecret = params.client_secret;
    const b = /^basic\s+(.+)$/i.exec(basic ?? "");
    if (b && clientId === undefined) {
      const decoded = Buffer.from(b[1], "base64").toString("utf8");
      const i = decoded.indexOf(":");
      if (i >= 0) [clientId, clientSecret] = [decodeURIComponent(decoded.slice(0, i)), decodeURIComponent(decoded.slice(i + 1))];
    }
    if (this.endpointDown !== false) {
      return oauthError(this.endpointDown, "server_error", "The authorization server is temporarily unavailable.", clientId);
    }
    const grant = (params.grant_type ?? "").toLowerCase();
    if (!grant) return oauthError(400, "invalid_request", "Missing grant type", clientId);
    if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${params.grant_type}`, clientId);
    if (!clientId || !clientSecret) return oauthError(401, "invalid_client", "Bad credentials", clientId);

    const now = this.clock.now();
    let ttl = this.ttlSeconds;
    let extra: Record<string, unknown> = { scope: "sp:scopes:all", accessType: "OFFLINE", strong_auth_supported: false };
    const configured = this.clients.find((c) => c.clientId === clientId);
    if (configured) {
      if (!safeEqual(configured.clientSecret, clientSecret)) return oauthError(401, "invalid_client", "Bad credentials", clientId);
      if (configured.scope) extra.scope = configured.scope.join(" ");
    } else {
      const client = this.store.getOAuthClient(clientId);
      if (!client || !client.enabled || !this.store.oauthSecretMatches(clientId, clientSecret)) {
        return oauthError(401, "invalid_client", "Bad credentials", clientId);
      }
      if (!client.grantTypes.includes("CLIENT_CREDENTIALS")) {
        return oauthError(400, "unauthorized_client", "Unauthorized grant type: client_credentials", clientId);
      }
      ttl = client.accessTokenValiditySeconds;
      extra = { scope: (client.scope ?? ["sp:scopes:all"]).join(" "), accessType: client.accessType, strong_auth_supported: client.strongAuthSupported };
      // lastUsed "does not get updated on every API Client usage, but only once a day".
      if (!client.lastUsed || Date.parse(client.lastUsed) <= now - DAY_MS) this.store.markOAuthClientUsed(clientId, now);
    }

    const jti = uuid();
    const claims = {
      tenant_id: this.tenantId,
      internal: false,
      pod: this.store.tenant.pod,
      org: this.store.tenant.org,
      client_id: clientId,
      authorities: ["ORG_ADMIN"],
      scope: String(extra.scope).split(" ").filter(Boolean),
      strong_auth_supported: extra.strong_auth_supported,
      exp: Math.floor(now / 1000) + ttl,
      jti,
    };
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = `${enc({ alg: "ES256", kid: "isc-emulator", typ: "JWT" })}.${enc(claims)}.${base64Url(64)}`;
    this.tokens.set(token, { clientId, expiresAt: now + ttl * 1000, scopes: claims.scope });
    return {
      status: 200,
      clientId,
      headers: { "Cache-Control": "no-store", Pragma: "no-cache" },
      body: {
        access_token: token,
        token_type: "bearer",
        expires_in: ttl,
        scope: extra.scope,
        tenant_id: this.tenantId,
        internal: false,
        pod: this.store.tenant.pod,
        org: this.store.tenant.org,
        strong_auth_supported: extra.strong_auth_supported,
        enabled: true,
        jti,
        accessType: extra.accessType,
      },
    };
  }

  /** Checks an `Authorization` header. Error texts follow the spec's 401 example. */
  authenticate(header: string | undefined): AuthResult {
    const m = /^bearer\s+(\S+)\s*$/i.exec(header ?? "");
    if (!m) return { ok: false, error: "JWT validation failed: token is missing" };
    const t = this.tokens.get(m[1]);
    if (!t) return { ok: false, error: "JWT validation failed: token is invalid" };
    if (this.clock.now() >= t.expiresAt) return { ok: false, error: "JWT validation failed: JWT is expired" };
    return { ok: true, clientId: t.clientId, scopes: t.scopes };
  }
}

/** Shared types of the ISC emulator: API objects as the service returns them, and emulator plumbing. */

export interface Clock {
  now(): number;
}

export const API_VERSIONS = ["v3", "v2024", "v2025", "v2026", "beta", "v1"] as const;
/** A legacy version prefix, or "v1" for the per-service paths (`/managed-clusters/v1/...`). */
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Scopes of the tokens issued to this client (default `sp:scopes:all`, which every endpoint accepts). */
  scope?: string[];
}

/** `ClientLogConfiguration` as GET/PUT log-config return it. */
export interface LogConfig {
  clientId?: string;
  rootLevel: string;
  logLevels?: Record<string, string>;
  /** Present only when the PUT sent durationMinutes or neither timing field (then 240). */
  durationMinutes?: number;
  /** Absolute end of the configuration, always present. */
  expiration: string;
}

/** `ManagedCluster` (v2025 schema). `logConfiguration` is filled in from the log-config table when read. */
export interface ManagedCluster {
  id: string;
  name: string;
  pod: string;
  org: string;
  type: string;
  configuration: Record<string, string | null>;
  keyPair: { publicKey: string | null; publicKeyThumbprint: string | null; publicKeyCertificate: string | null };
  attributes: { queue: { name: string; region: string }; keystore: string | null };
  description: string;
  redis: { redisHost: string; redisPort: number };
  clientType: string | null;
  ccgVersion: string;
  pinnedConfig: boolean;
  logConfiguration: LogConfig | null;
  operational: boolean;
  status: string;
  publicKeyCertificate: string | null;
  publicKeyThumbprint: string | null;
  publicKey: string | null;
  encryptionConfiguration: { format: string };
  alertKey: string;
  clientIds: string[];
  serviceCount: number;
  ccId: string;
  createdAt: string | null;
  updatedAt: string | null;
  lastReleaseNotifiedAt: string | null;
  updatePreferences: { processGroups: string | null; updateState: string | null; notificationEmail: string | null };
  currentInstalledReleaseVersion: string | null;
  updatePackage: string | null;
  isOutOfDateNotifiedAt: string | null;
  consolidatedHealthIndicatorsStatus: string | null;
}

/** `ManagedClient` (v2025 schema; v2024 responses add `healthIndicators: null`). */
export interface ManagedClient {
  id: string;
  alertKey: string | null;
  apiGatewayBaseUrl: string | null;
  cookbook: string | null;
  ccId: number | null;
  clientId: string;
  clusterId: string;
  description: string;
  ipAddress: string | null;
  lastSeen: string | null;
  name: string | null;
  sinceLastSeen: string | null;
  status: string | null;
  type: string;
  clusterType: string | null;
  vaDownloadUrl: string | null;
  vaVersion: string | null;
  secret: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  provisionStatus: string | null;
}

/** `GetOAuthClientResponse`; the generated secret is kept apart (see StoredOAuthClient). */
export interface OAuthClient {
  id: string;
  businessName: string | null;
  homepageUrl: string | null;
  name: string;
  description: string | null;
  accessTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  redirectUris: string[] | null;
  grantTypes: string[];
  accessType: string;
  type: string;
  internal: boolean;
  enabled: boolean;
  strongAuthSupported: boolean;
  claimsSupported: boolean;
  created: string;
  modified: string;
  secret: string | null;
  metadata: string | null;
  lastUsed: string | null;
  scope: string[] | null;
}

/** `ManagedClusterType` (v2024+ `/managed-cluster-types`). */
export interface ManagedClusterType {
  id: string;
  type: string;
  pod: string;
  org: string;
  managedProcessIds: string[];
}

/** One request seen by the emulator (API routes and the token endpoint, not /__emulator). */
export interface RecordedRequest {
  seq: number;
  /** Arrival time, epoch milliseconds from the emulator clock. */
  time: number;
  method: string;
  /** Path without the query string, exactly as sent (version prefix included). */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names; nothing is redacted. */
  headers: Record<string, string>;
  contentType?: string;
  /** Parsed JSON, the parsed form for the token endpoint, raw text when unparsable, undefined when empty. */
  body?: unknown;
  /** Status sent; for "reset-after" the status the handler produced; 0 for "reset-before". */
  status: number;
  /** Token owner (API routes) or the client_id asked for (token endpoint). */
  clientId?: string;
  apiVersion?: ApiVersion;
  outcome?: "ok" | "fault" | "reset-before" | "reset-after" | "rate-limited";
  /** Response body sent (parsed JSON when it was JSON). */
  responseBody?: unknown;
  /** Violations of the bundled OpenAPI response schema, when response validation is on and found any. */
  schemaErrors?: string[];
}

export interface FaultSpec {
  method?: string;
  /**
   * Matched against the path without the version prefix (`/managed-clusters/abc`, also for `/managed-clusters/v1/abc`).
   * A string matches exactly, where a `{name}` segment matches any one segment; a RegExp is tested. "/oauth/token" works.
   */
  path: string | RegExp;
  /** Only for this API version (omit for all). */
  version?: ApiVersion;
  /** How many matching requests this fault answers (default 1; Infinity allowed). */
  times?: number;
  /** Chance (0..1) that a matching request triggers the fault (default 1). A miss does not consume it. */
  probability?: number;
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded as the response body. Defaults to a body of the shape ISC uses for the status. */
  body?: unknown;
  /** Sent verbatim instead of `body` (e.g. malformed JSON); status defaults to 200. */
  rawBody?: string;
  /** Wait before answering; without status/rawBody/reset the real handler runs after the wait. */
  delayMs?: number;
  /** Destroy the socket without a response: "before" the handler runs, or "after" it committed its change. */
  reset?: "before" | "after";
  /**
   * Run the real handler first, so its change is committed, and send this fault's answer instead of the real one: a
   * 2xx the client cannot use after the service did the work. With `omitFields` (and no body/rawBody) the answer is
   * the real body without those fields (e.g. a create answer without its one-time secret).
   */
  afterCommit?: boolean;
  /** With `afterCommit`: fields to take out of the real answer's body. */
  omitFields?: string[];
  /**
   * Answer with a redirect to this URL (the Location header) instead of running the handler. `status` must then be
   * 301, 302, 303, 307 or 308 (default 302); the body is empty unless `rawBody` or `body` is given.
   */
  redirectTo?: string;
  /**
   * Answer a list request with a list that never ends: every answer is a full page whatever `offset` says, without
   * running the handler. `times` defaults to Infinity for this fault.
   */
  endlessList?: EndlessList;
}

export interface EndlessList {
  /** Objects per answer (default 250, ISC's largest page). */
  pageSize?: number;
  /** Sent as X-Total-Count with every page (default: no header). */
  totalCount?: number;
  /**
   * false (default): every page holds the same objects, as from a service that ignores `offset`. true: each answer
   * holds new objects, as from a list that never runs out.
   */
  distinctPages?: boolean;
  /** Fields of every object (default none); each gets `id` `endless-000001`, ... and, unless given, that as `name`. */
  item?: Record<string, unknown>;
}

export interface ChaosOptions {
  /** PRNG seed (default 1) so a run can be reproduced. */
  seed?: number;
  /** Per-request probabilities (0..1) of each fault kind; their sum should stay ≤ 1. */
  rateLimited?: number;
  serverError?: number;
  resetBefore?: number;
  resetAfter?: number;
  slow?: number;
  malformedJson?: number;
  /** Delay used for slow responses (default 200 ms). */
  slowMs?: number;
  /** Only requests whose version-less path matches (default: every API request, not the token endpoint). */
  path?: string | RegExp;
  method?: string;
  /** Retry-After seconds sent with chaos 429s (default 1). */
  retryAfterSeconds?: number;
}

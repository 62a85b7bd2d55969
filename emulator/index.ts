/**
 * IscEmulator: a local SailPoint Identity Security Cloud API for managed clusters, cluster log configuration,
 * managed clients and OAuth clients, served under /v3, /v2024, /v2025, /v2026, /beta and the per-service /.../v1
 * paths, all sharing one tenant. Built from the bundled official OpenAPI files. See emulator/README.md.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { TokenService } from "./auth";
import { handleControl } from "./control";
import { FaultInjector } from "./faults";
import { secret64, uuid } from "./ids";
import { RateLimiter, type RateLimitConfig } from "./rate-limit";
import { Recorder } from "./recorder";
import { createRequestListener } from "./server";
import type { LogConfigInput } from "./log-configs";
import { EmulatorStore } from "./store";
import type {
  ChaosOptions,
  ClientCredentials,
  Clock,
  FaultSpec,
  LogConfig,
  ManagedClient,
  ManagedCluster,
  OAuthClient,
  RecordedRequest,
} from "./types";

export * from "./types";
export type { LogConfigInput } from "./log-configs";
export type { TenantInfo } from "./new-objects";
export type { RateLimitConfig } from "./rate-limit";
export { EmulatorStore } from "./store";
export { validateResponse, validateSchema } from "./openapi-validator";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted client-credentials pairs. Default: one generated pair (UUID client id, 64-hex secret). */
  clients?: ClientCredentials[];
  /** Lifetime of tokens issued to the configured clients (default 749, the docs' example). */
  tokenTtlSeconds?: number;
  /** Per client id per API version (default 100 per 10 000 ms); false disables it. */
  rateLimit?: RateLimitConfig | false;
  /** Time source (default Date.now); pass a fake clock to test expiry. */
  clock?: Clock;
  /** Tenant identity used in objects and tokens (default pod "megapod-useast1", org "acme"). */
  tenant?: { pod?: string; org?: string };
  /**
   * Check every API response against the bundled OpenAPI schema and record violations in
   * `RecordedRequest.schemaErrors` (see `schemaViolations()`). Default true.
   */
  validateResponses?: boolean;
}

/** The configured clock plus an adjustable offset (advanceClock, POST /__emulator/clock). */
class OffsetClock implements Clock {
  offsetMs = 0;
  constructor(private readonly base: Clock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 100, windowMs: 10_000 };

export class IscEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** The first configured client: use it to get tokens. */
  readonly credentials: ClientCredentials;
  readonly clients: readonly ClientCredentials[];
  /** The tenant's data; its helpers simulate out-of-band changes (drift). */
  readonly store: EmulatorStore;

  private readonly recorder: Recorder;
  private readonly faults: FaultInjector;
  private readonly tokens: TokenService;
  private readonly limiter: RateLimiter;
  private readonly clock: OffsetClock;

  private constructor(
    private readonly server: http.Server,
    parts: {
      url: string;
      clients: ClientCredentials[];
      clock: OffsetClock;
      store: EmulatorStore;
      recorder: Recorder;
      faults: FaultInjector;
      tokens: TokenService;
      limiter: RateLimiter;
    },
  ) {
    this.url = parts.url;
    this.clients = parts.clients;
    this.credentials = parts.clients[0];
    this.store = parts.store;
    this.recorder = parts.recorder;
    this.faults = parts.faults;
    this.tokens = parts.tokens;
    this.limiter = parts.limiter;
    this.clock = parts.clock;
  }

  static async start(opts: EmulatorOptions = {}): Promise<IscEmulator> {
    const clients = opts.clients?.length ? opts.clients.map((c) => ({ ...c })) : [{ clientId: uuid(), clientSecret: secret64() }];
    const clock = new OffsetClock(opts.clock ?? { now: () => Date.now() });
    const ref: { emulator?: IscEmulator } = {}; // filled once listening; control requests cannot arrive before
    const store = new EmulatorStore(clock, { pod: opts.tenant?.pod ?? "megapod-useast1", org: opts.tenant?.org ?? "acme" });
    const tokens = new TokenService(clock, store, clients, opts.tokenTtlSeconds ?? 749);
    const limiter = new RateLimiter(clock, opts.rateLimit === undefined ? DEFAULT_RATE_LIMIT : opts.rateLimit);
    const recorder = new Recorder();
    const faults = new FaultInjector();
    const server = http.createServer(
      createRequestListener({
        clock,
        store,
        tokens,
        limiter,
        faults,
        recorder,
        validateResponses: opts.validateResponses ?? true,
        control: (req, res, url, body) => handleControl(ref.emulator as IscEmulator, req, res, url, body),
      }),
    );
    const host = opts.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
    ref.emulator = new IscEmulator(server, { url: `http://${urlHost}:${port}`, clients, clock, store, recorder, faults, tokens, limiter });
    return ref.emulator;
  }

  /** Stops listening and drops open connections. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- clock ------------------------------------------------------------------------------------------------------

  /** Emulator time in epoch ms (the configured clock plus advanceClock offsets). */
  now(): number {
    return this.clock.now();
  }

  /** Moves emulator time forward (or back) by `ms`, on top of the configured clock. */
  advanceClock(ms: number): void {
    this.clock.offsetMs += ms;
  }

  // ---- recorded requests ------------------------------------------------------------------------------------------

  /** Every API and token request so far, in completion order. */
  get requests(): readonly RecordedRequest[] {
    return this.recorder.all();
  }

  clearRequests(): void {
    this.recorder.clear();
  }

  /** Non-GET API requests (token requests excluded). */
  writes(): RecordedRequest[] {
    return this.recorder.writes();
  }

  /** Requests with this method ("*" = any) whose path contains `path` (string) or matches it (RegExp). */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.recorder.requestsTo(method, path);
  }

  /** Requests whose response did not match the bundled OpenAPI schema (emulator bugs; should stay empty). */
  schemaViolations(): RecordedRequest[] {
    return this.recorder.all().filter((r) => r.schemaErrors?.length);
  }

  // ---- faults -----------------------------------------------------------------------------------------------------

  injectFault(fault: FaultSpec): void {
    this.faults.inject(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  pendingFaults(): FaultSpec[] {
    return this.faults.pending();
  }

  /** Random faults with the given per-request probabilities, from a seeded PRNG. Stopped by clearFaults(). */
  chaos(opts: ChaosOptions = {}): void {
    this.faults.chaos(opts);
  }

  // ---- auth -------------------------------------------------------------------------------------------------------

  /** Every issued token becomes invalid (401 on next use). */
  revokeTokens(): void {
    this.tokens.revokeAll();
  }

  /**
   * Rotates a configured client's secret, as an admin regenerating an API client's credentials does: the old secret
   * is refused from now on and every token issued so far is revoked. Returns the new secret (or sets `secret`).
   */
  rotateClientSecret(clientId: string = this.credentials.clientId, secret: string = secret64()): string {
    const client = this.clients.find((c) => c.clientId === clientId);
    if (!client) throw new Error(`no configured client ${clientId}`);
    (client as ClientCredentials).clientSecret = secret;
    this.tokens.revokeAll();
    return secret;
  }

  /** Makes the token endpoint answer `status` (e.g. 503) until called with false. */
  setTokenEndpointDown(status: number | false): void {
    this.tokens.endpointDown = status;
  }

  /** Changes the rate limit at runtime (clears the counters). */
  setRateLimit(config: RateLimitConfig | false): void {
    this.limiter.configure(config);
  }

  // ---- out-of-band changes (drift); all delegate to `store` ------------------------------------------------------

  seedCluster(partial: Partial<ManagedCluster> = {}): ManagedCluster {
    return this.store.seedCluster(partial);
  }

  mutateCluster(id: string, fn: (cluster: ManagedCluster) => void): ManagedCluster {
    return this.store.mutateCluster(id, fn);
  }

  removeCluster(id: string): boolean {
    return this.store.removeCluster(id);
  }

  seedManagedClient(partial: Partial<ManagedClient> & { clusterId: string }): ManagedClient {
    return this.store.seedManagedClient(partial);
  }

  setLogConfig(clusterId: string, config: LogConfigInput | undefined): LogConfig | undefined {
    return this.store.setLogConfig(clusterId, config);
  }

  seedOAuthClient(partial: Partial<OAuthClient> & { secret?: string } = {}): { client: OAuthClient; secret: string } {
    return this.store.seedOAuthClient(partial);
  }

  mutateOAuthClient(id: string, fn: (client: OAuthClient) => void): OAuthClient {
    return this.store.mutateOAuthClient(id, fn);
  }

  removeOAuthClient(id: string): boolean {
    return this.store.removeOAuthClient(id);
  }

  markOAuthClientUsed(id: string, at?: number | string): OAuthClient {
    return this.store.markOAuthClientUsed(id, at);
  }

  listClusters(): ManagedCluster[] {
    return this.store.listClusters();
  }

  listOAuthClients(): OAuthClient[] {
    return this.store.listOAuthClients();
  }

  /** Empties the store, recorded requests, faults, tokens and rate-limit counters; the token endpoint comes back up. */
  reset(): void {
    this.store.reset();
    this.recorder.clear();
    this.faults.clear();
    this.tokens.revokeAll();
    this.tokens.endpointDown = false;
    this.limiter.reset();
  }
}

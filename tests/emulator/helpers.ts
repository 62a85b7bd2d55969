/** Test helpers: a tiny API client for the emulator that checks every response against the bundled spec. */
import { expect } from "chai";
import { IscEmulator, validateResponse, type ApiVersion, type EmulatorOptions } from "../../emulator";

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

export interface CallOptions {
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
  contentType?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Override the bearer token (null: send none). */
  token?: string | null;
  /** Skip the response-schema check (e.g. for deliberately undeclared statuses). */
  noValidate?: boolean;
}

export class FakeClock {
  constructor(public t = Date.parse("2026-03-01T12:00:00.000Z")) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<IscEmulator> {
  return IscEmulator.start({ rateLimit: false, ...opts });
}

/** Mocha hooks: a fresh emulator (no rate limit) and a v2025 client logged in to it for every test, stopped after it. */
export function eachEmulator(use: (emu: IscEmulator, api: ApiClient) => void): void {
  let emu: IscEmulator | undefined;
  beforeEach(async () => {
    emu = await startEmulator();
    use(emu, await new ApiClient(emu, "v2025").login());
  });
  afterEach(async () => {
    await emu?.stop();
  });
}

export interface Session {
  emu: IscEmulator;
  clock: FakeClock;
  api: ApiClient;
}

/** An emulator on a fake clock, and an API client of the given version logged in to it. */
export async function startSession(version: ApiVersion = "v2025", opts: EmulatorOptions = {}): Promise<Session> {
  const clock = new FakeClock();
  const emu = await startEmulator({ clock, ...opts });
  return { emu, clock, api: await new ApiClient(emu, version).login() };
}

export async function getToken(emu: IscEmulator, creds = emu.credentials): Promise<string> {
  const res = await fetch(`${emu.url}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: creds.clientId, client_secret: creds.clientSecret }),
  });
  expect(res.status).to.equal(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** `/managed-clusters/abc` → `/v2025/managed-clusters/abc`, or `/managed-clusters/v1/abc` for v1. */
export function versionedPath(version: ApiVersion, resourcePath: string): string {
  if (version === "v1") return resourcePath.replace(/^(\/[^/?]+)/, "$1/v1");
  return `/${version}${resourcePath}`;
}

export class ApiClient {
  token?: string;

  constructor(
    readonly emu: IscEmulator,
    readonly version: ApiVersion,
  ) {}

  async login(): Promise<this> {
    this.token = await getToken(this.emu);
    return this;
  }

  async call(method: string, resourcePath: string, opts: CallOptions = {}): Promise<Res> {
    const url = new URL(this.emu.url + versionedPath(this.version, resourcePath));
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const token = opts.token === undefined ? this.token : opts.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined || opts.body !== undefined) {
      body = opts.rawBody ?? JSON.stringify(opts.body);
      headers["Content-Type"] = opts.contentType ?? (method === "PATCH" ? "application/json-patch+json" : "application/json");
    }
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    const out = { status: res.status, headers: res.headers, text, body: parsed };
    if (!opts.noValidate) {
      const errors = validateResponse(this.version, method, resourcePath.split("?")[0], res.status, parsed);
      expect(errors, `${method} ${resourcePath} → ${res.status} ${text.slice(0, 300)}`).to.deep.equal([]);
    }
    return out;
  }

  get = (p: string, o?: CallOptions) => this.call("GET", p, o);
  post = (p: string, body?: unknown, o?: CallOptions) => this.call("POST", p, { ...o, body });
  put = (p: string, body?: unknown, o?: CallOptions) => this.call("PUT", p, { ...o, body });
  patch = (p: string, body?: unknown, o?: CallOptions) => this.call("PATCH", p, { ...o, body });
  delete = (p: string, o?: CallOptions) => this.call("DELETE", p, o);
}

/** Asserts the ErrorResponseDto shape ISC uses for 400/403/404/500. */
export function expectErrorDto(res: Res, status: number, detailCode?: string | RegExp, text?: RegExp): void {
  expect(res.status, res.text).to.equal(status);
  const b = res.body as { detailCode: string; trackingId: string; messages: { locale: string; localeOrigin: string; text: string }[]; causes: unknown[] };
  expect(b.trackingId).to.match(/^[0-9a-f]{32}$/);
  expect(b.messages).to.have.length(1);
  expect(b.messages[0]).to.include({ locale: "en-US", localeOrigin: "DEFAULT" });
  expect(b.causes).to.be.an("array");
  if (detailCode instanceof RegExp) expect(b.detailCode).to.match(detailCode);
  else if (detailCode) expect(b.detailCode).to.equal(detailCode);
  if (text) expect(b.messages[0].text).to.match(text);
}

export const CLUSTER = { name: "cluster-a", type: "idn", description: "first", configuration: { gmtOffset: "-5", debug: "false" } };

export const OAUTH = {
  name: "ci client",
  description: "used by CI",
  accessTokenValiditySeconds: 750,
  grantTypes: ["CLIENT_CREDENTIALS"],
  accessType: "OFFLINE",
  enabled: true,
};

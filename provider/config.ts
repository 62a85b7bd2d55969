/** Provider settings: stack config (`sailpoint:*`) first, then the SAIL_* variables SailPoint's own CLI and SDKs use. */

export const API_VERSIONS = ["v3", "v2024", "v2025", "v2026"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = "v2025";

export interface RateLimit {
  /** Requests allowed per window, per client id, for the whole process. */
  limit: number;
  windowMs: number;
}

export interface Settings {
  /** Tenant API root, e.g. https://acme.api.identitynow.com (no trailing slash, no version). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  apiVersion: ApiVersion;
  rateLimit: RateLimit;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
}

/** Anything with a `get` of fully-qualified keys: the dynamic provider's ConfigureRequest.config, or a plain map. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

interface Setting {
  key: string;
  env: string;
  secret?: boolean;
}

const SETTINGS = {
  baseUrl: { key: "sailpoint:baseUrl", env: "SAIL_BASE_URL" },
  clientId: { key: "sailpoint:clientId", env: "SAIL_CLIENT_ID" },
  clientSecret: { key: "sailpoint:clientSecret", env: "SAIL_CLIENT_SECRET", secret: true },
  apiVersion: { key: "sailpoint:apiVersion", env: "SAIL_API_VERSION" },
  rateLimit: { key: "sailpoint:rateLimit", env: "SAIL_RATE_LIMIT" },
  requestTimeout: { key: "sailpoint:requestTimeoutSeconds", env: "SAIL_REQUEST_TIMEOUT_SECONDS" },
} satisfies Record<string, Setting>;

export const SETTING_NAMES = SETTINGS;

const DEFAULT_RATE_LIMIT: RateLimit = { limit: 100, windowMs: 10_000 };
const DEFAULT_TIMEOUT_MS = 30_000;

function lookup(setting: Setting, config: ConfigSource, env: NodeJS.ProcessEnv): string | undefined {
  const value = config.get(setting.key) ?? env[setting.env];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function name(setting: Setting): string {
  return `${setting.key} (env ${setting.env})`;
}

function missing(setting: Setting): string {
  const set = setting.secret ? `pulumi config set --secret ${setting.key} <value>` : `pulumi config set ${setting.key} <value>`;
  return `${setting.key} is not set: run \`${set}\` or set the ${setting.env} environment variable`;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Returns the normalised base URL, or a problem description. */
function parseBaseUrl(raw: string): { value?: string; problem?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: `${name(SETTINGS.baseUrl)} is not a valid URL: expected the tenant API root such as https://acme.api.identitynow.com` };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.test(url.hostname))) {
    return { problem: `${name(SETTINGS.baseUrl)} must use https:// (plain http:// is accepted only for loopback addresses such as a local emulator)` };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { problem: `${name(SETTINGS.baseUrl)} must not contain credentials, a query or a fragment` };
  }
  const path = url.pathname.replace(/\/+$/, "");
  if (/\/(v3|v2\d{3}|beta|v1)$/i.test(path)) {
    return { problem: `${name(SETTINGS.baseUrl)} must be the tenant API root without a version suffix (drop "${path}"); choose the version with ${name(SETTINGS.apiVersion)}` };
  }
  return { value: `${url.origin}${path}` };
}

function parseRateLimit(raw: string | undefined): { value?: RateLimit; problem?: string } {
  if (raw === undefined) return { value: DEFAULT_RATE_LIMIT };
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    return { problem: `${name(SETTINGS.rateLimit)} must look like <requests>/<milliseconds>, e.g. 100/10000` };
  }
  return { value: { limit: Number(match[1]), windowMs: Number(match[2]) } };
}

function parseTimeout(raw: string | undefined): { value?: number; problem?: string } {
  if (raw === undefined) return { value: DEFAULT_TIMEOUT_MS };
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    return { problem: `${name(SETTINGS.requestTimeout)} must be a number of seconds between 0 and 600` };
  }
  return { value: Math.round(seconds * 1000) };
}

/**
 * Resolves and validates every setting. All problems are reported together in one ConfigError whose message
 * names each config key and its environment variable; the secret's value never appears in it.
 */
export function resolveSettings(config: ConfigSource, env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = [];
  const rawBaseUrl = lookup(SETTINGS.baseUrl, config, env);
  const clientId = lookup(SETTINGS.clientId, config, env);
  const clientSecret = lookup(SETTINGS.clientSecret, config, env);
  const rawVersion = lookup(SETTINGS.apiVersion, config, env) ?? DEFAULT_API_VERSION;

  const baseUrl = rawBaseUrl === undefined ? { problem: missing(SETTINGS.baseUrl) } : parseBaseUrl(rawBaseUrl);
  if (baseUrl.problem) problems.push(baseUrl.problem);
  if (clientId === undefined) problems.push(missing(SETTINGS.clientId));
  if (clientSecret === undefined) problems.push(missing(SETTINGS.clientSecret));
  const apiVersion = API_VERSIONS.find((v) => v === rawVersion.toLowerCase());
  if (!apiVersion) {
    problems.push(`${name(SETTINGS.apiVersion)} is "${rawVersion}": expected one of ${API_VERSIONS.join(", ")}`);
  }
  const rateLimit = parseRateLimit(lookup(SETTINGS.rateLimit, config, env));
  if (rateLimit.problem) problems.push(rateLimit.problem);
  const timeout = parseTimeout(lookup(SETTINGS.requestTimeout, config, env));
  if (timeout.problem) problems.push(timeout.problem);

  if (problems.length > 0) {
    throw new ConfigError(`SailPoint ISC provider configuration is invalid:\n  - ${problems.join("\n  - ")}`);
  }
  return {
    baseUrl: baseUrl.value!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    apiVersion: apiVersion!,
    rateLimit: rateLimit.value!,
    timeoutMs: timeout.value!,
  };
}

/** A ConfigSource over a plain object of fully-qualified keys. */
export function mapConfig(values: Record<string, string | undefined>): ConfigSource {
  return { get: (key) => values[key] };
}

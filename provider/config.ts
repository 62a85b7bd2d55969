/** Provider settings: stack config (`sailpoint:*`) first, then the SAIL_* variables SailPoint's own CLI and SDKs use. */

/** The yearly versions (`/<version>/managed-clusters`) and the per-service `v1` (`/managed-clusters/v1`): docs/isc-api.md §1.1. */
export const API_VERSIONS = ["v3", "v2024", "v2025", "v2026", "v1"] as const;
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
/** Bounds of the numeric settings: beyond them a value is a typo, and timers or counters would misbehave. */
export const BOUNDS = {
  rateLimitRequests: { min: 1, max: 100_000 },
  rateLimitWindowMs: { min: 100, max: 3_600_000 },
  timeoutSeconds: { min: 1, max: 600 },
} as const;

/** A value that is only blanks counts as not set, in the stack configuration and in the environment alike. */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The stack value, else the SAIL_* variable: a blank stack value does not hide the variable. */
function lookup(setting: Setting, config: ConfigSource, env: NodeJS.ProcessEnv): string | undefined {
  return present(config.get(setting.key)) ?? present(env[setting.env]);
}

function name(setting: Setting): string {
  return `${setting.key} (env ${setting.env})`;
}

/** Why a required setting has no value: unset, or set only to blanks in the stack, the environment or both. */
function missing(setting: Setting, config: ConfigSource, env: NodeJS.ProcessEnv): string {
  const set = setting.secret ? `pulumi config set --secret ${setting.key} <value>` : `pulumi config set ${setting.key} <value>`;
  const blank = [
    ...(config.get(setting.key) !== undefined ? [`the stack value of ${setting.key}`] : []),
    ...(env[setting.env] !== undefined ? [`the ${setting.env} environment variable`] : []),
  ];
  const why = blank.length ? `is empty (${blank.join(" and ")} ${blank.length > 1 ? "are" : "is"} blank)` : "is not set";
  return `${setting.key} ${why}: run \`${set}\` or set the ${setting.env} environment variable`;
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

const within = (value: number, bounds: { min: number; max: number }) => value >= bounds.min && value <= bounds.max;

function parseRateLimit(raw: string | undefined): { value?: RateLimit; problem?: string } {
  if (raw === undefined) return { value: DEFAULT_RATE_LIMIT };
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    return { problem: `${name(SETTINGS.rateLimit)} must look like <requests>/<milliseconds>, e.g. 100/10000` };
  }
  const limit = Number(match[1]);
  const windowMs = Number(match[2]);
  const { rateLimitRequests: requests, rateLimitWindowMs: window } = BOUNDS;
  if (!within(limit, requests) || !within(windowMs, window)) {
    return {
      problem:
        `${name(SETTINGS.rateLimit)} is "${raw}": allowed are ${requests.min} to ${requests.max} requests ` +
        `per ${window.min} to ${window.max} milliseconds, e.g. 100/10000`,
    };
  }
  return { value: { limit, windowMs } };
}

function parseTimeout(raw: string | undefined): { value?: number; problem?: string } {
  if (raw === undefined) return { value: DEFAULT_TIMEOUT_MS };
  const seconds = Number(raw);
  const bounds = BOUNDS.timeoutSeconds;
  if (!Number.isFinite(seconds) || !within(seconds, bounds)) {
    return { problem: `${name(SETTINGS.requestTimeout)} is "${raw}": it must be a number of seconds from ${bounds.min} to ${bounds.max}` };
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

  const baseUrl = rawBaseUrl === undefined ? { problem: missing(SETTINGS.baseUrl, config, env) } : parseBaseUrl(rawBaseUrl);
  if (baseUrl.problem) problems.push(baseUrl.problem);
  if (clientId === undefined) problems.push(missing(SETTINGS.clientId, config, env));
  if (clientSecret === undefined) problems.push(missing(SETTINGS.clientSecret, config, env));
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

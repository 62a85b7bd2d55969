/**
 * The bad-input corpus: inputs a program can declare that the provider must refuse at Check, before any request, each
 * naming the offending property. Plus "looks like an attack, is just text" inputs that must pass unchanged: ISC names
 * and descriptions are free text, so SQL, HTML or template fragments are valid values, not injections to filter.
 *
 * Each bad entry is a valid base object of its kind with one thing wrong, so the expected failure list is exactly
 * `[property]` unless `alsoFails` says otherwise.
 */
import type { Bag, Kind } from "../harness/wire";

export interface BadInput {
  kind: Kind;
  /** Category, for reporting: type, enum, range, url, timing, empty, unknown-key, too-long, control-chars, ... */
  category: Category;
  label: string;
  inputs: Bag;
  /** The resource's current inputs, for checks that depend on the resource existing (createOnly fields). */
  olds?: Bag;
  /** The exact CheckFailure property expected, e.g. "configuration.port", "grantTypes[1]", "expiration". */
  property: string;
  /** Optional pattern the failure's reason must match (where the reason matters, not just the property). */
  reason?: RegExp;
  /** Other properties expected to fail as well (the default is none). */
  alsoFails?: string[];
}

export interface ValidInput {
  kind: Kind;
  label: string;
  inputs: Bag;
}

export type Category =
  | "path"
  | "required"
  | "type"
  | "enum"
  | "range"
  | "url"
  | "timing"
  | "empty"
  | "unknown-key"
  | "too-long"
  | "control-chars"
  | "cross-field"
  | "create-only";

const CLUSTER_ID = "0123456789abcdef0123456789abcdef";
const HOUR = 3_600_000;

const BASE: Record<Kind, Bag> = {
  ManagedCluster: { name: "corpus-cluster" },
  ClusterLogConfig: { clusterId: CLUSTER_ID, rootLevel: "INFO" },
  OAuthClient: {
    name: "corpus-client",
    description: "Corpus client",
    accessTokenValiditySeconds: 3600,
    grantTypes: ["CLIENT_CREDENTIALS"],
    accessType: "OFFLINE",
  },
  ManagedClient: { clusterId: CLUSTER_ID },
};

/** Existing resources' inputs, for createOnly checks. */
const EXISTING: Record<Kind, Bag> = {
  ManagedCluster: { name: "corpus-cluster", type: "idn", removeClientsOnDelete: false },
  ClusterLogConfig: { clusterId: CLUSTER_ID, rootLevel: "INFO" },
  OAuthClient: { ...BASE.OAuthClient, enabled: true },
  ManagedClient: { clusterId: CLUSTER_ID, type: "VA" },
};

const long = (n: number, ch = "x") => ch.repeat(n);
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
/** Today (UTC) at 24:00:00Z: the coming midnight, spelled with an hour the service does not accept. */
const todayAt24 = `${new Date().toISOString().slice(0, 10)}T24:00:00Z`;
/** Two hours ahead, without seconds (RFC 3339, and the API's format: date-time, require them). */
const withoutSeconds = `${iso(2 * HOUR).slice(0, 16)}Z`;

/** One bad entry: the kind's base inputs with `change` applied (an `undefined` value removes the key). */
function bad(kind: Kind, category: Category, label: string, change: Bag, property: string, extra: Partial<BadInput> = {}): BadInput {
  const inputs: Bag = { ...BASE[kind], ...change };
  for (const key of Object.keys(inputs)) if (inputs[key] === undefined) delete inputs[key];
  return { kind, category, label, inputs, property, ...extra };
}

const MC = "ManagedCluster" as const;
const LC = "ClusterLogConfig" as const;
const OA = "OAuthClient" as const;
const VA = "ManagedClient" as const;
const DATE_TIME_REASON = /ISO 8601 date-time/;
const CONTROL_REASON = /control characters/;

export const BAD_INPUTS: BadInput[] = [
  // ---- ManagedCluster -------------------------------------------------------------------------------------------
  bad(MC, "required", "no name", { name: undefined }, "name", { reason: /is required/ }),
  bad(MC, "required", "name null", { name: null }, "name", { reason: /is required/ }),
  bad(MC, "empty", "empty name", { name: "" }, "name", { reason: /must not be empty/ }),
  bad(MC, "empty", "whitespace-only name", { name: " \u00a0 " }, "name", { reason: /must not be empty/ }),
  bad(MC, "type", "numeric name", { name: 42 }, "name", { reason: /must be a string/ }),
  bad(MC, "type", "list as name", { name: ["a"] }, "name", { reason: /must be a string/ }),
  bad(MC, "too-long", "name of 256 characters", { name: long(256) }, "name", { reason: /at most 255/ }),
  bad(MC, "control-chars", "newline in name", { name: "evil\nname" }, "name", { reason: CONTROL_REASON }),
  bad(MC, "control-chars", "CRLF header-injection-looking name", { name: "a\r\nX-Injected: 1" }, "name", { reason: CONTROL_REASON }),
  bad(MC, "control-chars", "NUL in name", { name: "nul\u0000byte" }, "name", { reason: CONTROL_REASON }),
  bad(MC, "control-chars", "ANSI escape sequence in name", { name: "\u001b[31mred\u001b[0m" }, "name", { reason: CONTROL_REASON }),
  bad(MC, "control-chars", "DEL in name", { name: "del\u007f" }, "name", { reason: CONTROL_REASON }),
  bad(MC, "control-chars", "tab in name", { name: "tab\there" }, "name", { reason: CONTROL_REASON }),
  bad(MC, "control-chars", "C1 NEL (U+0085) in name", { name: "next\u0085line" }, "name", { reason: /U\+0085/ }),
  bad(MC, "control-chars", "C1 CSI (U+009B) in name", { name: "csi\u009b31m" }, "name", { reason: /U\+009B/ }),
  bad(MC, "control-chars", "line separator (U+2028) in name", { name: "line\u2028separator" }, "name", { reason: /U\+2028/ }),
  bad(MC, "control-chars", "paragraph separator (U+2029) in name", { name: "para\u2029graph" }, "name", { reason: /U\+2029/ }),
  bad(MC, "enum", "unknown type", { type: "vm" }, "type", { reason: /idn, iai, spConnectCluster/ }),
  bad(MC, "enum", "type in the wrong case", { type: "IDN" }, "type"),
  bad(MC, "enum", "type with padding", { type: " idn" }, "type"),
  bad(MC, "type", "numeric type", { type: 1 }, "type"),
  bad(MC, "type", "numeric description", { description: 7 }, "description"),
  bad(MC, "too-long", "description of 2001 characters", { description: long(2001) }, "description", { reason: /at most 2000/ }),
  bad(MC, "type", "configuration as a string", { configuration: "gmtOffset=-5" }, "configuration", { reason: /map/ }),
  bad(MC, "type", "configuration as a list", { configuration: ["gmtOffset"] }, "configuration", { reason: /map/ }),
  bad(MC, "type", "numeric configuration value", { configuration: { port: 8080 } }, "configuration.port", { reason: /must be a string/ }),
  bad(MC, "type", "boolean configuration value", { configuration: { debug: true } }, "configuration.debug"),
  bad(MC, "type", "null configuration value", { configuration: { gmtOffset: null } }, "configuration.gmtOffset"),
  bad(MC, "type", "nested configuration value", { configuration: { nested: { a: "b" } } }, "configuration.nested"),
  bad(MC, "too-long", "configuration value of 4001 characters", { configuration: { big: long(4001) } }, "configuration.big", { reason: /at most 4000/ }),
  bad(MC, "too-long", "configuration key of 256 characters", { configuration: { [long(256, "k")]: "v" } }, "configuration", { reason: /longer than 255/ }),
  bad(MC, "empty", "empty configuration key", { configuration: { "": "v" } }, "configuration", { reason: /keys must not be empty/ }),
  bad(MC, "empty", "whitespace configuration key", { configuration: { "  ": "v" } }, "configuration", { reason: /keys must not be empty/ }),
  bad(MC, "type", "removeClientsOnDelete as a string", { removeClientsOnDelete: "yes" }, "removeClientsOnDelete", { reason: /true or false/ }),
  bad(MC, "type", "removeClientsOnDelete as a number", { removeClientsOnDelete: 1 }, "removeClientsOnDelete"),
  bad(MC, "empty", "empty manualUpgradeTrigger", { manualUpgradeTrigger: "" }, "manualUpgradeTrigger"),
  bad(MC, "type", "numeric manualUpgradeTrigger", { manualUpgradeTrigger: 2026 }, "manualUpgradeTrigger"),
  bad(MC, "too-long", "manualUpgradeTrigger of 256 characters", { manualUpgradeTrigger: long(256) }, "manualUpgradeTrigger"),
  bad(MC, "empty", "empty importId", { importId: "" }, "importId"),
  bad(MC, "path", "importId that a URL parser resolves away", { importId: ".." }, "importId", { reason: /must be an object id/ }),
  bad(MC, "control-chars", "importId with a trailing newline (read from a file)", { importId: `${CLUSTER_ID}\n` }, "importId", { reason: CONTROL_REASON }),
  bad(MC, "create-only", "importId added to an existing cluster", { importId: CLUSTER_ID }, "importId", { olds: EXISTING.ManagedCluster, reason: /only be set when the resource is created/ }),
  bad(MC, "unknown-key", "unknown key", { foo: "bar" }, "foo", { reason: /is not a ManagedCluster property/ }),
  bad(MC, "unknown-key", "id as an input", { id: CLUSTER_ID }, "id"),
  bad(MC, "unknown-key", "output name liveConfiguration as an input", { liveConfiguration: {} }, "liveConfiguration"),
  bad(MC, "unknown-key", "wrongly-cased Name beside name", { Name: "x" }, "Name"),
  bad(MC, "unknown-key", "the API's removeClients instead of removeClientsOnDelete", { removeClients: true }, "removeClients"),
  bad(MC, "unknown-key", "a __-prefixed key (only the engine's __provider is allowed)", { __x: "y" }, "__x", { reason: /is not a ManagedCluster property/ }),
  bad(MC, "unknown-key", "__defaults (an engine key of other providers)", { __defaults: ["name"] }, "__defaults"),

  // ---- ClusterLogConfig -----------------------------------------------------------------------------------------
  bad(LC, "required", "no clusterId", { clusterId: undefined }, "clusterId", { reason: /is required/ }),
  bad(LC, "empty", "empty clusterId", { clusterId: "" }, "clusterId"),
  bad(LC, "path", "clusterId that a URL parser resolves away", { clusterId: "." }, "clusterId", { reason: /must be an object id/ }),
  bad(LC, "empty", "whitespace clusterId", { clusterId: "   " }, "clusterId"),
  bad(LC, "type", "numeric clusterId", { clusterId: 12345 }, "clusterId"),
  bad(LC, "too-long", "clusterId of 256 characters", { clusterId: long(256, "a") }, "clusterId"),
  bad(LC, "control-chars", "clusterId with a trailing newline", { clusterId: `${CLUSTER_ID}\n` }, "clusterId", { reason: CONTROL_REASON }),
  bad(LC, "required", "no rootLevel", { rootLevel: undefined }, "rootLevel"),
  bad(LC, "enum", "lower-case rootLevel", { rootLevel: "info" }, "rootLevel", { reason: /OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE/ }),
  bad(LC, "enum", "unknown rootLevel", { rootLevel: "VERBOSE" }, "rootLevel"),
  bad(LC, "type", "logLevels as a string", { logLevels: "DEBUG" }, "logLevels"),
  bad(LC, "enum", "unknown logger level", { logLevels: { "sailpoint.connector": "LOUD" } }, "logLevels.sailpoint.connector"),
  bad(LC, "enum", "null logger level", { logLevels: { "sailpoint.connector": null } }, "logLevels.sailpoint.connector"),
  bad(LC, "too-long", "logger name of 513 characters", { logLevels: { [long(513, "l")]: "DEBUG" } }, "logLevels"),
  bad(LC, "empty", "empty logger name", { logLevels: { "": "DEBUG" } }, "logLevels"),
  bad(LC, "range", "durationMinutes below 5", { durationMinutes: 4 }, "durationMinutes", { reason: /at least 5/ }),
  bad(LC, "range", "durationMinutes above 1440", { durationMinutes: 1441 }, "durationMinutes", { reason: /at most 1440/ }),
  bad(LC, "range", "durationMinutes 0", { durationMinutes: 0 }, "durationMinutes"),
  bad(LC, "range", "negative durationMinutes", { durationMinutes: -30 }, "durationMinutes"),
  bad(LC, "type", "fractional durationMinutes", { durationMinutes: 30.5 }, "durationMinutes", { reason: /whole number/ }),
  bad(LC, "type", "durationMinutes as a string", { durationMinutes: "30" }, "durationMinutes"),
  bad(LC, "timing", "durationMinutes and expiration together", { durationMinutes: 60, expiration: iso(HOUR) }, "expiration", { reason: /cannot be set together with durationMinutes/ }),
  bad(LC, "timing", "expiration not a date", { expiration: "tomorrow" }, "expiration", { reason: DATE_TIME_REASON }),
  bad(LC, "timing", "expiration a date without a time", { expiration: "2030-01-01" }, "expiration", { reason: DATE_TIME_REASON }),
  bad(LC, "timing", "expiration as epoch seconds", { expiration: 1_893_456_000 }, "expiration", { reason: /must be a string/ }),
  bad(LC, "timing", "expiration in the past", { expiration: iso(-HOUR) }, "expiration", { reason: /must be in the future/ }),
  bad(LC, "timing", "expiration more than 24 h ahead", { expiration: iso(25 * HOUR) }, "expiration", { reason: /at most 24 hours ahead/ }),
  bad(LC, "timing", "expiration at 24:00:00 (an hour the service refuses)", { expiration: todayAt24 }, "expiration", { reason: DATE_TIME_REASON }),
  bad(LC, "timing", "expiration without seconds", { expiration: withoutSeconds }, "expiration", { reason: DATE_TIME_REASON }),
  bad(LC, "timing", "expiration on February 30", { expiration: "2030-02-30T00:00:00Z" }, "expiration", { reason: DATE_TIME_REASON }),
  bad(LC, "unknown-key", "output expiresAt as an input", { expiresAt: iso(HOUR) }, "expiresAt"),
  bad(LC, "unknown-key", "service field clientId as an input", { clientId: "c" }, "clientId"),
  bad(LC, "unknown-key", "a __-prefixed key", { __meta: { owner: "x" } }, "__meta", { reason: /is not a ClusterLogConfig property/ }),
  bad(LC, "unknown-key", "a malformed __lostKeys marker", { __lostKeys: "logLevels" }, "__lostKeys", { reason: /is not a ClusterLogConfig property/ }),

  // ---- OAuthClient ----------------------------------------------------------------------------------------------
  bad(OA, "required", "no name", { name: undefined }, "name"),
  bad(OA, "empty", "empty name", { name: "" }, "name"),
  bad(OA, "control-chars", "newline in name", { name: "bad\nname" }, "name", { reason: CONTROL_REASON }),
  bad(OA, "too-long", "name of 256 characters", { name: long(256) }, "name"),
  bad(OA, "required", "no description (the API requires one)", { description: undefined }, "description"),
  bad(OA, "empty", "empty description", { description: "" }, "description"),
  bad(OA, "too-long", "description of 2001 characters", { description: long(2001) }, "description"),
  bad(OA, "required", "no accessTokenValiditySeconds", { accessTokenValiditySeconds: undefined }, "accessTokenValiditySeconds"),
  bad(OA, "range", "accessTokenValiditySeconds 0", { accessTokenValiditySeconds: 0 }, "accessTokenValiditySeconds", { reason: /at least 1/ }),
  bad(OA, "range", "accessTokenValiditySeconds above int32", { accessTokenValiditySeconds: 2_147_483_648 }, "accessTokenValiditySeconds", { reason: /at most 2147483647/ }),
  bad(OA, "type", "accessTokenValiditySeconds as a string", { accessTokenValiditySeconds: "3600" }, "accessTokenValiditySeconds"),
  bad(OA, "type", "fractional accessTokenValiditySeconds", { accessTokenValiditySeconds: 3600.5 }, "accessTokenValiditySeconds"),
  bad(OA, "range", "negative refreshTokenValiditySeconds", { refreshTokenValiditySeconds: -1 }, "refreshTokenValiditySeconds"),
  bad(OA, "required", "no grantTypes", { grantTypes: undefined }, "grantTypes"),
  bad(OA, "empty", "empty grantTypes", { grantTypes: [] }, "grantTypes", { reason: /at least one value/ }),
  bad(OA, "enum", "unknown grant type in second place", { grantTypes: ["CLIENT_CREDENTIALS", "PASSWORD"] }, "grantTypes[1]", { reason: /CLIENT_CREDENTIALS, AUTHORIZATION_CODE, REFRESH_TOKEN/ }),
  bad(OA, "enum", "lower-case grant type", { grantTypes: ["client_credentials"] }, "grantTypes[0]"),
  bad(OA, "type", "null grant type", { grantTypes: ["CLIENT_CREDENTIALS", null] }, "grantTypes[1]"),
  bad(OA, "type", "grantTypes as a string", { grantTypes: "CLIENT_CREDENTIALS" }, "grantTypes", { reason: /must be a list/ }),
  bad(OA, "cross-field", "AUTHORIZATION_CODE without redirectUris", { grantTypes: ["AUTHORIZATION_CODE"] }, "redirectUris", { reason: /AUTHORIZATION_CODE/ }),
  bad(OA, "cross-field", "AUTHORIZATION_CODE with empty redirectUris", { grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], redirectUris: [] }, "redirectUris"),
  bad(OA, "required", "no accessType", { accessType: undefined }, "accessType"),
  bad(OA, "enum", "unknown accessType", { accessType: "SOMETIMES" }, "accessType", { reason: /ONLINE, OFFLINE/ }),
  bad(OA, "type", "enabled as a string", { enabled: "true" }, "enabled"),
  bad(OA, "url", "homepageUrl not a URL", { homepageUrl: "not a url" }, "homepageUrl", { reason: /absolute http\(s\) URL/ }),
  bad(OA, "url", "ftp homepageUrl", { homepageUrl: "ftp://example.com/" }, "homepageUrl"),
  bad(OA, "url", "javascript: homepageUrl", { homepageUrl: "javascript:alert(1)" }, "homepageUrl"),
  bad(OA, "url", "scheme-relative homepageUrl", { homepageUrl: "//example.com/home" }, "homepageUrl"),
  bad(OA, "url", "homepageUrl with a space in the host", { homepageUrl: "https://exa mple.com/" }, "homepageUrl"),
  bad(OA, "too-long", "homepageUrl of 2001 characters", { homepageUrl: `https://example.com/${long(1981)}` }, "homepageUrl", { reason: /at most 2000/ }),
  bad(OA, "url", "relative redirect URI in second place", { redirectUris: ["https://app.example.com/cb", "/relative/cb"] }, "redirectUris[1]"),
  bad(OA, "url", "data: redirect URI", { redirectUris: ["data:text/html,<script>alert(1)</script>"] }, "redirectUris[0]"),
  bad(OA, "type", "redirectUris as a string", { redirectUris: "https://app.example.com/cb" }, "redirectUris"),
  bad(OA, "type", "numeric redirect URI", { redirectUris: [42] }, "redirectUris[0]"),
  bad(OA, "too-long", "businessName of 256 characters", { businessName: long(256) }, "businessName"),
  bad(OA, "enum", "unknown client type", { type: "PRIVATE" }, "type", { reason: /CONFIDENTIAL, PUBLIC/ }),
  bad(OA, "type", "internal as a string", { internal: "no" }, "internal"),
  bad(OA, "type", "strongAuthSupported as a string", { strongAuthSupported: "yes" }, "strongAuthSupported"),
  bad(OA, "type", "claimsSupported as a number", { claimsSupported: 0 }, "claimsSupported"),
  bad(OA, "empty", "empty scope", { scope: [] }, "scope", { reason: /at least one value/ }),
  bad(OA, "empty", "empty scope item", { scope: [""] }, "scope[0]"),
  bad(OA, "control-chars", "scope with a trailing newline", { scope: ["sp:scopes:all\n"] }, "scope[0]", { reason: CONTROL_REASON }),
  bad(OA, "type", "scope as a string", { scope: "sp:scopes:all" }, "scope"),
  bad(OA, "control-chars", "importId with CRLF", { importId: "2c9180835d2e5168015d32f890ca1581\r\n" }, "importId", { reason: CONTROL_REASON }),
  bad(OA, "path", "importId that a URL parser resolves away", { importId: ".." }, "importId", { reason: /must be an object id/ }),
  bad(OA, "create-only", "importId added to an existing client", { importId: "2c9180835d2e5168015d32f890ca1581" }, "importId", { olds: EXISTING.OAuthClient }),
  bad(OA, "unknown-key", "secret as an input (an output only)", { secret: "s3cr3t" }, "secret"),
  bad(OA, "unknown-key", "clientSecret as an input", { clientSecret: "s3cr3t" }, "clientSecret"),
  bad(OA, "unknown-key", "redirectUri (singular) typo", { redirectUri: "https://app.example.com/cb" }, "redirectUri"),
  bad(OA, "unknown-key", "a __-prefixed secret-looking key", { __secret: "s3cr3t" }, "__secret", { reason: /is not a OAuthClient property/ }),
  // ---- ManagedClient --------------------------------------------------------------------------------------------
  bad(VA, "required", "no clusterId", { clusterId: undefined }, "clusterId", { reason: /is required/ }),
  bad(VA, "empty", "empty clusterId", { clusterId: "" }, "clusterId", { reason: /must not be empty/ }),
  bad(VA, "path", "clusterId that a URL parser resolves away", { clusterId: "." }, "clusterId", { reason: /must be an object id/ }),
  bad(VA, "enum", "unknown type", { type: "VM" }, "type", { reason: /CCG, VA, INTERNAL, IIQ_HARVESTER/ }),
  bad(VA, "enum", "type in the wrong case", { type: "va" }, "type"),
  bad(VA, "empty", "empty name", { name: "" }, "name", { reason: /must not be empty/ }),
  bad(VA, "control-chars", "newline in name", { name: "va\n1" }, "name", { reason: CONTROL_REASON }),
  bad(VA, "too-long", "name of 256 characters", { name: long(256) }, "name", { reason: /at most 255/ }),
  bad(VA, "type", "numeric description", { description: 3 }, "description", { reason: /must be a string/ }),
  bad(VA, "create-only", "importId added to an existing client", { importId: CLUSTER_ID }, "importId", { olds: EXISTING.ManagedClient, reason: /only be set when the resource is created/ }),
  bad(VA, "unknown-key", "output name secret as an input", { secret: "k" }, "secret", { reason: /is not a ManagedClient property/ }),
  bad(VA, "unknown-key", "output name clientId as an input", { clientId: "x" }, "clientId"),
];

/**
 * Text that merely looks like an attack. ISC stores names and descriptions as free text and the provider sends them
 * as JSON values (and quotes them in filters), so these are valid and must pass Check unchanged.
 */
export const VALID_INPUTS: ValidInput[] = [
  { kind: MC, label: "SQL-injection-looking name", inputs: { name: `"; DROP TABLE clusters; --` } },
  { kind: MC, label: "HTML/script name", inputs: { name: "<script>alert(1)</script>" } },
  { kind: MC, label: "template and JNDI-looking name", inputs: { name: "{{7*7}} ${jndi:ldap://evil.example/a}" } },
  { kind: MC, label: "path-traversal-looking name", inputs: { name: "../../etc/passwd" } },
  { kind: MC, label: "filter-injection-looking name", inputs: { name: `x" or name eq "y` } },
  { kind: MC, label: "non-ASCII name", inputs: { name: "集群 🚀 prod – Zürich" } },
  {
    kind: MC,
    label: "every limit exactly reached, multi-line description and configuration value",
    inputs: { name: long(255), description: `line one\nline two\n${long(1982)}`, configuration: { [long(255, "k")]: `-----BEGIN\n${long(3984)}` } },
  },
  { kind: LC, label: "boundary durationMinutes and a logger level", inputs: { ...BASE.ClusterLogConfig, durationMinutes: 1440, logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" } } },
  { kind: LC, label: "expiration one hour ahead with an offset", inputs: { ...BASE.ClusterLogConfig, expiration: iso(HOUR).replace("Z", "+00:00") } },
  {
    kind: OA,
    label: "HTML name, SQL description, localhost redirect",
    inputs: {
      ...BASE.OAuthClient,
      name: "<img src=x onerror=alert(1)>",
      description: "'; DELETE FROM oauth_clients; --\nsecond line",
      grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
      redirectUris: ["http://localhost:8080/callback?next=%2F"],
    },
  },
];

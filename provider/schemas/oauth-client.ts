import { ACCESS_TYPES, CLIENT_TYPES, GRANT_TYPES } from "../api/types";
import type { ResourceSchema } from "../engine/schema";
import { BOOLEAN_OUT, TEXT_OUT, TIMESTAMP, out } from "./output-types";

const URL_STRING = { kind: "string", format: "url", maxLength: 2000 } as const;
const SECONDS = { kind: "integer", min: 1, max: 2_147_483_647 } as const;

/**
 * OAuthClient: `/oauth-clients` (docs/isc-api.md §3.5, §4.8, §5.3). PATCH accepts only the fields marked "patch";
 * type, internal and scope change only by replacement. The secret exists only in the create response.
 * `omittedMeans` is the service's value for a field not sent: a field the program stops declaring is patched back to
 * it (the client must keep these fields, so they are never `remove`d, and a patch value is never null).
 */
export const oauthClientSchema: ResourceSchema = {
  type: "OAuthClient",
  doc:
    "An API client of the tenant (OAuth 2.0). Its secret is returned once, when the client is created, and kept as a " +
    "secret output; a change of `scope`, `type` or `internal` replaces the client (new id, new secret). The resource " +
    "id is the client id.",
  fields: [
    { name: "name", type: { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true }, update: "patch", required: true, doc: "Client name." },
    { name: "description", type: { kind: "string", nonEmpty: true, maxLength: 2000 }, update: "patch", required: true, doc: "Description (required by the API)." },
    { name: "accessTokenValiditySeconds", type: SECONDS, update: "patch", required: true, doc: "Access token lifetime in seconds." },
    { name: "refreshTokenValiditySeconds", type: SECONDS, update: "patch", omittedMeans: 86400, doc: "Refresh token lifetime in seconds." },
    {
      name: "grantTypes",
      type: { kind: "set", items: { kind: "enum", values: GRANT_TYPES, name: "GrantType" }, nonEmpty: true },
      update: "patch",
      required: true,
      doc: "Grant types; compared as a set.",
    },
    { name: "accessType", type: { kind: "enum", values: ACCESS_TYPES, name: "AccessType" }, update: "patch", required: true, doc: "ONLINE or OFFLINE." },
    { name: "enabled", type: { kind: "boolean" }, update: "patch", default: true, doc: "Whether the client may get tokens." },
    { name: "businessName", type: { kind: "string", maxLength: 255 }, update: "patch", omittedMeans: "", doc: "Business name." },
    { name: "homepageUrl", type: URL_STRING, update: "patch", omittedMeans: "", doc: "Homepage URL." },
    { name: "redirectUris", type: { kind: "set", items: URL_STRING }, update: "patch", omittedMeans: [], doc: "Redirect URIs (needed with AUTHORIZATION_CODE); compared as a set." },
    { name: "strongAuthSupported", type: { kind: "boolean" }, update: "patch", omittedMeans: false, doc: "Strong authentication supported." },
    { name: "claimsSupported", type: { kind: "boolean" }, update: "patch", omittedMeans: false, doc: "Claims supported." },
    { name: "type", type: { kind: "enum", values: CLIENT_TYPES, name: "OAuthClientType" }, update: "replace", omittedMeans: "CONFIDENTIAL", doc: "CONFIDENTIAL or PUBLIC." },
    { name: "internal", type: { kind: "boolean" }, update: "replace", omittedMeans: false, doc: "Internal client." },
    {
      name: "scope",
      type: { kind: "set", items: { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true }, nonEmpty: true },
      update: "replace",
      omittedMeans: ["sp:scopes:all"],
      doc: "Scopes; the service applies sp:scopes:all when omitted. Compared as a set.",
    },
    { name: "importId", type: { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true, format: "id" }, update: "local", createOnly: true, doc: "Adopt this existing client instead of creating one (its secret stays unknown)." },
  ],
  secretOutputs: ["secret"],
  extraOutputs: {
    clientId: out(TEXT_OUT, "The client id (equal to the resource id), handy for configuring other tools."),
    secretKnown: out(BOOLEAN_OUT, "False for an adopted client, whose secret cannot be read."),
    secret: out(TEXT_OUT, "The client secret (from the create response only), a secret."),
  },
  serviceOutputs: {
    created: out(TIMESTAMP, "When the client was created."),
    modified: out(TIMESTAMP, "When the client was last modified."),
    lastUsed: out(TIMESTAMP, "When the client last got a token (updated at most once a day), or null."),
    metadata: out(TEXT_OUT, "Service metadata, if any."),
  },
};

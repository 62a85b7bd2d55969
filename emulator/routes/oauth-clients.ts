/** OAuth clients (docs/isc-api.md §3.5, §4.8, §5.3). Only the create response carries the generated secret. */
import type { Operation as PatchOperation } from "fast-json-patch";
import { badRequest, notFound } from "../errors";
import { applyRestrictedPatch } from "../json-patch";
import { propertyNames } from "../openapi";
import { validateAt } from "../openapi-validator";
import { validateBody } from "../request-body";
import type { OAuthClient } from "../types";
import type { HandlerContext, HandlerTable } from "./context";
import { listResponse, type FieldAccessors } from "./lists";

/** The fields the PATCH description lists (minus `tenant`, which no OAuth schema has: accepted and ignored). */
export const OAUTH_PATCHABLE = [
  "businessName",
  "homepageUrl",
  "name",
  "description",
  "accessTokenValiditySeconds",
  "refreshTokenValiditySeconds",
  "redirectUris",
  "grantTypes",
  "accessType",
  "enabled",
  "strongAuthSupported",
  "claimsSupported",
];

const FILTERS: FieldAccessors<OAuthClient> = {
  lastUsed: { kind: "datetime", get: (c) => c.lastUsed },
};

function schemaPointer(ctx: HandlerContext, name: string): string {
  return `/components/schemas/${ctx.version === "v1" ? name.toLowerCase() : name}`;
}

function requireOAuthClient(ctx: HandlerContext): OAuthClient {
  const client = ctx.store.getOAuthClient(ctx.params.id);
  if (!client) throw notFound("OAuth client", ctx.params.id);
  return client;
}

/** Rules the schemas cannot express: a non-blank name, at least one grant type, redirect URIs for AUTHORIZATION_CODE. */
function checkRules(c: { name?: unknown; grantTypes?: unknown; redirectUris?: unknown }): void {
  if (typeof c.name !== "string" || !c.name.trim()) throw badRequest("Field 'name' is required and must not be blank.");
  if (!Array.isArray(c.grantTypes) || c.grantTypes.length === 0) throw badRequest("Field 'grantTypes' must contain at least one grant type.");
  if (c.grantTypes.includes("AUTHORIZATION_CODE") && !(Array.isArray(c.redirectUris) && c.redirectUris.length > 0)) {
    throw badRequest("At least one redirect URI is required for the AUTHORIZATION_CODE grant type.");
  }
}

export const oauthClientHandlers: HandlerTable = {
  listOauthClients: (ctx) => listResponse(ctx, ctx.store.listOAuthClients(), FILTERS),

  createOauthClient: (ctx) => {
    validateBody(ctx.operation, ctx.body, { rejectUnknown: true });
    const body = ctx.body as Partial<OAuthClient>;
    checkRules(body);
    const { client, secret } = ctx.store.seedOAuthClient({
      businessName: body.businessName ?? null,
      homepageUrl: body.homepageUrl ?? null,
      name: body.name,
      description: body.description ?? null,
      accessTokenValiditySeconds: body.accessTokenValiditySeconds,
      refreshTokenValiditySeconds: body.refreshTokenValiditySeconds ?? 86400,
      redirectUris: body.redirectUris ?? null,
      grantTypes: body.grantTypes,
      accessType: body.accessType,
      type: body.type ?? "CONFIDENTIAL",
      internal: body.internal ?? false,
      enabled: body.enabled,
      strongAuthSupported: body.strongAuthSupported ?? false,
      claimsSupported: body.claimsSupported ?? false,
      scope: body.scope ?? ["sp:scopes:all"],
    });
    // CreateOAuthClientResponse: exactly its declared fields, with the secret.
    const full: Record<string, unknown> = { ...client, secret };
    const out: Record<string, unknown> = {};
    for (const k of propertyNames(ctx.version, schemaPointer(ctx, "CreateOAuthClientResponse"))) out[k] = full[k];
    return { status: 200, body: out };
  },

  getOauthClient: (ctx) => ({ status: 200, body: requireOAuthClient(ctx) }),

  patchOauthClient: (ctx) => {
    validateBody(ctx.operation, ctx.body);
    const client = requireOAuthClient(ctx);
    const patched = applyRestrictedPatch(client, ctx.body as PatchOperation[], (f) => OAUTH_PATCHABLE.includes(f), ["tenant"]);
    const errors = validateAt(ctx.version, schemaPointer(ctx, "GetOAuthClientResponse"), patched);
    if (errors.length) throw badRequest(`Invalid OAuth client after patch: ${errors.slice(0, 3).join("; ")}`, errors);
    checkRules(patched);
    const updated = ctx.store.mutateOAuthClient(client.id, (c) => {
      const target = c as unknown as Record<string, unknown>;
      for (const f of OAUTH_PATCHABLE) target[f] = (patched as unknown as Record<string, unknown>)[f] ?? null;
    });
    return { status: 200, body: updated };
  },

  deleteOauthClient: (ctx) => {
    requireOAuthClient(ctx);
    ctx.store.removeOAuthClient(ctx.params.id);
    return { status: 204 };
  },
};

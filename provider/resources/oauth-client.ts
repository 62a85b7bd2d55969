import type { OAuthClient } from "../api/types";
import { collectionResource } from "../engine/collection-resource";
import { UNKNOWN, containsUnknown, type Problem } from "../engine/values";
import { oauthClientSchema as schema } from "../schemas/oauth-client";

type Bag = Record<string, unknown>;

/** AUTHORIZATION_CODE needs somewhere to send the code. */
function redirectUrisNeeded(inputs: Bag): Problem[] {
  const grants = inputs.grantTypes;
  const uris = inputs.redirectUris;
  if (!Array.isArray(grants) || containsUnknown(grants) || uris === UNKNOWN) return [];
  if (grants.includes("AUTHORIZATION_CODE") && !(Array.isArray(uris) && uris.length > 0)) {
    return [{ property: "redirectUris", reason: "must list at least one URL when grantTypes includes AUTHORIZATION_CODE" }];
  }
  return [];
}

/**
 * An OAuth client. Its secret is in the create response only: kept as a Pulumi secret output for the life of the
 * client; an adopted client's secret stays unknown (`secretKnown` false).
 */
export const oauthClient = collectionResource<OAuthClient>({
  schema,
  noun: "OAuth client",
  collection: (api) => api.oauthClients,
  // The list has no name filter; only clients never used can be what an unfinished create left.
  candidates: (api) => api.oauthClients.listAll("lastUsed isnull"),
  unused: (c) => !c.lastUsed,
  createdAtField: "created",
  secret: "secret",
  moreChecks: redirectUrisNeeded,
  computedOutputs: (c) => ({ clientId: c.id }),
});

import { eq } from "../api/filters";
import type { ManagedClient } from "../api/types";
import { collectionResource } from "../engine/collection-resource";
import { managedClientSchema as schema } from "../schemas/managed-client";

/**
 * A managed client (VA or CCG) of a cluster. Its key is in the create response only: kept as a Pulumi secret output
 * for the life of the client; an adopted client's key stays unknown (`secretKnown` false).
 */
export const managedClient = collectionResource<ManagedClient>({
  schema,
  noun: "managed client",
  collection: (api) => api.managedClients,
  candidates: (api, inputs) => api.managedClients.listAll(eq("clusterId", String(inputs.clusterId))),
  // A client that has ever connected has been seen.
  unused: (c) => !c.lastSeen,
  createdAtField: "createdAt",
  secret: "secret",
});

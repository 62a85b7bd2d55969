import { MANAGED_CLIENT_TYPES } from "../api/types";
import type { ResourceSchema } from "../engine/schema";

const TEXT = { kind: "string", maxLength: 255, noControlChars: true } as const;

/**
 * ManagedClient: `/managed-clients` (docs/isc-api.md §3.4, §4.7), a virtual appliance (VA) or connector gateway (CCG)
 * client paired with a managed cluster. The create body is clusterId, type, name and description; name and
 * description change by JSON Patch, clusterId and type only by replacement. The client's key (`secret`) is in the
 * create response only.
 */
export const managedClientSchema: ResourceSchema = {
  type: "ManagedClient",
  fields: [
    { name: "clusterId", type: { ...TEXT, nonEmpty: true, format: "id" }, update: "replace", required: true, doc: "The managed cluster's id, usually `cluster.id`." },
    { name: "type", type: { kind: "enum", values: MANAGED_CLIENT_TYPES }, update: "replace", default: "VA", doc: "VA, CCG, INTERNAL or IIQ_HARVESTER." },
    { name: "name", type: { ...TEXT, nonEmpty: true }, update: "patch", doc: "Client name; the service names an unnamed client `VA-<clientId>`, which is no drift." },
    { name: "description", type: { kind: "string", maxLength: 2000 }, update: "patch", omittedMeans: "", doc: "Description; omitted means empty." },
    { name: "importId", type: { ...TEXT, nonEmpty: true, format: "id" }, update: "local", createOnly: true, doc: "Adopt this existing client instead of creating one (its key stays unknown)." },
  ],
  secretOutputs: ["secret"],
  extraOutputs: ["secretKnown"],
  serviceOutputs: [
    "clientId", "status", "clusterType", "vaDownloadUrl", "vaVersion", "ipAddress", "lastSeen", "sinceLastSeen",
    "provisionStatus", "alertKey", "apiGatewayBaseUrl", "cookbook", "ccId", "createdAt", "updatedAt",
  ],
};

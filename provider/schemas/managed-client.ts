import { MANAGED_CLIENT_TYPES } from "../api/types";
import type { ResourceSchema } from "../engine/schema";
import { BOOLEAN_OUT, TEXT_OUT, TIMESTAMP, out } from "./output-types";

const TEXT = { kind: "string", maxLength: 255, noControlChars: true } as const;

/**
 * ManagedClient: `/managed-clients` (docs/isc-api.md §3.4, §4.7), a virtual appliance (VA) or connector gateway (CCG)
 * client paired with a managed cluster. The create body is clusterId, type, name and description; name and
 * description change by JSON Patch, clusterId and type only by replacement. The client's key (`secret`) is in the
 * create response only.
 */
export const managedClientSchema: ResourceSchema = {
  type: "ManagedClient",
  doc:
    "A virtual appliance (VA) or connector gateway (CCG) client paired with a managed cluster. Its key (`secret`) is " +
    "returned once, when the client is created, and kept as a secret output. The resource id is the managed client's id.",
  fields: [
    { name: "clusterId", type: { ...TEXT, nonEmpty: true, format: "id" }, update: "replace", required: true, doc: "The managed cluster's id, usually `cluster.id`." },
    { name: "type", type: { kind: "enum", values: MANAGED_CLIENT_TYPES, name: "ManagedClientType" }, update: "replace", default: "VA", doc: "VA, CCG, INTERNAL or IIQ_HARVESTER." },
    { name: "name", type: { ...TEXT, nonEmpty: true }, update: "patch", doc: "Client name; the service names an unnamed client `VA-<clientId>`, which is no drift." },
    { name: "description", type: { kind: "string", maxLength: 2000 }, update: "patch", omittedMeans: "", doc: "Description; omitted means empty." },
    { name: "importId", type: { ...TEXT, nonEmpty: true, format: "id" }, update: "local", createOnly: true, doc: "Adopt this existing client instead of creating one (its key stays unknown)." },
  ],
  secretOutputs: ["secret"],
  extraOutputs: {
    secretKnown: out(BOOLEAN_OUT, "False for an adopted client, whose key cannot be read."),
    secret: out(TEXT_OUT, "The client's key (from the create response only), a secret."),
  },
  serviceOutputs: {
    clientId: out(TEXT_OUT, "The client id."),
    status: out(TEXT_OUT, "`NORMAL`, `UNDEFINED`, `NOT_CONFIGURED`, `CONFIGURING`, `WARNING`, `ERROR`, `FAILED` or null."),
    clusterType: out(TEXT_OUT, "Type of the client's cluster."),
    vaDownloadUrl: out(TEXT_OUT, "Download URL of the VA image."),
    vaVersion: out(TEXT_OUT, "VA version."),
    ipAddress: out(TEXT_OUT, "IP address the client last connected from."),
    lastSeen: out(TIMESTAMP, "When the client was last seen."),
    sinceLastSeen: out(TEXT_OUT, "Milliseconds since the client was last seen."),
    provisionStatus: out(TEXT_OUT, "`PROVISIONED`, `DRAFT` or null."),
    alertKey: out(TEXT_OUT, "Key of the client's current alert, if any."),
    apiGatewayBaseUrl: out(TEXT_OUT, "API gateway base URL."),
    cookbook: out(TEXT_OUT, "Cookbook id."),
    ccId: out(TEXT_OUT, "Legacy CC id."),
    createdAt: out(TIMESTAMP, "When the client was created."),
    updatedAt: out(TIMESTAMP, "When the client was last updated."),
  },
};

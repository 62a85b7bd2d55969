import { CLUSTER_TYPES } from "../api/types";
import type { ResourceSchema } from "../engine/schema";

const NAME = { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true } as const;

/** ManagedCluster: `/managed-clusters` (docs/isc-api.md §3.1, §4.1, §5.1). */
export const managedClusterSchema: ResourceSchema = {
  type: "ManagedCluster",
  fields: [
    { name: "name", type: NAME, update: "patch", required: true, doc: "Cluster name." },
    { name: "type", type: { kind: "enum", values: CLUSTER_TYPES }, update: "replace", default: "idn", doc: "Cluster type." },
    { name: "description", type: { kind: "string", maxLength: 2000 }, update: "patch", doc: "Description." },
    {
      name: "configuration",
      type: { kind: "map", values: { kind: "string", maxLength: 4000 }, maxKeyLength: 255 },
      update: "patch",
      doc: "Configuration keys this program owns; patched per key. Keys the service adds are in `liveConfiguration`.",
    },
    {
      name: "removeClientsOnDelete",
      type: { kind: "boolean" },
      update: "local",
      default: false,
      doc: "Sent as `removeClients` when the cluster is deleted; changing it sends nothing.",
    },
    { name: "importId", type: { ...NAME, format: "id" }, update: "local", createOnly: true, doc: "Adopt this existing cluster instead of creating one." },
    {
      name: "manualUpgradeTrigger",
      type: { kind: "string", nonEmpty: true, maxLength: 255 },
      update: "local",
      doc: "Any value; setting or changing it triggers one manual upgrade (v2024+).",
    },
  ],
  liveNames: { configuration: "liveConfiguration" },
  extraOutputs: ["upgradeJobs"],
  serviceOutputs: [
    "pod", "org", "configuration", "keyPair", "attributes", "redis", "clientType", "ccgVersion", "pinnedConfig",
    "logConfiguration", "operational", "status", "publicKeyCertificate", "publicKeyThumbprint", "publicKey",
    "encryptionConfiguration", "alertKey", "clientIds", "serviceCount", "ccId", "createdAt", "updatedAt",
    "lastReleaseNotifiedAt", "updatePreferences", "currentInstalledReleaseVersion", "updatePackage",
    "isOutOfDateNotifiedAt", "consolidatedHealthIndicatorsStatus",
  ],
};

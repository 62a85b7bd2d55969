import { CLUSTER_TYPES, LOG_LEVELS } from "../api/types";
import type { OutputType, ResourceSchema } from "../engine/schema";
import { BOOLEAN_OUT, INTEGER_OUT, JSON_OUT, TEXT_OUT, TIMESTAMP, out } from "./output-types";

const NAME = { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true } as const;

const LOG_CONFIGURATION: OutputType = {
  kind: "object",
  name: "ClientLogConfiguration",
  doc: "A cluster's log configuration as the service reports it.",
  properties: {
    clientId: out(TEXT_OUT, "Client id the configuration belongs to."),
    rootLevel: out({ kind: "enum", values: LOG_LEVELS, name: "LogLevel" }, "Root log level."),
    logLevels: out({ kind: "map", values: { kind: "enum", values: LOG_LEVELS, name: "LogLevel" } }, "Logger name → level overrides."),
    durationMinutes: out(INTEGER_OUT, "Minutes the configuration stays in effect."),
    expiration: out(TIMESTAMP, "When the configuration ends."),
  },
};

const KEY_PAIR: OutputType = {
  kind: "object",
  name: "ClusterKeyPair",
  doc: "The cluster's public key.",
  properties: {
    publicKey: out(TEXT_OUT, "Public key."),
    publicKeyThumbprint: out(TEXT_OUT, "Public key thumbprint."),
    publicKeyCertificate: out(TEXT_OUT, "Public key certificate."),
  },
};

const REDIS: OutputType = {
  kind: "object",
  name: "ClusterRedis",
  doc: "The cluster's Redis endpoint.",
  properties: { redisHost: out(TEXT_OUT, "Redis host."), redisPort: out(INTEGER_OUT, "Redis port.") },
};

const ENCRYPTION: OutputType = {
  kind: "object",
  name: "ClusterEncryptionConfiguration",
  doc: "The cluster's encryption configuration.",
  properties: { format: out(TEXT_OUT, "Encryption format, `V2` or `V3`.") },
};

/** ManagedCluster: `/managed-clusters` (docs/isc-api.md §3.1, §4.1, §5.1). */
export const managedClusterSchema: ResourceSchema = {
  type: "ManagedCluster",
  doc:
    "A managed cluster: the group of virtual appliances (VAs) or connector gateways that run a tenant's connectors. " +
    "The resource id is the cluster id.",
  fields: [
    { name: "name", type: NAME, update: "patch", required: true, doc: "Cluster name." },
    { name: "type", type: { kind: "enum", values: CLUSTER_TYPES, name: "ClusterType" }, update: "replace", default: "idn", doc: "Cluster type." },
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
  // The service's copy of the cluster's log configuration repeats a ClusterLogConfig's levels, which that resource's
  // program may have marked secret: this resource cannot know, so the copy is always a secret.
  secretOutputs: ["logConfiguration"],
  extraOutputs: {
    upgradeJobs: out({ kind: "list", items: JSON_OUT }, "Jobs of the last manual upgrade this resource triggered (`uuid`, `cookbook`, `state`, `type`, `targetId`, ...)."),
  },
  serviceOutputs: {
    pod: out(TEXT_OUT, "Pod the cluster runs in."),
    org: out(TEXT_OUT, "Tenant (org) name."),
    configuration: out({ kind: "map", values: TEXT_OUT }, "The whole configuration, keys the service added included."),
    keyPair: out(KEY_PAIR, "The cluster's public key."),
    attributes: out(JSON_OUT, "Cluster attributes: `queue` (`name`, `region`) and `keystore`, used by `sqsCluster` and `spConnectCluster`."),
    redis: out(REDIS, "Redis endpoint."),
    clientType: out(TEXT_OUT, "Type of the cluster's clients (`CCG`, `VA`, `INTERNAL`, `IIQ_HARVESTER`), or null."),
    ccgVersion: out(TEXT_OUT, "Connector gateway version."),
    pinnedConfig: out(BOOLEAN_OUT, "Whether the configuration is pinned."),
    logConfiguration: out(LOG_CONFIGURATION, "The cluster's current log configuration, or null; always a secret (it repeats a ClusterLogConfig's levels, which may be secret)."),
    operational: out(BOOLEAN_OUT, "Whether the cluster is operational."),
    status: out(TEXT_OUT, "`CONFIGURING`, `FAILED`, `NO_CLIENTS`, `NORMAL` or `WARNING`."),
    publicKeyCertificate: out(TEXT_OUT, "Public key certificate."),
    publicKeyThumbprint: out(TEXT_OUT, "Public key thumbprint."),
    publicKey: out(TEXT_OUT, "Public key."),
    encryptionConfiguration: out(ENCRYPTION, "Encryption configuration."),
    alertKey: out(TEXT_OUT, "Key of the cluster's current alert, if any."),
    clientIds: out({ kind: "list", items: TEXT_OUT }, "Ids of the cluster's clients."),
    serviceCount: out(INTEGER_OUT, "Number of services on the cluster."),
    ccId: out(TEXT_OUT, "Legacy CC id."),
    createdAt: out(TIMESTAMP, "When the cluster was created."),
    updatedAt: out(TIMESTAMP, "When the cluster was last updated."),
    lastReleaseNotifiedAt: out(TIMESTAMP, "When a release was last notified."),
    updatePreferences: out(JSON_OUT, "Update preferences (`updateState`, `processGroups`, `notificationEmail`)."),
    currentInstalledReleaseVersion: out(TEXT_OUT, "Installed release version."),
    updatePackage: out(TEXT_OUT, "Pending update package, if any."),
    isOutOfDateNotifiedAt: out(TIMESTAMP, "When the cluster was last reported out of date."),
    consolidatedHealthIndicatorsStatus: out(TEXT_OUT, "`NORMAL`, `WARNING`, `ERROR` or null."),
  },
};

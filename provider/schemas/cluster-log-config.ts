import { LOG_LEVELS } from "../api/types";
import type { ResourceSchema } from "../engine/schema";
import { TEXT_OUT, TIMESTAMP, out } from "./output-types";

const LEVEL = { kind: "enum", values: LOG_LEVELS, name: "LogLevel" } as const;

/**
 * ClusterLogConfig: `GET`/`PUT /managed-clusters/{id}/log-config` (docs/isc-api.md §3.2, §4.5, §5.2). One configuration
 * per cluster, replaced whole by PUT; it expires by design.
 */
export const clusterLogConfigSchema: ResourceSchema = {
  type: "ClusterLogConfig",
  doc:
    "The log configuration of one managed cluster (root level and per-logger levels) for a limited time. There is no " +
    "DELETE in the API: deleting the resource resets the cluster to a neutral configuration (INFO, no overrides, 5 " +
    "minutes); a replacement resets the old cluster before it configures the new one. The resource id is the cluster id.",
  fields: [
    { name: "clusterId", type: { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true, format: "id" }, update: "replace", required: true, doc: "The managed cluster's id." },
    { name: "rootLevel", type: LEVEL, update: "put", required: true, doc: "Root log level." },
    {
      name: "logLevels",
      type: { kind: "map", values: LEVEL, maxKeyLength: 512 },
      update: "put",
      omittedMeans: {},
      doc: "Logger name → level overrides; the whole map is owned, so a logger added out of band is drift.",
    },
    { name: "durationMinutes", type: { kind: "integer", min: 5, max: 1440 }, update: "put", doc: "Minutes the configuration stays in effect (5–1440)." },
    { name: "expiration", type: { kind: "string", format: "date-time" }, update: "put", doc: "Absolute end, in the future and at most 24 h ahead." },
  ],
  extraOutputs: { expiresAt: out(TIMESTAMP, "The absolute end the service reports.") },
  derivedOutputs: { expiresAt: ["durationMinutes", "expiration"] },
  deleteBeforeReplace: true,
  serviceOutputs: { clientId: out(TEXT_OUT, "Client id the service reports for the configuration, or null.") },
};

/** The report's content, from the preview's resources: what drifted, what is gone or expired, what `up` would do. */
import type { ResourceSchema } from "../../provider/engine/schema";
import { patchOperations } from "../../provider/engine/patch";
import { clip, codeSpan } from "../safe-text";
import { bagOf, fieldDifferences, type FieldDifference } from "./fields";
import { holdsSecret, type PreviewDocument } from "./preview-json";
import { resourcesOf, type ResourceChange } from "./resources";
import { schemaOf } from "./schemas";
import { serviceChanges, type ServiceChange } from "./service-fields";

export interface Drifted {
  resource: ResourceChange;
  fields: FieldDifference[];
  notDrift: ServiceChange[];
  /** The engine plans a change the compared fields do not explain: a secret value, which the JSON masks, may differ. */
  unexplained: boolean;
  /** Owned fields whose value is secret (in the program or in ISC): where an unexplained change can be. */
  secretFields: string[];
  action: string;
}

export interface Gone {
  resource: ResourceChange;
  /** Why: deleted in ISC, gone with its cluster, or expired. */
  reason: string;
  action: string;
}

export interface Report {
  drifted: Drifted[];
  gone: Gone[];
  expired: Gone[];
  /** Declared in the program and never deployed, or no longer declared: pending program changes, not drift. */
  pending: Array<{ resource: ResourceChange; action: string }>;
  /** Resources of other packages that change (compared by nobody here). */
  other: ResourceChange[];
  unchanged: number;
  /** Error diagnostics: the preview failed, so it says nothing about drift. */
  errors: string[];
}

const NOUNS: Record<string, string> = { ManagedCluster: "cluster", ManagedClient: "managed client", OAuthClient: "OAuth client", ClusterLogConfig: "log configuration" };
/** JSON Patch operations named in the report, at most. */
const MAX_OPERATIONS = 20;
const noun = (kind: string) => NOUNS[kind] ?? "resource";


/** What the update sends, from the same table the provider's update uses. */
function updateAction(schema: ResourceSchema, fields: FieldDifference[], resource: ResourceChange): string {
  const names = new Set(fields.map((f) => f.path.split(/[.[]/)[0]));
  const touched = schema.fields.filter((f) => names.has(f.name));
  if (touched.some((f) => f.update === "put")) return "sends one PUT of the whole configuration";
  const ops = patchOperations(schema, bagOf(resource.live), resource.program?.inputs ?? {});
  const kept = resource.kind === "OAuthClient" ? "; the secret is kept" : "";
  const listed = ops.slice(0, MAX_OPERATIONS).map((op) => codeSpan(clip(`${op.op} ${op.path}`, 200)));
  if (ops.length > listed.length) listed.push(`and ${ops.length - listed.length} more`);
  if (ops.length > 0) return `sends one JSON Patch: ${listed.join(", ")}${kept}`;
  if (touched.length > 0 && touched.every((f) => f.update === "local")) return "records the change and sends nothing to ISC";
  return "updates it in place";
}

function replaceAction(kind: string): string {
  if (kind === "OAuthClient") return "**replaces it**: a new OAuth client, so a new client id and a new secret, and the old one is deleted";
  if (kind === "ManagedCluster") return "**replaces it**: a new cluster is created and the old one deleted; its virtual appliances must be paired again";
  return `**replaces it**: a new ${noun(kind)} is created and the old one deleted`;
}

function createAgainAction(kind: string): string {
  if (kind === "OAuthClient") return "creates it again: a new client id and a new secret";
  if (kind === "ManagedCluster") return "creates it again (a new id): virtual appliances must be paired with it";
  if (kind === "ManagedClient") return "creates it again: a new client and a new key, which the appliance must be set up with";
  return `creates it again (a new ${noun(kind)})`;
}

function clusterGoneToo(resource: ResourceChange, recreated: Set<string>): boolean {
  const deps = [...(resource.program?.dependencies ?? []), ...(resource.deployed?.dependencies ?? [])];
  return deps.some((urn) => recreated.has(urn));
}

/** A log configuration found gone while its cluster is still there: it expired (or was reset before its end). */
function expiredReason(resource: ResourceChange): string {
  const end = bagOf(resource.deployed).expiresAt;
  const when = typeof end === "string" && end ? `its window ended at ${codeSpan(clip(end, 40))}` : "its window ended";
  return `${when} (or it was reset in ISC); ISC then resets the cluster's logging to its defaults`;
}

function drifted(resource: ResourceChange, schema: ResourceSchema): Drifted {
  const program = resource.program?.inputs ?? {};
  const live = bagOf(resource.live);
  const deployed = resource.deployed ? bagOf(resource.deployed) : undefined;
  const fields = fieldDifferences(schema, program, live, deployed);
  const notDrift = deployed ? serviceChanges(schema, program, deployed, live) : [];
  const replaces = resource.op === "replace" || fields.some((f) => f.replaces);
  return {
    resource,
    fields,
    notDrift,
    unexplained: fields.length === 0,
    secretFields: schema.fields.filter((f) => holdsSecret(program[f.name]) || holdsSecret(live[f.name])).map((f) => f.name),
    action: replaces ? replaceAction(resource.kind) : resource.op === "update" ? updateAction(schema, fields, resource) : `${resource.op}s it`,
  };
}

export function buildReport(doc: PreviewDocument): Report {
  const errors = doc.diagnostics.filter((d) => d.severity === "error").map((d) => String(d.message ?? "").trim()).filter(Boolean);
  const { changes, unchanged } = resourcesOf(doc);
  const report: Report = { drifted: [], gone: [], expired: [], pending: [], other: [], unchanged, errors };
  const recreated = new Set(changes.filter((c) => c.op === "create" && c.deployed).map((c) => c.urn));
  for (const resource of changes) {
    const schema = resource.ours ? schemaOf(resource.kind) : undefined;
    if (!schema) {
      report.other.push(resource);
    } else if (resource.op === "create" && resource.deployed) {
      const withCluster = resource.kind !== "ManagedCluster" && clusterGoneToo(resource, recreated);
      if (withCluster) {
        const action = resource.kind === "ClusterLogConfig" ? "applies it to the new cluster (one PUT)" : `${createAgainAction(resource.kind)}, for the new cluster`;
        report.gone.push({ resource, reason: "gone with its cluster, which was deleted in ISC", action });
      } else if (resource.kind !== "ClusterLogConfig") report.gone.push({ resource, reason: "deleted in ISC", action: createAgainAction(resource.kind) });
      else report.expired.push({ resource, reason: expiredReason(resource), action: "applies it again for another window (one PUT)" });
    } else if (resource.op === "create") {
      report.pending.push({ resource, action: "creates it" });
    } else if (resource.op === "delete") {
      report.pending.push({ resource, action: "deletes it from ISC" });
    } else {
      report.drifted.push(drifted(resource, schema));
    }
  }
  return report;
}

/** How many resources differ from the program, for any reason. */
export function changeCount(report: Report): number {
  return report.drifted.length + report.gone.length + report.expired.length + report.pending.length + report.other.length;
}

/**
 * The read-only lookups (data sources), shared by both doors: the TypeScript functions in sdk/lookups.ts and the
 * native plugin's Invoke. Each takes the API of the tenant to ask and the lookup's arguments; filters become the
 * API's own `filters` expressions (escaped), so every lookup is one request (or one per page).
 */
import type { IscApi } from "./api";
import { and, eq } from "./api/filters";
import {
  CLUSTER_STATUSES,
  CLUSTER_TYPES,
  MANAGED_CLIENT_TYPES,
  type ClusterStatus,
  type ClusterType,
  type ManagedClient,
  type ManagedCluster,
  type ManagedClientStatus,
  type ManagedClientType,
  type OAuthClient,
} from "./api/types";
import type { ValueType } from "./engine/schema";
import { isPlainObject, validateValue, type Problem } from "./engine/values";

/** Filters of `GET /managed-clusters` (each `eq`; all given ones must match). */
export interface ManagedClusterFilters {
  name?: string;
  type?: ClusterType;
  status?: ClusterStatus;
  operational?: boolean;
}

/** Filters of `GET /managed-clients` (each `eq`; all given ones must match); `type` is applied to the results. */
export interface ManagedClientFilters {
  clusterId?: string;
  name?: string;
  type?: ManagedClientType;
}

export interface OAuthClientFilters {
  /** Only clients last used at or before this ISO 8601 date-time (`lastUsed le ...`). */
  lastUsedBefore?: string;
  /** Only clients never used (`lastUsed isnull`). */
  neverUsed?: boolean;
}

function clusterFilter(f: ManagedClusterFilters = {}): string | undefined {
  return and(
    f.name === undefined ? undefined : eq("name", f.name),
    f.type === undefined ? undefined : eq("type", f.type),
    f.status === undefined ? undefined : eq("status", f.status),
    f.operational === undefined ? undefined : eq("operational", f.operational),
  );
}

function oauthFilter(f: OAuthClientFilters = {}): string | undefined {
  if (f.lastUsedBefore && f.neverUsed) throw new Error("listOAuthClients: use lastUsedBefore or neverUsed, not both");
  if (f.neverUsed) return "lastUsed isnull";
  return f.lastUsedBefore ? `lastUsed le ${f.lastUsedBefore}` : undefined;
}

function managedClientFilter(f: ManagedClientFilters = {}): string | undefined {
  return and(f.clusterId === undefined ? undefined : eq("clusterId", f.clusterId), f.name === undefined ? undefined : eq("name", f.name));
}

/** One managed cluster by id. */
export function getManagedCluster(api: IscApi, args: { id: string }): Promise<ManagedCluster> {
  return api.managedClusters.get(args.id);
}

/** Every managed cluster matching the filters, paging through all results. */
export function listManagedClusters(api: IscApi, filters?: ManagedClusterFilters): Promise<ManagedCluster[]> {
  return api.managedClusters.listAll(clusterFilter(filters));
}

/** Every managed client (VA, CCG) matching the filters, e.g. the clients of one cluster; their keys are never readable. */
export async function listManagedClients(api: IscApi, filters: ManagedClientFilters = {}): Promise<ManagedClient[]> {
  const clients = await api.managedClients.listAll(managedClientFilter(filters));
  return filters.type === undefined ? clients : clients.filter((c) => c.type === filters.type);
}

/** One OAuth client by id. Its secret is never readable (always null). */
export function getOAuthClient(api: IscApi, args: { id: string }): Promise<OAuthClient> {
  return api.oauthClients.get(args.id);
}

/** OAuth clients, optionally filtered by last use (the only filters the API has). */
export function listOAuthClients(api: IscApi, filters?: OAuthClientFilters): Promise<OAuthClient[]> {
  return api.oauthClients.listAll(oauthFilter(filters));
}

/** A managed client's status (`type` is CCG, VA, INTERNAL or IIQ_HARVESTER). */
export function getManagedClientStatus(api: IscApi, args: { id: string; type: ManagedClientType }): Promise<ManagedClientStatus> {
  return api.managedClients.getStatus(args.id, args.type);
}

/** One lookup argument: its type (validated as resource inputs are) and whether it must be given. */
export interface LookupArgument {
  type: ValueType;
  required?: boolean;
  doc: string;
}

export interface Lookup {
  doc: string;
  args: Readonly<Record<string, LookupArgument>>;
  /** Whether the answer is a list (the native door returns it as `items`) or one object. */
  returns: "object" | "list";
  run(api: IscApi, args: Record<string, unknown>): Promise<unknown>;
}

const ID = { kind: "string", nonEmpty: true, maxLength: 255, noControlChars: true, format: "id" } as const;
const TEXT = { kind: "string", maxLength: 255, noControlChars: true } as const;

/** Every lookup by name, with its arguments: what the native door serves as functions (`sailpoint:index:<name>`). */
export const LOOKUPS: Readonly<Record<string, Lookup>> = {
  getManagedCluster: {
    doc: "One managed cluster by id.",
    args: { id: { type: ID, required: true, doc: "The cluster's id." } },
    returns: "object",
    run: (api, args) => getManagedCluster(api, args as { id: string }),
  },
  listManagedClusters: {
    doc: "Every managed cluster matching the filters (all given ones must match), paging through all results.",
    args: {
      name: { type: TEXT, doc: "Only clusters with this name." },
      type: { type: { kind: "enum", values: CLUSTER_TYPES }, doc: "Only clusters of this type." },
      status: { type: { kind: "enum", values: CLUSTER_STATUSES }, doc: "Only clusters with this status." },
      operational: { type: { kind: "boolean" }, doc: "Only operational (or non-operational) clusters." },
    },
    returns: "list",
    run: (api, args) => listManagedClusters(api, args as ManagedClusterFilters),
  },
  listManagedClients: {
    doc: "Every managed client (VA, CCG) matching the filters, e.g. the clients of one cluster; their keys are never readable.",
    args: {
      clusterId: { type: ID, doc: "Only the clients of this cluster." },
      name: { type: TEXT, doc: "Only clients with this name." },
      type: { type: { kind: "enum", values: MANAGED_CLIENT_TYPES }, doc: "Only clients of this type." },
    },
    returns: "list",
    run: (api, args) => listManagedClients(api, args as ManagedClientFilters),
  },
  getOAuthClient: {
    doc: "One OAuth client by id. Its secret is never readable (always null).",
    args: { id: { type: ID, required: true, doc: "The client's id." } },
    returns: "object",
    run: (api, args) => getOAuthClient(api, args as { id: string }),
  },
  listOAuthClients: {
    doc: "OAuth clients, optionally filtered by last use (the only filters the API has).",
    args: {
      lastUsedBefore: { type: { kind: "string", format: "date-time" }, doc: "Only clients last used at or before this ISO 8601 date-time." },
      neverUsed: { type: { kind: "boolean" }, doc: "Only clients never used." },
    },
    returns: "list",
    run: (api, args) => listOAuthClients(api, args as OAuthClientFilters),
  },
  getManagedClientStatus: {
    doc: "A managed client's status.",
    args: {
      id: { type: ID, required: true, doc: "The managed client's id." },
      type: { type: { kind: "enum", values: MANAGED_CLIENT_TYPES }, required: true, doc: "The client's type: CCG, VA, INTERNAL or IIQ_HARVESTER." },
    },
    returns: "object",
    run: (api, args) => getManagedClientStatus(api, args as { id: string; type: ManagedClientType }),
  },
};

/** The problems with a lookup's arguments (unknown names, missing or mistyped values), before any request. */
export function lookupArgumentProblems(name: string, args: unknown): Problem[] {
  const lookup = LOOKUPS[name];
  if (!lookup) return [{ property: "", reason: `${name} is not a lookup; expected one of ${Object.keys(LOOKUPS).join(", ")}` }];
  if (!isPlainObject(args)) return [{ property: "", reason: `${name} takes an object of arguments` }];
  const problems: Problem[] = [];
  for (const key of Object.keys(args)) {
    if (!(key in lookup.args)) problems.push({ property: key, reason: `is not an argument of ${name}; expected one of ${Object.keys(lookup.args).join(", ") || "none"}` });
  }
  for (const [key, spec] of Object.entries(lookup.args)) {
    const value = args[key];
    if (value === undefined || value === null) {
      if (spec.required) problems.push({ property: key, reason: `is required for ${name}` });
    } else problems.push(...validateValue(spec.type, value, key));
  }
  return problems;
}

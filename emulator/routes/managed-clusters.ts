/** Managed clusters: list, create, get, PATCH, DELETE and the manual upgrade (docs/isc-api.md §3.1, §3.3, §4.1-4.4, §5.1). */
import type { Operation as PatchOperation } from "fast-json-patch";
import { badRequest, notFound } from "../errors";
import { uuid } from "../ids";
import { applyRestrictedPatch } from "../json-patch";
import { validateBody } from "../request-body";
import type { ManagedCluster } from "../types";
import type { HandlerContext, HandlerTable } from "./context";
import { listResponse, type FieldAccessors } from "./lists";

/** Fields a cluster PATCH may touch; everything else (type included) is server-managed or needs a new cluster. */
const PATCHABLE = ["name", "description", "configuration"];

const FILTERS: FieldAccessors<ManagedCluster> = {
  operational: { kind: "boolean", get: (c) => c.operational },
  name: { kind: "string", get: (c) => c.name },
  type: { kind: "string", get: (c) => c.type },
  status: { kind: "string", get: (c) => c.status },
};

export function requireCluster(ctx: HandlerContext): ManagedCluster {
  const cluster = ctx.store.getCluster(ctx.params.id);
  if (!cluster) throw notFound("Managed cluster", ctx.params.id);
  return cluster;
}

function checkName(name: unknown): string {
  if (typeof name !== "string" || !name.trim()) throw badRequest("Field 'name' is required and must not be blank.");
  return name;
}

function checkConfiguration(cfg: unknown): Record<string, string> {
  if (cfg === undefined || cfg === null) return {};
  if (typeof cfg !== "object" || Array.isArray(cfg)) throw badRequest("Field 'configuration' must be an object of string values.");
  for (const [k, v] of Object.entries(cfg)) {
    if (typeof v !== "string") throw badRequest(`Field 'configuration.${k}' must be a string.`);
  }
  return cfg as Record<string, string>;
}

export const managedClusterHandlers: HandlerTable = {
  getManagedClusters: (ctx) => listResponse(ctx, ctx.store.listClusters(), FILTERS),

  createManagedCluster: (ctx) => {
    validateBody(ctx.operation, ctx.body, { rejectUnknown: true });
    const body = ctx.body as { name: unknown; type?: string; description?: string | null; configuration?: unknown };
    const cluster = ctx.store.createCluster({
      name: checkName(body.name),
      type: body.type,
      description: body.description,
      configuration: checkConfiguration(body.configuration),
    });
    return { status: 200, body: cluster };
  },

  getManagedCluster: (ctx) => ({ status: 200, body: requireCluster(ctx) }),

  updateManagedCluster: (ctx) => {
    validateBody(ctx.operation, ctx.body);
    const cluster = requireCluster(ctx);
    const patched = applyRestrictedPatch(cluster, ctx.body as PatchOperation[], (field) => PATCHABLE.includes(field));
    const name = checkName(patched.name);
    const description = patched.description;
    if (description !== undefined && description !== null && typeof description !== "string") {
      throw badRequest("Field 'description' must be a string.");
    }
    const configuration = checkConfiguration(patched.configuration);
    const updated = ctx.store.mutateCluster(cluster.id, (c) => {
      c.name = name;
      c.description = description ?? "";
      c.configuration = configuration;
    });
    return { status: 200, body: updated };
  },

  deleteManagedCluster: (ctx) => {
    const cluster = requireCluster(ctx);
    const clients = ctx.store.clientsOfCluster(cluster.id);
    if (clients.length && ctx.query.removeClients !== true) {
      throw badRequest(
        `Managed cluster '${cluster.id}' has ${clients.length} managed client(s) (cluster has clients); delete them first or pass removeClients=true.`,
      );
    }
    ctx.store.removeCluster(cluster.id);
    return { status: 204 };
  },

  /** POST /managed-clusters/{id}/manualUpgrade: one VA_UPGRADE job per attached client, or one for the cluster. */
  update: (ctx) => {
    const cluster = requireCluster(ctx);
    const targets = cluster.clientIds.length ? cluster.clientIds : [cluster.id];
    const jobs = targets.map((targetId) => ({
      uuid: uuid(),
      cookbook: uuid(),
      state: "PENDING",
      type: "VA_UPGRADE",
      targetId,
      managedProcessConfiguration: {
        ccg: {
          version: "1798_1054_241.0.0",
          path: "sailpoint/ccg",
          description: "CCG Deployment through ops-cli",
          restartNeeded: true,
          dependencies: {
            "connector-bundle-jdbc": "432/connector-bundle-jdbc-432.zip",
            "connector-bundle-webservices": "1535/connector-bundle-webservices-1535.zip",
          },
        },
      },
    }));
    return { status: 200, body: { jobs } };
  },
};

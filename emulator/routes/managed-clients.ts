/** Managed clients (read-mostly context for clusters; docs/isc-api.md §3.4, §4.7). */
import type { Operation as PatchOperation } from "fast-json-patch";
import { badRequest, notFound } from "../errors";
import { iso, secret64 } from "../ids";
import { applyRestrictedPatch } from "../json-patch";
import { validateBody } from "../request-body";
import type { ManagedClient } from "../types";
import type { HandlerContext, HandlerTable } from "./context";
import { listResponse, type FieldAccessors } from "./lists";

const FILTERS: FieldAccessors<ManagedClient> = {
  id: { kind: "string", get: (c) => c.id },
  name: { kind: "string", get: (c) => c.name },
  clientId: { kind: "string", get: (c) => c.clientId },
  clusterId: { kind: "string", get: (c) => c.clusterId },
};

/** The response shape of a version: reads never return the client's secret; v2024 adds `healthIndicators`. */
function view(ctx: HandlerContext, client: ManagedClient, secret: string | null = null): ManagedClient {
  const out = { ...client, secret };
  return ctx.version === "v2024" ? Object.assign(out, { healthIndicators: null }) : out;
}

function requireClient(ctx: HandlerContext): ManagedClient {
  const client = ctx.store.getManagedClient(ctx.params.id);
  if (!client) throw notFound("Managed client", ctx.params.id);
  return client;
}

/** ManagedClientStatusCode for a client's (nullable) status. */
function statusCode(client: ManagedClient): string {
  return client.status ?? "UNDEFINED";
}

function statusBody(ctx: HandlerContext, client: ManagedClient): Record<string, unknown> {
  const now = ctx.clock.now();
  const lastSeen = client.lastSeen ? Date.parse(client.lastSeen) : now;
  return {
    alertKey: client.alertKey ?? "",
    id: client.id,
    clusterId: client.clusterId,
    ccg_etag: "ccg_etag123xyz456",
    ccg_pin: "NONE",
    cookbook_etag: client.cookbook ?? "",
    hostname: `${ctx.store.tenant.pod}-${client.id.slice(0, 8)}.emulator.local`,
    internal_ip: client.ipAddress ?? "127.0.0.1",
    lastSeen: String(lastSeen),
    sinceSeen: String(Math.max(0, now - lastSeen)),
    sinceSeenMillis: String(Math.max(0, now - lastSeen)),
    localDev: false,
    stacktrace: "",
    state: null,
    status: statusCode(client),
    uuid: null,
    product: client.clusterType ?? "idn",
    va_version: client.vaVersion,
    platform_version: "2",
    os_version: "2345.3.1",
    os_type: "flatcar",
    hypervisor: "unknown",
  };
}

export const managedClientHandlers: HandlerTable = {
  getManagedClients: (ctx) => {
    const res = listResponse(ctx, ctx.store.listManagedClients(), FILTERS);
    return { ...res, body: (res.body as ManagedClient[]).map((c) => view(ctx, c)) };
  },

  createManagedClient: (ctx) => {
    validateBody(ctx.operation, ctx.body, { rejectUnknown: true });
    const body = ctx.body as { clusterId: string; description?: string | null; name?: string | null; type?: string | null };
    if (!ctx.store.hasCluster(body.clusterId)) throw badRequest(`Managed cluster '${body.clusterId}' does not exist.`);
    const secret = secret64();
    const client = ctx.store.seedManagedClient({
      clusterId: body.clusterId,
      description: body.description ?? "",
      ...(body.name ? { name: body.name } : {}),
      type: body.type ?? "VA",
      status: "NOT_CONFIGURED",
      provisionStatus: "DRAFT",
      lastSeen: null,
      ipAddress: null,
      sinceLastSeen: null,
    });
    return { status: 200, body: view(ctx, client, secret) };
  },

  getManagedClient: (ctx) => ({ status: 200, body: view(ctx, requireClient(ctx)) }),

  updateManagedClient: (ctx) => {
    validateBody(ctx.operation, ctx.body);
    const client = requireClient(ctx);
    const patched = applyRestrictedPatch(client, ctx.body as PatchOperation[], (f) => ["name", "description"].includes(f));
    if (patched.name !== null && typeof patched.name !== "string") throw badRequest("Field 'name' must be a string.");
    if (typeof patched.description !== "string") throw badRequest("Field 'description' must be a string.");
    const updated = ctx.store.mutateManagedClient(client.id, (c) => {
      c.name = patched.name;
      c.description = patched.description;
    });
    return { status: 200, body: view(ctx, updated) };
  },

  deleteManagedClient: (ctx) => {
    requireClient(ctx);
    ctx.store.removeManagedClient(ctx.params.id);
    return { status: 204 };
  },

  getManagedClientStatus: (ctx) => {
    const client = requireClient(ctx);
    return {
      status: 200,
      body: { body: statusBody(ctx, client), status: statusCode(client), type: ctx.query.type, timestamp: iso(ctx.clock.now()) },
    };
  },

  /** Beta only, deprecated: a client reports its status; the stored client takes it over. */
  updateManagedClientStatus: (ctx) => {
    validateBody(ctx.operation, ctx.body);
    const client = requireClient(ctx);
    const report = ctx.body as { body: Record<string, unknown>; status: string; type: string | null; timestamp: string };
    const now = iso(ctx.clock.now());
    const updated = ctx.store.mutateManagedClient(client.id, (c) => {
      c.status = report.status;
      c.lastSeen = now;
    });
    const cluster = ctx.store.getCluster(updated.clusterId);
    return {
      status: 200,
      body: {
        body: {
          id: updated.id,
          clientId: updated.clientId,
          clusterId: updated.clusterId,
          orgType: "test",
          vaDownloadUrl: updated.vaDownloadUrl,
          clusterJobCount: 0,
          configuration: cluster?.configuration ?? {},
          connectorServices: [],
          jobs: [],
          queue: cluster?.attributes.queue ?? null,
          maintenance: { window: "false" },
        },
        status: report.status,
        type: report.type,
        timestamp: now,
      },
    };
  },

  getManagedClientHealthIndicators: (ctx) => {
    const client = requireClient(ctx);
    const code = statusCode(client);
    const status = ["NORMAL", "UNDEFINED", "WARNING", "ERROR", "FAILED"].includes(code) ? code : "UNDEFINED";
    const category = () => ({ errors: [], warnings: [] });
    const base = statusBody(ctx, client);
    return {
      status: 200,
      body: {
        body: {
          ...base,
          status,
          apiUser: client.clientId,
          consolidatedHealthIndicatorsStatus: status === "NORMAL" ? "NORMAL" : status === "WARNING" ? "WARNING" : "ERROR",
          health_indicators: { container: category(), memory: category(), cpu: category() },
        },
        status,
        type: client.type === "CCG" ? "CCG" : "VA",
        timestamp: iso(ctx.clock.now()),
      },
    };
  },
};

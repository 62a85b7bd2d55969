/** Managed cluster types (v2024, v2025, v2026): a small CRUD store, PATCH takes the `JsonPatch` wrapper. */
import type { Operation as PatchOperation } from "fast-json-patch";
import { badRequest, notFound } from "../errors";
import { applyRestrictedPatch } from "../json-patch";
import { validateBody } from "../request-body";
import type { ManagedClusterType } from "../types";
import type { HandlerContext, HandlerTable } from "./context";
import { listResponse } from "./lists";

function requireType(ctx: HandlerContext): ManagedClusterType {
  const t = ctx.store.getClusterType(ctx.params.id);
  if (!t) throw notFound("Managed cluster type", ctx.params.id);
  return t;
}

function checkStrings(t: ManagedClusterType): void {
  for (const f of ["type", "pod", "org"] as const) {
    if (typeof t[f] !== "string" || !t[f].trim()) throw badRequest(`Field '${f}' is required and must not be blank.`);
  }
  if (!Array.isArray(t.managedProcessIds) || t.managedProcessIds.some((p) => typeof p !== "string")) {
    throw badRequest("Field 'managedProcessIds' must be an array of strings.");
  }
}

export const managedClusterTypeHandlers: HandlerTable = {
  getManagedClusterTypes: (ctx) => {
    const items = ctx.store
      .listClusterTypes()
      .filter((t) => (["type", "pod", "org"] as const).every((f) => ctx.rawQuery[f] === undefined || t[f] === ctx.rawQuery[f]));
    return listResponse(ctx, items);
  },

  createManagedClusterType: (ctx) => {
    validateBody(ctx.operation, ctx.body, { rejectUnknown: true });
    const body = ctx.body as ManagedClusterType;
    const t = { type: body.type, pod: body.pod, org: body.org, managedProcessIds: body.managedProcessIds ?? [] };
    checkStrings({ id: "", ...t });
    return { status: 200, body: ctx.store.createClusterType(t) };
  },

  getManagedClusterType: (ctx) => ({ status: 200, body: requireType(ctx) }),

  updateManagedClusterType: (ctx) => {
    validateBody(ctx.operation, ctx.body);
    const current = requireType(ctx);
    const ops = (ctx.body as { operations?: PatchOperation[] }).operations ?? [];
    const patched = applyRestrictedPatch(current, ops, (f) => ["type", "pod", "org", "managedProcessIds"].includes(f));
    checkStrings(patched);
    return { status: 200, body: ctx.store.replaceClusterType({ ...patched, id: current.id }) };
  },

  deleteManagedClusterType: (ctx) => {
    requireType(ctx);
    ctx.store.removeClusterType(ctx.params.id);
    return { status: 204 };
  },
};

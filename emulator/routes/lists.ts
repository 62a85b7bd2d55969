/** Collection responses: spec-declared filters, then `offset`/`limit` paging and the `X-Total-Count` header. */
import { applyFilter, type FilterFields } from "../filters";
import { declaredFilters } from "../openapi";
import type { HandlerContext, HandlerResult } from "./context";

export type FieldAccessors<T> = Record<string, { kind: "string" | "boolean" | "datetime"; get(item: T): unknown }>;

/** The filterable fields: those the operation's `filters` description declares, with their declared operators. */
export function filterFields<T>(ctx: HandlerContext, accessors: FieldAccessors<T>): FilterFields<T> {
  const fields: FilterFields<T> = {};
  for (const [name, ops] of Object.entries(declaredFilters(ctx.operation))) {
    const a = accessors[name];
    if (a) fields[name] = { ...a, ops };
  }
  return fields;
}

export function listResponse<T>(ctx: HandlerContext, items: T[], accessors: FieldAccessors<T> = {}): HandlerResult {
  const filters = ctx.rawQuery.filters;
  const filtered = filters?.trim() ? applyFilter(items, filters, filterFields(ctx, accessors)) : items;
  const offset = typeof ctx.query.offset === "number" ? ctx.query.offset : 0;
  const limit = typeof ctx.query.limit === "number" ? ctx.query.limit : filtered.length;
  const headers: Record<string, string> = {};
  if (ctx.query.count === true) headers["X-Total-Count"] = String(filtered.length);
  return { status: 200, body: filtered.slice(offset, offset + limit), headers };
}

/**
 * Cluster log configuration (docs/isc-api.md §3.2, §4.5, §5.2, §11.1).
 *
 * The PUT body's `oneOf` cannot be validated literally (every body matches both variants), so it is checked as:
 * an object with `rootLevel` required, the field rules of the version's `ClientLogConfiguration` (durationMinutes
 * 5..1440, levels from StandardLevel; beta also requires durationMinutes), at most one of `durationMinutes` and
 * `expiration`, and an expiration in the future but no more than 24 hours ahead. Neither timing field means 240 minutes.
 */
import { badRequest } from "../errors";
import { escapePointer, isObject } from "../openapi";
import { validateBody } from "../request-body";
import type { HandlerTable } from "./context";
import { requireCluster } from "./managed-clusters";

const DAY_MS = 24 * 60 * 60 * 1000;

function clientLogConfigurationPointer(version: string): string {
  return `/components/schemas/${escapePointer(version === "v1" ? "clientlogconfiguration" : "ClientLogConfiguration")}`;
}

export const logConfigHandlers: HandlerTable = {
  getClientLogConfiguration: (ctx) => {
    const cluster = requireCluster(ctx);
    const config = ctx.store.getLogConfig(cluster.id);
    if (config) return { status: 200, body: config };
    // Beta declares no 204; its ClientLogConfiguration is nullable, so "none" is a JSON null there.
    return ctx.version === "beta" ? { status: 200, body: null } : { status: 204 };
  },

  putClientLogConfiguration: (ctx) => {
    if (!isObject(ctx.body)) throw badRequest("Request body must be a JSON object.");
    // Explicit nulls are treated as absent, as Jackson would bind them.
    const body = Object.fromEntries(Object.entries(ctx.body).filter(([, v]) => v !== null));
    validateBody(ctx.operation, body, { schemaPointer: clientLogConfigurationPointer(ctx.version), rejectUnknown: true });
    const { durationMinutes, expiration } = body as { durationMinutes?: number; expiration?: string };
    if (durationMinutes !== undefined && expiration !== undefined) {
      throw badRequest("Only one of 'durationMinutes' and 'expiration' may be specified.");
    }
    let expirationMs: number | undefined;
    if (expiration !== undefined) {
      expirationMs = Date.parse(expiration);
      const now = ctx.clock.now();
      if (Number.isNaN(expirationMs)) throw badRequest("Field 'expiration' must be an ISO-8601 date-time.");
      if (expirationMs <= now) throw badRequest("Field 'expiration' must be in the future.");
      if (expirationMs > now + DAY_MS) throw badRequest("Field 'expiration' can be no greater than 24 hours from the current date-time.");
    }
    const cluster = requireCluster(ctx);
    const config = ctx.store.setLogConfig(cluster.id, {
      clientId: body.clientId as string | undefined,
      rootLevel: body.rootLevel as string,
      logLevels: body.logLevels as Record<string, string> | undefined,
      durationMinutes,
      expiration: expirationMs,
    });
    return { status: 200, body: config };
  },
};

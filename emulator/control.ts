/**
 * `/__emulator/...`: the test-and-demo controls over HTTP (no auth), so a separately started emulator can be driven.
 * Mirrors the in-process API of IscEmulator; see emulator/README.md for the list.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { send } from "./http-io";
import type { IscEmulator } from "./index";
import type { LogConfigInput } from "./log-configs";
import type { ChaosOptions, FaultSpec, ManagedClient, ManagedCluster, OAuthClient } from "./types";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function json(res: ServerResponse, status: number, body?: unknown): void {
  send(res, status, body === undefined ? "" : JSON.stringify(body));
}

function parseBody(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ControlError(400, "body is not JSON");
  }
}

function asObject(v: unknown): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ControlError(400, "body must be a JSON object");
  return v as Record<string, unknown>;
}

/** A FaultSpec from JSON: `pathRegex` (+ `pathRegexFlags`) for a RegExp path, `times: null | "Infinity"` for ∞. */
export function faultFromJson(o: Record<string, unknown>): FaultSpec {
  const path = typeof o.pathRegex === "string" ? new RegExp(o.pathRegex, typeof o.pathRegexFlags === "string" ? o.pathRegexFlags : "") : o.path;
  if (typeof path !== "string" && !(path instanceof RegExp)) throw new ControlError(400, "fault needs 'path' or 'pathRegex'");
  const spec = { ...o, path } as FaultSpec & { pathRegex?: unknown; pathRegexFlags?: unknown };
  delete spec.pathRegex;
  delete spec.pathRegexFlags;
  if (o.times === null || o.times === "Infinity") spec.times = Infinity;
  return spec;
}

function faultToJson(f: FaultSpec): unknown {
  return { ...f, path: f.path instanceof RegExp ? undefined : f.path, pathRegex: f.path instanceof RegExp ? f.path.source : undefined, times: f.times === Infinity ? "Infinity" : f.times };
}

export function handleControl(emu: IscEmulator, req: IncomingMessage, res: ServerResponse, url: URL, text: string): void {
  try {
    route(emu, (req.method ?? "GET").toUpperCase(), url, text, res);
  } catch (e) {
    if (e instanceof ControlError) return json(res, e.status, { error: e.message });
    json(res, 400, { error: (e as Error).message });
  }
}

function route(emu: IscEmulator, method: string, url: URL, text: string, res: ServerResponse): void {
  const parts = url.pathname.replace(/^\/__emulator\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const [resource, id, sub] = parts;
  const is = (m: string, r: string | undefined, withId: boolean, s?: string) =>
    method === m && resource === r && (withId ? id !== undefined : id === undefined) && sub === s;
  const body = () => parseBody(text);

  if (is("GET", undefined, false)) {
    return json(res, 200, { url: emu.url, clientIds: emu.clients.map((c) => c.clientId), now: new Date(emu.now()).toISOString(), pendingFaults: emu.pendingFaults().length });
  }
  // requests
  if (is("GET", "requests", false)) {
    const m = url.searchParams.get("method") ?? "*";
    const p = url.searchParams.get("path");
    return json(res, 200, p !== null || m !== "*" ? emu.requestsTo(m, p ?? "") : emu.requests);
  }
  if (is("DELETE", "requests", false)) return (emu.clearRequests(), json(res, 204));
  // faults and chaos
  if (is("POST", "faults", false)) {
    const b = body();
    for (const f of Array.isArray(b) ? b : [b]) emu.injectFault(faultFromJson(asObject(f)));
    return json(res, 201, { pending: emu.pendingFaults().length });
  }
  if (is("GET", "faults", false)) return json(res, 200, emu.pendingFaults().map(faultToJson));
  if (is("DELETE", "faults", false)) return (emu.clearFaults(), json(res, 204));
  if (is("POST", "chaos", false)) return (emu.chaos(asObject(body()) as ChaosOptions), json(res, 204));
  // auth, clock, reset
  if (is("POST", "reset", false)) return (emu.reset(), json(res, 204));
  if (is("POST", "revoke-tokens", false)) return (emu.revokeTokens(), json(res, 204));
  if (is("PUT", "token-endpoint", false)) {
    const down = asObject(body()).down;
    if (down !== false && typeof down !== "number") throw new ControlError(400, "'down' must be a status number or false");
    return (emu.setTokenEndpointDown(down), json(res, 204));
  }
  if (is("POST", "clock", false)) {
    const ms = Number(asObject(body()).advanceMs ?? 0);
    if (!Number.isFinite(ms)) throw new ControlError(400, "'advanceMs' must be a number");
    emu.advanceClock(ms);
    return json(res, 200, { now: new Date(emu.now()).toISOString() });
  }
  // clusters and log config
  if (is("GET", "clusters", false)) return json(res, 200, emu.store.listClusters());
  if (is("POST", "clusters", false)) return json(res, 201, emu.store.seedCluster(asObject(body()) as Partial<ManagedCluster>));
  if (is("PATCH", "clusters", true)) {
    const changes = asObject(body());
    return json(res, 200, existing(() => emu.store.mutateCluster(id, (c) => Object.assign(c, changes))));
  }
  if (is("DELETE", "clusters", true)) return json(res, emu.store.removeCluster(id) ? 204 : 404);
  if (is("PUT", "clusters", true, "log-config") || is("DELETE", "clusters", true, "log-config")) {
    const cfg = method === "PUT" ? (body() as LogConfigInput | null | undefined) : undefined;
    const result = existing(() => emu.store.setLogConfig(id, cfg ?? undefined));
    return json(res, result ? 200 : 204, result);
  }
  // managed clients
  if (is("GET", "managed-clients", false)) return json(res, 200, emu.store.listManagedClients());
  if (is("POST", "managed-clients", false)) {
    const b = asObject(body()) as Partial<ManagedClient>;
    if (typeof b.clusterId !== "string") throw new ControlError(400, "'clusterId' is required");
    return json(res, 201, existing(() => emu.store.seedManagedClient(b as Partial<ManagedClient> & { clusterId: string })));
  }
  if (is("PATCH", "managed-clients", true)) {
    const changes = asObject(body());
    return json(res, 200, existing(() => emu.store.mutateManagedClient(id, (c) => Object.assign(c, changes))));
  }
  if (is("DELETE", "managed-clients", true)) return json(res, emu.store.removeManagedClient(id) ? 204 : 404);
  // OAuth clients
  if (is("GET", "oauth-clients", false)) return json(res, 200, emu.store.listOAuthClients());
  if (is("POST", "oauth-clients", false)) return json(res, 201, emu.store.seedOAuthClient(asObject(body()) as Partial<OAuthClient> & { secret?: string }));
  if (is("PATCH", "oauth-clients", true)) {
    const changes = asObject(body());
    return json(res, 200, existing(() => emu.store.mutateOAuthClient(id, (c) => Object.assign(c, changes))));
  }
  if (is("DELETE", "oauth-clients", true)) return json(res, emu.store.removeOAuthClient(id) ? 204 : 404);
  if (is("POST", "oauth-clients", true, "used")) {
    const at = asObject(body()).at;
    return json(res, 200, existing(() => emu.store.markOAuthClientUsed(id, typeof at === "string" || typeof at === "number" ? at : undefined)));
  }
  throw new ControlError(404, `no control route ${method} ${url.pathname}`);
}

/** Runs a store call that throws "no ..." for unknown ids, turning that into a 404. */
function existing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (/^no /.test((e as Error).message)) throw new ControlError(404, (e as Error).message);
    throw e;
  }
}

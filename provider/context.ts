import { IscApi } from "./api";
import { mapConfig, resolveSettings, type ConfigSource, type Settings } from "./config";
import type * as HttpClient from "./http/client";

let configured: Settings | undefined;
/** A configure() failure, kept: the host caches the provider even when configure threw, and never calls it again. */
let failure: Error | undefined;
const clients = new Map<string, IscApi>();
/** The same, by settings object: the configured settings are looked up once per call without re-serializing them. */
const bySettings = new WeakMap<Settings, IscApi>();

/**
 * Called from the provider's `configure`: resolves and validates the settings once. A problem is kept (see
 * `configureError`) and fails every later operation with the same message; it is not thrown here. `env`: the SAIL_*
 * variables the settings may fall back on (the native door narrows them for an explicit provider).
 */
export function configureFrom(source: ConfigSource, env: NodeJS.ProcessEnv = process.env): void {
  try {
    configured = resolveSettings(source, env);
    failure = undefined;
  } catch (error) {
    configured = undefined;
    failure = error as Error;
  }
}

/** The problem with the settings the engine configured, if any. */
export function configureError(): Error | undefined {
  return failure;
}

/** The process-wide API (one client, token cache and rate limiter per tenant and client id). */
export function isc(settings?: Settings): IscApi {
  if (!settings && failure) throw failure;
  const resolved = settings ?? configured ?? resolveSettings(mapConfig({}));
  let api = bySettings.get(resolved);
  if (api) return api;
  const key = JSON.stringify(resolved);
  // The HTTP stack (got) loads on the first request: check and diff, all a preview needs, never load it.
  const { IscClient } = require("./http/client") as typeof HttpClient;
  api = clients.get(key) ?? new IscApi(new IscClient(resolved), `${resolved.baseUrl}\n${resolved.clientId}`);
  clients.set(key, api);
  bySettings.set(resolved, api);
  return api;
}

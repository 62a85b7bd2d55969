import { IscApi } from "./api";
import { mapConfig, resolveSettings, type ConfigSource, type Settings } from "./config";
import { IscClient } from "./http/client";

let configured: Settings | undefined;
/** A configure() failure, kept: the host caches the provider even when configure threw, and never calls it again. */
let configureError: Error | undefined;
const clients = new Map<string, IscApi>();
/** The same, by settings object: the configured settings are looked up once per call without re-serializing them. */
const bySettings = new WeakMap<Settings, IscApi>();

/** Called from the provider's `configure`: resolves and validates the settings once, failing with one clear message. */
export function configureFrom(source: ConfigSource): void {
  try {
    configured = resolveSettings(source);
    configureError = undefined;
  } catch (error) {
    configureError = error as Error;
    throw error;
  }
}

/** The process-wide API (one client, token cache and rate limiter per tenant and client id). */
export function isc(settings?: Settings): IscApi {
  if (!settings && configureError) throw configureError;
  const resolved = settings ?? configured ?? resolveSettings(mapConfig({}));
  let api = bySettings.get(resolved);
  if (api) return api;
  const key = JSON.stringify(resolved);
  api = clients.get(key) ?? new IscApi(new IscClient(resolved));
  clients.set(key, api);
  bySettings.set(resolved, api);
  return api;
}

import { IscApi } from "./api";
import { mapConfig, resolveSettings, type ConfigSource, type Settings } from "./config";
import { IscClient } from "./http/client";

let configured: Settings | undefined;
const clients = new Map<string, IscApi>();

/** Called from the provider's `configure`: resolves and validates the settings once, failing with one clear message. */
export function configureFrom(source: ConfigSource): void {
  configured = resolveSettings(source);
}

/** The process-wide API (one client, token cache and rate limiter per tenant and client id). */
export function isc(settings: Settings = configured ?? resolveSettings(mapConfig({}))): IscApi {
  const key = JSON.stringify(settings);
  let api = clients.get(key);
  if (!api) {
    api = new IscApi(new IscClient(settings));
    clients.set(key, api);
  }
  return api;
}

import type { ApiVersion } from "../config";

/**
 * The URL path (below the base URL) of `path`, given relative to a version root ("managed-clusters/abc/log-config"):
 * `/v2025/managed-clusters/abc/log-config` for a yearly version or beta, and for the per-service `v1` the version
 * after the service's segment, `/managed-clusters/v1/abc/log-config` (docs/isc-api.md §1).
 */
export function versionedPath(version: ApiVersion | "beta", path: string): string {
  if (version !== "v1") return `/${version}/${path}`;
  const slash = path.indexOf("/");
  return slash < 0 ? `/${path}/v1` : `/${path.slice(0, slash)}/v1${path.slice(slash)}`;
}

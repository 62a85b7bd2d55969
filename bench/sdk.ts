/** The official SailPoint TypeScript SDK (sailpoint-api-client), typed only as far as used (its typings are ~100k lines). */
import type { JsonPatchOperation, ManagedCluster, ManagedClusterRequest } from "../provider/api/types";

export interface SdkConfiguration {
  accessToken?: unknown;
}
export interface SdkClustersApi {
  getManagedCluster(req: { id: string }): Promise<{ status: number; data: ManagedCluster }>;
  updateManagedCluster(req: { id: string; jsonPatchOperationV2024: JsonPatchOperation[] }): Promise<{ status: number; data: ManagedCluster }>;
  createManagedCluster(req: { managedClusterRequestV2024: ManagedClusterRequest }): Promise<{ status: number; data: ManagedCluster }>;
}
export interface SdkModule {
  Configuration: new (params: { baseurl: string; clientId: string; clientSecret: string; tokenUrl: string }) => SdkConfiguration;
  ManagedClustersV2024Api: new (configuration: SdkConfiguration, basePath?: string, axios?: AxiosInstance) => SdkClustersApi;
}

/** The few members of the SDK's own axios used to undo its per-call interceptors. */
export interface AxiosInstance {
  interceptors: { request: { clear(): void }; response: { clear(): void } };
}

/** A new instance of the axios the SDK uses (its dependency, resolved from its own location). */
export function sdkAxios(): AxiosInstance {
  const axios = require(require.resolve("axios", { paths: [require.resolve("sailpoint-api-client")] })) as { create(): AxiosInstance };
  return axios.create();
}

export function loadSdk(): { sdk?: SdkModule; version?: string; problem?: string } {
  try {
    const sdk = require("sailpoint-api-client") as SdkModule;
    const version = (require("sailpoint-api-client/package.json") as { version: string }).version;
    return { sdk, version };
  } catch (error) {
    return { problem: `sailpoint-api-client is not installed (${error instanceof Error ? error.message.split("\n")[0] : String(error)})` };
  }
}

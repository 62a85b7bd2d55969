import type { IscClient } from "../http/client";
import { IscApiError } from "../http/errors";
import type {
  ClientLogConfiguration, ClusterManualUpgrade, JsonPatchOperation, ListOptions, ManagedCluster,
  ManagedClusterRequest, Page,
} from "./types";

const BASE = "managed-clusters";
const MAX_PAGE = 250;

function at(id: string, suffix = ""): string {
  return `${BASE}/${encodeURIComponent(id)}${suffix}`;
}

/** `/managed-clusters` and its sub-resources (isc-api.md §3.1–3.3). */
export class ManagedClustersApi {
  constructor(private readonly client: IscClient) {}

  async list(options: ListOptions = {}): Promise<Page<ManagedCluster>> {
    const res = await this.client.request<ManagedCluster[]>("GET", BASE, { searchParams: { ...options } });
    const total = res.headers["x-total-count"];
    return { items: res.body ?? [], total: total === undefined ? undefined : Number(total) };
  }

  /** Pages through every cluster matching `filters`. */
  async listAll(filters?: string): Promise<ManagedCluster[]> {
    const all: ManagedCluster[] = [];
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = await this.list({ offset, limit: MAX_PAGE, filters });
      all.push(...page.items);
      if (page.items.length < MAX_PAGE) return all;
    }
  }

  async get(id: string): Promise<ManagedCluster> {
    return (await this.client.request<ManagedCluster>("GET", at(id))).body;
  }

  /** The cluster, or undefined when the service answers 404. */
  async find(id: string): Promise<ManagedCluster | undefined> {
    return orUndefinedOn404(() => this.get(id));
  }

  async create(request: ManagedClusterRequest): Promise<ManagedCluster> {
    return (await this.client.request<ManagedCluster>("POST", BASE, { json: request })).body;
  }

  async patch(id: string, operations: JsonPatchOperation[]): Promise<ManagedCluster> {
    return (await this.client.request<ManagedCluster>("PATCH", at(id), { patch: operations })).body;
  }

  /** Deletes the cluster; a cluster that is already gone counts as deleted. */
  async delete(id: string, removeClients = false): Promise<void> {
    await orUndefinedOn404(() => this.client.request("DELETE", at(id), { searchParams: { removeClients } }));
  }

  /** The active log configuration, or undefined when the service answers 204 (none, or expired). */
  async getLogConfig(id: string): Promise<ClientLogConfiguration | undefined> {
    const res = await this.client.request<ClientLogConfiguration | undefined>("GET", at(id, "/log-config"));
    return res.status === 204 ? undefined : res.body;
  }

  async putLogConfig(id: string, config: ClientLogConfiguration): Promise<ClientLogConfiguration> {
    return (await this.client.request<ClientLogConfiguration>("PUT", at(id, "/log-config"), { json: config })).body;
  }

  /** Triggers a manual upgrade (v2024 and later). */
  async manualUpgrade(id: string): Promise<ClusterManualUpgrade> {
    if (this.client.apiVersion === "v3") {
      throw new Error(
        "Manual upgrade (POST /managed-clusters/{id}/manualUpgrade) does not exist in ISC API v3; " +
          "set sailpoint:apiVersion (SAIL_API_VERSION) to v2024 or later to use manualUpgradeTrigger",
      );
    }
    return (await this.client.request<ClusterManualUpgrade>("POST", at(id, "/manualUpgrade"))).body;
  }
}

export async function orUndefinedOn404<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof IscApiError && error.notFound) return undefined;
    throw error;
  }
}

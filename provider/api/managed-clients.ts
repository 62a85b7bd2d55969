import type { IscClient } from "../http/client";
import type { ManagedClientStatus } from "./types";

/** `/managed-clients` status endpoints (isc-api.md §3.4). */
export class ManagedClientsApi {
  constructor(private readonly client: IscClient) {}

  async getStatus(id: string, type: string): Promise<ManagedClientStatus> {
    const path = `managed-clients/${encodeURIComponent(id)}/status`;
    return (await this.client.request<ManagedClientStatus>("GET", path, { searchParams: { type } })).body;
  }

  /**
   * The deprecated beta `POST /managed-clients/{id}/status`. It exists only under /beta, so it is sent there whatever
   * sailpoint:apiVersion says.
   */
  async updateStatusBeta(id: string, status: ManagedClientStatus): Promise<Record<string, unknown>> {
    const path = `managed-clients/${encodeURIComponent(id)}/status`;
    return (await this.client.request<Record<string, unknown>>("POST", path, { json: status, version: "beta" })).body;
  }
}

import type { IscClient } from "../http/client";
import { registerSensitive } from "../http/redact";
import { Collection } from "./collection";
import type { ManagedClient, ManagedClientRequest, ManagedClientStatus } from "./types";

/** `/managed-clients` (docs/isc-api.md §3.4): the VA and CCG clients paired with a cluster, and their status. */
export class ManagedClientsApi extends Collection<ManagedClient> {
  constructor(client: IscClient) {
    // The client's API key is in the create response only: a create answer without one is unusable.
    super(client, { base: "managed-clients", paged: true, createdWith: ["secret"] });
  }

  override async create(request: ManagedClientRequest): Promise<ManagedClient> {
    const created = await super.create(request);
    registerSensitive(created.secret);
    return created;
  }

  async getStatus(id: string, type: string): Promise<ManagedClientStatus> {
    return (await this.client.request<ManagedClientStatus>("GET", this.at(id, "/status"), { searchParams: { type } })).body;
  }

  /**
   * The deprecated beta `POST /managed-clients/{id}/status`. It exists only under /beta, so it is sent there whatever
   * sailpoint:apiVersion says.
   */
  async updateStatusBeta(id: string, status: ManagedClientStatus): Promise<Record<string, unknown>> {
    return (await this.client.request<Record<string, unknown>>("POST", this.at(id, "/status"), { json: status, version: "beta" })).body;
  }
}

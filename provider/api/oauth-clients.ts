import type { IscClient } from "../http/client";
import { registerSensitive } from "../http/redact";
import { orUndefinedOn404 } from "./managed-clusters";
import type { CreateOAuthClientRequest, JsonPatchOperation, OAuthClient } from "./types";

const BASE = "oauth-clients";

function at(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

/** `/oauth-clients` (isc-api.md §3.5). The list has no paging, only `lastUsed` filters. */
export class OAuthClientsApi {
  constructor(private readonly client: IscClient) {}

  async list(filters?: string): Promise<OAuthClient[]> {
    return (await this.client.request<OAuthClient[]>("GET", BASE, { searchParams: { filters } })).body ?? [];
  }

  async get(id: string): Promise<OAuthClient> {
    return (await this.client.request<OAuthClient>("GET", at(id))).body;
  }

  async find(id: string): Promise<OAuthClient | undefined> {
    return orUndefinedOn404(() => this.get(id));
  }

  /** Creates a client; the response is the only place its secret ever appears. */
  async create(request: CreateOAuthClientRequest): Promise<OAuthClient> {
    const created = (await this.client.request<OAuthClient>("POST", BASE, { json: request })).body;
    registerSensitive(created.secret);
    return created;
  }

  async patch(id: string, operations: JsonPatchOperation[]): Promise<OAuthClient> {
    return (await this.client.request<OAuthClient>("PATCH", at(id), { patch: operations })).body;
  }

  /** Deletes the client; one that is already gone counts as deleted. */
  async delete(id: string): Promise<void> {
    await orUndefinedOn404(() => this.client.request("DELETE", at(id)));
  }
}

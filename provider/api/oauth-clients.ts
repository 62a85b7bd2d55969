import type { IscClient } from "../http/client";
import { registerSensitive } from "../http/redact";
import { Collection } from "./collection";
import type { CreateOAuthClientRequest, OAuthClient } from "./types";

/** `/oauth-clients` (docs/isc-api.md §3.5). The list has no paging, only `lastUsed` filters. */
export class OAuthClientsApi extends Collection<OAuthClient> {
  constructor(client: IscClient) {
    // The secret is in the create response only: a create answer without one is unusable.
    super(client, { base: "oauth-clients", createdWith: ["secret"] });
  }

  /** Creates a client; the response is the only place its secret ever appears. */
  override async create(request: CreateOAuthClientRequest): Promise<OAuthClient> {
    const created = await super.create(request);
    registerSensitive(created.secret);
    return created;
  }
}

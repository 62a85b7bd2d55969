import type { IscClient } from "../http/client";
import { ManagedClientsApi } from "./managed-clients";
import { ManagedClustersApi } from "./managed-clusters";
import { OAuthClientsApi } from "./oauth-clients";

/** Typed access to every ISC endpoint this package uses, over one IscClient. */
export class IscApi {
  readonly managedClusters: ManagedClustersApi;
  readonly managedClients: ManagedClientsApi;
  readonly oauthClients: OAuthClientsApi;

  /**
   * @param tenantKey identifies the tenant and API client (base URL and client id, never the secret): the scope of
   *   the pending-create journal.
   */
  constructor(
    readonly client: IscClient,
    readonly tenantKey: string,
  ) {
    this.managedClusters = new ManagedClustersApi(client);
    this.managedClients = new ManagedClientsApi(client);
    this.oauthClients = new OAuthClientsApi(client);
  }
}

export * from "./types";
export * as filters from "./filters";

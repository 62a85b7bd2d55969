import type { IscClient } from "../http/client";
import { ManagedClientsApi } from "./managed-clients";
import { ManagedClustersApi } from "./managed-clusters";
import { OAuthClientsApi } from "./oauth-clients";

/** Typed access to every ISC endpoint this package uses, over one IscClient. */
export class IscApi {
  readonly managedClusters: ManagedClustersApi;
  readonly managedClients: ManagedClientsApi;
  readonly oauthClients: OAuthClientsApi;

  constructor(readonly client: IscClient) {
    this.managedClusters = new ManagedClustersApi(client);
    this.managedClients = new ManagedClientsApi(client);
    this.oauthClients = new OAuthClientsApi(client);
  }
}

export * from "./types";
export * as filters from "./filters";

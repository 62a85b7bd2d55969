import type { IscClient } from "../http/client";
import { Collection } from "./collection";
import { expectFields } from "./responses";
import type { ClientLogConfiguration, ClusterManualUpgrade, ManagedCluster } from "./types";

/** `/managed-clusters` and its sub-resources (docs/isc-api.md §3.1–3.3). */
export class ManagedClustersApi extends Collection<ManagedCluster> {
  constructor(client: IscClient) {
    super(client, { base: "managed-clusters", paged: true });
  }

  /** The active log configuration, or undefined when the service answers 204 (none, or expired). */
  async getLogConfig(id: string): Promise<ClientLogConfiguration | undefined> {
    const path = this.at(id, "/log-config");
    const res = await this.client.request<unknown>("GET", path);
    if (res.status === 204) return undefined;
    return expectFields<ClientLogConfiguration>(this.request("GET", path, res.status), res.body, ["rootLevel"]);
  }

  async putLogConfig(id: string, config: ClientLogConfiguration): Promise<ClientLogConfiguration> {
    return (await this.client.request<ClientLogConfiguration>("PUT", this.at(id, "/log-config"), { json: config })).body;
  }

  /** Triggers a manual upgrade (v2024 and later, and v1). */
  async manualUpgrade(id: string): Promise<ClusterManualUpgrade> {
    if (this.client.apiVersion === "v3") {
      throw new Error(
        "Manual upgrade (POST /managed-clusters/{id}/manualUpgrade) does not exist in ISC API v3; " +
          "set sailpoint:apiVersion (SAIL_API_VERSION) to v2024 or later, or v1, to use manualUpgradeTrigger",
      );
    }
    return (await this.client.request<ClusterManualUpgrade>("POST", this.at(id, "/manualUpgrade"))).body;
  }
}

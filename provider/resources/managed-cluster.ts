import type * as dynamic from "@pulumi/pulumi/dynamic";
import { eq } from "../api/filters";
import type { ManagedCluster } from "../api/types";
import { isc } from "../context";
import { collectionResource } from "../engine/collection-resource";
import { PartialFailure } from "../engine/partial";
import { managedClusterSchema as schema } from "../schemas/managed-cluster";

type Bag = Record<string, unknown>;

const base = collectionResource<ManagedCluster>({
  schema,
  noun: "managed cluster",
  collection: (api) => api.managedClusters,
  candidates: (api, inputs) => api.managedClusters.listAll(eq("name", String(inputs.name))),
  // A cluster that has ever had a client paired with it is in use.
  unused: (c) => !Array.isArray(c.clientIds) || c.clientIds.length === 0,
  createdAtField: "createdAt",
  deleteParams: (props) => ({ removeClients: props.removeClientsOnDelete === true }),
});

/** The upgrade jobs a bag carries, to keep across a read or update (the service does not report them). */
function upgradeJobsOf(bag: Bag): Bag {
  return bag.upgradeJobs !== undefined ? { upgradeJobs: bag.upgradeJobs } : {};
}

async function triggerUpgrade(id: string): Promise<unknown> {
  return (await isc().managedClusters.manualUpgrade(id)).jobs;
}

/** What is special to a cluster: `manualUpgradeTrigger` sends one manual upgrade when it is set or changed. */
export const managedCluster: dynamic.ResourceProvider = {
  ...base,

  async create(inputs) {
    const created = await base.create(inputs);
    if (!inputs.manualUpgradeTrigger) return created;
    try {
      return { id: created.id, outs: { ...created.outs, upgradeJobs: await triggerUpgrade(created.id) } };
    } catch (error) {
      // Without the trigger in state, the next `up` sees it as new and triggers the upgrade again.
      throw new PartialFailure(created.id, { ...inputs, ...(created.outs as Bag), manualUpgradeTrigger: null }, error, "created managed cluster");
    }
  },

  async read(id, props) {
    const result = await base.read(id, props);
    return result.id ? { ...result, props: { ...result.props, ...upgradeJobsOf(props) } } : result;
  },

  async update(id, olds, news) {
    const { outs } = await base.update(id, olds, news);
    const kept = { ...upgradeJobsOf(olds), ...outs };
    const trigger = news.manualUpgradeTrigger;
    if (!trigger || trigger === olds.manualUpgradeTrigger) return { outs: kept };
    try {
      return { outs: { ...kept, upgradeJobs: await triggerUpgrade(id) } };
    } catch (error) {
      throw new PartialFailure(id, { ...news, ...kept, manualUpgradeTrigger: olds.manualUpgradeTrigger ?? null }, error, "updated managed cluster");
    }
  },
};

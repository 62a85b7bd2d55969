import type * as dynamic from "@pulumi/pulumi/dynamic";
import { eq } from "../api/filters";
import type { ManagedCluster, ManagedClusterRequest } from "../api/types";
import { isc } from "../context";
import { checkInputs } from "../engine/check";
import { createWithoutDuplicates } from "../engine/create";
import { diffInputs } from "../engine/diff";
import { buildOutputs, ownedInputs, serviceFieldsOf } from "../engine/outputs";
import { PartialFailure } from "../engine/partial";
import { patchOperations } from "../engine/patch";
import { patchToInputs } from "../engine/reconcile";
import { managedClusterSchema as schema } from "../schemas/managed-cluster";

type Bag = Record<string, unknown>;

function requestBody(inputs: Bag): ManagedClusterRequest {
  const body: Bag = {};
  for (const key of ["name", "type", "description", "configuration"]) if (inputs[key] !== undefined) body[key] = inputs[key];
  return body as unknown as ManagedClusterRequest;
}

function outputs(live: ManagedCluster, inputs: Bag, upgradeJobs?: unknown): Bag {
  const outs = buildOutputs(schema, live, inputs);
  if (upgradeJobs !== undefined) outs.upgradeJobs = upgradeJobs;
  return outs;
}

/**
 * After a POST that failed without an answer (reset, timeout, 5xx), finds the cluster it may have made:
 * same name and type, created since the attempt began.
 */
async function findCreatedBy(body: ManagedClusterRequest, startedAt: number): Promise<ManagedCluster | undefined> {
  const since = isc().client.serviceTimeAfter(startedAt);
  const candidates = (await isc().managedClusters.listAll(eq("name", body.name))).filter(
    (c) =>
      c.name === body.name &&
      (c.type ?? "idn") === (body.type ?? "idn") &&
      Date.parse(String(c.createdAt ?? "")) >= since,
  );
  if (candidates.length > 1) {
    throw new Error(
      `ManagedCluster "${body.name}": the create request failed without an answer and ${candidates.length} clusters of ` +
        `that name were created since (${candidates.map((c) => c.id).join(", ")}); adopt the right one with importId`,
    );
  }
  return candidates[0];
}

async function adopt(inputs: Bag): Promise<{ live: ManagedCluster; patched: boolean }> {
  const id = String(inputs.importId);
  const found = await isc().managedClusters.find(id);
  if (!found) throw new Error(`importId: managed cluster "${id}" does not exist or is not visible to this API client`);
  if ((found.type ?? "idn") !== inputs.type) {
    throw new Error(`importId: managed cluster "${id}" has type "${found.type}" but the program declares type "${inputs.type}"`);
  }
  const operations = patchOperations(schema, ownedInputs(schema, found, inputs), inputs);
  if (operations.length === 0) return { live: found, patched: false };
  try {
    return { live: await isc().managedClusters.patch(id, operations), patched: true };
  } catch (error) {
    // Recorded as adopted with its current state; the next `up` patches it again.
    throw new PartialFailure(id, { ...inputs, ...outputs(found, inputs) }, error, `adopted managed cluster "${id}"`);
  }
}

async function triggerUpgrade(id: string): Promise<unknown> {
  return (await isc().managedClusters.manualUpgrade(id)).jobs;
}

export const managedCluster: dynamic.ResourceProvider = {
  async check(olds, news) {
    return checkInputs(schema, olds, news);
  },

  async diff(_id, olds, news) {
    const { changes, replaces, deleteBeforeReplace } = diffInputs(schema, olds, news);
    return { changes, replaces, deleteBeforeReplace };
  },

  async create(inputs) {
    const body = requestBody(inputs);
    const { live } = inputs.importId
      ? await adopt(inputs)
      : { live: await createWithoutDuplicates(() => isc().managedClusters.create(body), (startedAt) => findCreatedBy(body, startedAt)) };
    if (!inputs.manualUpgradeTrigger) return { id: live.id, outs: outputs(live, inputs) };
    try {
      return { id: live.id, outs: outputs(live, inputs, await triggerUpgrade(live.id)) };
    } catch (error) {
      // Without the trigger in state, the next `up` sees it as new and triggers the upgrade again.
      const { manualUpgradeTrigger: _, ...rest } = outputs(live, inputs);
      throw new PartialFailure(live.id, { ...inputs, manualUpgradeTrigger: null, ...rest }, error, "created managed cluster");
    }
  },

  async read(id, props) {
    const live = await isc().managedClusters.find(id);
    if (!live) return { id: "", props: {} };
    const outs = outputs(live, props, props.upgradeJobs);
    return { id, props: outs, inputs: ownedInputs(schema, live, props) };
  },

  async update(id, olds, news) {
    const patched = await patchToInputs(schema, isc().managedClusters, id, olds, news);
    const outs = patched ? outputs(patched, news, olds.upgradeJobs) : { ...serviceFieldsOf(schema, olds), ...ownedInputs(schema, olds, news) };
    const trigger = news.manualUpgradeTrigger;
    if (!trigger || trigger === olds.manualUpgradeTrigger) return { outs };
    try {
      return { outs: { ...outs, upgradeJobs: await triggerUpgrade(id) } };
    } catch (error) {
      throw new PartialFailure(id, { ...news, ...outs, manualUpgradeTrigger: olds.manualUpgradeTrigger ?? null }, error, "updated managed cluster");
    }
  },

  async delete(id, props) {
    await isc().managedClusters.delete(id, props.removeClientsOnDelete === true);
  },
};

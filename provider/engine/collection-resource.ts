/**
 * The generic provider of a resource kept in an ISC collection with JSON Patch updates (managed clusters, managed
 * clients, OAuth clients), built from its field table and a few facts about its API. A resource file adds only what is
 * truly its own.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { IscApi } from "../api";
import type { Collection } from "../api/collection";
import { isc } from "../context";
import { registerSensitive } from "../http/redact";
import { checkInputs, exists } from "./check";
import { claimToTakeOver, markSeen, releaseClaim, takenOverHere } from "./claims";
import { createOnce } from "./create";
import { diffInputs } from "./diff";
import { importedInputs } from "./imported";
import { acknowledge } from "./journal";
import { replaceOnlyDifferences, sameAsDeclared } from "./match";
import { buildOutputs, ownedInputs, unchangedOutputs, withEveryOutput } from "./outputs";
import { OWNER_INPUT, ownerOf, withoutOwner } from "./owner";
import { PartialFailure } from "./partial";
import { patchOperations } from "./patch";
import { unlessGone } from "./read";
import { patchToInputs } from "./reconcile";
import type { ResourceSchema } from "./schema";
import type { Problem } from "./values";

type Bag = Record<string, unknown>;

export interface CollectionResourceSpec<T extends { id: string }> {
  schema: ResourceSchema;
  /** What one object is called in messages, e.g. "managed cluster". */
  noun: string;
  collection(api: IscApi): Collection<T>;
  /** The objects a create of these inputs could have made, as few requests as the API allows (filtered lists). */
  candidates(api: IscApi, inputs: Bag): Promise<T[]>;
  /** Whether a live object has never been used: only such an object can be what an unfinished create left. */
  unused(live: T): boolean;
  /** The field with the object's creation time. */
  createdAtField: string;
  /**
   * The one-time secret the create response alone carries: kept in the outputs (as a Pulumi secret, with
   * `secretKnown`) across every read and update; an object whose secret was lost to a failed create is removed.
   */
  secret?: string;
  /** Checks the field table cannot express. */
  moreChecks?(inputs: Bag): Problem[];
  /** Query parameters of the DELETE, from the previous outputs. */
  deleteParams?(props: Bag): Record<string, string | number | boolean>;
  /** Outputs computed from the live object besides its fields. */
  computedOutputs?(live: T): Bag;
}

/** Every method of a dynamic provider, present (so a resource file can wrap one without a non-null assertion). */
export type CollectionResource = Required<Pick<dynamic.ResourceProvider, "check" | "diff" | "create" | "read" | "update" | "delete">>;

/** The POST body: every declared field the service knows. */
function requestBody(schema: ResourceSchema, inputs: Bag): Bag {
  const body: Bag = {};
  for (const field of schema.fields) {
    if (field.update !== "local" && !field.createOnly && inputs[field.name] !== undefined) body[field.name] = inputs[field.name];
  }
  return body;
}

export function collectionResource<T extends { id: string }>(spec: CollectionResourceSpec<T>): CollectionResource {
  const { schema } = spec;
  const kind = schema.type;
  const secretOf = (bag: Bag) => (spec.secret ? bag[spec.secret] : undefined);

  function outputsOf(live: T, inputs: Bag, secret?: unknown): Bag {
    const outs = buildOutputs(schema, live as unknown as Bag, inputs);
    Object.assign(outs, spec.computedOutputs?.(live));
    if (spec.secret) {
      const known = typeof secret === "string" && secret !== "";
      if (known) registerSensitive(secret);
      outs[spec.secret] = known ? secret : null;
      outs.secretKnown = known;
    }
    return withEveryOutput(schema, outs);
  }

  /** The engine holds object `id`: known to this process, and no longer evidence in the create journal. */
  function held(id: string): void {
    markSeen(kind, id);
    acknowledge(kind, id);
  }

  /**
   * Takes `found` over for these inputs (`what` names it in messages): replace-only fields must already match; the
   * rest is patched to the program.
   */
  async function takeOver(found: T, inputs: Bag, what: string): Promise<T> {
    const live = found as unknown as Bag;
    const differs = replaceOnlyDifferences(schema, live, inputs);
    if (differs.length > 0) {
      const detail = differs.map((f) => `${f} is ${JSON.stringify(live[f] ?? null)} on the service`).join(", ");
      throw new Error(`${what} differs in ${differs.join(", ")} (${detail}), which cannot be changed in place; declare its current values to adopt it`);
    }
    const operations = patchOperations(schema, ownedInputs(schema, live, inputs), inputs);
    if (operations.length === 0) return found;
    try {
      return await spec.collection(isc()).patch(found.id, operations);
    } catch (error) {
      // Recorded as adopted with its current state; the next `up` patches it again.
      throw new PartialFailure(found.id, { ...withoutOwner(inputs), ...outputsOf(found, inputs, null) }, error, `adopted ${spec.noun} "${found.id}"`);
    }
  }

  /** Adopts the object `importId` names. */
  async function adopt(inputs: Bag): Promise<{ id: string; outs: Bag }> {
    const id = String(inputs.importId);
    // Claimed before anything is awaited: of two resources adopting one object at once, one gets it, the other this.
    if (!claimToTakeOver(kind, id)) throw new Error(`importId: ${spec.noun} "${id}" is already managed by another resource of this deployment`);
    try {
      const found = await spec.collection(isc()).find(id);
      if (!found) throw new Error(`importId: ${spec.noun} "${id}" does not exist or is not visible to this API client`);
      const adopted = await takeOver(found, inputs, `importId: ${spec.noun} "${id}"`);
      // Now this resource's: no longer the evidence of another resource's unrecorded create.
      acknowledge(kind, id);
      return { id, outs: outputsOf(adopted, inputs, null) };
    } catch (error) {
      // Not adopted; a partial failure is (the engine records it).
      if (error instanceof PartialFailure) acknowledge(kind, id);
      else releaseClaim(kind, id);
      throw error;
    }
  }

  return {
    async check(olds, news) {
      const { inputs, failures } = checkInputs(schema, withoutOwner(olds), withoutOwner(news));
      const owner = ownerOf(news);
      if (owner !== undefined) inputs[OWNER_INPUT] = owner;
      return { inputs, failures: [...failures, ...(spec.moreChecks?.(inputs) ?? [])] };
    },

    async diff(id, olds, news) {
      held(id);
      const { changes, replaces, deleteBeforeReplace } = diffInputs(schema, olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },

    async create(inputs) {
      if (inputs.importId) return adopt(inputs);
      const api = isc();
      const collection = spec.collection(api);
      const body = requestBody(schema, inputs);
      const label = `${kind} ${JSON.stringify(String(inputs.name ?? inputs.clusterId ?? ""))}`;
      const object = await createOnce(api, {
        kind,
        label,
        body,
        owner: ownerOf(inputs),
        post: () => collection.create(body),
        lookalikes: async () => (await spec.candidates(api, inputs)).filter((o) => spec.unused(o) && sameAsDeclared(schema, o as unknown as Bag, inputs)),
        createdAt: (o) => (o as unknown as Bag)[spec.createdAtField],
        remove: spec.secret ? (id) => collection.delete(id) : undefined,
        takeBack: async (id) => {
          const found = await collection.find(id);
          if (!found) return undefined;
          // Its one-time secret was in the answer the engine never got.
          if (spec.secret) {
            await collection.delete(id);
            return undefined;
          }
          return takeOver(found, inputs, `${label}: ${spec.noun} "${id}", made by an earlier run of this resource that Pulumi did not record,`);
        },
      });
      return { id: object.id, outs: outputsOf(object, inputs, secretOf(object as unknown as Bag)) };
    },

    async read(id, props) {
      held(id);
      // A new host process has not seen the secret yet: register it before any error message can be built.
      registerSensitive(secretOf(props) as string | undefined);
      const collection = spec.collection(isc());
      const live = await unlessGone(() => collection.findListed(id), () => collection.find(id));
      if (!live) return { id: "", props: {} };
      // Given only the id (the engine's import), the object is read as a program declaring what it holds.
      const declared = exists(props) ? props : importedInputs(schema, live as unknown as Bag);
      return { id, props: outputsOf(live, declared, secretOf(props)), inputs: ownedInputs(schema, live as unknown as Bag, declared) };
    },

    async update(id, olds, news) {
      held(id);
      registerSensitive(secretOf(olds) as string | undefined);
      const patched = await patchToInputs(schema, spec.collection(isc()), id, olds, news);
      if (patched) return { outs: outputsOf(patched, news, secretOf(olds)) };
      return { outs: unchangedOutputs(schema, olds, news) };
    },

    async delete(id, props) {
      held(id);
      registerSensitive(secretOf(props) as string | undefined);
      // Another resource of this deployment took this object over (a replacement of an adopted object, a resource
      // renamed in the program with the same importId): deleting the old copy must not delete what the new one manages.
      if (takenOverHere(kind, id)) return;
      await spec.collection(isc()).delete(id, spec.deleteParams?.(props));
    },
  };
}

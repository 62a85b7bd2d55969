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
import { checkInputs } from "./check";
import { claimTakenOver, madeHere, markSeen, takenOverHere } from "./claims";
import { createOnce } from "./create";
import { diffInputs } from "./diff";
import { replaceOnlyDifferences, sameAsDeclared } from "./match";
import { buildOutputs, ownedInputs, serviceFieldsOf, withEveryOutput } from "./outputs";
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

  /** Adopts the object `importId` names: replace-only fields must already match; the rest is patched to the program. */
  async function adopt(inputs: Bag): Promise<{ id: string; outs: Bag }> {
    const id = String(inputs.importId);
    const collection = spec.collection(isc());
    if (madeHere(kind, id)) throw new Error(`importId: ${spec.noun} "${id}" is already managed by another resource of this deployment`);
    const found = await collection.find(id);
    if (!found) throw new Error(`importId: ${spec.noun} "${id}" does not exist or is not visible to this API client`);
    const live = found as unknown as Bag;
    const differs = replaceOnlyDifferences(schema, live, inputs);
    if (differs.length > 0) {
      const detail = differs.map((f) => `${f} is ${JSON.stringify(live[f] ?? null)} on the service`).join(", ");
      throw new Error(`importId: ${spec.noun} "${id}" differs in ${differs.join(", ")} (${detail}), which cannot be changed in place; declare its current values to adopt it`);
    }
    claimTakenOver(kind, id);
    const operations = patchOperations(schema, ownedInputs(schema, live, inputs), inputs);
    if (operations.length === 0) return { id, outs: outputsOf(found, inputs, null) };
    try {
      return { id, outs: outputsOf(await collection.patch(id, operations), inputs, null) };
    } catch (error) {
      // Recorded as adopted with its current state; the next `up` patches it again.
      throw new PartialFailure(id, { ...inputs, ...outputsOf(found, inputs, null) }, error, `adopted ${spec.noun} "${id}"`);
    }
  }

  return {
    async check(olds, news) {
      const { inputs, failures } = checkInputs(schema, olds, news);
      return { inputs, failures: [...failures, ...(spec.moreChecks?.(inputs) ?? [])] };
    },

    async diff(id, olds, news) {
      markSeen(kind, id);
      const { changes, replaces, deleteBeforeReplace } = diffInputs(schema, olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },

    async create(inputs) {
      if (inputs.importId) return adopt(inputs);
      const api = isc();
      const collection = spec.collection(api);
      const body = requestBody(schema, inputs);
      const object = await createOnce(api, {
        kind,
        label: `${kind} ${JSON.stringify(String(inputs.name ?? inputs.clusterId ?? ""))}`,
        body,
        post: () => collection.create(body),
        lookalikes: async () => (await spec.candidates(api, inputs)).filter((o) => spec.unused(o) && sameAsDeclared(schema, o as unknown as Bag, inputs)),
        createdAt: (o) => (o as unknown as Bag)[spec.createdAtField],
        remove: spec.secret ? (id) => collection.delete(id) : undefined,
      });
      return { id: object.id, outs: outputsOf(object, inputs, secretOf(object as unknown as Bag)) };
    },

    async read(id, props) {
      markSeen(kind, id);
      // A new host process has not seen the secret yet: register it before any error message can be built.
      registerSensitive(secretOf(props) as string | undefined);
      const collection = spec.collection(isc());
      const live = await unlessGone(() => collection.findListed(id), () => collection.find(id));
      if (!live) return { id: "", props: {} };
      return { id, props: outputsOf(live, props, secretOf(props)), inputs: ownedInputs(schema, live as unknown as Bag, props) };
    },

    async update(id, olds, news) {
      markSeen(kind, id);
      registerSensitive(secretOf(olds) as string | undefined);
      const patched = await patchToInputs(schema, spec.collection(isc()), id, olds, news);
      if (patched) return { outs: outputsOf(patched, news, secretOf(olds)) };
      return { outs: withEveryOutput(schema, { ...serviceFieldsOf(schema, olds), ...ownedInputs(schema, olds, news) }) };
    },

    async delete(id, props) {
      registerSensitive(secretOf(props) as string | undefined);
      // Another resource of this deployment took this object over (a replacement of an adopted object, a resource
      // renamed in the program with the same importId): deleting the old copy must not delete what the new one manages.
      if (takenOverHere(kind, id)) return;
      await spec.collection(isc()).delete(id, spec.deleteParams?.(props));
    },
  };
}

import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { CreateOAuthClientRequest, OAuthClient } from "../api/types";
import { isc } from "../context";
import { checkInputs } from "../engine/check";
import { createWithoutDuplicates } from "../engine/create";
import { diffInputs } from "../engine/diff";
import { buildOutputs, ownedInputs, serviceFieldsOf } from "../engine/outputs";
import { patchOperations } from "../engine/patch";
import { patchToInputs } from "../engine/reconcile";
import { UNKNOWN, containsUnknown, sameValue } from "../engine/values";
import { registerSensitive } from "../http/redact";
import { oauthClientSchema as schema } from "../schemas/oauth-client";

type Bag = Record<string, unknown>;

const SENT_FIELDS = schema.fields.filter((f) => f.update !== "local").map((f) => f.name);
/** Clients this process created: never taken for the orphans of another ambiguous POST. */
const createdHere = new Set<string>();

function requestBody(inputs: Bag): CreateOAuthClientRequest {
  const body: Bag = {};
  for (const key of SENT_FIELDS) if (inputs[key] !== undefined) body[key] = inputs[key];
  return body as CreateOAuthClientRequest;
}

/**
 * Outputs with the create-only secret carried over: reads and patches return it as null. The create response has no
 * `lastUsed` or `metadata`; they start as null so the outputs do not change shape at the first refresh.
 */
function outputs(live: OAuthClient, inputs: Bag, secret: unknown): Bag {
  if (typeof secret === "string") registerSensitive(secret);
  const outs = buildOutputs(schema, live, inputs);
  return { lastUsed: null, metadata: null, ...outs, clientId: live.id, secret: secret ?? null, secretKnown: typeof secret === "string" && secret !== "" };
}

/**
 * Clients an ambiguous POST may have made: same name, description, token validity and grant types, created since
 * the attempt began, never used. Their secret can never be read back, so they are deleted and the POST repeated.
 */
async function orphansOf(body: CreateOAuthClientRequest, startedAt: number): Promise<OAuthClient[]> {
  const unused = await isc().oauthClients.list("lastUsed isnull");
  const since = isc().client.serviceTimeAfter(startedAt);
  return unused.filter(
    (c) =>
      !createdHere.has(c.id) &&
      c.name === body.name &&
      c.description === body.description &&
      c.accessTokenValiditySeconds === body.accessTokenValiditySeconds &&
      sameValue({ kind: "set", items: { kind: "string" } }, c.grantTypes, body.grantTypes) &&
      !c.lastUsed &&
      Date.parse(c.created) >= since,
  );
}

/** Deletes what an ambiguous POST may have made: its secret can never be read back, so the POST is repeated. */
async function removeOrphans(body: CreateOAuthClientRequest, startedAt: number): Promise<undefined> {
  for (const orphan of await orphansOf(body, startedAt)) await isc().oauthClients.delete(orphan.id);
  return undefined;
}

/** Adopts an existing client: its secret is unknown for good. Replace-only fields must already match. */
async function adopt(inputs: Bag): Promise<OAuthClient> {
  const id = String(inputs.importId);
  const found = await isc().oauthClients.find(id);
  if (!found) throw new Error(`importId: OAuth client "${id}" does not exist or is not visible to this API client`);
  const current = ownedInputs(schema, found, inputs);
  // Replace-only fields are compared even when omitted (an omitted scope means sp:scopes:all), or a later declaration
  // of the client's actual value would replace it.
  for (const field of schema.fields) {
    const live = (found as unknown as Bag)[field.name];
    if (field.update === "replace" && live !== undefined && live !== null) current[field.name] = live;
  }
  const { replaces } = diffInputs(schema, current, inputs);
  if (replaces.length > 0) {
    throw new Error(
      `importId: OAuth client "${id}" differs in ${replaces.join(", ")}, which cannot be changed in place; ` +
        "declare the client's current values to adopt it",
    );
  }
  const operations = patchOperations(schema, current, inputs);
  return operations.length === 0 ? found : isc().oauthClients.patch(id, operations);
}

function crossFieldFailures(inputs: Bag): Array<{ property: string; reason: string }> {
  const grants = inputs.grantTypes;
  const uris = inputs.redirectUris;
  if (!Array.isArray(grants) || containsUnknown(grants) || uris === UNKNOWN) return [];
  if (grants.includes("AUTHORIZATION_CODE") && !(Array.isArray(uris) && uris.length > 0)) {
    return [{ property: "redirectUris", reason: "must list at least one URL when grantTypes includes AUTHORIZATION_CODE" }];
  }
  return [];
}

export const oauthClient: dynamic.ResourceProvider = {
  async check(olds, news) {
    const outcome = checkInputs(schema, olds, news);
    return { inputs: outcome.inputs, failures: [...outcome.failures, ...crossFieldFailures(outcome.inputs)] };
  },

  async diff(_id, olds, news) {
    const { changes, replaces, deleteBeforeReplace } = diffInputs(schema, olds, news);
    return { changes, replaces, deleteBeforeReplace };
  },

  async create(inputs) {
    if (inputs.importId) {
      const adopted = await adopt(inputs);
      return { id: adopted.id, outs: outputs(adopted, inputs, null) };
    }
    const body = requestBody(inputs);
    const created = await createWithoutDuplicates(() => isc().oauthClients.create(body), (startedAt) => removeOrphans(body, startedAt));
    createdHere.add(created.id);
    return { id: created.id, outs: outputs(created, inputs, created.secret) };
  },

  async read(id, props) {
    // A new host process has not seen the secret yet: register it before any error message can be built.
    registerSensitive(typeof props.secret === "string" ? props.secret : undefined);
    const live = await isc().oauthClients.find(id);
    if (!live) return { id: "", props: {} };
    return { id, props: outputs(live, props, props.secret), inputs: ownedInputs(schema, live, props) };
  },

  async update(id, olds, news) {
    registerSensitive(typeof olds.secret === "string" ? olds.secret : undefined);
    const patched = await patchToInputs(schema, isc().oauthClients, id, olds, news);
    if (patched) return { outs: outputs(patched, news, olds.secret) };
    return { outs: { ...serviceFieldsOf(schema, olds), ...ownedInputs(schema, olds, news) } };
  },

  async delete(id, props) {
    registerSensitive(typeof props.secret === "string" ? props.secret : undefined);
    await isc().oauthClients.delete(id);
  },
};

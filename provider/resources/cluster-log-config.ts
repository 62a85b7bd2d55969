import type * as dynamic from "@pulumi/pulumi/dynamic";
import { orUndefinedOn404 } from "../api/collection";
import type { ClientLogConfiguration } from "../api/types";
import { isc } from "../context";
import { checkInputs, exists } from "../engine/check";
import { claimTakenOver, markSeen, takenOverHere } from "../engine/claims";
import { diffInputs } from "../engine/diff";
import { buildOutputs, declaredOf, withEveryOutput } from "../engine/outputs";
import { unlessGone } from "../engine/read";
import { SECRET_INPUTS, secretIdProblems, secretPathsIn } from "../engine/secrets";
import { UNKNOWN, isDateTime, isPlainObject, plain, type Problem } from "../engine/values";
import { IscApiError } from "../http/errors";
import { clusterLogConfigSchema as schema } from "../schemas/cluster-log-config";

type Bag = Record<string, unknown>;

const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;
/** What the service applies when neither timing field is sent (docs/isc-api.md §3.2). */
const DEFAULT_MINUTES = 240;
/** What delete leaves behind, there being no DELETE: default level, no overrides, the shortest window. */
const NEUTRAL: ClientLogConfiguration = { rootLevel: "INFO", logLevels: {}, durationMinutes: 5 };

const declared = (value: unknown): boolean => value !== undefined && value !== null;
const dateTime = (value: unknown): value is string => typeof value === "string" && isDateTime(value);

/**
 * The checks the field table cannot express: at most one timing field, and the expiration's window. The window is
 * checked only when the expiration is about to be sent (create, or an update of any field), so a declared expiration
 * that has merely passed never fails a later preview that changes nothing.
 */
function timingProblems(olds: Bag, inputs: Bag): Problem[] {
  const { durationMinutes, expiration } = inputs;
  if (declared(durationMinutes) && declared(expiration)) {
    if (durationMinutes === UNKNOWN || expiration === UNKNOWN) return [];
    return [{ property: "expiration", reason: "cannot be set together with durationMinutes: set one of them, or neither (the service then applies 240 minutes)" }];
  }
  if (!dateTime(expiration) || (exists(olds) && !diffInputs(schema, olds, inputs).changes)) return [];
  const now = Date.now();
  const at = Date.parse(expiration);
  if (at <= now) return [{ property: "expiration", reason: `must be in the future, got ${expiration} (now is ${new Date(now).toISOString()})` }];
  if (at > now + MAX_AHEAD_MS) {
    return [{ property: "expiration", reason: `must be at most 24 hours ahead (no later than ${new Date(now + MAX_AHEAD_MS).toISOString()}), got ${expiration}` }];
  }
  return [];
}

/** The whole configuration: PUT replaces it, so undeclared overrides are cleared; exactly the timing field declared. */
function requestBody(inputs: Bag): ClientLogConfiguration {
  const body: Bag = { rootLevel: inputs.rootLevel, logLevels: inputs.logLevels ?? {} };
  if (declared(inputs.durationMinutes)) body.durationMinutes = inputs.durationMinutes;
  else if (declared(inputs.expiration)) body.expiration = inputs.expiration;
  return body as unknown as ClientLogConfiguration;
}

/**
 * The inputs as the service holds them now. Levels are the live ones (the live map whole: one logger added out of
 * band is drift). The timing field stays as declared: the service's own timing fields describe the same window, and
 * time passing is no drift.
 */
function owned(clusterId: string, live: ClientLogConfiguration, inputs: Bag): Bag {
  const levels = live.logLevels ?? {};
  return plain({
    clusterId,
    rootLevel: live.rootLevel,
    logLevels: declared(inputs.logLevels) || Object.keys(levels).length > 0 ? levels : undefined,
    // Given only the id (the engine's import): the live duration, as a program declaring this configuration would.
    durationMinutes: inputs.durationMinutes ?? (exists(inputs) ? undefined : (live.durationMinutes ?? undefined)),
    expiration: inputs.expiration ?? undefined,
  });
}

/**
 * The outputs: the service's values of what the program leaves out, except the timing field it did not choose (the
 * service's copy describes the same window, which is `expiresAt`).
 */
function outputs(clusterId: string, live: ClientLogConfiguration, inputs: Bag, expiresAt: unknown): Bag {
  const service: Bag = { ...live };
  if (declared(inputs.durationMinutes)) delete service.expiration;
  if (declared(inputs.expiration)) delete service.durationMinutes;
  return withEveryOutput(schema, {
    ...buildOutputs(schema, service, inputs, owned(clusterId, live, inputs)),
    ...(dateTime(expiresAt) ? { expiresAt } : {}),
  });
}

/** One PUT of the declared configuration; a missing cluster is named as the `clusterId` problem it is. */
async function put(clusterId: string, inputs: Bag): Promise<Bag> {
  const body = requestBody(inputs);
  const sentAt = Date.now();
  let answer: ClientLogConfiguration;
  try {
    answer = await isc().managedClusters.putLogConfig(clusterId, body);
  } catch (error) {
    if (error instanceof IscApiError && error.notFound) throw new Error(`clusterId: managed cluster "${clusterId}" does not exist`);
    throw error;
  }
  const live = isPlainObject(answer) ? answer : body;
  const minutes = live.durationMinutes ?? body.durationMinutes ?? DEFAULT_MINUTES;
  const expiresAt = dateTime(live.expiration) ? live.expiration : (body.expiration ?? new Date(sentAt + minutes * 60_000).toISOString());
  return outputs(clusterId, live, inputs, expiresAt);
}

export const clusterLogConfig: dynamic.ResourceProvider = {
  async check(olds, news) {
    const { inputs, failures } = checkInputs(schema, olds, news);
    // The resource's id is the cluster's id, and Pulumi never encrypts an id.
    const secretId = secretIdProblems(secretPathsIn(schema, inputs[SECRET_INPUTS]) ?? [], ["clusterId"]);
    return { inputs, failures: [...failures, ...timingProblems(olds, inputs), ...secretId] };
  },

  async diff(id, olds, news) {
    markSeen(schema.type, id);
    const { changes, replaces, deleteBeforeReplace } = diffInputs(schema, olds, news);
    return { changes, replaces, deleteBeforeReplace };
  },

  async create(inputs) {
    const clusterId = String(inputs.clusterId);
    const outs = await put(clusterId, inputs);
    // The cluster's one configuration is now this resource's: an old copy's delete in this deployment must leave it.
    claimTakenOver(schema.type, clusterId);
    return { id: clusterId, outs };
  },

  async read(id, props) {
    markSeen(schema.type, id);
    const live = await unlessGone(() => orUndefinedOn404(() => isc().managedClusters.getLogConfig(id)));
    // Without an absolute end from the service, the one computed when this resource last PUT it.
    const expiresAt = dateTime(live?.expiration) ? live.expiration : props.expiresAt;
    if (!live || (dateTime(expiresAt) && Date.parse(expiresAt) <= Date.now())) return { id: "", props: {} };
    const declared = declaredOf(props);
    return { id, props: outputs(id, live, declared, expiresAt), inputs: owned(id, live, declared) };
  },

  async update(id, olds, news) {
    // Nothing the service holds changes (only which values are secret): no PUT, which would restart the window.
    if (!diffInputs(schema, olds, news).changes) return { outs: { ...olds } };
    return { outs: await put(id, news) };
  },

  async delete(id) {
    if (takenOverHere(schema.type, id)) return;
    await orUndefinedOn404(() => isc().managedClusters.putLogConfig(id, plain(NEUTRAL)));
  },
};

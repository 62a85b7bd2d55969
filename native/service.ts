/**
 * The `pulumirpc.ResourceProvider` service: the protocol translated to the same check, diff, create, read, update and
 * delete the dynamic-provider host calls (provider/index.ts `resource(kind)`), and the core's lookups. No resource
 * logic here: values are unwrapped (secrets) on the way in and marked on the way out, by the core's rule
 * (provider/engine/secrets.ts); everything else is the core's.
 */
import type * as grpcJs from "@grpc/grpc-js";
import { resource, type ResourceKind } from "../provider";
import { SETTING_NAMES, resolveSettings } from "../provider/config";
import { configureFrom, isc } from "../provider/context";
import { detailedChanges } from "../provider/engine/detailed-diff";
import { OWNER_INPUT } from "../provider/engine/owner";
import type { ResourceSchema } from "../provider/engine/schema";
import { SECRET_INPUTS, secretOutputPaths, wrapAt, type SecretPath } from "../provider/engine/secrets";
import { containsUnknown, plain, type Problem } from "../provider/engine/values";
import { registerSensitive } from "../provider/http/redact";
import { LOOKUPS, lookupArgumentProblems } from "../provider/lookups";
import { isWrappedSecret, unwrapSecrets, wrapSecret } from "../provider/secret-wire";
import { toServiceError } from "./errors";
import { SCHEMAS, kindOfToken, typeOfUrn } from "./kinds";
import { Empty, Struct, plugin, provider as pb, type Struct as StructMessage } from "./protocol";
import { argumentSource, isDefaultProvider, settingsEnv } from "./settings";
import { packageVersion } from "./version";

type Bag = Record<string, unknown>;
type Handler = (call: grpcJs.ServerUnaryCall<never, unknown>, callback: grpcJs.sendUnaryData<unknown>) => void;

function bagOf(struct: StructMessage | undefined): Bag {
  return (struct?.toJavaScript() as Bag | undefined) ?? {};
}

function structOf(bag: Bag): StructMessage {
  return Struct.fromJavaScript(plain(bag) as never);
}

/** The plain values of a request's properties, and the secret input paths among them (see provider/engine/secrets.ts). */
function unwrapped(schema: ResourceSchema, struct: StructMessage | undefined): { plain: Bag; paths: SecretPath[] } {
  const { plain: values, paths } = unwrapSecrets(schema, bagOf(struct));
  for (const [field, key] of paths) {
    const value = key === undefined ? values[field] : (values[field] as Bag | undefined)?.[key];
    if (typeof value === "string") registerSensitive(value);
  }
  return { plain: values, paths };
}

/** Outputs as the engine must store them: the values derived from secret inputs, and the schema's secret outputs. */
function markedOutputs(schema: ResourceSchema, outs: Bag, inputPaths: readonly SecretPath[]): Bag {
  const paths: SecretPath[] = [...secretOutputPaths(schema, inputPaths), ...(schema.secretOutputs ?? []).map((name): SecretPath => [name])];
  return wrapAt(plain(outs), paths, secretOnce);
}

function markedInputs(inputs: Bag, paths: readonly SecretPath[]): Bag {
  return wrapAt(plain(inputs), paths, secretOnce);
}

/** A value in the secret wire form; one the core already returned in it (the dynamic door's rule) is left as it is. */
function secretOnce(value: unknown): unknown {
  return isWrappedSecret(value) ? value : wrapSecret(value);
}

function kindOf(urn: string, type?: string): ResourceKind {
  const token = type || typeOfUrn(urn);
  const kind = kindOfToken(token);
  if (!kind) throw new Error(`sailpoint: unknown resource type "${token}"`);
  return kind;
}

function failures(problems: Problem[]): InstanceType<typeof pb.CheckFailure>[] {
  return problems.map((p) => {
    const failure = new pb.CheckFailure();
    failure.setProperty(p.property);
    failure.setReason(p.reason);
    return failure;
  });
}

/** The engine's ignoreChanges paths honoured by diff: a field, or one key of a map field (`a.b`, `a["b"]`). */
function withIgnored(olds: Bag, news: Bag, paths: string[]): Bag {
  const out: Bag = { ...news };
  for (const path of paths) {
    const match = /^(\w+)(?:\.(\w+)|\["((?:[^"\\]|\\")*)"\])?$/.exec(path);
    if (!match) continue;
    const [, field, dotted, quoted] = match;
    const key = dotted ?? quoted?.replace(/\\"/g, '"');
    if (key === undefined) out[field] = olds[field];
    else {
      const map = { ...((out[field] as Bag | undefined) ?? {}) };
      const old = (olds[field] as Bag | undefined)?.[key];
      if (old === undefined) delete map[key];
      else map[key] = old;
      out[field] = map;
    }
  }
  return out;
}

const KINDS = {
  add: pb.PropertyDiff.Kind.ADD,
  delete: pb.PropertyDiff.Kind.DELETE,
  update: pb.PropertyDiff.Kind.UPDATE,
};
const REPLACING = {
  add: pb.PropertyDiff.Kind.ADD_REPLACE,
  delete: pb.PropertyDiff.Kind.DELETE_REPLACE,
  update: pb.PropertyDiff.Kind.UPDATE_REPLACE,
};

/** Serves one handler: its answer, or its error as the engine takes it (partial failures with their properties). */
function unary<Req>(work: (request: Req) => Promise<unknown>, properties?: (request: Req) => (bag: Bag) => Bag): Handler {
  return (call, callback) => {
    const request = call.request as Req;
    work(request).then(
      (response) => callback(null, response),
      (error: unknown) => {
        const failure = toServiceError(error, properties?.(request));
        callback(failure, null, failure.metadata);
      },
    );
  };
}

export function providerImplementation(): Record<string, Handler> {
  return {
    getPluginInfo: unary(async () => new plugin.PluginInfo().setVersion(packageVersion())),

    getSchema: unary(async () => {
      // Loaded when asked for (the engine asks only to generate code or resolve types), not at every start.
      // Not "./schema": that resolves to schema.json (Node, tsx, esbuild).
      const { packageSchema } = require("./schema/index") as typeof import("./schema/index");
      return new pb.GetSchemaResponse().setSchema(JSON.stringify(packageSchema({ version: packageVersion() })));
    }),

    checkConfig: unary(async (req: InstanceType<typeof pb.CheckRequest>) => {
      const response = new pb.CheckResponse().setInputs(req.getNews());
      const news = bagOf(req.getNews());
      if (containsUnknown(news)) return response;
      const source = argumentSource(news);
      try {
        resolveSettings(source, settingsEnv(source, isDefaultProvider(req.getName())));
      } catch (error) {
        return response.setFailuresList(failures([{ property: "", reason: (error as Error).message }]));
      }
      return response;
    }),

    diffConfig: unary(async (req: InstanceType<typeof pb.DiffRequest>) => {
      const olds = unwrapSecrets(SETTINGS_SCHEMA, bagOf(req.getOlds())).plain;
      const news = unwrapSecrets(SETTINGS_SCHEMA, bagOf(req.getNews())).plain;
      const changed = SETTING_KEYS.filter((key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null));
      // A new tenant or credential never replaces the resources: they are updated through the new settings.
      return new pb.DiffResponse().setChanges(changed.length > 0 ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE).setDiffsList(changed);
    }),

    configure: unary(async (req: InstanceType<typeof pb.ConfigureRequest>) => {
      const variables = new Map(req.getVariablesMap().toArray());
      const source = argumentSource(bagOf(req.getArgs()), variables);
      configureFrom(source, settingsEnv(source, isDefaultProvider(req.getName())));
      return new pb.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false).setAcceptresources(false);
    }),

    check: unary(async (req: InstanceType<typeof pb.CheckRequest>) => {
      const kind = kindOf(req.getUrn(), req.getType());
      const schema = SCHEMAS[kind];
      const news = unwrapped(schema, req.getNews());
      const olds = unwrapped(schema, req.getOlds()).plain;
      // The core's check learns the secret paths as the dynamic door tells it (an input that becomes the id must not be
      // secret); the list itself is not kept: the engine stores the secrets as secrets.
      const result = await resource(kind).check!(olds, news.paths.length > 0 ? { ...news.plain, [SECRET_INPUTS]: news.paths } : news.plain);
      const { [SECRET_INPUTS]: _paths, ...inputs } = (result.inputs ?? {}) as Bag;
      return new pb.CheckResponse().setInputs(structOf(markedInputs(inputs, news.paths))).setFailuresList(failures(result.failures ?? []));
    }),

    diff: unary(async (req: InstanceType<typeof pb.DiffRequest>) => {
      const kind = kindOf(req.getUrn(), req.getType());
      const schema = SCHEMAS[kind];
      const olds = unwrapped(schema, req.getOlds()).plain;
      // The dynamic door's list of secret inputs, in a state it wrote: the engine keeps those secrets itself here.
      delete olds[SECRET_INPUTS];
      const news = withIgnored(olds, unwrapped(schema, req.getNews()).plain, req.getIgnorechangesList());
      const result = await resource(kind).diff!(req.getId(), olds, news);
      const response = new pb.DiffResponse()
        .setChanges(result.changes ? pb.DiffResponse.DiffChanges.DIFF_SOME : pb.DiffResponse.DiffChanges.DIFF_NONE)
        .setReplacesList(result.replaces ?? [])
        .setDeletebeforereplace(result.deleteBeforeReplace === true);
      if (!result.changes) return response;
      const changes = detailedChanges(schema, olds, news);
      response.setDiffsList([...new Set(changes.map((c) => /^\w+/.exec(c.path)![0]))]).setHasdetaileddiff(changes.length > 0);
      const detailed = response.getDetaileddiffMap();
      for (const change of changes) {
        detailed.set(change.path, new pb.PropertyDiff().setKind((change.replaces ? REPLACING : KINDS)[change.kind]).setInputdiff(false));
      }
      return response;
    }),

    create: unary(
      async (req: InstanceType<typeof pb.CreateRequest>) => {
        const kind = kindOf(req.getUrn(), req.getType());
        const schema = SCHEMAS[kind];
        const inputs = unwrapped(schema, req.getProperties());
        // The resource's URN scopes the create journal (provider/engine/owner.ts): a killed run's create is found again.
        const { id, outs } = await resource(kind).create!({ ...inputs.plain, [OWNER_INPUT]: req.getUrn() });
        return new pb.CreateResponse().setId(id).setProperties(structOf(markedOutputs(schema, outs as Bag, inputs.paths)));
      },
      (req) => (bag) => {
        const schema = SCHEMAS[kindOf(req.getUrn(), req.getType())];
        return markedOutputs(schema, bag, unwrapped(schema, req.getProperties()).paths);
      },
    ),

    read: unary(async (req: InstanceType<typeof pb.ReadRequest>) => {
      const kind = kindOf(req.getUrn(), req.getType());
      const schema = SCHEMAS[kind];
      const props = unwrapped(schema, req.getProperties());
      const inputs = unwrapped(schema, req.getInputs());
      const paths = [...inputs.paths, ...props.paths];
      const result = await resource(kind).read!(req.getId(), props.plain);
      const response = new pb.ReadResponse().setId(result.id ?? "");
      if (!result.id) return response;
      response.setProperties(structOf(markedOutputs(schema, (result.props ?? {}) as Bag, paths)));
      if (result.inputs) response.setInputs(structOf(markedInputs(result.inputs as Bag, paths)));
      return response;
    }),

    update: unary(
      async (req: InstanceType<typeof pb.UpdateRequest>) => {
        const kind = kindOf(req.getUrn(), req.getType());
        const schema = SCHEMAS[kind];
        const olds = unwrapped(schema, req.getOlds()).plain;
        const news = unwrapped(schema, req.getNews());
        const { outs } = await resource(kind).update!(req.getId(), olds, news.plain);
        return new pb.UpdateResponse().setProperties(structOf(markedOutputs(schema, (outs ?? {}) as Bag, news.paths)));
      },
      (req) => (bag) => {
        const schema = SCHEMAS[kindOf(req.getUrn(), req.getType())];
        return markedOutputs(schema, bag, unwrapped(schema, req.getNews()).paths);
      },
    ),

    delete: unary(async (req: InstanceType<typeof pb.DeleteRequest>) => {
      const kind = kindOf(req.getUrn(), req.getType());
      await resource(kind).delete!(req.getId(), unwrapped(SCHEMAS[kind], req.getProperties()).plain);
      return new Empty();
    }),

    invoke: unary(async (req: InstanceType<typeof pb.InvokeRequest>) => {
      const name = /^sailpoint:index:(\w+)$/.exec(req.getTok())?.[1] ?? req.getTok();
      const args = unwrapSecrets(SETTINGS_SCHEMA, bagOf(req.getArgs())).plain;
      const problems = lookupArgumentProblems(name, args);
      if (problems.length > 0) return new pb.InvokeResponse().setFailuresList(failures(problems));
      const lookup = LOOKUPS[name];
      const answer = await lookup.run(isc(), args);
      return new pb.InvokeResponse().setReturn(structOf(lookup.returns === "list" ? { items: answer } : (answer as Bag)));
    }),

    cancel: unary(async () => new Empty()),
    // Every other method (Handshake included) is answered UNIMPLEMENTED by grpc-js: the engine then falls back.
  };
}

/** A table with no fields: unwraps every property whole (provider settings, lookup arguments). */
const SETTINGS_SCHEMA: ResourceSchema = { type: "settings", fields: [], serviceOutputs: {} };
/** The provider's settings as its arguments name them (`baseUrl`, ...). */
const SETTING_KEYS = Object.values(SETTING_NAMES).map((s) => s.key.replace(/^sailpoint:/, ""));

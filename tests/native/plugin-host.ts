/**
 * The engine's side of the protocol for the native plugin: spawns `native/main.ts` the way the engine starts
 * `pulumi-resource-sailpoint` (argv ending in the engine's address; the port on the first stdout line) and calls it
 * over gRPC with the engine's request shapes (settings keyed without the package, secrets wrapped).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { ServiceError } from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { grpc } from "../harness/pulumi-deps";
import { decodeInitFailure, fromStruct, toStruct, type InitFailure } from "../harness/structs";
import type { Bag } from "../harness/wire";

export { UNKNOWN, wrapSecret, isWrappedSecret, type Bag } from "../harness/wire";

const MAIN = path.resolve(__dirname, "..", "..", "native", "main.ts");

export function urn(kind: string, name: string): string {
  return `urn:pulumi:test::native-test::sailpoint:index:${kind}::${name}`;
}

export class PluginError extends Error {
  constructor(
    readonly code: number,
    readonly details: string,
    readonly initFailure?: InitFailure,
  ) {
    super(details);
  }
}

const children = new Set<ChildProcess>();
process.once("exit", () => children.forEach((child) => child.kill("SIGKILL")));

export interface Failure {
  property: string;
  reason: string;
}

export class PluginHost {
  stdout = "";
  stderr = "";
  private client!: ResourceProviderClient;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on("data", (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Starts the plugin with `env` (the caller's SAIL_* variables are never inherited) and connects to it. */
  static async start(env: Record<string, string> = {}): Promise<PluginHost> {
    const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("SAIL_")));
    const child = spawn(process.execPath, ["--require", require.resolve("tsx/cjs"), MAIN, "127.0.0.1:1"], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    const host = new PluginHost(child);
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the plugin printed no port within 30 s")), 30_000);
      child.stdout!.on("data", () => {
        if (!host.stdout.includes("\n")) return;
        clearTimeout(timer);
        const line = host.stdout.split("\n")[0];
        if (/^\d+$/.test(line)) resolve(Number(line));
        else reject(new Error(`the plugin printed ${JSON.stringify(line)} before its port`));
      });
      child.once("exit", (code) => reject(new Error(`the plugin exited with ${code}`)));
    });
    host.client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return host;
  }

  async stop(): Promise<void> {
    this.client?.close();
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
    children.delete(this.child);
  }

  call<Res>(method: string, request: unknown): Promise<Res> {
    const client = this.client as unknown as Record<string, (...args: unknown[]) => unknown>;
    return new Promise((resolve, reject) => {
      client[method].call(this.client, request, new grpc.Metadata(), { deadline: Date.now() + 60_000 }, (error: ServiceError | null, reply: Res) => {
        if (error) reject(new PluginError(error.code, error.details, decodeInitFailure(error)));
        else resolve(reply);
      });
    });
  }

  /** Configure as the engine sends it: `args` keyed without the package, secrets wrapped; `name` the provider's. */
  async configure(args: Bag, name = "default"): Promise<pb.ConfigureResponse> {
    const req = new pb.ConfigureRequest().setArgs(toStruct(args)).setAcceptsecrets(true).setAcceptresources(true);
    req.setName(name);
    req.setType("pulumi:providers:sailpoint");
    return this.call("configure", req);
  }

  async checkConfig(news: Bag, name = "default"): Promise<Failure[]> {
    const req = new pb.CheckRequest().setUrn(`urn:pulumi:test::native-test::pulumi:providers:sailpoint::${name}`).setNews(toStruct(news)).setOlds(toStruct({}));
    req.setName(name);
    const reply = await this.call<pb.CheckResponse>("checkConfig", req);
    return reply.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
  }

  async check(resource: string, olds: Bag, news: Bag): Promise<{ inputs: Bag; failures: Failure[] }> {
    const req = new pb.CheckRequest().setUrn(resource).setOlds(toStruct(olds)).setNews(toStruct(news));
    const reply = await this.call<pb.CheckResponse>("check", req);
    return { inputs: fromStruct(reply.getInputs()), failures: reply.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  }

  async diff(resource: string, id: string, olds: Bag, news: Bag, ignoreChanges: string[] = []): Promise<pb.DiffResponse.AsObject> {
    const req = new pb.DiffRequest().setUrn(resource).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news)).setIgnorechangesList(ignoreChanges);
    return (await this.call<pb.DiffResponse>("diff", req)).toObject();
  }

  async create(resource: string, properties: Bag): Promise<{ id: string; properties: Bag }> {
    const reply = await this.call<pb.CreateResponse>("create", new pb.CreateRequest().setUrn(resource).setProperties(toStruct(properties)));
    return { id: reply.getId(), properties: fromStruct(reply.getProperties()) };
  }

  async read(resource: string, id: string, properties: Bag = {}, inputs?: Bag): Promise<{ id: string; properties: Bag; inputs?: Bag }> {
    const req = new pb.ReadRequest().setUrn(resource).setId(id).setProperties(toStruct(properties));
    if (inputs) req.setInputs(toStruct(inputs));
    const reply = await this.call<pb.ReadResponse>("read", req);
    return { id: reply.getId(), properties: fromStruct(reply.getProperties()), inputs: reply.hasInputs() ? fromStruct(reply.getInputs()) : undefined };
  }

  async update(resource: string, id: string, olds: Bag, news: Bag): Promise<Bag> {
    const reply = await this.call<pb.UpdateResponse>("update", new pb.UpdateRequest().setUrn(resource).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news)));
    return fromStruct(reply.getProperties());
  }

  async delete(resource: string, id: string, properties: Bag): Promise<void> {
    await this.call("delete", new pb.DeleteRequest().setUrn(resource).setId(id).setProperties(toStruct(properties)));
  }

  async invoke(name: string, args: Bag): Promise<{ result: Bag; failures: Failure[] }> {
    const reply = await this.call<pb.InvokeResponse>("invoke", new pb.InvokeRequest().setTok(`sailpoint:index:${name}`).setArgs(toStruct(args)));
    return { result: fromStruct(reply.getReturn()), failures: reply.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  }
}

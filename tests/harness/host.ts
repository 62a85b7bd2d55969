/**
 * The engine side of the protocol: spawns the real dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) the way
 * the Pulumi engine does (argv: one engine address; cwd: the project directory; the port on its first stdout line) and
 * talks to it over gRPC with the engine's request shapes (fully-qualified configuration keys, secrets wrapped).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ServiceError } from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { providerText } from "./provider-text";
import { grpc } from "./pulumi-deps";
import { decodeInitFailure, fromStruct, toStruct, type InitFailure } from "./structs";
import { kindOf, PACKAGE_NAME, PROVIDER_KEY, wrapSecret, type Bag } from "./wire";

export { typeFor, urnFor, UNKNOWN, type Kind } from "./wire";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const DEFAULT_DEADLINE_MS = 60_000;
const DEFAULT_PROJECT = "sailpoint-test";

export interface HostOptions {
  /** Existing directory to run the host in (the "project root"); `pulumi-sailpoint-isc` must resolve from it. */
  cwd?: string;
  /** Package directory the temp project's `node_modules/pulumi-sailpoint-isc` links to; default: this repo. */
  packageDir?: string;
  /** PULUMI_NODEJS_PROJECT; default "sailpoint-test". */
  project?: string;
  /** Extra environment (undefined deletes). The caller's SAIL_* variables are never inherited. */
  env?: Record<string, string | undefined>;
  /** gRPC deadline per call; default 60 s. */
  deadlineMs?: number;
  /** Add `providerText(kind)` (kind taken from the URN) to bags that lack `__provider`; default true. */
  injectProvider?: boolean;
}

export type ConfigValue = string | { secret: string };

export interface ConfigureReply {
  acceptSecrets: boolean;
  supportsPreview: boolean;
  acceptResources: boolean;
  acceptOutputs: boolean;
}

export interface CheckResult {
  inputs: Bag;
  failures: { property: string; reason: string }[];
}

export interface DiffResult {
  changes: "unknown" | "none" | "some";
  replaces: string[];
  deleteBeforeReplace: boolean;
  raw: providerProto.DiffResponse.AsObject;
}

/** A failed host call: the gRPC status code, the provider's message (`details`), and any partial-failure payload. */
export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    readonly method: string,
    readonly code: number,
    readonly details: string,
    readonly initFailure?: InitFailure,
  ) {
    super(details);
  }
}

function without(env: NodeJS.ProcessEnv, prefix: string): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith(prefix)));
}

/** Hosts not yet stopped; a child must never outlive the test process (mocha's --exit calls process.exit). */
const running = new Set<ProviderHost>();
const children = new Set<ChildProcess>();
process.once("exit", () => children.forEach((child) => child.kill("SIGKILL")));

export class ProviderHost {
  private out = "";
  private err = "";
  private exited: Promise<void>;
  private client?: ResourceProviderClient;
  private lastConfig?: Record<string, ConfigValue>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly tempDir: string | undefined,
    private readonly options: HostOptions,
    readonly cwd: string,
    parent?: ProviderHost,
  ) {
    child.stdout!.on("data", (chunk: Buffer) => (this.out += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => {
      this.err += chunk.toString();
      if (parent) parent.err += chunk.toString();
    });
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    running.add(this);
    children.add(child);
    child.once("exit", () => children.delete(child));
  }

  /** Starts a host and connects to it. */
  static async start(options: HostOptions = {}, parent?: ProviderHost): Promise<ProviderHost> {
    let tempDir: string | undefined;
    let cwd = options.cwd;
    if (!cwd) {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-host-"));
      fs.mkdirSync(path.join(tempDir, "node_modules"));
      fs.symlinkSync(path.resolve(options.packageDir ?? REPO_ROOT), path.join(tempDir, "node_modules", PACKAGE_NAME), "dir");
      cwd = tempDir;
    }
    // The engine's launcher resolves the host from the project's node_modules; fall back to ours.
    let hostScript: string;
    try {
      hostScript = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [cwd] });
    } catch {
      hostScript = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
    }
    // The create journal in the project directory (a temp one is removed with the host), not the machine's.
    const journal = path.join(cwd, ".pending-creates");
    const env: Record<string, string | undefined> = { ...without(process.env, "SAIL_"), PULUMI_NODEJS_PROJECT: options.project ?? DEFAULT_PROJECT, SAIL_PENDING_CREATES_DIR: journal, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [hostScript, "127.0.0.1:1"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const host = new ProviderHost(child, tempDir, options, cwd, parent);
    try {
      const port = await host.port();
      host.client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
      return host;
    } catch (error) {
      await host.stop();
      throw error;
    }
  }

  /** Stops every host still running (for an `after`/`afterEach` hook). */
  static async stopAll(): Promise<void> {
    await Promise.all([...running].map((host) => host.stop()));
  }

  private port(): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error("timed out waiting for the port")), 30_000);
      const fail = (error: Error) => {
        cleanup();
        reject(new Error(`dynamic-provider host did not start: ${error.message}\n${this.err}`));
      };
      const onData = () => {
        const line = this.out.split("\n")[0];
        if (this.out.includes("\n")) {
          cleanup();
          if (/^\d+$/.test(line.trim())) resolve(Number(line.trim()));
          else reject(new Error(`dynamic-provider host printed "${line}" instead of a port\n${this.err}`));
        }
      };
      const onExit = (code: number | null) => fail(new Error(`exited with code ${code}`));
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout!.off("data", onData);
        this.child.off("exit", onExit);
      };
      this.child.stdout!.on("data", onData);
      this.child.once("exit", onExit);
      onData();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stdout(): string {
    return this.out;
  }

  stderr(): string {
    return this.err;
  }

  /** Closes the client, SIGTERMs the host (SIGKILL after 5 s), waits for it to exit and removes the temp dir. */
  async stop(): Promise<void> {
    running.delete(this);
    this.client?.close();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
    if (this.tempDir) fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  private unary<Req, Res>(method: string, request: Req): Promise<Res> {
    const client = this.client as unknown as Record<string, (...args: unknown[]) => unknown>;
    const deadline = Date.now() + (this.options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    return new Promise((resolve, reject) => {
      client[method].call(this.client, request, new grpc.Metadata(), { deadline }, (error: ServiceError | null, reply: Res) => {
        if (error) reject(new HostError(method, error.code, error.details, decodeInitFailure(error)));
        else resolve(reply);
      });
    });
  }

  /** Fills in `__provider` from our resource class when the bag lacks it (and injection is on). */
  async withProvider(urn: string, bag: Bag): Promise<Bag> {
    if (bag[PROVIDER_KEY] !== undefined || this.options.injectProvider === false) return bag;
    const kind = kindOf(urn);
    if (!kind) throw new Error(`cannot add __provider: ${urn} is not one of our resource types`);
    return { ...bag, [PROVIDER_KEY]: await providerText(kind) };
  }

  /**
   * A new host process like this one (same directory, environment and configuration), as the engine starts one for
   * every deployment: what one deployment's provider process remembers never reaches the next. It sends the bags it
   * is given exactly (no `__provider` added), and its stderr is added to this host's.
   */
  async sibling(): Promise<ProviderHost> {
    const host = await ProviderHost.start({ ...this.options, cwd: this.cwd, injectProvider: false }, this);
    if (this.lastConfig) await host.configure(this.lastConfig);
    return host;
  }

  /** Configure as the engine sends it: fully-qualified keys, secure values wrapped, args always present. */
  async configure(config: Record<string, ConfigValue>): Promise<ConfigureReply> {
    this.lastConfig = config;
    const args: Bag = {};
    for (const [key, value] of Object.entries(config)) args[key] = typeof value === "string" ? value : wrapSecret(value.secret);
    const req = new providerProto.ConfigureRequest();
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setType("pulumi:providers:pulumi-nodejs");
    req.setName("default");
    const reply = await this.unary<providerProto.ConfigureRequest, providerProto.ConfigureResponse>("configure", req);
    return {
      acceptSecrets: reply.getAcceptsecrets(),
      supportsPreview: reply.getSupportspreview(),
      acceptResources: reply.getAcceptresources(),
      acceptOutputs: reply.getAcceptoutputs(),
    };
  }

  async check(urn: string, olds: Bag, news: Bag): Promise<CheckResult> {
    const req = new providerProto.CheckRequest();
    req.setUrn(urn);
    req.setType(urn.split("::")[2] ?? "");
    req.setName(urn.split("::")[3] ?? "");
    // A create has empty olds, without __provider; the host falls back to olds only when news' is unknown.
    req.setOlds(toStruct(Object.keys(olds).length ? await this.withProvider(urn, olds) : {}));
    req.setNews(toStruct(await this.withProvider(urn, news)));
    const reply = await this.unary<providerProto.CheckRequest, providerProto.CheckResponse>("check", req);
    return {
      inputs: fromStruct(reply.getInputs()),
      failures: reply.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(urn: string, id: string, olds: Bag, news: Bag): Promise<DiffResult> {
    const req = new providerProto.DiffRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(toStruct(await this.withProvider(urn, olds)));
    req.setNews(toStruct(await this.withProvider(urn, news)));
    const reply = await this.unary<providerProto.DiffRequest, providerProto.DiffResponse>("diff", req);
    const Changes = providerProto.DiffResponse.DiffChanges;
    const changes = reply.getChanges() === Changes.DIFF_SOME ? "some" : reply.getChanges() === Changes.DIFF_NONE ? "none" : "unknown";
    return { changes, replaces: reply.getReplacesList(), deleteBeforeReplace: reply.getDeletebeforereplace(), raw: reply.toObject() };
  }

  async create(urn: string, properties: Bag, preview = false): Promise<{ id: string; properties: Bag }> {
    const req = new providerProto.CreateRequest();
    req.setUrn(urn);
    req.setProperties(toStruct(await this.withProvider(urn, properties)));
    req.setPreview(preview);
    const reply = await this.unary<providerProto.CreateRequest, providerProto.CreateResponse>("create", req);
    return { id: reply.getId(), properties: fromStruct(reply.getProperties()) };
  }

  /** `inputs` in the result is undefined when the provider returned none. An empty id means the resource is gone. */
  async read(urn: string, id: string, properties: Bag, inputs?: Bag): Promise<{ id: string; properties: Bag; inputs?: Bag }> {
    const req = new providerProto.ReadRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(toStruct(await this.withProvider(urn, properties)));
    if (inputs) req.setInputs(toStruct(await this.withProvider(urn, inputs)));
    const reply = await this.unary<providerProto.ReadRequest, providerProto.ReadResponse>("read", req);
    return { id: reply.getId(), properties: fromStruct(reply.getProperties()), inputs: reply.hasInputs() ? fromStruct(reply.getInputs()) : undefined };
  }

  async update(urn: string, id: string, olds: Bag, news: Bag): Promise<{ properties: Bag }> {
    const req = new providerProto.UpdateRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setOlds(toStruct(await this.withProvider(urn, olds)));
    req.setNews(toStruct(await this.withProvider(urn, news)));
    const reply = await this.unary<providerProto.UpdateRequest, providerProto.UpdateResponse>("update", req);
    return { properties: fromStruct(reply.getProperties()) };
  }

  async delete(urn: string, id: string, properties: Bag): Promise<void> {
    const req = new providerProto.DeleteRequest();
    req.setUrn(urn);
    req.setId(id);
    req.setProperties(toStruct(await this.withProvider(urn, properties)));
    await this.unary("delete", req);
  }
}


/** Stack config for an ISC endpoint (e.g. the emulator), with the client secret as secure config. */
export function sailpointConfig(target: { url: string; credentials: { clientId: string; clientSecret: string } }, extra: Record<string, ConfigValue> = {}): Record<string, ConfigValue> {
  return {
    "sailpoint:baseUrl": target.url,
    "sailpoint:clientId": target.credentials.clientId,
    "sailpoint:clientSecret": { secret: target.credentials.clientSecret },
    ...extra,
  };
}

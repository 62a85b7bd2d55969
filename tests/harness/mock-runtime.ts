/**
 * Runs Pulumi programs in this process under `pulumi.runtime.setMocks`. The Pulumi runtime is process-global, so runs
 * are serialized by a lock and the runtime is reset before and after each one.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { plainBag, type Bag } from "./wire";

interface Settings {
  getMonitor(): { registerResource(req: RegisterResourceRequest, callback: unknown): unknown } | undefined;
  waitForRPCs(): Promise<void>;
  disconnectSync(): void;
  _reset(): void;
}
// waitForRPCs, disconnectSync and _reset are internal (not in the .d.ts) but present in 3.248.0.
const settings = require("@pulumi/pulumi/runtime/settings") as Settings;

/** One RegisterResource call as the engine would receive it, with the inputs made plain. */
export interface RawRegistration {
  type: string;
  name: string;
  urn: string;
  custom: boolean;
  parent: string;
  /** Inputs with secrets unwrapped (and resource references replaced by id/URN). */
  inputs: Bag;
  /** Top-level input keys whose value was (or contained) a secret. */
  secretInputs: string[];
  /** The serialized inputs exactly as sent, secrets still wrapped. */
  rawInputs: Bag;
  additionalSecretOutputs: string[];
  deleteBeforeReplace: boolean;
  /** URNs this resource depends on (explicit dependsOn plus those behind its inputs). */
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  importId: string;
}

export interface MockRunOptions {
  project?: string;
  stack?: string;
  preview?: boolean;
  /** Stack configuration (`ns:key` → string) visible to `new pulumi.Config()` in the program. */
  config?: Record<string, string>;
  secretConfigKeys?: string[];
  /** Bound for the program and for settling its registrations; default 30 s. */
  timeoutMs?: number;
  /** Answers each registration (default: id `<name>-id`, outputs = inputs). Throwing fails that registration. */
  newResource?: (reg: RawRegistration) => Promise<{ id?: string; state: Bag }>;
}

export interface MockRun<T> {
  value: T;
  registrations: RawRegistration[];
  /** Unhandled rejections seen during the run, e.g. a `__provider` serialization failure. */
  rejections: unknown[];
}

let lock: Promise<unknown> = Promise.resolve();

function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = lock.then(fn, fn);
  lock = run.catch(() => undefined);
  return run;
}

/** Forgets the mock monitor, outstanding-RPC chain, stack resource, feature flags and config of any previous run. */
export function resetPulumiRuntime(): void {
  settings.disconnectSync();
  settings._reset();
  pulumi.runtime.setAllConfig({}, []);
}

function urnOf(req: RegisterResourceRequest, project: string, stack: string): string {
  let type = req.getType();
  const parent = req.getParent();
  if (parent) type = `${parent.split("::")[2].split("$").pop()}$${type}`;
  return `urn:pulumi:${stack}::${project}::${type}::${req.getName()}`;
}

function rawRegistration(req: RegisterResourceRequest, project: string, stack: string): RawRegistration {
  const rawInputs = (req.getObject()?.toJavaScript() ?? {}) as Bag;
  const { bag, secretKeys } = plainBag(rawInputs);
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => (propertyDependencies[key] = deps.getUrnsList()));
  return {
    type: req.getType(),
    name: req.getName(),
    urn: urnOf(req, project, stack),
    custom: req.getCustom(),
    parent: req.getParent(),
    inputs: bag,
    secretInputs: secretKeys,
    rawInputs,
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    deleteBeforeReplace: req.getDeletebeforereplace(),
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    importId: req.getImportid(),
  };
}

function message(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function timeout(ms: number, what: () => string): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what())), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * Waits until the program's registrations are all done: no newResource answer pending, the runtime's outstanding-RPC
 * chain (`waitForRPCs`) drained, and nothing new started across a few macrotask turns (registrations made inside
 * `apply` callbacks start only after the outputs they wait for resolve).
 */
async function settle(pending: Set<Promise<unknown>>, activity: () => number): Promise<void> {
  for (let quietTurns = 0; quietTurns < 3; ) {
    const before = activity();
    await settings.waitForRPCs();
    await Promise.allSettled([...pending]);
    await new Promise((resolve) => setImmediate(resolve));
    quietTurns = pending.size === 0 && activity() === before ? quietTurns + 1 : 0;
  }
}

export function runUnderMocks<T>(program: () => T | Promise<T>, options: MockRunOptions = {}): Promise<MockRun<Awaited<T>>> {
  return exclusive(async () => {
    const project = options.project ?? "sailpoint-test";
    const stack = options.stack ?? "test";
    const registrations: RawRegistration[] = [];
    const waiting = new Map<string, RawRegistration[]>();
    const pending = new Set<Promise<unknown>>();
    const rejections = new Set<unknown>();
    let events = 0;
    const onRejection = (reason: unknown) => void rejections.add(reason);
    const answer = options.newResource ?? (async (reg) => ({ id: `${reg.name}-id`, state: reg.inputs }));

    resetPulumiRuntime();
    if (options.config) pulumi.runtime.setAllConfig(options.config, options.secretConfigKeys ?? []);
    process.on("unhandledRejection", onRejection);
    const limit = options.timeoutMs ?? 30_000;
    const guard = timeout(limit, () => {
      const open = [...waiting.values()].flat().map((r) => r.urn);
      const problems = [...rejections].map(message);
      return `program did not finish within ${limit} ms` +
        (open.length ? `; registrations still waiting: ${open.join(", ")}` : "") +
        (problems.length ? `; unhandled rejections: ${problems.join(" | ")}` : "");
    });
    try {
      await pulumi.runtime.setMocks(
        {
          newResource: async (args) => {
            const key = `${args.type}::${args.name}`;
            const reg = waiting.get(key)?.shift();
            if (!reg) throw new Error(`harness: no raw registration recorded for ${key}`);
            const work = answer(reg);
            pending.add(work);
            events++;
            try {
              const { id, state } = await work;
              return { id: id || undefined, state };
            } finally {
              pending.delete(work);
              events++;
            }
          },
          call: async (args) => args.inputs,
        },
        project,
        stack,
        options.preview ?? false,
      );
      const monitor = settings.getMonitor()!;
      const register = monitor.registerResource.bind(monitor);
      monitor.registerResource = (req, callback) => {
        const reg = rawRegistration(req, project, stack);
        registrations.push(reg);
        const key = `${reg.type}::${reg.name}`;
        waiting.set(key, [...(waiting.get(key) ?? []), reg]);
        events++;
        return register(req, callback);
      };
      const value = await Promise.race([Promise.resolve().then(program), guard.promise]);
      await Promise.race([settle(pending, () => events + registrations.length), guard.promise]);
      return { value, registrations, rejections: [...rejections] };
    } finally {
      guard.cancel();
      process.off("unhandledRejection", onRejection);
      resetPulumiRuntime();
    }
  });
}

/** The value behind an Output (or plain value), whether it is secret, and whether it is known (preview). */
export async function resolveOutput(value: unknown): Promise<{ value: unknown; secret: boolean; known: boolean }> {
  const output = pulumi.output(value) as unknown as {
    promise(withUnknowns?: boolean): Promise<unknown>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
  };
  const [resolved, known, secret] = await Promise.all([output.promise(), output.isKnown, output.isSecret]);
  return { value: resolved, secret, known };
}

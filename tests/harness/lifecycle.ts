/**
 * An in-memory engine: plays a Pulumi program's resources through the real provider host the way `pulumi up`,
 * `preview`, `refresh` and `destroy` do (Check then Create or Diff and Update; Read then Diff on refresh; partial
 * failures kept with their init errors; a fresh provider process per operation), so programs run end to end without
 * the CLI. tests/cli checks the same things through the real CLI.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { HostError, type ProviderHost } from "./host";
import { resolveOutput, runUnderMocks, type RawRegistration } from "./mock-runtime";
import { kindOf, sameJson, type Bag, type Kind } from "./wire";

export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh-changed" | "refresh-gone";

export interface Step {
  urn: string;
  name: string;
  op: StepOp;
  /** Input keys that differ: the program against the state (create/update/replace/same), or what a refresh read. */
  changes?: string[];
}

export interface StackOutput {
  value: unknown;
  /** Secret because it came from a secret input, an `additionalSecretOutputs` key or `pulumi.secret`. */
  secret: boolean;
  /** False for values unknown during preview. */
  known: boolean;
}

export interface OperationResult {
  steps: Step[];
  errors: string[];
  /** The program's exports (module programs) or returned object (function programs), resolved. */
  outputs: Record<string, StackOutput>;
}

export interface StateEntry {
  /** Our kind, or the last segment of another dynamic resource's type token. */
  kind: Kind | string;
  type: string;
  name: string;
  id: string;
  inputs: Bag;
  outputs: Bag;
  /** Set after a partial create/update failure; the next `up` updates the resource even when Diff reports none. */
  initErrors?: boolean;
  dependencies: string[];
  secretInputs: string[];
  additionalSecretOutputs: string[];
}

/** A function declaring resources, or the path of a module whose top-level code declares them. */
export type Program = (() => unknown) | string;

export interface DriverOptions {
  project?: string;
  stack?: string;
  /** Stack configuration for `new pulumi.Config()` in programs. */
  config?: Record<string, string>;
  secretConfigKeys?: string[];
  /** Bound for one program run; default 120 s. */
  timeoutMs?: number;
}

/** Thrown by an operation that reported errors; `result` holds the steps that did happen. */
export class LifecycleError extends Error {
  override readonly name = "LifecycleError";
  constructor(
    readonly operation: string,
    readonly result: OperationResult,
  ) {
    super(`${operation} failed:\n  - ${result.errors.join("\n  - ")}`);
  }
}

interface Run {
  preview: boolean;
  steps: Step[];
  errors: string[];
  registered: Set<string>;
  /** Old resources replaced create-before-delete, deleted once the program finished. */
  replaced: { urn: string; entry: StateEntry }[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function changedKeys(a: Bag, b: Bag): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !k.startsWith("__") && !sameJson(a[k] ?? null, b[k] ?? null)).sort();
}

/** Dependents before their dependencies; otherwise newest first. */
function deletionOrder(entries: { urn: string; entry: StateEntry; seq: number }[]): typeof entries {
  const remaining = [...entries].sort((a, b) => b.seq - a.seq);
  const order: typeof entries = [];
  while (remaining.length > 0) {
    const free = remaining.findIndex((e) => !remaining.some((o) => o !== e && o.entry.dependencies.includes(e.urn)));
    order.push(...remaining.splice(free === -1 ? 0 : free, 1));
  }
  return order;
}

export class LifecycleDriver {
  private readonly entries = new Map<string, StateEntry>();
  /** The provider process of the operation under way: a fresh one per operation, as the engine starts. */
  private engine!: ProviderHost;
  private readonly seqs = new Map<string, number>();
  private pendingDeletes: { urn: string; entry: StateEntry }[] = [];
  private seq = 0;

  constructor(
    readonly host: ProviderHost,
    private readonly options: DriverOptions = {},
  ) {}

  /** A copy of the state: URN → entry, in creation order. */
  get state(): ReadonlyMap<string, Readonly<StateEntry>> {
    return new Map(structuredClone([...this.entries]));
  }

  /** The stored outputs of the resource with this name. */
  outputsOf(name: string): Bag {
    const found = [...this.entries.values()].filter((e) => e.name === name);
    if (found.length !== 1) throw new Error(`outputsOf("${name}"): ${found.length} resources have that name`);
    return structuredClone(found[0].outputs);
  }

  up(program: Program): Promise<OperationResult> {
    return this.operation(() => this.deploy("up", program, false));
  }

  /** Check and Diff only; reports planned steps and sends no Create, Update or Delete. */
  preview(program: Program): Promise<OperationResult> {
    return this.operation(() => this.deploy("preview", program, true));
  }

  /** Read every resource, then Diff what was read against the old inputs (what the engine shows as drift). */
  refresh(): Promise<OperationResult> {
    return this.operation(() => this.refreshAll());
  }

  /** Deletes everything, dependents first. A failed delete keeps that resource and whatever it depends on. */
  destroy(): Promise<OperationResult> {
    return this.operation(() => this.destroyAll());
  }

  /** Runs one operation on a provider process of its own, stopped afterwards. */
  private async operation(run: () => Promise<OperationResult>): Promise<OperationResult> {
    this.engine = await this.host.sibling();
    try {
      return await run();
    } finally {
      await this.engine.stop();
    }
  }

  private async refreshAll(): Promise<OperationResult> {
    const steps: Step[] = [];
    const errors: string[] = [];
    for (const [urn, entry] of [...this.entries]) {
      try {
        const read = await this.engine.read(urn, entry.id, entry.outputs, entry.inputs);
        if (!read.id) {
          this.entries.delete(urn);
          steps.push({ urn, name: entry.name, op: "refresh-gone" });
          continue;
        }
        const inputs = read.inputs ?? entry.inputs;
        // As the engine does: the diff an `up` of an unchanged program would see after this refresh, framed the
        // other way round (refreshed outputs as the old state, the old inputs as the program).
        const drift = await this.engine.diff(urn, read.id, read.properties, entry.inputs);
        const changes = changedKeys(entry.inputs, inputs);
        this.entries.set(urn, { ...entry, id: read.id, outputs: read.properties, inputs });
        steps.push(drift.changes === "some" ? { urn, name: entry.name, op: "refresh-changed", changes } : { urn, name: entry.name, op: "read" });
      } catch (error) {
        errors.push(`${entry.type} resource '${entry.name}': refresh failed: ${message(error)}`);
      }
    }
    return this.finish("refresh", { steps, errors, outputs: {} });
  }

  private async destroyAll(): Promise<OperationResult> {
    const steps: Step[] = [];
    const errors: string[] = [];
    await this.deleteAll([...this.pendingDeletes.splice(0), ...this.entries].map((e) => this.withSeq(e)), steps, errors);
    return this.finish("destroy", { steps, errors, outputs: {} });
  }

  private withSeq(e: [string, StateEntry] | { urn: string; entry: StateEntry }) {
    const [urn, entry] = Array.isArray(e) ? e : [e.urn, e.entry];
    return { urn, entry, seq: this.seqs.get(urn) ?? 0 };
  }

  private async deleteAll(list: { urn: string; entry: StateEntry; seq: number }[], steps: Step[], errors: string[]): Promise<void> {
    const blocked: StateEntry[] = [];
    for (const { urn, entry } of deletionOrder(list)) {
      const current = this.entries.get(urn) === entry;
      if (blocked.some((b) => b.dependencies.includes(urn))) {
        blocked.push(entry);
        if (!current) this.pendingDeletes.push({ urn, entry });
        continue;
      }
      try {
        await this.engine.delete(urn, entry.id, entry.outputs);
        if (current) this.entries.delete(urn);
        steps.push({ urn, name: entry.name, op: "delete" });
      } catch (error) {
        blocked.push(entry);
        if (!current) this.pendingDeletes.push({ urn, entry });
        errors.push(`${entry.type} resource '${entry.name}': delete failed: ${message(error)}`);
      }
    }
  }

  private finish(operation: string, result: OperationResult): OperationResult {
    if (result.errors.length > 0) throw new LifecycleError(operation, result);
    return result;
  }

  private async deploy(operation: string, program: Program, preview: boolean): Promise<OperationResult> {
    const run: Run = { preview, steps: [], errors: [], registered: new Set(), replaced: [] };
    let outputs: Record<string, StackOutput> = {};
    let mocked;
    try {
      // Exports are resolved inside the run, as the engine waits for stack outputs before the program ends.
      mocked = await runUnderMocks(async () => this.stackOutputs(await this.runProgram(program, run), run), {
        project: this.options.project,
        stack: this.options.stack,
        preview,
        config: this.options.config,
        secretConfigKeys: this.options.secretConfigKeys,
        timeoutMs: this.options.timeoutMs ?? 120_000,
        newResource: (reg) => this.register(reg, run),
      });
      outputs = mocked.value;
    } catch (error) {
      run.errors.push(message(error));
    }
    // Rejections caused by a failure already reported (dependents of a failed resource) add nothing.
    for (const reason of mocked?.rejections ?? []) {
      const text = message(reason);
      if (!run.errors.some((e) => text.includes(e) || e.includes(text))) run.errors.push(`unhandled rejection: ${text}`);
    }
    const unregistered = [...this.entries].filter(([urn]) => !run.registered.has(urn));
    if (preview) {
      for (const [urn, entry] of unregistered) run.steps.push({ urn, name: entry.name, op: "delete" });
    } else if (run.errors.length === 0) {
      // As the engine does: replaced and no-longer-declared resources go only after a successful run.
      const doomed = [...this.pendingDeletes.splice(0), ...run.replaced, ...unregistered];
      await this.deleteAll(doomed.map((e) => this.withSeq(e)), run.steps, run.errors);
    } else {
      this.pendingDeletes.push(...run.replaced);
    }
    return this.finish(operation, { steps: run.steps, errors: run.errors, outputs });
  }

  /** Runs the program; a module path is re-required fresh (its local modules too) each time. */
  private async runProgram(program: Program, run: Run): Promise<unknown> {
    try {
      if (typeof program === "function") return await program();
      const file = require.resolve(path.resolve(program));
      const dir = path.dirname(file) + path.sep;
      const local = (key: string) => key.startsWith(dir) && !key.includes(`${path.sep}node_modules${path.sep}`);
      for (const key of Object.keys(require.cache)) if (local(key)) delete require.cache[key];
      return require(file);
    } catch (error) {
      run.errors.push(`program failed: ${message(error)}`);
      return undefined;
    }
  }

  private async stackOutputs(exported: unknown, run: Run): Promise<Record<string, StackOutput>> {
    const outputs: Record<string, StackOutput> = {};
    if (typeof exported !== "object" || exported === null || pulumi.Output.isInstance(exported)) return outputs;
    for (const [key, value] of Object.entries(exported)) {
      if (typeof value === "function" || pulumi.Resource.isInstance(value)) continue;
      try {
        outputs[key] = await resolveOutput(value);
      } catch (error) {
        if (run.errors.length === 0) run.errors.push(`output ${key}: ${message(error)}`);
      }
    }
    return outputs;
  }

  /** The engine's step for one registration: Check, then Create, or Diff and Update / Replace / nothing. */
  private async register(reg: RawRegistration, run: Run): Promise<{ id?: string; state: Bag }> {
    if (!reg.custom) return { state: {} };
    const label = `${reg.type} resource '${reg.name}'`;
    const kind = kindOf(reg.type) ?? reg.type.split(":").pop()!;
    try {
      if (!reg.type.startsWith("pulumi-nodejs:dynamic")) throw new Error("unsupported resource type (the harness drives only dynamic resources)");
      if (run.registered.has(reg.urn)) throw new Error(`duplicate resource URN ${reg.urn}`);
      run.registered.add(reg.urn);
      const old = this.entries.get(reg.urn);
      const checked = await this.check(reg, old?.inputs ?? {}, run);
      if (!old) return await this.create(reg, kind, checked, run, "create");
      const diff = await this.engine.diff(reg.urn, old.id, old.outputs, checked);
      const changes = changedKeys(old.inputs, checked);
      if (diff.replaces.length > 0) {
        // The engine re-checks a replacement without olds, then creates it (before deleting the old one, by default).
        const fresh = await this.check(reg, {}, run);
        const deleteFirst = diff.deleteBeforeReplace || reg.deleteBeforeReplace;
        if (!run.preview && deleteFirst) {
          await this.engine.delete(reg.urn, old.id, old.outputs);
          this.entries.delete(reg.urn);
        }
        return await this.create(reg, kind, fresh, run, "replace", diff.replaces, deleteFirst ? undefined : old);
      }
      // DIFF_UNKNOWN makes the engine compare old and new inputs itself, __provider included.
      const changed = diff.changes === "some" || (diff.changes === "unknown" && !sameJson(old.inputs, checked));
      if (changed || old.initErrors) return await this.update(reg, old, checked, run, changes);
      this.entries.set(reg.urn, { ...old, inputs: checked, ...this.metadata(reg) });
      run.steps.push({ urn: reg.urn, name: reg.name, op: "same" });
      return { id: old.id, state: this.annotate(reg, old.outputs) };
    } catch (error) {
      if (error instanceof CheckFailed) throw error;
      const text = `${label}: ${message(error)}`;
      run.errors.push(text);
      throw new Error(text);
    }
  }

  private async check(reg: RawRegistration, olds: Bag, run: Run): Promise<Bag> {
    const result = await this.engine.check(reg.urn, olds, reg.inputs);
    if (result.failures.length === 0) return result.inputs;
    const problems = result.failures.map(
      (f) => `${reg.type} resource '${reg.name}': property ${f.property} value ${JSON.stringify(reg.inputs[f.property])} has a problem: ${f.reason}`,
    );
    run.errors.push(...problems);
    throw new CheckFailed(problems.join("; "));
  }

  /** `replacing`: the old resource of a create-before-delete replacement, deleted after the run once this one exists. */
  private async create(reg: RawRegistration, kind: string, inputs: Bag, run: Run, op: "create" | "replace", changes?: string[], replacing?: StateEntry) {
    const step: Step = { urn: reg.urn, name: reg.name, op, ...(changes ? { changes } : {}) };
    if (run.preview) {
      run.steps.push(step);
      return { state: this.annotate(reg, inputs) };
    }
    try {
      const created = await this.engine.create(reg.urn, inputs);
      if (replacing) run.replaced.push({ urn: reg.urn, entry: replacing });
      this.store(reg, kind, { id: created.id, inputs, outputs: created.properties });
      run.steps.push(step);
      return { id: created.id, state: this.annotate(reg, created.properties) };
    } catch (error) {
      const failure = error instanceof HostError ? error.initFailure : undefined;
      if (failure) {
        if (replacing) run.replaced.push({ urn: reg.urn, entry: replacing });
        this.store(reg, kind, { id: failure.id, inputs, outputs: failure.properties, initErrors: true });
      }
      throw error;
    }
  }

  private async update(reg: RawRegistration, old: StateEntry, news: Bag, run: Run, changes: string[]) {
    const step: Step = { urn: reg.urn, name: reg.name, op: "update", changes };
    if (run.preview) {
      run.steps.push(step);
      return { id: old.id, state: this.annotate(reg, news) };
    }
    try {
      const updated = await this.engine.update(reg.urn, old.id, old.outputs, news);
      this.entries.set(reg.urn, { ...old, ...this.metadata(reg), inputs: news, outputs: updated.properties, initErrors: undefined });
      run.steps.push(step);
      return { id: old.id, state: this.annotate(reg, updated.properties) };
    } catch (error) {
      const failure = error instanceof HostError ? error.initFailure : undefined;
      if (failure) this.entries.set(reg.urn, { ...old, ...this.metadata(reg), id: failure.id || old.id, inputs: news, outputs: failure.properties, initErrors: true });
      throw error;
    }
  }

  private store(reg: RawRegistration, kind: string, values: Pick<StateEntry, "id" | "inputs" | "outputs" | "initErrors">): void {
    this.entries.set(reg.urn, { kind, type: reg.type, name: reg.name, ...values, ...this.metadata(reg) });
    this.seqs.set(reg.urn, ++this.seq);
  }

  private metadata(reg: RawRegistration) {
    return { dependencies: reg.dependencies, secretInputs: reg.secretInputs, additionalSecretOutputs: reg.additionalSecretOutputs };
  }

  /** What the engine hands back to the program: outputs, secret where the input was or `additionalSecretOutputs` says so. */
  private annotate(reg: RawRegistration, outputs: Bag): Bag {
    const secretKeys = new Set([...reg.secretInputs, ...reg.additionalSecretOutputs]);
    return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, secretKeys.has(k) ? pulumi.secret(v) : v]));
  }
}

class CheckFailed extends Error {}

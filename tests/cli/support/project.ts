/**
 * One Pulumi project directory driven by the real CLI: a program file, Pulumi.yaml, the installed package (symlinked
 * node_modules), a local file backend and a throwaway passphrase. Commands run through scripts/pulumi-inline.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { installedRoot } from "./installed-package";
import { inlineCommand, legNode, pulumiBinDir } from "./toolchain";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the command's stdin (how a secret is set without a command line). */
  input?: string;
  /** Extra environment for this command; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Resolve instead of reject when the command exits non-zero. */
  allowFailure?: boolean;
}

export class CommandFailed extends Error {
  constructor(readonly args: string[], readonly result: RunResult) {
    super(`pulumi ${args.join(" ")} exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
}

/**
 * The environment of a project's commands (PATH left to the caller): the ambient one less SAIL_*, PULUMI_* and `drop`,
 * a local file backend in `dir/.state`, its own PULUMI_HOME, `passphrase`, no update check, no plugin download, no
 * colour, and the provider's pending-create journal per project (by default it is under ~/.local/state).
 */
export function projectEnv(dir: string, passphrase: string, drop: string[] = []): Record<string, string> {
  const state = path.join(dir, ".state");
  fs.mkdirSync(state);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !k.startsWith("SAIL_") && !k.startsWith("PULUMI_") && !drop.includes(k) && v !== undefined)) as Record<string, string>;
  return {
    ...base,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_HOME: path.join(dir, ".pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_SUPPRESS_COPILOT_LINK: "true",
    NO_COLOR: "1",
    SAIL_PENDING_CREATES_DIR: path.join(dir, ".pending-creates"),
  };
}

/** Spawns `file argv` in `cwd` with `env` plus `options.env` (undefined removes), `options.input` on its stdin. */
export function spawnCommand(file: string, argv: string[], cwd: string, env: Record<string, string>, options: RunOptions, detached = false): { child: ChildProcess; done: Promise<RunResult> } {
  const childEnv: Record<string, string | undefined> = { ...env, ...options.env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const child = spawn(file, argv, { cwd, env: childEnv, stdio: ["pipe", "pipe", "pipe"], detached });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? "");
  const done = new Promise<RunResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 137 : 1), stdout, stderr }));
  });
  return { child, done };
}

/** Kills the processes left running in a project directory (provider hosts the engine started), then removes it. */
export function removeProjectDir(dir: string): void {
  killProcessesIn(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}

function killProcessesIn(dir: string): void {
  for (const pid of processesIn(dir)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** The CLI commands the suite runs, the same for every kind of project; each says how it starts `pulumi`. */
export abstract class PulumiCommands {
  abstract readonly name: string;
  /** What `resources()` lists by default: the types starting with this. */
  protected abstract readonly resourceTypes: string;

  /** Starts `pulumi <args> --non-interactive` in the project directory; `done` settles when it exits. */
  abstract start(args: string[], options?: RunOptions): { child: ChildProcess; done: Promise<RunResult> };

  /** Runs `pulumi <args> --non-interactive` to completion; rejects with the output unless it succeeds. */
  async pulumi(args: string[], options: RunOptions = {}): Promise<RunResult> {
    const result = await this.start(args, options).done;
    if (result.code !== 0 && !options.allowFailure) throw new CommandFailed(args, result);
    return result;
  }

  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.pulumi(["config", "set", ...(secret ? ["--secret"] : []), key], { input: value });
  }

  up(flags: string[] = [], options?: RunOptions): Promise<RunResult> {
    return this.pulumi(["up", "--yes", "--skip-preview", ...flags], options);
  }

  preview(flags: string[] = [], options?: RunOptions): Promise<RunResult> {
    return this.pulumi(["preview", ...flags], options);
  }

  /** `pulumi preview --json`: the parsed document (steps, diagnostics, changeSummary). */
  async previewJson(flags: string[] = [], options?: RunOptions): Promise<PreviewJson> {
    const result = await this.pulumi(["preview", "--json", ...flags], { ...options, allowFailure: true });
    try {
      return { ...(JSON.parse(result.stdout) as Omit<PreviewJson, "code">), code: result.code };
    } catch {
      throw new CommandFailed(["preview", "--json", ...flags], result);
    }
  }

  refresh(flags: string[] = [], options?: RunOptions): Promise<RunResult> {
    return this.pulumi(["refresh", "--yes", "--skip-preview", ...flags], options);
  }

  destroy(flags: string[] = [], options?: RunOptions): Promise<RunResult> {
    return this.pulumi(["destroy", "--yes", "--skip-preview", ...flags], options);
  }

  /** `pulumi stack export` (secrets stay encrypted). */
  async exportState(): Promise<StackExport> {
    return JSON.parse((await this.pulumi(["stack", "export"])).stdout) as StackExport;
  }

  /** The resources in the current state whose type starts with `types`, by logical name. */
  async resources(types = this.resourceTypes): Promise<Map<string, StateResource>> {
    const state = await this.exportState();
    const out = new Map<string, StateResource>();
    for (const r of state.deployment.resources ?? []) if (r.type.startsWith(types)) out.set(r.urn.split("::").pop()!, r);
    return out;
  }

  /** `pulumi stack output --json` (secrets shown only with `--show-secrets`). */
  async outputs(showSecrets = false): Promise<Record<string, unknown>> {
    const result = await this.pulumi(["stack", "output", "--json", ...(showSecrets ? ["--show-secrets"] : [])]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  urn(type: string, name: string, stack = "dev"): string {
    return `urn:pulumi:${stack}::${this.name}::${type}::${name}`;
  }
}

const projects = new Set<CliProject>();

export class CliProject extends PulumiCommands {
  readonly program: string;
  /** The dynamic resources (the stack itself and the provider left out). */
  protected readonly resourceTypes = "pulumi-nodejs:dynamic";
  private readonly env: Record<string, string>;
  private running = new Set<ChildProcess>();

  private constructor(readonly dir: string, readonly name: string, extraEnv: Record<string, string>) {
    super();
    this.program = path.join(dir, "index.ts");
    this.env = {
      ...projectEnv(dir, "cli-suite-passphrase"),
      PATH: [pulumiBinDir(), path.dirname(legNode()), process.env.PATH].join(path.delimiter),
      ...extraEnv,
    };
  }

  /**
   * A new project named `name` running `programFile` (copied as index.ts) with `files` beside it, and a stack `dev`
   * selected. `env` is the environment of every command (e.g. SAIL_* settings).
   */
  static async create(name: string, programFile: string, options: { files?: Record<string, string>; env?: Record<string, string>; stack?: string } = {}): Promise<CliProject> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sailpoint-cli-${name}-`));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, private: true }, null, 2));
    fs.copyFileSync(programFile, path.join(dir, "index.ts"));
    for (const [file, text] of Object.entries(options.files ?? {})) fs.writeFileSync(path.join(dir, file), text);
    fs.symlinkSync(path.join(installedRoot(), "node_modules"), path.join(dir, "node_modules"), "dir");
    const project = new CliProject(dir, name, options.env ?? {});
    projects.add(project);
    await project.pulumi(["stack", "init", options.stack ?? "dev"]);
    return project;
  }

  /** Stops leftover processes and removes every project directory (an `after` hook). */
  static async removeAll(): Promise<void> {
    for (const project of projects) {
      project.killLeftovers();
      fs.rmSync(project.dir, { recursive: true, force: true });
    }
    projects.clear();
  }

  get pendingCreatesDir(): string {
    return this.env.SAIL_PENDING_CREATES_DIR;
  }

  writeFile(file: string, text: string): void {
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  /** Starts `pulumi <args>` and returns the child (for tests that interrupt it); `done` settles when it exits. */
  start(args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<RunResult> } {
    const command = inlineCommand(this.program, [...args, "--non-interactive"]);
    const run = spawnCommand(command.file, command.argv, this.dir, this.env, options, true);
    this.running.add(run.child);
    run.child.once("close", () => this.running.delete(run.child));
    return run;
  }

  /** Kills every process of this project: running commands (whole groups) and provider hosts left behind. */
  killLeftovers(): void {
    for (const child of this.running) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    killProcessesIn(this.dir);
  }
}

/** Processes whose working directory is `dir` (the provider hosts the engine started for this project). */
export function processesIn(dir: string): number[] {
  const real = fs.realpathSync(dir);
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === real) pids.push(Number(entry));
    } catch {
      // exited, or not ours
    }
  }
  return pids;
}

export interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[] | null;
  replaceReasons?: string[] | null;
  detailedDiff?: Record<string, unknown> | null;
  oldState?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown>; id?: string } | null;
  newState?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown>; id?: string } | null;
}

export interface PreviewJson {
  code: number;
  steps: PreviewStep[];
  diagnostics?: { message: string; severity: string; urn?: string }[];
  changeSummary?: Record<string, number>;
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
}

export interface StackExport {
  deployment: { resources?: StateResource[]; pending_operations?: unknown[]; secrets_providers?: unknown };
}

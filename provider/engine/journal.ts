/**
 * The create journal: this machine's evidence of creates the engine may not have recorded. One small file per
 * resource (tenant and API client, kind, owner: the resource's URN, see ./owner.ts), written before its first POST:
 * - in flight: its process (pid and start time) is alive and the attempt has not ended; the file's time is refreshed
 *   every HEARTBEAT_MS while it waits;
 * - settled: the create was answered (or what it made was found); the file keeps the created id until the engine
 *   shows it holds the object (a read, diff, update or delete of that id on this machine), since the process that
 *   asked may have lost the answer (a CLI killed while its provider host lives on);
 * - ended: the process gave up, or died, without knowing whether it made anything: whatever it made was made between
 *   its start and its latest possible commit (its last sign of life plus the longest a request it sent may still be
 *   processed).
 * Nothing secret is written: hashes, an id, a pid and times.
 *
 * Location: $SAIL_PENDING_CREATES_DIR, else $XDG_STATE_HOME/pulumi-sailpoint-isc/pending-creates, else
 * ~/.local/state/pulumi-sailpoint-isc/pending-creates. A create never fails for the journal; a directory that cannot
 * be written is reported once per process (../host-output.ts).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { warnOnce } from "../host-output";

/** An entry older than this is abandoned: removed (by a process's first write), never used. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** How often an attempt in flight refreshes its entry's time: its process's latest sign of life. */
export const HEARTBEAT_MS = 2_000;

export interface Attempt {
  kind: string;
  /** Hash of the request body: the declaration the attempt was made for. */
  body: string;
  host: string;
  pid: number;
  /** The process's start time (Linux), telling it from a later process with the same pid. */
  processStart?: string;
  /** Local time the attempt began. */
  startedAt: number;
  /** The earliest service time at which the attempt's object can have been stamped. */
  serviceSince: number;
  /** How long after the attempt's process last showed life a request it sent may still be committed. */
  commitWithinMs: number;
  /** Local time the attempt gave up without knowing what it made (its process lives on). */
  endedAt?: number;
  /** What the attempt made: an object the engine may not have recorded. */
  createdId?: string;
}

export interface Entry extends Attempt {
  /** The file's time: the attempt's latest sign of life. */
  touchedAt: number;
}

function directory(): string {
  if (process.env.SAIL_PENDING_CREATES_DIR) return process.env.SAIL_PENDING_CREATES_DIR;
  const state = process.env.XDG_STATE_HOME || path.join(os.homedir(), ".local", "state");
  return path.join(state, "pulumi-sailpoint-isc", "pending-creates");
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** JSON with sorted keys and sorted lists of scalars (every list we send is a set). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (Array.isArray(v)) return v.every((x) => typeof x !== "object") ? [...v].sort() : v;
    if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    return v;
  });
}

/** Identifies a create by what it sends: creates of identical objects in one process run one at a time. */
export function bodyKey(tenant: string, kind: string, body: unknown): string {
  return sha256(`${tenant}\n${kind}\n${canonical(body)}`);
}

const entryFile = (key: string) => path.join(directory(), `${key}.json`);
/** Names the entry that recorded `id` as created, until the engine shows it holds it. */
const heldFile = (kind: string, id: string) => path.join(directory(), `made-${sha256(`${kind}\n${id}`)}`);

function unlink(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

let madeDirectory: string | undefined;

/** Removes what is older than MAX_AGE_MS: the files of creates whose objects were never read again on this machine. */
function sweep(dir: string): void {
  try {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (Date.now() - fs.statSync(file).mtimeMs > MAX_AGE_MS) unlink(file);
    }
  } catch {
    // best effort
  }
}

/**
 * Writes `text` to `file`, whole unless `inPlace` (a reader never sees half of an entry); false when the journal
 * cannot be written.
 */
function write(file: string, text: string, inPlace = false): boolean {
  const dir = directory();
  try {
    if (madeDirectory !== dir) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      sweep(dir);
      madeDirectory = dir;
    }
    if (inPlace) {
      fs.writeFileSync(file, text, { mode: 0o600 });
      return true;
    }
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode: 0o600 });
    fs.renameSync(temporary, file);
    return true;
  } catch (error) {
    madeDirectory = undefined;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    warnOnce(
      `pulumi-sailpoint-isc: warning: the create journal directory ${dir} cannot be written (${reason}). A create interrupted ` +
        "by a killed run will not be recognised by the next run, which may then make a second object. Make it writable, or " +
        "set SAIL_PENDING_CREATES_DIR to a writable directory.",
    );
    return false;
  }
}

/** The start time of process `pid`, where the system tells it (Linux: /proc/<pid>/stat, field 22). */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

const ownStart = processStart(process.pid);

/** Whether the process that wrote the entry still runs. On another machine, its heartbeat tells. */
function processAlive(entry: Entry): boolean {
  if (entry.host !== os.hostname()) return Date.now() - entry.touchedAt < 3 * HEARTBEAT_MS;
  try {
    process.kill(entry.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const start = processStart(entry.pid);
  return entry.processStart === undefined || start === undefined || start === entry.processStart;
}

/** Whether the entry's attempt may still be sending or waiting for its answer. */
export function inFlight(entry: Entry): boolean {
  return entry.createdId === undefined && entry.endedAt === undefined && processAlive(entry);
}

/** The local time after which nothing the (ended) attempt sent can still be committed. */
export function latestCommit(entry: Entry): number {
  const lastAlive = entry.endedAt ?? entry.touchedAt + HEARTBEAT_MS;
  return lastAlive + entry.commitWithinMs;
}

/** One resource's entry: `tenant` (base URL and client id), `kind`, `owner` (see ./owner.ts). */
export class JournalEntry {
  private readonly file: string;
  private heartbeat?: NodeJS.Timeout;
  private current?: Attempt;

  constructor(
    tenant: string,
    private readonly kind: string,
    owner: string,
  ) {
    this.file = entryFile(sha256(`${tenant}\n${kind}\n${owner}`));
  }

  read(): Entry | undefined {
    let text: string;
    let touchedAt: number;
    try {
      touchedAt = fs.statSync(this.file).mtimeMs;
      text = fs.readFileSync(this.file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = { ...(JSON.parse(text) as Attempt), touchedAt };
      if (typeof entry.serviceSince === "number" && typeof entry.pid === "number" && Date.now() - entry.startedAt < MAX_AGE_MS) return entry;
    } catch {
      // unreadable: nothing to recover
    }
    unlink(this.file);
    return undefined;
  }

  /** Records an attempt about to send its first request, and keeps its time fresh until it settles or ends. */
  begin(attempt: Omit<Attempt, "kind" | "host" | "pid" | "processStart">): void {
    this.current = { ...attempt, kind: this.kind, host: os.hostname(), pid: process.pid, processStart: ownStart };
    if (!write(this.file, JSON.stringify(this.current))) return;
    this.heartbeat = setInterval(() => {
      const now = new Date();
      try {
        fs.utimesSync(this.file, now, now);
      } catch {
        // the next write reports it
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The attempt made `id`: kept until the engine shows it holds it (`acknowledge`). */
  settle(id: string, attempt: Attempt | undefined = this.current): void {
    this.stop();
    if (!attempt) return;
    // An entry read back carries its file's time, which the file itself keeps.
    if (write(this.file, JSON.stringify({ ...attempt, touchedAt: undefined, createdId: id }))) write(heldFile(this.kind, id), path.basename(this.file), true);
  }

  /** The attempt gave up without knowing what it made: its process lives on, its requests may still be committed. */
  end(): void {
    this.stop();
    if (this.current) write(this.file, JSON.stringify({ ...this.current, endedAt: Date.now() }));
  }

  /** Nothing to remember: the attempt made nothing, or what it made is accounted for. */
  clear(): void {
    this.stop();
    const createdId = this.read()?.createdId;
    unlink(this.file);
    if (createdId !== undefined) unlink(heldFile(this.kind, createdId));
  }

  private stop(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

/**
 * The engine holds object `id` (it read, diffed, updated or deleted it): an entry that recorded it as created is no
 * longer needed. One existence check when there is none.
 */
export function acknowledge(kind: string, id: string): void {
  const held = heldFile(kind, id);
  if (!fs.existsSync(held)) return;
  try {
    const file = path.join(directory(), path.basename(fs.readFileSync(held, "utf8")));
    const entry = JSON.parse(fs.readFileSync(file, "utf8")) as Attempt;
    if (entry.createdId === id) unlink(file);
  } catch {
    // gone already, or unreadable
  }
  unlink(held);
}

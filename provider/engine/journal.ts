/**
 * The pending-create journal: a small file per create in flight, written just before its first POST and removed once
 * the create has settled. A provider process killed mid-create (a cancelled job, the CLI killed with its plugins)
 * leaves its file behind, and the next create of the same object on this machine reads it: objects made since that
 * attempt began, equal in every declared field and never used, are that attempt's work, and are adopted (or, when
 * their one-time secret is lost, removed) instead of duplicated. Nothing secret is written: the key is a hash of the
 * tenant, the API client id, the kind and the request body.
 *
 * Location: $SAIL_PENDING_CREATES_DIR, else $XDG_STATE_HOME/pulumi-sailpoint-isc/pending-creates, else
 * ~/.local/state/pulumi-sailpoint-isc/pending-creates. Writing is best effort: a create never fails for the journal.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";

/** An entry older than this is taken as abandoned and ignored. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface PendingCreate {
  kind: string;
  /** Local time the attempt began. */
  startedAt: number;
  /** The earliest service time at which the attempt's object can have been stamped. */
  serviceSince: number;
}

function directory(): string {
  if (process.env.SAIL_PENDING_CREATES_DIR) return process.env.SAIL_PENDING_CREATES_DIR;
  const state = process.env.XDG_STATE_HOME || path.join(os.homedir(), ".local", "state");
  return path.join(state, "pulumi-sailpoint-isc", "pending-creates");
}

/** JSON with sorted keys and sorted lists of scalars (every list we send is a set). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (Array.isArray(v)) return v.every((x) => typeof x !== "object") ? [...v].sort() : v;
    if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    return v;
  });
}

export function journalKey(tenant: string, kind: string, body: unknown): string {
  return createHash("sha256").update(`${tenant}\n${kind}\n${canonical(body)}`).digest("hex");
}

function file(key: string): string {
  return path.join(directory(), `${key}.json`);
}

export function readPending(key: string): PendingCreate | undefined {
  // The usual case, nothing pending, without the cost of a thrown ENOENT.
  if (!fs.existsSync(file(key))) return undefined;
  try {
    const entry = JSON.parse(fs.readFileSync(file(key), "utf8")) as PendingCreate;
    if (typeof entry.serviceSince === "number" && Date.now() - entry.startedAt < MAX_AGE_MS) return entry;
  } catch {
    // none, or unreadable: nothing to recover
  }
  return undefined;
}

let madeDirectory: string | undefined;

export function writePending(key: string, entry: PendingCreate): void {
  try {
    const dir = directory();
    if (madeDirectory !== dir) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      madeDirectory = dir;
    }
    fs.writeFileSync(file(key), JSON.stringify(entry), { mode: 0o600 });
  } catch {
    // best effort
  }
}

export function clearPending(key: string): void {
  try {
    fs.unlinkSync(file(key));
  } catch {
    // best effort (already gone, or never written)
  }
}

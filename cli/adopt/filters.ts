/**
 * `--include` / `--exclude`: which objects the generated program declares. A pattern is either `kind:<kind>` (a kind
 * or its short word: cluster, client, oauth) or a name glob (`*`, `?`; case-insensitive) matched against the ISC
 * name. A managed client also matches a name pattern through its cluster's name, so `--include 'prod-*'` keeps a
 * cluster together with its clients.
 */
import { kindWord } from "./names";

export const ADOPTABLE_KINDS = ["ManagedCluster", "ManagedClient", "OAuthClient"] as const;
export type AdoptableKind = (typeof ADOPTABLE_KINDS)[number];

export interface Candidate {
  kind: AdoptableKind;
  name: string | null | undefined;
  /** For a managed client: its cluster's name. */
  parentName?: string | null;
}

type Matcher = (candidate: Candidate) => boolean;

export class FilterError extends Error {
  override readonly name = "FilterError";
}

function kindNamed(text: string): AdoptableKind {
  const wanted = text.trim().toLowerCase();
  const kind = ADOPTABLE_KINDS.find((k) => k.toLowerCase() === wanted || kindWord(k) === wanted || `${kindWord(k)}s` === wanted);
  if (!kind) throw new FilterError(`unknown kind "${text}" in a filter: expected one of ${ADOPTABLE_KINDS.join(", ")} (or cluster, client, oauth)`);
  return kind;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "is");
}

export function matcher(pattern: string): Matcher {
  if (pattern.trim() === "") throw new FilterError("an empty filter pattern matches nothing: give a name glob or kind:<kind>");
  if (/^kind:/i.test(pattern)) {
    const kind = kindNamed(pattern.slice("kind:".length));
    return (c) => c.kind === kind;
  }
  const glob = globToRegExp(pattern);
  return (c) => glob.test(c.name ?? "") || (c.kind === "ManagedClient" && glob.test(c.parentName ?? ""));
}

/** Kept when some include pattern matches (or there is none) and no exclude pattern does. */
export function selection(include: readonly string[], exclude: readonly string[]): Matcher {
  const includes = include.map(matcher);
  const excludes = exclude.map(matcher);
  return (c) => (includes.length === 0 || includes.some((m) => m(c))) && !excludes.some((m) => m(c));
}

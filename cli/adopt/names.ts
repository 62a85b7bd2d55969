/**
 * Logical names and variable names for generated declarations, derived from ISC names: stable for the same tenant,
 * unique in the program, and readable.
 */

/** What a generated declaration needs named: its kind (for collisions across kinds), ISC name and id. */
export interface Nameable {
  kind: string;
  name: string | null | undefined;
  id: string;
}

/** A word for the kind, used for nameless objects and to tell apart objects of different kinds with one name. */
const KIND_WORDS: Record<string, string> = {
  ManagedCluster: "cluster",
  ManagedClient: "client",
  OAuthClient: "oauth",
  ClusterLogConfig: "logs",
};

const MAX_SLUG = 60;

/** The key of an object in the maps below: ids are unique per kind only (a log configuration has its cluster's id). */
export function keyOf(item: Nameable): string {
  return `${item.kind}/${item.id}`;
}

export function kindWord(kind: string): string {
  return KIND_WORDS[kind] ?? kind.toLowerCase();
}

/** "Prod VA Cluster (Zürich)" → "prod-va-cluster-zurich"; empty when nothing of the name is usable. */
export function slug(name: string | null | undefined): string {
  return (name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, "");
}

/**
 * A unique logical name per object (the name in its URN), by keyOf. An object keeps its name's slug when no other
 * object has the same one. Objects sharing a slug get their kind's word when that tells them apart (a cluster and an
 * OAuth client both called "ci"), and else the shortest prefix of their ids (6 characters at least) that tells them
 * apart, so the outcome depends only on the objects themselves, never on the order they are listed in.
 */
export function logicalNames(items: readonly Nameable[]): Map<string, string> {
  const base = new Map(items.map((item) => [keyOf(item), slug(item.name) || kindWord(item.kind)]));
  const groups = new Map<string, Nameable[]>();
  for (const item of items) groups.set(base.get(keyOf(item))!, [...(groups.get(base.get(keyOf(item))!) ?? []), item]);
  const holders = (name: string) => groups.get(name) ?? [];
  const taken = new Set([...groups].filter(([, group]) => group.length === 1).map(([name]) => name));
  const result = new Map<string, string>();
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  for (const item of sorted) {
    const own = base.get(keyOf(item))!;
    const sharing = holders(own);
    if (sharing.length === 1) {
      result.set(keyOf(item), own);
      continue;
    }
    const kindAlone = sharing.filter((other) => other.kind === item.kind).length === 1;
    const byKind = withKindWord(own, item.kind);
    if (kindAlone && !taken.has(byKind)) {
      taken.add(byKind);
      result.set(keyOf(item), byKind);
      continue;
    }
    const stem = kindAlone ? byKind : own;
    const id = idChars(item);
    let length = prefixLength(sharing.filter((other) => other.kind === item.kind).map(idChars));
    let name = `${stem}-${id.slice(0, length)}`;
    while (taken.has(name) && length < id.length) name = `${stem}-${id.slice(0, ++length)}`;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${id}-${n}`;
    taken.add(name);
    result.set(keyOf(item), name);
  }
  return result;
}

const idChars = (item: Nameable) => item.id.toLowerCase().replace(/[^a-z0-9]/g, "") || "x";

/** The shortest prefix length, 6 at least, at which the ids all differ (as far as they do at all). */
function prefixLength(ids: string[]): number {
  const longest = Math.max(...ids.map((id) => id.length));
  for (let length = Math.min(6, longest); length < longest; length++) {
    if (new Set(ids.map((id) => id.slice(0, length))).size === ids.length) return length;
  }
  return longest;
}

function withKindWord(name: string, kind: string): string {
  const word = kindWord(kind);
  return name === word || name.endsWith(`-${word}`) ? name : `${name}-${word}`;
}

const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with as implements interface " +
    "let package private protected public static yield any boolean constructor declare get module require number set string " +
    "symbol type from of await async undefined arguments eval pulumi exports")
    .split(" "),
);

/** "prod-va-cluster" → "prodVaCluster": a TypeScript identifier, never a reserved word or one the program imports. */
export function identifier(logicalName: string, kind: string, imported: ReadonlySet<string> = new Set()): string {
  const parts = logicalName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = parts.map((p, i) => (i === 0 ? p : p[0].toUpperCase() + p.slice(1))).join("");
  if (name === "" || /^[0-9]/.test(name)) name = kindWord(kind) + name.charAt(0).toUpperCase() + name.slice(1);
  if (RESERVED.has(name) || imported.has(name)) name += kindWord(kind).charAt(0).toUpperCase() + kindWord(kind).slice(1);
  return name;
}

/** Identifiers for every logical name, unique: a clash (e.g. "a-1" and "a1") gets a counter, in the input's order. */
export function identifiers(entries: ReadonlyArray<{ logicalName: string; kind: string }>, imported: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  return entries.map(({ logicalName, kind }) => {
    const wanted = identifier(logicalName, kind, imported);
    let name = wanted;
    for (let n = 2; seen.has(name); n++) name = `${wanted}${n}`;
    seen.add(name);
    return name;
  });
}

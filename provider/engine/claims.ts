/**
 * What this provider process has done with ISC objects, per resource kind. The engine runs a whole deployment's
 * operations in one provider process, so this is how one resource's step learns about another's:
 * - `made`: ids a create returned (POSTed, adopted or recovered). Never taken for the leftovers of another create,
 *   never adopted a second time.
 * - `takenOver`: ids a create took over from an existing object (importId, a recovered interrupted create, a log
 *   configuration PUT on its cluster). The delete of an old copy of such an object in the same deployment (a
 *   replacement, or a resource renamed in the program) must not remove what the new copy now manages.
 * - `seen`: ids of existing resources this process diffed, read or updated: objects some state already owns.
 */
type Registry = Map<string, Set<string>>;

const made: Registry = new Map();
const takenOver: Registry = new Map();
const seen: Registry = new Map();

function add(registry: Registry, kind: string, id: string): void {
  let ids = registry.get(kind);
  if (!ids) registry.set(kind, (ids = new Set()));
  ids.add(id);
}

function has(registry: Registry, kind: string, id: string): boolean {
  return registry.get(kind)?.has(id) ?? false;
}

export function claimMade(kind: string, id: string): void {
  add(made, kind, id);
}

export function claimTakenOver(kind: string, id: string): void {
  add(made, kind, id);
  add(takenOver, kind, id);
}

/**
 * Claims `id` for a create taking over an existing object, at once, before anything is awaited: of two creates of one
 * deployment adopting the same object at the same time exactly one gets it. False when it is already claimed.
 */
export function claimToTakeOver(kind: string, id: string): boolean {
  if (has(made, kind, id)) return false;
  claimTakenOver(kind, id);
  return true;
}

/** Gives up a claim whose take-over failed before the object became this process's. */
export function releaseClaim(kind: string, id: string): void {
  made.get(kind)?.delete(id);
  takenOver.get(kind)?.delete(id);
}

export function markSeen(kind: string, id: string): void {
  if (id) add(seen, kind, id);
}

/** Made by a create of this process: another create must not adopt it or remove it. */
export function madeHere(kind: string, id: string): boolean {
  return has(made, kind, id);
}

/** Known to this deployment in any way: not the leftover of an unfinished create. */
export function knownHere(kind: string, id: string): boolean {
  return has(made, kind, id) || has(seen, kind, id);
}

export function takenOverHere(kind: string, id: string): boolean {
  return has(takenOver, kind, id);
}

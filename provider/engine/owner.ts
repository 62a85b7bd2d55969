/**
 * Which resource of which stack asks for a create: the scope of the create journal (./journal.ts). Two stacks with
 * identical declarations on one tenant and API client, on one machine, never share an entry, so neither adopts nor
 * deletes what the other made.
 *
 * The contract for every door (each hands the core a resource's inputs):
 * - The owner is the resource's URN: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, or any other string
 *   that is the same on every run of that resource of that stack and differs for every other resource.
 * - The door puts it in the inputs given to `create` under `OWNER_INPUT`:
 *   - the dynamic door's classes (sdk/) send it as a hidden registration input (the engine stores it with the
 *     inputs; check passes it through, diff, outputs and the drift report ignore it);
 *   - a door whose Create request carries the URN (a native plugin) sets `inputs[OWNER_INPUT] = request.urn`
 *     itself before calling `create`, and need not send it to check.
 * - Without an owner a create still never duplicates within its process, but leaves no evidence for the next run.
 */
export const OWNER_INPUT = "__owner";

/** The owner a create's inputs carry, if any. */
export function ownerOf(inputs: Record<string, unknown>): string | undefined {
  const owner = inputs[OWNER_INPUT];
  return typeof owner === "string" && owner !== "" ? owner : undefined;
}

/** The inputs without the owner (what check validates, and what a partial failure records). */
export function withoutOwner(inputs: Record<string, unknown>): Record<string, unknown> {
  if (!(OWNER_INPUT in inputs)) return inputs;
  const rest = { ...inputs };
  delete rest[OWNER_INPUT];
  return rest;
}

/** The preview's steps, one entry per resource: what it was when last deployed, what ISC holds now, what the program says. */
import type { PreviewDocument, PreviewStep, ResourceState } from "./preview-json";

/** Steps that change a resource (a `refresh` step only reads; `same` changes nothing). */
const CHANGES = new Set(["create", "update", "replace", "delete", "create-replacement", "delete-replaced", "import", "import-replacement", "discard", "discard-replaced", "remove-pending-replace"]);
/** Parts of a replacement listed beside its `replace` step. */
const REPLACEMENT_PARTS = new Set(["create-replacement", "delete-replaced", "import-replacement", "discard-replaced"]);

const TOKEN = /^pulumi-nodejs:dynamic\/sailpoint:(\w+)$/;

export interface ResourceChange {
  urn: string;
  /** The logical name (the URN's last part). */
  name: string;
  /** ManagedCluster, OAuthClient, ... for this package's resources; else the type token. */
  kind: string;
  ours: boolean;
  /** The change the preview plans: update, replace, create, delete, ... */
  op: string;
  /** The state as last deployed (the refresh step), when the resource was in the state. */
  deployed?: ResourceState;
  /** The state as refreshed from ISC (the change step's oldState). */
  live?: ResourceState;
  /** The program's inputs, after check (the change step's newState). */
  program?: ResourceState;
}

export function typeOf(urn: string): string {
  const parts = urn.split("::");
  return parts.length >= 4 ? parts[parts.length - 2].split("$").pop()! : "";
}

export function nameOf(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** Resources that are the engine's own (the stack, providers): never drift. */
function engineOwn(type: string): boolean {
  return type === "pulumi:pulumi:Stack" || type.startsWith("pulumi:providers:");
}

/** Reported in this order (the preview lists steps in the order the engine finished them), then by name. */
const KIND_ORDER = ["ManagedCluster", "ManagedClient", "ClusterLogConfig", "OAuthClient"];
const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);

export interface Resources {
  changes: ResourceChange[];
  /** Resources the refresh read and the preview leaves as they are. */
  unchanged: number;
}

export function resourcesOf(doc: PreviewDocument): Resources {
  const refreshed = new Map<string, PreviewStep>();
  const changing = new Map<string, PreviewStep>();
  const seen = new Set<string>();
  for (const step of doc.steps) {
    if (engineOwn(typeOf(step.urn))) continue;
    seen.add(step.urn);
    if (step.op === "refresh") refreshed.set(step.urn, step);
    else if (CHANGES.has(step.op) && !(REPLACEMENT_PARTS.has(step.op) && changing.has(step.urn))) {
      if (!changing.has(step.urn) || step.op === "replace") changing.set(step.urn, step);
    }
  }
  const changes = [...changing.values()].map((step): ResourceChange => {
    const type = typeOf(step.urn);
    const kind = TOKEN.exec(type)?.[1];
    return {
      urn: step.urn,
      name: nameOf(step.urn),
      kind: kind ?? type,
      ours: kind !== undefined,
      op: REPLACEMENT_PARTS.has(step.op) ? "replace" : step.op,
      deployed: refreshed.get(step.urn)?.oldState ?? undefined,
      live: step.oldState ?? undefined,
      program: step.newState ?? undefined,
    };
  });
  changes.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { changes, unchanged: [...seen].filter((urn) => !changing.has(urn)).length };
}

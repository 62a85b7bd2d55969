/**
 * From a tenant snapshot to the program's declarations, grouped as a reader looks for them: each cluster with its
 * managed clients and its log configuration, then clients of clusters not in the program, then OAuth clients.
 */
import type { OAuthClient } from "../../provider/api/types";
import { byName, clientNameForNaming, declaration, describeLevels, literalArgs, logConfigArgs, resolved } from "./declarations";
import { selection, type AdoptableKind, type Candidate } from "./filters";
import { CLUSTER, LOG_CONFIG, MANAGED_CLIENT, OAUTH_CLIENT, serviceClientName, type KindRules } from "./kinds";
import { identifiers, keyOf, logicalNames, type Nameable } from "./names";
import { checkTenant, type TenantSnapshot } from "./tenant";
import { undeclarableKeys } from "./values";
import { adoptionProblems } from "./verify";

type Bag = Record<string, unknown>;

export type DeclaredKind = AdoptableKind | "ClusterLogConfig";

/** An argument: a literal value, or another declaration's id. */
export type Argument = { value: unknown } | { idOf: Declaration };

export interface Declaration {
  kind: DeclaredKind;
  id: string;
  logicalName: string;
  /** Set when another declaration refers to this one. */
  variable?: string;
  args: Array<[string, Argument]>;
  /** Lines shown above the declaration. */
  comments: string[];
  /** What the provider says would not adopt unchanged (empty: nothing). */
  problems: string[];
}

export interface Group {
  title: string;
  declarations: Declaration[];
  /** Comment lines after the group's declarations (log configurations not adopted, the API client itself). */
  notes: string[];
}

export interface AdoptOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Declare the OAuth client whose id is the API client this runs as. */
  includeSelf?: boolean;
  /** Declare active log configurations as ClusterLogConfig resources (one PUT each on `up`; they expire). */
  includeLogConfigs?: boolean;
  /** The API client this runs as (settings' clientId). */
  selfClientId: string;
}

export interface Plan {
  groups: Group[];
  /** Configuration keys left out, with the reason, each once. */
  leftOutKeys: Map<string, string>;
  /** The API client itself, when it is in the tenant and not declared. */
  self?: OAuthClient;
  /** Active log configurations listed as comments only. */
  logConfigsNotAdopted: number;
  /** What the program cannot declare, each naming the object and key (in the header, and on stderr). */
  warnings: string[];
  counts: Record<DeclaredKind, number>;
}

export async function buildPlan(tenant: TenantSnapshot, options: AdoptOptions): Promise<Plan> {
  checkTenant(tenant);
  const keep = selection(options.include ?? [], options.exclude ?? []);
  const clusterById = new Map(tenant.clusters.map((c) => [c.id, c]));
  const isSelf = (c: OAuthClient) => c.id === options.selfClientId;
  const candidate = (kind: AdoptableKind, o: { name?: string | null }, parentName?: string | null): Candidate => ({ kind, name: o.name, parentName });

  const clusters = tenant.clusters.filter((c) => keep(candidate("ManagedCluster", c))).sort(byName);
  const clients = tenant.managedClients.filter((c) => keep(candidate("ManagedClient", c, clusterById.get(c.clusterId)?.name))).sort(byName);
  const oauth = tenant.oauthClients.filter((c) => keep(candidate("OAuthClient", c)) && (options.includeSelf || !isSelf(c))).sort(byName);
  const self = options.includeSelf ? undefined : tenant.oauthClients.find(isSelf);
  const keptClusterIds = new Set(clusters.map((c) => c.id));
  const adoptedLogs = options.includeLogConfigs ? clusters.filter((c) => tenant.logConfigs.has(c.id)) : [];

  const nameables: Nameable[] = [
    ...clusters.map((c) => ({ kind: "ManagedCluster", name: c.name, id: c.id })),
    ...clients.map((c) => ({ kind: "ManagedClient", name: clientNameForNaming(c, clusterById.get(c.clusterId)), id: c.id })),
    ...oauth.map((c) => ({ kind: "OAuthClient", name: c.name, id: c.id })),
    ...adoptedLogs.map((c) => ({ kind: "ClusterLogConfig", name: `${c.name ?? c.id} logs`, id: c.id })),
  ];
  const names = logicalNames(nameables);
  const leftOutKeys = new Map<string, string>();
  const counts: Record<DeclaredKind, number> = { ManagedCluster: 0, ManagedClient: 0, OAuthClient: 0, ClusterLogConfig: 0 };
  const all: Array<{ d: Declaration; rules: KindRules; live: Bag; refs?: Bag }> = [];
  const warnings: string[] = [];
  const add = (d: Declaration, rules: KindRules, live: Bag, refs?: Bag) => {
    d.logicalName = names.get(keyOf({ kind: d.kind, id: d.id, name: null }))!;
    counts[d.kind]++;
    for (const { path, consequence } of undeclarableKeys(rules.schema, live)) {
      const why = `Pulumi's serialization of inputs drops a key of that name, so no program can declare it; ${consequence}`;
      d.comments.push(`WARNING: ${path} is not declared: ${why}.`);
      warnings.push(`${d.kind} ${d.logicalName} (${d.id}): ${path} is not declared: ${why}.`);
    }
    all.push({ d, rules, live, refs });
    return d;
  };

  const groups: Group[] = [];
  const clusterDeclarations = new Map<string, Declaration>();
  const clusterGroups = new Map<string, Group>();
  let logConfigsNotAdopted = 0;
  for (const cluster of clusters) {
    const live = cluster as unknown as Bag;
    const d = add(declaration("ManagedCluster", cluster.id, literalArgs(CLUSTER, live, leftOutKeys)), CLUSTER, live);
    const group: Group = { title: `Cluster ${JSON.stringify(cluster.name ?? cluster.id)} (${cluster.id})`, declarations: [d], notes: [] };
    clusterDeclarations.set(cluster.id, d);
    clusterGroups.set(cluster.id, group);
    groups.push(group);
  }
  for (const client of clients) {
    const owner = clusterDeclarations.get(client.clusterId);
    const live = client as unknown as Bag;
    const args = literalArgs(MANAGED_CLIENT, live).map(([name, arg]): [string, Argument] => (name === "clusterId" && owner ? [name, { idOf: owner }] : [name, arg]));
    const d = add(declaration("ManagedClient", client.id, args), MANAGED_CLIENT, live, { clusterId: client.clusterId });
    if (client.name === serviceClientName(live)) d.comments.push(`Named by the service (${client.name}): the name is left to it.`);
    (clusterGroups.get(client.clusterId) ?? orphanGroup(groups)).declarations.push(d);
  }
  for (const cluster of clusters) {
    const config = tenant.logConfigs.get(cluster.id);
    if (!config) continue;
    const group = clusterGroups.get(cluster.id)!;
    if (options.includeLogConfigs) {
      const d = add(declaration("ClusterLogConfig", cluster.id, logConfigArgs(clusterDeclarations.get(cluster.id), cluster.id, config)), LOG_CONFIG, config as unknown as Bag, { clusterId: cluster.id });
      d.comments.push(
        `Active log configuration (${config.expiration ? `it ends ${config.expiration}` : "no end reported"}): adopting it sends one PUT ` +
          "with these levels and the same end. Once it has ended, ISC resets the cluster's logging and a drift check shows `+ create` for it.",
      );
      group.declarations.push(d);
    } else {
      logConfigsNotAdopted++;
      group.notes.push(
        `Active log configuration, not adopted (${config.expiration ? `it ends ${config.expiration}` : "it expires"}; --include-log-configs adopts it):`,
        `  ${describeLevels(config)}`,
      );
    }
  }
  const unlistedClusters = clients.filter((c) => !keptClusterIds.has(c.clusterId));
  if (unlistedClusters.length > 0) orphanGroup(groups).notes.push("clusterId is the cluster's id: its cluster is filtered out or not visible to this API client.");
  if (oauth.length > 0 || self) {
    const group: Group = { title: "OAuth clients", declarations: [], notes: [] };
    for (const client of oauth) {
      const live = client as unknown as Bag;
      const d = add(declaration("OAuthClient", client.id, literalArgs(OAUTH_CLIENT, live)), OAUTH_CLIENT, live);
      if (isSelf(client)) d.comments.push("The API client this program runs as: replacing it (scope, type, internal) changes the credentials Pulumi uses.");
      group.declarations.push(d);
    }
    if (self) group.notes.push(`Not declared: ${JSON.stringify(self.name ?? self.id)} (${self.id}), the API client this runs as; --include-self declares it.`);
    groups.push(group);
  }

  const targets = new Set(all.flatMap(({ d }) => d.args.flatMap(([, a]) => ("idOf" in a ? [a.idOf] : []))));
  const referenced = all.map(({ d }) => d).filter((d) => targets.has(d));
  const variables = identifiers(
    referenced.map((d) => ({ logicalName: d.logicalName, kind: d.kind })),
    new Set(["ManagedCluster", "ManagedClient", "OAuthClient", "ClusterLogConfig"]),
  );
  referenced.forEach((d, i) => (d.variable = variables[i]));
  for (const { d, rules, live, refs } of all) {
    const inputs = resolved(d.args, refs);
    d.problems = d.kind === "ClusterLogConfig" ? await checkOnly(rules, inputs) : await adoptionProblems(rules.provider, rules.schema, live, inputs);
  }
  return { groups, leftOutKeys, self, logConfigsNotAdopted, warnings, counts };
}

/** A log configuration has no importId: creating it is a PUT anyway, so only the check matters. */
async function checkOnly(rules: KindRules, inputs: Bag): Promise<string[]> {
  const { failures } = await rules.provider.check!({}, inputs);
  return (failures ?? []).map((f) => `${f.property} ${f.reason}`);
}

function orphanGroup(groups: Group[]): Group {
  const title = "Managed clients of clusters not in this program";
  let group = groups.find((g) => g.title === title);
  if (!group) {
    group = { title, declarations: [], notes: [] };
    const oauthAt = groups.findIndex((g) => g.title === "OAuth clients");
    groups.splice(oauthAt < 0 ? groups.length : oauthAt, 0, group);
  }
  return group;
}


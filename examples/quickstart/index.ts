import * as pulumi from "@pulumi/pulumi";
import { ClusterLogConfig, ManagedClient, ManagedCluster, OAuthClient } from "pulumi-sailpoint-isc";

const env = new pulumi.Config().get("environment") ?? "dev";

// A cluster for the virtual appliances of one data center. Only the configuration keys declared here are owned:
// keys the service adds show up in `liveConfiguration` and never cause a diff.
const cluster = new ManagedCluster("va-cluster", {
  name: `${env}-va-cluster`,
  type: "idn",
  description: "Virtual appliances in the primary data center",
  configuration: { gmtOffset: "-5" },
});

// One virtual appliance client of the cluster. Its key (`secret`) exists only in the create response: it is kept in
// state as a Pulumi secret, to configure the appliance with. Its status and last contact are the service's, never drift.
const va = new ManagedClient("va-1", {
  clusterId: cluster.id,
  type: "VA",
  name: `${env}-va-1`,
  description: "First virtual appliance",
});

// Debug logging for one connector, for four hours. ISC drops a log configuration when it expires; the next
// `pulumi up --refresh` re-applies it, and a scheduled drift check reports it as gone.
const logs = new ClusterLogConfig("va-cluster-logs", {
  clusterId: cluster.id,
  rootLevel: "INFO",
  logLevels: { "sailpoint.connector.JDBCConnector": "DEBUG" },
  durationMinutes: 240,
});

// An API client for a CI pipeline, with only the scopes it needs. Its secret exists only in the create response:
// it is kept in state as a Pulumi secret.
const ci = new OAuthClient("ci-pipeline", {
  name: `${env}-ci-pipeline`,
  description: "Client credentials for the deployment pipeline",
  accessTokenValiditySeconds: 750,
  grantTypes: ["CLIENT_CREDENTIALS"],
  accessType: "OFFLINE",
  scope: ["idn:remote-client:read", "idn:remote-client:manage"],
});

export const clusterId = cluster.id;
export const clusterStatus = cluster.status;
export const vaClientId = va.clientId;
// The appliance's key: `pulumi stack output vaKey --show-secrets`.
export const vaKey = pulumi.secret(va.secret);
export const logConfigExpiresAt = logs.expiresAt;
export const ciClientId = ci.clientId;
// Read it with `pulumi stack output ciClientSecret --show-secrets`.
export const ciClientSecret = pulumi.secret(ci.secret);

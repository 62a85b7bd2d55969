/** The example programs of the reference pages, as data: each page renders them in every language. */

/** Another example resource's output, e.g. `{ ref: "cluster", output: "id" }`. */
export interface OutputRef {
  ref: string;
  output: string;
}

export type ExampleValue = string | number | boolean | readonly string[] | Readonly<Record<string, string>> | OutputRef;

export interface ExampleResource {
  /** The program variable (camelCase). */
  variable: string;
  /** The resource's logical name. */
  name: string;
  type: string;
  args: Readonly<Record<string, ExampleValue>>;
}

export interface Example {
  resources: readonly ExampleResource[];
  /** Stack outputs by name. */
  exports: Readonly<Record<string, OutputRef>>;
}

const CLUSTER: ExampleResource = {
  variable: "cluster",
  name: "va",
  type: "ManagedCluster",
  args: { name: "Production VAs", description: "Virtual appliances of the production data center", configuration: { gmtOffset: "-5" } },
};

export const EXAMPLES: Readonly<Record<string, Example>> = {
  ManagedCluster: { resources: [CLUSTER], exports: { clusterId: { ref: "cluster", output: "id" } } },
  ManagedClient: {
    resources: [
      CLUSTER,
      {
        variable: "appliance",
        name: "va-1",
        type: "ManagedClient",
        args: { clusterId: { ref: "cluster", output: "id" }, name: "va-1", description: "First appliance" },
      },
    ],
    exports: { applianceKey: { ref: "appliance", output: "secret" } },
  },
  ClusterLogConfig: {
    resources: [
      CLUSTER,
      {
        variable: "logs",
        name: "va-logs",
        type: "ClusterLogConfig",
        args: { clusterId: { ref: "cluster", output: "id" }, rootLevel: "INFO", logLevels: { "sailpoint.connector": "DEBUG" }, durationMinutes: 120 },
      },
    ],
    exports: { logsExpireAt: { ref: "logs", output: "expiresAt" } },
  },
  OAuthClient: {
    resources: [
      {
        variable: "ci",
        name: "ci",
        type: "OAuthClient",
        args: {
          name: "ci-pipeline",
          description: "Client of the CI pipeline",
          accessTokenValiditySeconds: 3600,
          grantTypes: ["CLIENT_CREDENTIALS"],
          accessType: "OFFLINE",
          scope: ["idn:remote-client:read"],
        },
      },
    ],
    exports: { ciClientId: { ref: "ci", output: "clientId" }, ciClientSecret: { ref: "ci", output: "secret" } },
  },
};

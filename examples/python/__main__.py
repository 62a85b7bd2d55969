"""The quickstart in Python: a managed cluster, its virtual appliance client, debug logging and a CI OAuth client."""
import pulumi
import pulumi_sailpoint as sailpoint

env = pulumi.Config().get("environment") or "dev"

# A cluster for the virtual appliances of one data center. Only the configuration keys declared here are owned: keys
# the service adds show up in `live_configuration` and never cause a diff.
cluster = sailpoint.ManagedCluster(
    "va-cluster",
    name=f"{env}-va-cluster",
    type=sailpoint.ClusterType.IDN,
    description="Virtual appliances in the primary data center",
    configuration={"gmtOffset": "-5"},
)

# One virtual appliance client of the cluster. Its key (`secret`) exists only in the create response: the state keeps
# it as a Pulumi secret, to configure the appliance with.
va = sailpoint.ManagedClient(
    "va-1",
    cluster_id=cluster.id,
    type=sailpoint.ManagedClientType.VA,
    name=f"{env}-va-1",
    description="First virtual appliance",
)

# Debug logging for one connector, for four hours.
logs = sailpoint.ClusterLogConfig(
    "va-cluster-logs",
    cluster_id=cluster.id,
    root_level=sailpoint.LogLevel.INFO,
    log_levels={"sailpoint.connector.JDBCConnector": sailpoint.LogLevel.DEBUG},
    duration_minutes=240,
)

# An API client for a CI pipeline, with only the scopes it needs. Its secret exists only in the create response: the
# state keeps it as a Pulumi secret.
ci = sailpoint.OAuthClient(
    "ci-pipeline",
    name=f"{env}-ci-pipeline",
    description="Client credentials for the deployment pipeline",
    access_token_validity_seconds=750,
    grant_types=[sailpoint.GrantType.CLIENT_CREDENTIALS],
    access_type=sailpoint.AccessType.OFFLINE,
    scope=["idn:remote-client:read", "idn:remote-client:manage"],
)

# A lookup: every cluster of this environment's name, read when the program runs.
same_name = sailpoint.list_managed_clusters_output(name=cluster.name)

pulumi.export("clusterId", cluster.id)
pulumi.export("vaClientId", va.client_id)
pulumi.export("vaKey", va.secret)  # a secret: `pulumi stack output vaKey --show-secrets`
pulumi.export("logConfigExpiresAt", logs.expires_at)
pulumi.export("ciClientId", ci.client_id)
pulumi.export("ciClientSecret", ci.secret)  # a secret: `pulumi stack output ciClientSecret --show-secrets`
pulumi.export("clustersNamedLikeThis", same_name.items.apply(len))

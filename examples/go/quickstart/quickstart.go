// Package quickstart declares a managed cluster, its virtual appliance client, debug logging and a CI OAuth client.
package quickstart

import (
	"fmt"

	"github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/sdks/go/sailpoint"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

// Program is the Pulumi program.
func Program(ctx *pulumi.Context) error {
	env := config.Get(ctx, "environment")
	if env == "" {
		env = "dev"
	}

	// A cluster for the virtual appliances of one data center. Only the configuration keys declared here are owned:
	// keys the service adds show up in LiveConfiguration and never cause a diff.
	cluster, err := sailpoint.NewManagedCluster(ctx, "va-cluster", &sailpoint.ManagedClusterArgs{
		Name:          pulumi.String(fmt.Sprintf("%s-va-cluster", env)),
		Type:          sailpoint.ClusterTypeIdn,
		Description:   pulumi.String("Virtual appliances in the primary data center"),
		Configuration: pulumi.StringMap{"gmtOffset": pulumi.String("-5")},
	})
	if err != nil {
		return err
	}

	// One virtual appliance client of the cluster. Its key (Secret) exists only in the create response: the state
	// keeps it as a Pulumi secret, to configure the appliance with.
	va, err := sailpoint.NewManagedClient(ctx, "va-1", &sailpoint.ManagedClientArgs{
		ClusterId:   cluster.ID(),
		Type:        sailpoint.ManagedClientTypeVa,
		Name:        pulumi.String(fmt.Sprintf("%s-va-1", env)),
		Description: pulumi.String("First virtual appliance"),
	})
	if err != nil {
		return err
	}

	// Debug logging for one connector, for four hours.
	logs, err := sailpoint.NewClusterLogConfig(ctx, "va-cluster-logs", &sailpoint.ClusterLogConfigArgs{
		ClusterId:       cluster.ID(),
		RootLevel:       sailpoint.LogLevelInfo,
		LogLevels:       sailpoint.LogLevelMap{"sailpoint.connector.JDBCConnector": sailpoint.LogLevelDebug},
		DurationMinutes: pulumi.Int(240),
	})
	if err != nil {
		return err
	}

	// An API client for a CI pipeline, with only the scopes it needs. Its secret exists only in the create response:
	// the state keeps it as a Pulumi secret.
	ci, err := sailpoint.NewOAuthClient(ctx, "ci-pipeline", &sailpoint.OAuthClientArgs{
		Name:                       pulumi.String(fmt.Sprintf("%s-ci-pipeline", env)),
		Description:                pulumi.String("Client credentials for the deployment pipeline"),
		AccessTokenValiditySeconds: pulumi.Int(750),
		GrantTypes:                 sailpoint.GrantTypeArray{sailpoint.GrantTypeClientCredentials},
		AccessType:                 sailpoint.AccessTypeOffline,
		Scope:                      pulumi.StringArray{pulumi.String("idn:remote-client:read"), pulumi.String("idn:remote-client:manage")},
	})
	if err != nil {
		return err
	}

	// A lookup: every cluster with this name, read when the program runs.
	sameName := sailpoint.ListManagedClustersOutput(ctx, sailpoint.ListManagedClustersOutputArgs{Name: cluster.Name})

	ctx.Export("clusterId", cluster.ID())
	ctx.Export("vaClientId", va.ClientId)
	ctx.Export("vaKey", va.Secret) // a secret: `pulumi stack output vaKey --show-secrets`
	ctx.Export("logConfigExpiresAt", logs.ExpiresAt)
	ctx.Export("ciClientId", ci.ClientId)
	ctx.Export("ciClientSecret", ci.Secret) // a secret: `pulumi stack output ciClientSecret --show-secrets`
	ctx.Export("clustersNamedLikeThis", sameName.Items().ApplyT(func(items []sailpoint.ManagedClusterInfo) int { return len(items) }))
	return nil
}

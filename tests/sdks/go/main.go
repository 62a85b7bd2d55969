// Command driver runs one Automation API operation on a Go inline program, for tests/sdks/go.test.ts.
//
//	driver <request.json>
//
// The request has the shape tests/sdks/python/driver.py reads: the project and its directory (its Pulumi.yaml, written
// by the test, points plugins.providers at the plugin), the stack, the stack configuration, the operation (up,
// preview, refresh, destroy, or outputs: none) and the program: {"example": true} runs examples/go's quickstart.Program,
// {"lifecycle": {...}} the program below. The last stdout line is the result as JSON.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/examples/go/quickstart"
	"github.com/pulumi-sailpoint-isc/pulumi-sailpoint-isc/sdks/go/sailpoint"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

type setting struct {
	Value  string `json:"value"`
	Secret bool   `json:"secret"`
}

type lifecycleParams struct {
	Prefix             string            `json:"prefix"`
	ClusterDescription string            `json:"clusterDescription"`
	Imports            map[string]string `json:"imports"`
}

type request struct {
	Project   string             `json:"project"`
	WorkDir   string             `json:"workDir"`
	Stack     string             `json:"stack"`
	Operation string             `json:"operation"`
	Config    map[string]setting `json:"config"`
	Program   struct {
		Example   bool             `json:"example"`
		Lifecycle *lifecycleParams `json:"lifecycle"`
	} `json:"program"`
}

type outputValue struct {
	Value  any  `json:"value"`
	Secret bool `json:"secret"`
}

type result struct {
	Summary map[string]int         `json:"summary,omitempty"`
	Outputs map[string]outputValue `json:"outputs"`
}

// lifecycle declares a cluster, a VA client, a log configuration and an OAuth client; Imports adopts existing
// objects instead (then no map is declared: an import holds only the keys a program declares).
func lifecycle(p lifecycleParams) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		opts := func(name string) []pulumi.ResourceOption {
			if id, ok := p.Imports[name]; ok {
				return []pulumi.ResourceOption{pulumi.Import(pulumi.ID(id))}
			}
			return nil
		}
		importing := len(p.Imports) > 0
		clusterArgs := &sailpoint.ManagedClusterArgs{
			Name:        pulumi.String(p.Prefix + "-cluster"),
			Description: pulumi.String(p.ClusterDescription),
		}
		if !importing {
			clusterArgs.Configuration = pulumi.StringMap{"gmtOffset": pulumi.String("-5")}
		}
		cluster, err := sailpoint.NewManagedCluster(ctx, "cluster", clusterArgs, opts("cluster")...)
		if err != nil {
			return err
		}
		client, err := sailpoint.NewManagedClient(ctx, "va", &sailpoint.ManagedClientArgs{
			ClusterId:   cluster.ID(),
			Type:        sailpoint.ManagedClientTypeVa,
			Name:        pulumi.String(p.Prefix + "-va"),
			Description: pulumi.String("VA of the SDK suite"),
		}, opts("va")...)
		if err != nil {
			return err
		}
		logArgs := &sailpoint.ClusterLogConfigArgs{ClusterId: cluster.ID(), RootLevel: sailpoint.LogLevelInfo, DurationMinutes: pulumi.Int(240)}
		if !importing {
			logArgs.LogLevels = sailpoint.LogLevelMap{"sailpoint.connector.JDBCConnector": sailpoint.LogLevelDebug}
		}
		logs, err := sailpoint.NewClusterLogConfig(ctx, "logs", logArgs, opts("logs")...)
		if err != nil {
			return err
		}
		oauth, err := sailpoint.NewOAuthClient(ctx, "ci", &sailpoint.OAuthClientArgs{
			Name:                       pulumi.String(p.Prefix + "-ci"),
			Description:                pulumi.String("CI client of the SDK suite"),
			AccessTokenValiditySeconds: pulumi.Int(750),
			GrantTypes:                 sailpoint.GrantTypeArray{sailpoint.GrantTypeClientCredentials},
			AccessType:                 sailpoint.AccessTypeOffline,
		}, opts("ci")...)
		if err != nil {
			return err
		}
		ctx.Export("clusterId", cluster.ID())
		ctx.Export("vaClientId", client.ID())
		ctx.Export("logsId", logs.ID())
		ctx.Export("oauthId", oauth.ID())
		// Not wrapped in pulumi.ToSecret: the plugin marks it secret, and so must the SDK's outputs.
		ctx.Export("oauthSecret", oauth.Secret)
		named := sailpoint.ListManagedClustersOutput(ctx, sailpoint.ListManagedClustersOutputArgs{Name: cluster.Name})
		ctx.Export("clusterCount", named.Items().ApplyT(func(items []sailpoint.ManagedClusterInfo) int { return len(items) }))
		return nil
	}
}

func run(path string) (*result, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var req request
	if err := json.Unmarshal(text, &req); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	program := pulumi.RunFunc(quickstart.Program)
	if !req.Program.Example {
		if req.Program.Lifecycle == nil {
			return nil, fmt.Errorf("the request names no program")
		}
		program = lifecycle(*req.Program.Lifecycle)
	}

	ctx := context.Background()
	stack, err := auto.UpsertStackInlineSource(ctx, req.Stack, req.Project, program, auto.WorkDir(req.WorkDir))
	if err != nil {
		return nil, err
	}
	for key, s := range req.Config {
		if err := stack.SetConfig(ctx, key, auto.ConfigValue{Value: s.Value, Secret: s.Secret}); err != nil {
			return nil, err
		}
	}

	out := &result{}
	switch req.Operation {
	case "up":
		res, err := stack.Up(ctx, optup.ProgressStreams(os.Stderr))
		if err != nil {
			return nil, err
		}
		out.Summary = *res.Summary.ResourceChanges
	case "preview":
		res, err := stack.Preview(ctx, optpreview.ProgressStreams(os.Stderr))
		if err != nil {
			return nil, err
		}
		out.Summary = map[string]int{}
		for op, n := range res.ChangeSummary {
			out.Summary[string(op)] = n
		}
	case "refresh":
		res, err := stack.Refresh(ctx, optrefresh.ProgressStreams(os.Stderr))
		if err != nil {
			return nil, err
		}
		out.Summary = *res.Summary.ResourceChanges
	case "destroy":
		res, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stderr))
		if err != nil {
			return nil, err
		}
		out.Summary = *res.Summary.ResourceChanges
	case "outputs":
	default:
		return nil, fmt.Errorf("unknown operation %q", req.Operation)
	}

	outputs, err := stack.Outputs(ctx)
	if err != nil {
		return nil, err
	}
	out.Outputs = map[string]outputValue{}
	for name, o := range outputs {
		out.Outputs[name] = outputValue{Value: o.Value, Secret: o.Secret}
	}
	return out, nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: driver <request.json>")
		os.Exit(2)
	}
	out, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	text, err := json.Marshal(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	fmt.Println(string(text))
}

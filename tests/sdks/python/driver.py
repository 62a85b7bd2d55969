"""One Automation API operation on a Python inline program, for tests/sdks/python.test.ts.

    python driver.py <request.json>

The request names the project and its directory (its Pulumi.yaml, written by the test, points `plugins.providers`
at the plugin), the stack, the stack configuration, the operation (up, preview, refresh, destroy, or outputs: none)
and the program: `{"example": <path>}` runs that file (examples/python/__main__.py), `{"lifecycle": {...}}` the
program below. The last stdout line is the result as JSON: the change summary and the stack outputs (value and whether it is a secret).
"""
import json
import runpy
import sys

import pulumi
import pulumi.automation as auto
import pulumi_sailpoint as sailpoint


def lifecycle(params: dict) -> None:
    """A cluster, a VA client, a log configuration and an OAuth client; `imports` adopts existing objects instead."""
    prefix = params["prefix"]
    imports = params.get("imports") or {}

    def opts(name: str) -> pulumi.ResourceOptions:
        return pulumi.ResourceOptions(import_=imports.get(name))

    cluster_args: dict = {"name": f"{prefix}-cluster", "description": params["clusterDescription"]}
    if not imports:
        cluster_args["configuration"] = {"gmtOffset": "-5"}
    cluster = sailpoint.ManagedCluster("cluster", **cluster_args, opts=opts("cluster"))
    client = sailpoint.ManagedClient(
        "va",
        cluster_id=cluster.id,
        type=sailpoint.ManagedClientType.VA,
        name=f"{prefix}-va",
        description="VA of the SDK suite",
        opts=opts("va"),
    )
    logs = sailpoint.ClusterLogConfig(
        "logs",
        cluster_id=cluster.id,
        root_level=sailpoint.LogLevel.INFO,
        duration_minutes=240,
        **({} if imports else {"log_levels": {"sailpoint.connector.JDBCConnector": sailpoint.LogLevel.DEBUG}}),
        opts=opts("logs"),
    )
    oauth = sailpoint.OAuthClient(
        "ci",
        name=f"{prefix}-ci",
        description="CI client of the SDK suite",
        access_token_validity_seconds=750,
        grant_types=[sailpoint.GrantType.CLIENT_CREDENTIALS],
        access_type=sailpoint.AccessType.OFFLINE,
        opts=opts("ci"),
    )
    pulumi.export("clusterId", cluster.id)
    pulumi.export("vaClientId", client.id)
    pulumi.export("logsId", logs.id)
    pulumi.export("oauthId", oauth.id)
    # Not wrapped in pulumi.Output.secret: the plugin marks it secret, and so must the SDK's outputs.
    pulumi.export("oauthSecret", oauth.secret)
    pulumi.export("clusterCount", sailpoint.list_managed_clusters_output(name=cluster.name).items.apply(len))


def log(line: str) -> None:
    print(line, file=sys.stderr)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    program = request["program"]
    if "example" in program:
        def run() -> None:
            runpy.run_path(program["example"], run_name="__main__")
    else:
        def run() -> None:
            lifecycle(program["lifecycle"])

    stack = auto.create_or_select_stack(
        stack_name=request["stack"],
        project_name=request["project"],
        program=run,
        opts=auto.LocalWorkspaceOptions(work_dir=request["workDir"]),
    )
    for key, setting in request.get("config", {}).items():
        stack.set_config(key, auto.ConfigValue(value=setting["value"], secret=setting.get("secret", False)))

    operation = request["operation"]
    result: dict = {}
    if operation == "up":
        result["summary"] = stack.up(on_output=log).summary.resource_changes
    elif operation == "preview":
        result["summary"] = stack.preview(on_output=log).change_summary
    elif operation == "refresh":
        result["summary"] = stack.refresh(on_output=log).summary.resource_changes
    elif operation == "destroy":
        result["summary"] = stack.destroy(on_output=log).summary.resource_changes
    elif operation != "outputs":
        raise ValueError(f"unknown operation {operation}")
    result["outputs"] = {name: {"value": o.value, "secret": o.secret} for name, o in stack.outputs().items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()

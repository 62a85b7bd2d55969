import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as sinon from "sinon";
import { ClusterLogConfig } from "../../sdk/cluster-log-config";
import { runUnderMocks } from "../harness/mock-runtime";

describe("ClusterLogConfig resource class", () => {
  afterEach(() => sinon.restore());

  it("registers sailpoint:ClusterLogConfig with every output seeded and the args as inputs", async () => {
    const run = await runUnderMocks(() => {
      const config = new ClusterLogConfig("logs", { clusterId: "c1", rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 });
      return { expiresAt: config.expiresAt, clientId: config.clientId };
    });
    expect(run.rejections).to.deep.equal([]);
    const [reg] = run.registrations;
    expect(reg.type).to.equal("pulumi-nodejs:dynamic/sailpoint:ClusterLogConfig");
    expect(reg.inputs).to.deep.include({ clusterId: "c1", rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 });
    expect(typeof reg.inputs.__provider).to.equal("string");
  });

  it("warns, without failing, when the root level resolves to TRACE", async () => {
    const warn = sinon.stub(pulumi.log, "warn");
    const run = await runUnderMocks(() => {
      const cluster = pulumi.output("c1");
      new ClusterLogConfig("traced", { clusterId: cluster, rootLevel: pulumi.output("TRACE" as const) });
      new ClusterLogConfig("quiet", { clusterId: cluster, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" } });
    });
    expect(run.rejections).to.deep.equal([]);
    expect(run.registrations).to.have.length(2);
    expect(warn.callCount).to.equal(1);
    expect(warn.firstCall.args[0]).to.contain("TRACE");
    expect(warn.firstCall.args[1]).to.be.instanceOf(ClusterLogConfig);
  });
});

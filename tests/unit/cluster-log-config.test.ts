import { expect } from "chai";
import * as sinon from "sinon";
import type { ClientLogConfiguration } from "../../provider/api/types";
import { mapConfig } from "../../provider/config";
import { configureFrom, isc } from "../../provider/context";
import { UNKNOWN } from "../../provider/engine/values";
import { IscApiError } from "../../provider/http/errors";
import { clusterLogConfig as provider } from "../../provider/resources/cluster-log-config";

type Bag = Record<string, unknown>;

const NOW = Date.parse("2030-01-15T12:00:00.000Z");
const CLUSTER = "2c9180897de347a2017de8859e8c5039";
const PROVIDER = { __provider: "shim" };
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

function notFound(method: string): IscApiError {
  return new IscApiError({ method, path: `managed-clusters/${CLUSTER}/log-config`, status: 404 });
}

async function check(news: Bag, olds: Bag = {}) {
  return provider.check!(olds, { ...PROVIDER, ...news });
}

async function failuresOf(news: Bag, olds: Bag = {}) {
  return (await check(news, olds)).failures ?? [];
}

describe("ClusterLogConfig provider", () => {
  let clock: sinon.SinonFakeTimers;
  let put: sinon.SinonStub;
  let get: sinon.SinonStub;

  before(() => {
    configureFrom(mapConfig({ "sailpoint:baseUrl": "http://127.0.0.1:1", "sailpoint:clientId": "id", "sailpoint:clientSecret": "secret" }));
  });

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const api = isc().managedClusters;
    put = sinon.stub(api, "putLogConfig").callsFake(async (_id: string, body: ClientLogConfiguration) => ({
      clientId: "3a38a51992e8445ab51a549c0a70ee66",
      ...body,
      ...(body.expiration ? {} : { durationMinutes: body.durationMinutes ?? 240 }),
      expiration: body.expiration ?? iso((body.durationMinutes ?? 240) * MIN),
    }));
    get = sinon.stub(api, "getLogConfig");
  });

  afterEach(() => {
    sinon.restore();
    clock.restore();
  });

  describe("check", () => {
    it("accepts a valid configuration and keeps __provider, without any request", async () => {
      const result = await check({ clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" }, durationMinutes: 120 });
      expect(result.failures).to.deep.equal([]);
      expect(result.inputs).to.deep.equal({
        ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" }, durationMinutes: 120,
      });
      expect(put.called || get.called).to.equal(false);
    });

    it("accepts neither timing field, and a TRACE root level (a warning in the program, not an error)", async () => {
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "TRACE" })).to.deep.equal([]);
    });

    it("requires clusterId and rootLevel", async () => {
      const properties = (await failuresOf({})).map((f) => f.property);
      expect(properties).to.have.members(["clusterId", "rootLevel"]);
    });

    it("rejects a bad root level and a bad logger level, naming each", async () => {
      const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "VERBOSE", logLevels: { "a.b": "debug" } });
      expect(failures.map((f) => f.property)).to.have.members(["rootLevel", "logLevels.a.b"]);
      expect(failures[0].reason).to.contain("OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE");
    });

    it("rejects an empty logger name", async () => {
      const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", logLevels: { " ": "DEBUG" } });
      expect(failures).to.have.length(1);
      expect(failures[0].property).to.equal("logLevels");
      expect(failures[0].reason).to.contain("empty");
    });

    for (const minutes of [4, 1441, 30.5]) {
      it(`rejects durationMinutes ${minutes}`, async () => {
        const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", durationMinutes: minutes });
        expect(failures.map((f) => f.property)).to.deep.equal(["durationMinutes"]);
      });
    }

    it("rejects both timing fields together", async () => {
      const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", durationMinutes: 60, expiration: iso(HOUR) });
      expect(failures).to.have.length(1);
      expect(failures[0].property).to.equal("expiration");
      expect(failures[0].reason).to.contain("durationMinutes");
    });

    it("rejects an expiration in the past, more than 24 h ahead, or not a date-time", async () => {
      for (const expiration of [iso(-MIN), iso(0), iso(24 * HOUR + MIN), "tomorrow"]) {
        const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", expiration });
        expect(failures.map((f) => f.property), expiration).to.deep.equal(["expiration"]);
      }
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", expiration: iso(24 * HOUR) })).to.deep.equal([]);
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", expiration: "2030-01-15T13:00:00+01:00" })).to.have.length(1);
    });

    it("does not fail an unchanged expiration that has since passed, but does when it would be sent again", async () => {
      const olds = { ...PROVIDER, clusterId: CLUSTER, rootLevel: "INFO", expiration: iso(-HOUR) };
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", expiration: iso(-HOUR) }, olds)).to.deep.equal([]);
      const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "DEBUG", expiration: iso(-HOUR) }, olds);
      expect(failures.map((f) => f.property)).to.deep.equal(["expiration"]);
    });

    it("tolerates the unknown placeholder anywhere, skipping the cross-field checks it is part of", async () => {
      expect(await failuresOf({ clusterId: UNKNOWN, rootLevel: UNKNOWN, logLevels: UNKNOWN, durationMinutes: UNKNOWN })).to.deep.equal([]);
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", durationMinutes: UNKNOWN, expiration: iso(HOUR) })).to.deep.equal([]);
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", durationMinutes: 60, expiration: UNKNOWN })).to.deep.equal([]);
      expect(await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", logLevels: { "a.b": UNKNOWN } })).to.deep.equal([]);
    });

    it("rejects properties it does not know", async () => {
      const failures = await failuresOf({ clusterId: CLUSTER, rootLevel: "INFO", expiresAt: iso(HOUR) });
      expect(failures.map((f) => f.property)).to.deep.equal(["expiresAt"]);
    });
  });

  describe("diff", () => {
    const olds = {
      ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60,
      clientId: "c", expiresAt: iso(-10 * HOUR),
    };
    const news = { ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 };

    it("reports no change when only time has passed (expiresAt is never compared), nor for a new __provider", async () => {
      clock.tick(48 * HOUR);
      expect(await provider.diff!(CLUSTER, olds, { ...news, __provider: "other" })).to.deep.equal({ changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("replaces on a new clusterId", async () => {
      const result = await provider.diff!(CLUSTER, olds, { ...news, clusterId: "other" });
      expect(result).to.deep.include({ changes: true, replaces: ["clusterId"] });
    });

    it("updates in place on rootLevel, logLevels and the timing fields", async () => {
      for (const change of [{ rootLevel: "INFO" }, { logLevels: { "a.b": "DEBUG" } }, { logLevels: {} }, { durationMinutes: 30 }, { durationMinutes: undefined, expiration: iso(HOUR) }]) {
        const result = await provider.diff!(CLUSTER, olds, { ...news, ...change });
        expect(result, JSON.stringify(change)).to.deep.include({ changes: true, replaces: [] });
      }
    });

    it("treats an omitted logLevels like an empty map", async () => {
      const { logLevels: _, ...withoutLevels } = news;
      const result = await provider.diff!(CLUSTER, { ...olds, logLevels: {} }, withoutLevels);
      expect(result.changes).to.equal(false);
    });
  });

  describe("create and update", () => {
    it("sends one PUT with the levels and exactly the declared duration", async () => {
      const inputs = { ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 120 };
      const result = await provider.create(inputs);
      expect(put.callCount).to.equal(1);
      expect(put.firstCall.args).to.deep.equal([CLUSTER, { rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 120 }]);
      expect(result.id).to.equal(CLUSTER);
      expect(result.outs).to.deep.equal({
        clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 120,
        clientId: "3a38a51992e8445ab51a549c0a70ee66", expiresAt: iso(120 * MIN),
      });
    });

    it("sends exactly the declared expiration, and echoes it as declared", async () => {
      const expiration = iso(3 * HOUR);
      const result = await provider.create({ ...PROVIDER, clusterId: CLUSTER, rootLevel: "WARN", expiration });
      expect(put.firstCall.args[1]).to.deep.equal({ rootLevel: "WARN", logLevels: {}, expiration });
      expect(result.outs).to.deep.include({ expiration, expiresAt: expiration });
      expect(result.outs).not.to.have.property("durationMinutes");
    });

    it("sends neither timing field when neither is declared, and computes expiresAt if the service reports none", async () => {
      put.callsFake(async (_id: string, body: ClientLogConfiguration) => ({ ...body, durationMinutes: 240 }));
      const result = await provider.create({ ...PROVIDER, clusterId: CLUSTER, rootLevel: "INFO" });
      expect(put.firstCall.args[1]).to.deep.equal({ rootLevel: "INFO", logLevels: {} });
      // A service field the answer lacks is null, never missing: outputs keep one shape.
      expect(result.outs).to.deep.equal({
        clusterId: CLUSTER, rootLevel: "INFO", expiresAt: iso(240 * MIN), clientId: null,
        // Left out by the program: the service's values, named as such.
        logLevels: {}, durationMinutes: 240, __omitted: ["logLevels", "durationMinutes"],
      });
    });

    it("keeps outputs JSON-clean when the PUT answers without a body", async () => {
      put.resolves(undefined);
      const result = await provider.create({ ...PROVIDER, clusterId: CLUSTER, rootLevel: "INFO", logLevels: {}, durationMinutes: 5 });
      expect(result.outs).to.deep.equal({ clusterId: CLUSTER, rootLevel: "INFO", logLevels: {}, durationMinutes: 5, expiresAt: iso(5 * MIN), clientId: null });
      expect(JSON.parse(JSON.stringify(result.outs))).to.deep.equal(result.outs);
    });

    it("names clusterId when the cluster does not exist", async () => {
      put.rejects(notFound("PUT"));
      const error = await provider.create({ ...PROVIDER, clusterId: CLUSTER, rootLevel: "INFO" }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.equal(`clusterId: managed cluster "${CLUSTER}" does not exist`);
      expect(error).not.to.have.property("id");
    });

    it("passes other failures through", async () => {
      const failure = new IscApiError({ method: "PUT", path: "x", status: 400, messages: ["bad"] });
      put.rejects(failure);
      const error = await provider.create({ ...PROVIDER, clusterId: CLUSTER, rootLevel: "INFO" }).catch((e: unknown) => e);
      expect(error).to.equal(failure);
    });

    it("update sends one PUT of the whole new configuration and returns the full outputs", async () => {
      const olds = { ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60, expiresAt: iso(HOUR) };
      const news = { ...PROVIDER, clusterId: CLUSTER, rootLevel: "ERROR", expiration: iso(2 * HOUR) };
      const result = await provider.update!(CLUSTER, olds, news);
      expect(put.callCount).to.equal(1);
      expect(put.firstCall.args).to.deep.equal([CLUSTER, { rootLevel: "ERROR", logLevels: {}, expiration: iso(2 * HOUR) }]);
      expect(result.outs).to.deep.equal({
        clusterId: CLUSTER, rootLevel: "ERROR", expiration: iso(2 * HOUR), clientId: "3a38a51992e8445ab51a549c0a70ee66", expiresAt: iso(2 * HOUR),
        logLevels: {}, __omitted: ["logLevels"],
      });
    });

    it("update names clusterId when the cluster is gone", async () => {
      put.rejects(notFound("PUT"));
      const error = await provider.update!(CLUSTER, {}, { clusterId: CLUSTER, rootLevel: "INFO" }).catch((e: unknown) => e);
      expect((error as Error).message).to.equal(`clusterId: managed cluster "${CLUSTER}" does not exist`);
    });
  });

  describe("read", () => {
    const props = {
      ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60, clientId: "c", expiresAt: iso(HOUR),
    };

    it("reports the configuration gone on 204", async () => {
      get.resolves(undefined);
      expect(await provider.read!(CLUSTER, props)).to.deep.equal({ id: "", props: {} });
      expect(get.firstCall.args).to.deep.equal([CLUSTER]);
    });

    it("reports the configuration gone when the cluster is gone", async () => {
      get.rejects(notFound("GET"));
      expect(await provider.read!(CLUSTER, props)).to.deep.equal({ id: "", props: {} });
    });

    it("reports the configuration gone once expired, by the service's expiration or the stored expiresAt", async () => {
      get.resolves({ rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, expiration: iso(-MIN) });
      expect((await provider.read!(CLUSTER, props)).id).to.equal("");
      get.resolves({ rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 });
      expect((await provider.read!(CLUSTER, { ...props, expiresAt: iso(-MIN) })).id).to.equal("");
    });

    it("echoes the live levels (the whole map) as drift, keeping the declared timing field", async () => {
      get.resolves({
        clientId: "c", rootLevel: "INFO", logLevels: { "a.b": "DEBUG", "x.y": "ERROR" }, durationMinutes: 17, expiration: iso(30 * MIN),
      });
      const result = await provider.read!(CLUSTER, props);
      const expected = { clusterId: CLUSTER, rootLevel: "INFO", logLevels: { "a.b": "DEBUG", "x.y": "ERROR" }, durationMinutes: 60 };
      expect(result).to.deep.equal({ id: CLUSTER, props: { ...expected, clientId: "c", expiresAt: iso(30 * MIN) }, inputs: expected });
      const diff = await provider.diff!(CLUSTER, result.props!, { ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 });
      expect(diff.changes).to.equal(true);
    });

    it("reports no drift when only time has passed", async () => {
      clock.tick(30 * MIN);
      get.resolves({ clientId: "c", rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 30, expiration: iso(HOUR) });
      const result = await provider.read!(CLUSTER, props);
      expect(result.inputs).to.deep.equal({ clusterId: CLUSTER, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 });
      const { __provider: _, ...declared } = props;
      expect((await provider.diff!(CLUSTER, result.props!, { ...PROVIDER, ...declared })).changes).to.equal(false);
    });

    it("shows loggers added out of band as drift when none are declared", async () => {
      get.resolves({ rootLevel: "INFO", logLevels: { "x.y": "DEBUG" }, expiration: iso(HOUR) });
      const declared = { clusterId: CLUSTER, rootLevel: "INFO" };
      const result = await provider.read!(CLUSTER, { ...PROVIDER, ...declared, expiresAt: iso(HOUR) });
      expect(result.inputs).to.deep.equal({ ...declared, logLevels: { "x.y": "DEBUG" } });
      expect((await provider.diff!(CLUSTER, result.props!, { ...PROVIDER, ...declared })).changes).to.equal(true);
    });

    it("keeps the stored expiresAt when the service reports no expiration", async () => {
      get.resolves({ rootLevel: "DEBUG", logLevels: { "a.b": "TRACE" }, durationMinutes: 60 });
      const result = await provider.read!(CLUSTER, props);
      expect(result.id).to.equal(CLUSTER);
      expect(result.props).to.deep.include({ expiresAt: iso(HOUR) });
      expect(result.props).to.have.property("clientId", null);
    });
  });

  describe("delete", () => {
    // A cluster no create of this process configured (the tests above configured CLUSTER).
    const OTHER = "2c9180897de347a2017de8859e8c5040";

    it("resets the cluster to a neutral configuration", async () => {
      await provider.delete!(OTHER, { clusterId: OTHER, rootLevel: "TRACE", logLevels: { "a.b": "TRACE" }, expiration: iso(HOUR) });
      expect(put.callCount).to.equal(1);
      expect(put.firstCall.args).to.deep.equal([OTHER, { rootLevel: "INFO", logLevels: {}, durationMinutes: 5 }]);
    });

    it("succeeds when the cluster is gone", async () => {
      put.rejects(notFound("PUT"));
      await provider.delete!(OTHER, { clusterId: OTHER, rootLevel: "INFO" });
    });

    it("fails on other errors", async () => {
      put.rejects(new IscApiError({ method: "PUT", path: "x", status: 403 }));
      const error = await provider.delete!(OTHER, { clusterId: OTHER, rootLevel: "INFO" }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(IscApiError);
    });

    it("sends nothing for a cluster a create of this deployment configured (a replacement's old copy)", async () => {
      await provider.create!({ ...PROVIDER, clusterId: CLUSTER, rootLevel: "DEBUG" });
      put.resetHistory();
      await provider.delete!(CLUSTER, { clusterId: CLUSTER, rootLevel: "INFO" });
      expect(put.callCount).to.equal(0);
    });
  });
});

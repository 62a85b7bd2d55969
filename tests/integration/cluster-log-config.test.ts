import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as sinon from "sinon";
import { IscEmulator } from "../../emulator";
import { HostError, ProviderHost, UNKNOWN, urnFor } from "../harness/host";
import { LifecycleDriver } from "../harness/lifecycle";
import { providerText, resourceClass } from "../harness/provider-text";
import { rejection } from "../support/rejection";
import { onEmulatorAndHost } from "./stage";
import { apiCalls, lines } from "./wire";

type Bag = Record<string, unknown>;
type Ctor = new (name: string, args: Bag) => Record<string, unknown>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An ISO date-time `ms` from now (real time, which the provider checks expirations against). */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();
const path = (clusterId: string) => `/v2025/managed-clusters/${clusterId}/log-config`;
/** What delete leaves behind. */
const NEUTRAL = { rootLevel: "INFO", logLevels: {}, durationMinutes: 5 };

describe("ClusterLogConfig through the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;
  let n = 0;

  // Tokens that outlive the clock jumps below, and no rate limit to remember requests made "in the future".
  onEmulatorAndHost((stage) => ({ emulator, host } = stage), { tokenTtlSeconds: 3 * 24 * 3600, rateLimit: false });

  const cluster = () => emulator.seedCluster({ name: `logs-${++n}` }).id;

  /** Check + Create on a fresh cluster (unless `clusterId` is given); returns the urn, checked inputs, id and outputs. */
  /** Check + Create of a log configuration on a new cluster (or on `clusterId`). */
  async function created(inputs: Bag, clusterId = cluster()) {
    const urn = urnFor("ClusterLogConfig", `l${++n}`);
    const checked = await host.check(urn, {}, { clusterId, ...inputs });
    expect(checked.failures).to.deep.equal([]);
    const result = await host.create(urn, checked.inputs);
    const response = apiCalls(emulator).at(-1)?.responseBody as Bag;
    emulator.clearRequests();
    return { urn, inputs: checked.inputs, id: result.id, clusterId, outputs: result.properties, response };
  }

  const hostError = (call: Promise<unknown>) => rejection(call, HostError);

  /** Runs `fn` with the emulator's clock moved ahead by `ms`, then moves it back. */
  async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
    emulator.advanceClock(ms);
    try {
      return await fn();
    } finally {
      emulator.advanceClock(-ms);
    }
  }

  describe("check", () => {
    it("names each bad property and sends nothing", async () => {
      const urn = urnFor("ClusterLogConfig", "bad");
      const missing = await host.check(urn, {}, {});
      expect(missing.failures).to.have.deep.members([
        { property: "clusterId", reason: "is required for ClusterLogConfig" },
        { property: "rootLevel", reason: "is required for ClusterLogConfig" },
      ]);
      expect(missing.failures).to.have.length(2);

      const cases: Array<[Bag, string, string]> = [
        [{ durationMinutes: 30, expiration: fromNow(HOUR) }, "expiration", "cannot be set together with durationMinutes"],
        [{ durationMinutes: 4 }, "durationMinutes", "must be at least 5, got 4"],
        [{ durationMinutes: 1441 }, "durationMinutes", "must be at most 1440, got 1441"],
        [{ durationMinutes: 30.5 }, "durationMinutes", "must be a whole number"],
        [{ durationMinutes: "30" }, "durationMinutes", "must be a whole number"],
        [{ expiration: fromNow(-MINUTE) }, "expiration", "must be in the future"],
        [{ expiration: fromNow(24 * HOUR + 5 * MINUTE) }, "expiration", "must be at most 24 hours ahead"],
        [{ expiration: "tomorrow" }, "expiration", "must be an ISO 8601 date-time"],
        [{ rootLevel: "VERBOSE" }, "rootLevel", "must be one of OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE"],
        [{ rootLevel: "debug" }, "rootLevel", "must be one of"],
        [{ logLevels: { "sailpoint.connector": "LOUD" } }, "logLevels.sailpoint.connector", "must be one of"],
        [{ logLevels: { "": "DEBUG" } }, "logLevels", "keys must not be empty"],
        [{ logLevels: { "  ": "DEBUG" } }, "logLevels", "keys must not be empty"],
        [{ logLevels: ["DEBUG"] }, "logLevels", "must be a map"],
        [{ clusterId: "" }, "clusterId", "must not be empty"],
        [{ level: "DEBUG" }, "level", "is not a ClusterLogConfig property"],
      ];
      for (const [change, property, reason] of cases) {
        const { failures } = await host.check(urn, {}, { clusterId: "c", rootLevel: "INFO", ...change });
        expect(failures.map((f) => f.property), JSON.stringify(change)).to.deep.equal([property]);
        expect(failures[0].reason, JSON.stringify(change)).to.include(reason);
      }
      expect(emulator.requests, "not even a token").to.deep.equal([]);
    });

    it("passes a TRACE root level (the class only warns), and the preview placeholder anywhere", async () => {
      const urn = urnFor("ClusterLogConfig", "lenient");
      const trace = await host.check(urn, {}, { clusterId: "c", rootLevel: "TRACE", logLevels: { "a.b": "TRACE" } });
      expect(trace.failures).to.deep.equal([]);
      expect(trace.inputs).to.deep.include({ clusterId: "c", rootLevel: "TRACE", logLevels: { "a.b": "TRACE" }, __provider: await providerText("ClusterLogConfig") });

      for (const news of [
        { clusterId: UNKNOWN, rootLevel: UNKNOWN, logLevels: UNKNOWN, durationMinutes: UNKNOWN },
        { clusterId: "c", rootLevel: "INFO", logLevels: { "a.b": UNKNOWN }, expiration: UNKNOWN },
        { clusterId: "c", rootLevel: "INFO", durationMinutes: UNKNOWN, expiration: fromNow(HOUR) },
      ]) {
        expect((await host.check(urn, {}, news)).failures, JSON.stringify(news)).to.deep.equal([]);
      }
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("does not fail an unchanged program whose expiration has since passed, only one that would send it", async () => {
      const urn = urnFor("ClusterLogConfig", "passed");
      const olds = { clusterId: "c", rootLevel: "DEBUG", expiration: fromNow(-HOUR) };
      expect((await host.check(urn, olds, { ...olds })).failures).to.deep.equal([]);
      const changed = await host.check(urn, olds, { ...olds, rootLevel: "INFO" });
      expect(changed.failures.map((f) => f.property)).to.deep.equal(["expiration"]);
      expect(changed.failures[0].reason).to.include("must be in the future");
      expect(apiCalls(emulator)).to.deep.equal([]);
    });
  });

  describe("create", () => {
    it("PUTs rootLevel, logLevels and exactly the one timing field declared", async () => {
      const expiration = fromNow(2 * HOUR);
      const variants: Array<[Bag, Bag]> = [
        [{ rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" }, durationMinutes: 30 }, { rootLevel: "DEBUG", logLevels: { "sailpoint.connector.JDBCConnector": "TRACE" }, durationMinutes: 30 }],
        [{ rootLevel: "WARN", expiration }, { rootLevel: "WARN", logLevels: {}, expiration }],
        [{ rootLevel: "ERROR" }, { rootLevel: "ERROR", logLevels: {} }],
      ];
      for (const [declared, body] of variants) {
        const clusterId = cluster();
        const urn = urnFor("ClusterLogConfig", `put-${clusterId}`);
        const checked = await host.check(urn, {}, { clusterId, ...declared });
        expect(checked.failures).to.deep.equal([]);
        emulator.clearRequests();
        const { id, properties } = await host.create(urn, checked.inputs);
        const calls = apiCalls(emulator);
        expect(lines(emulator)).to.deep.equal([`PUT ${path(clusterId)}`]);
        expect(calls[0].contentType).to.equal("application/json");
        expect(calls[0].body, JSON.stringify(declared)).to.deep.equal(body);
        expect(id).to.equal(clusterId);
        const answer = calls[0].responseBody as Bag;
        expect(properties).to.deep.include({ clusterId, ...declared, expiresAt: answer.expiration, __provider: await providerText("ClusterLogConfig") });
        expect(emulator.store.getLogConfig(clusterId)).to.deep.include({ rootLevel: declared.rootLevel });
      }
      // Neither timing field: the service's 240 minutes, which is not echoed as if it had been declared.
      const last = apiCalls(emulator)[0].responseBody as Bag;
      expect(last.durationMinutes).to.equal(240);
    });

    it("fails with a clear error naming clusterId when the cluster does not exist", async () => {
      const urn = urnFor("ClusterLogConfig", "ghost");
      const checked = await host.check(urn, {}, { clusterId: "0123456789abcdef0123456789abcdef", rootLevel: "DEBUG" });
      const error = await hostError(host.create(urn, checked.inputs));
      expect(error.details).to.include('clusterId: managed cluster "0123456789abcdef0123456789abcdef" does not exist');
      expect(error.initFailure).to.equal(undefined);
      expect(apiCalls(emulator).map((r) => [r.method, r.path, r.status])).to.deep.equal([["PUT", path("0123456789abcdef0123456789abcdef"), 404]]);
    });
  });

  describe("diff and update", () => {
    it("reports no change, and sends nothing, for an unchanged program after time has passed", async () => {
      const byDuration = await created({ rootLevel: "DEBUG", logLevels: { "a.b": "DEBUG" }, durationMinutes: 60 });
      const byExpiration = await created({ rootLevel: "DEBUG", expiration: fromNow(3 * HOUR) });
      const byDefault = await created({ rootLevel: "WARN" });
      await later(40 * MINUTE, async () => {
        for (const c of [byDuration, byExpiration, byDefault]) {
          const checked = await host.check(c.urn, c.inputs, { ...c.inputs });
          expect(checked.failures).to.deep.equal([]);
          expect(await host.diff(c.urn, c.id, c.outputs, checked.inputs), c.urn).to.deep.include({ changes: "none", replaces: [] });
        }
        expect(apiCalls(emulator)).to.deep.equal([]);

        // A refresh while the configuration is still in effect changes nothing either.
        for (const c of [byDuration, byExpiration, byDefault]) {
          emulator.clearRequests();
          const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
          expect(lines(emulator)).to.deep.equal([`GET ${path(c.id)}`]);
          expect(read.id).to.equal(c.id);
          expect(read.properties.expiresAt).to.equal(c.outputs.expiresAt);
          expect(await host.diff(c.urn, c.id, read.properties, c.inputs), c.urn).to.deep.include({ changes: "none" });
          const { __provider, ...inputs } = read.inputs!;
          expect(__provider).to.equal(c.inputs.__provider);
          expect(inputs).to.deep.equal(Object.fromEntries(Object.entries(c.inputs).filter(([k]) => k !== "__provider")));
        }
      });
    });

    it("PUTs the whole declared configuration on a change, with exactly the timing field now declared", async () => {
      const c = await created({ rootLevel: "DEBUG", logLevels: { "a.b": "DEBUG", "c.d": "WARN" }, durationMinutes: 60 });
      const expiration = fromNow(90 * MINUTE);
      const news = { clusterId: c.id, rootLevel: "INFO", logLevels: { "a.b": "TRACE" }, expiration };
      const checked = await host.check(c.urn, c.inputs, news);
      expect(checked.failures).to.deep.equal([]);
      expect(await host.diff(c.urn, c.id, c.outputs, checked.inputs)).to.deep.include({ changes: "some", replaces: [] });
      const { properties } = await host.update(c.urn, c.id, c.outputs, checked.inputs);
      expect(lines(emulator)).to.deep.equal([`PUT ${path(c.id)}`]);
      expect(apiCalls(emulator)[0].body).to.deep.equal({ rootLevel: "INFO", logLevels: { "a.b": "TRACE" }, expiration });
      expect(properties).to.deep.include({ clusterId: c.id, rootLevel: "INFO", logLevels: { "a.b": "TRACE" }, expiration, expiresAt: new Date(expiration).toISOString() });
      expect(properties).not.to.have.property("durationMinutes");
      expect(emulator.store.getLogConfig(c.id)).to.deep.equal({ rootLevel: "INFO", logLevels: { "a.b": "TRACE" }, expiration: new Date(expiration).toISOString() });

      emulator.clearRequests();
      const neither = { clusterId: c.id, rootLevel: "INFO" };
      await host.update(c.urn, c.id, properties, (await host.check(c.urn, checked.inputs, neither)).inputs);
      expect(apiCalls(emulator).map((r) => r.body)).to.deep.equal([{ rootLevel: "INFO", logLevels: {} }]);
    });

    it("replaces on a clusterId change, and on nothing else", async () => {
      const c = await created({ rootLevel: "DEBUG", durationMinutes: 30 });
      const other = cluster();
      // The old copy is reset before the new one is written: the engine must not reset a cluster after configuring it.
      expect(await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, clusterId: other })).to.deep.include({ changes: "some", replaces: ["clusterId"], deleteBeforeReplace: true });
      expect(await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, clusterId: other, rootLevel: "INFO", durationMinutes: 60 })).to.deep.include({ replaces: ["clusterId"] });
      expect(await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, rootLevel: "INFO", durationMinutes: 60 })).to.deep.include({ changes: "some", replaces: [] });
      expect(apiCalls(emulator)).to.deep.equal([]);
    });
  });

  describe("refresh", () => {
    it("reveals levels changed out of band, and an update PUTs the declared ones back", async () => {
      const c = await created({ rootLevel: "INFO", logLevels: { "a.b": "DEBUG" }, durationMinutes: 60 });
      emulator.setLogConfig(c.id, { rootLevel: "DEBUG", logLevels: { "a.b": "TRACE", "x.y": "INFO" }, durationMinutes: 120 });
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(lines(emulator)).to.deep.equal([`GET ${path(c.id)}`]);
      expect(read.id).to.equal(c.id);
      expect(read.inputs).to.deep.include({ clusterId: c.id, rootLevel: "DEBUG", logLevels: { "a.b": "TRACE", "x.y": "INFO" }, durationMinutes: 60 });
      expect(read.properties).to.deep.include({ rootLevel: "DEBUG", logLevels: { "a.b": "TRACE", "x.y": "INFO" } });
      expect(await host.diff(c.urn, c.id, read.properties, c.inputs)).to.deep.include({ changes: "some", replaces: [] });

      emulator.clearRequests();
      const { properties } = await host.update(c.urn, c.id, read.properties, c.inputs);
      expect(lines(emulator)).to.deep.equal([`PUT ${path(c.id)}`]);
      expect(apiCalls(emulator)[0].body).to.deep.equal({ rootLevel: "INFO", logLevels: { "a.b": "DEBUG" }, durationMinutes: 60 });
      expect(properties).to.deep.include({ rootLevel: "INFO", logLevels: { "a.b": "DEBUG" } });
      expect(emulator.store.getLogConfig(c.id)).to.deep.include({ rootLevel: "INFO", logLevels: { "a.b": "DEBUG" }, durationMinutes: 60 });
    });

    it("sees a logger added out of band to a program that declares none as drift", async () => {
      const c = await created({ rootLevel: "INFO" });
      emulator.setLogConfig(c.id, { rootLevel: "INFO", logLevels: { "added.in.ui": "DEBUG" } });
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(read.inputs).to.deep.include({ logLevels: { "added.in.ui": "DEBUG" } });
      expect((await host.diff(c.urn, c.id, read.properties, c.inputs)).changes).to.equal("some");
      emulator.clearRequests();
      await host.update(c.urn, c.id, read.properties, c.inputs);
      expect(apiCalls(emulator).map((r) => r.body)).to.deep.equal([{ rootLevel: "INFO", logLevels: {} }]);
    });

    it("reports the configuration gone when the service answers 204", async () => {
      const c = await created({ rootLevel: "DEBUG", durationMinutes: 60 });
      emulator.setLogConfig(c.id, undefined);
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(apiCalls(emulator).map((r) => [r.method, r.path, r.status]), "confirmed by a second read").to.deep.equal([["GET", path(c.id), 204], ["GET", path(c.id), 204]]);
      expect(read.id).to.equal("");
    });

    it("reports the configuration gone once its window has passed on the service", async () => {
      const c = await created({ rootLevel: "DEBUG", durationMinutes: 5 });
      const inside = await later(4 * MINUTE, () => host.read(c.urn, c.id, c.outputs, c.inputs));
      expect(inside.id, "still inside the window").to.equal(c.id);
      emulator.clearRequests();
      const read = await later(6 * MINUTE, () => host.read(c.urn, c.id, c.outputs, c.inputs));
      expect(apiCalls(emulator).map((r) => [r.method, r.path, r.status])).to.deep.equal([["GET", path(c.id), 204], ["GET", path(c.id), 204]]);
      expect(read.id).to.equal("");
    });

    it("reports the configuration gone with its cluster", async () => {
      const c = await created({ rootLevel: "DEBUG" });
      emulator.removeCluster(c.id);
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(apiCalls(emulator).map((r) => [r.method, r.status])).to.deep.equal([["GET", 404], ["GET", 404]]);
      expect(read.id).to.equal("");
    });
  });

  describe("delete", () => {
    it("resets the cluster to INFO, no overrides, 5 minutes, and succeeds when the cluster is gone", async () => {
      const c = await created({ rootLevel: "TRACE", logLevels: { "a.b": "TRACE" }, durationMinutes: 600 });
      // A later deployment (its own provider process): in the one that created it, see the next test.
      const later = await host.sibling();
      await later.delete(c.urn, c.id, { ...c.outputs });
      expect(lines(emulator)).to.deep.equal([`PUT ${path(c.id)}`]);
      expect(apiCalls(emulator)[0].body).to.deep.equal(NEUTRAL);
      expect(emulator.store.getLogConfig(c.id)).to.deep.include(NEUTRAL);

      emulator.clearRequests();
      emulator.removeCluster(c.id);
      await later.delete(c.urn, c.id, c.outputs);
      expect(apiCalls(emulator).map((r) => [r.method, r.path, r.status])).to.deep.equal([["PUT", path(c.id), 404]]);
      await later.stop();
    });

    it("leaves the cluster's configuration alone when the deployment that deletes this copy configured the cluster anew", async () => {
      // The engine's replacement of a log configuration, or a resource renamed in the program: the new copy's PUT
      // comes first, then the old copy's delete, in one provider process. Resetting then would undo the new copy.
      const c = await created({ rootLevel: "WARN" });
      const renamed = await created({ rootLevel: "DEBUG" }, c.clusterId);
      expect(renamed.id).to.equal(c.id);
      await host.delete(c.urn, c.id, c.outputs);
      expect(lines(emulator)).to.deep.equal([]);
      expect(emulator.store.getLogConfig(c.id)).to.deep.include({ rootLevel: "DEBUG" });
    });
  });

  describe("in a program", () => {
    afterEach(() => sinon.restore());

    it("configures the logs of a cluster made in the same program, and resets them before the cluster goes", async () => {
      const ManagedCluster = resourceClass("ManagedCluster") as unknown as Ctor;
      const ClusterLogConfig = resourceClass("ClusterLogConfig") as unknown as Ctor;
      const driver = new LifecycleDriver(host);
      const program = () => {
        const made = new ManagedCluster("va", { name: "program-cluster" });
        const logs = new ClusterLogConfig("va-logs", { clusterId: made.id, rootLevel: "DEBUG", logLevels: { "sailpoint.ccg": "TRACE" }, durationMinutes: 30 });
        return { clusterId: made.id, logsId: logs.id, expiresAt: logs.expiresAt };
      };

      const preview = await driver.preview(program);
      expect(preview.steps.map((s) => `${s.op} ${s.name}`)).to.deep.equal(["create va", "create va-logs"]);
      expect(apiCalls(emulator)).to.deep.equal([]);

      const up = await driver.up(program);
      const id = up.outputs.clusterId.value as string;
      expect(id).to.match(/^[0-9a-f]{32}$/);
      expect(up.outputs.logsId.value).to.equal(id);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/managed-clusters", `PUT ${path(id)}`]);
      expect(apiCalls(emulator)[1].body).to.deep.equal({ rootLevel: "DEBUG", logLevels: { "sailpoint.ccg": "TRACE" }, durationMinutes: 30 });
      expect(up.outputs.expiresAt.value).to.equal((apiCalls(emulator)[1].responseBody as Bag).expiration);

      emulator.clearRequests();
      const again = await driver.up(program);
      expect(again.steps.map((s) => `${s.op} ${s.name}`)).to.deep.equal(["same va", "same va-logs"]);
      expect(apiCalls(emulator), "an unchanged program sends nothing").to.deep.equal([]);

      await driver.destroy();
      expect(apiCalls(emulator).map((r) => [r.method, r.path, r.body ?? null])).to.deep.equal([
        ["PUT", path(id), NEUTRAL],
        ["DELETE", `/v2025/managed-clusters/${id}`, null],
      ]);
      expect(emulator.store.listClusters().find((c) => c.id === id)).to.equal(undefined);
    });

    it("warns about a TRACE root level without failing the deployment", async () => {
      const warn = sinon.stub(pulumi.log, "warn");
      const ClusterLogConfig = resourceClass("ClusterLogConfig") as unknown as Ctor;
      const clusterId = cluster();
      const driver = new LifecycleDriver(host);
      const up = await driver.up(() => void new ClusterLogConfig("traced", { clusterId, rootLevel: "TRACE" }));
      expect(up.steps.map((s) => s.op)).to.deep.equal(["create"]);
      expect(apiCalls(emulator).map((r) => r.body)).to.deep.equal([{ rootLevel: "TRACE", logLevels: {} }]);
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.include("rootLevel TRACE");
      await driver.destroy();
    });
  });
});

/**
 * The create journal's reading of an entry: a live process (pid and start time) is in flight, a reused pid or a dead
 * process is not; a settled entry stays until the engine is seen holding its object.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { acknowledge, HEARTBEAT_MS, inFlight, JournalEntry, latestCommit, type Attempt } from "../../provider/engine/journal";

describe("create journal entries", () => {
  let dir: string;
  let saved: string | undefined;
  const attempt = { body: "b", startedAt: Date.now(), serviceSince: Date.now(), commitWithinMs: 2_000 };

  beforeEach(() => {
    saved = process.env.SAIL_PENDING_CREATES_DIR;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sailpoint-journal-unit-"));
    process.env.SAIL_PENDING_CREATES_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SAIL_PENDING_CREATES_DIR;
    else process.env.SAIL_PENDING_CREATES_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Rewrites the one entry file with some fields changed. */
  function edit(change: Partial<Attempt>): void {
    const [file] = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    const entry = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Attempt;
    fs.writeFileSync(path.join(dir, file), JSON.stringify({ ...entry, ...change }));
  }

  it("an attempt of a live process is in flight; the same pid with another start time, or a dead pid, is not", () => {
    const journal = new JournalEntry("tenant", "ManagedCluster", "urn:a");
    journal.begin(attempt);
    try {
      expect(inFlight(journal.read()!)).to.equal(true);
      edit({ processStart: "1" });
      expect(inFlight(journal.read()!), "a later process with the same pid").to.equal(false);
      const exited = spawnSync(process.execPath, ["-e", ""]).pid;
      edit({ pid: exited, processStart: undefined });
      expect(inFlight(journal.read()!), "a process that has exited").to.equal(false);
    } finally {
      journal.clear();
    }
  });

  it("an ended attempt is not in flight, and nothing it sent can be committed after its end plus twice the timeout", () => {
    const journal = new JournalEntry("tenant", "ManagedCluster", "urn:a");
    journal.begin(attempt);
    journal.end();
    const entry = journal.read()!;
    expect(inFlight(entry)).to.equal(false);
    expect(latestCommit(entry)).to.equal(entry.endedAt! + 2_000);
    edit({ endedAt: undefined, pid: spawnSync(process.execPath, ["-e", ""]).pid });
    const dead = journal.read()!;
    expect(latestCommit(dead), "a dead process: its last sign of life, a heartbeat later").to.equal(dead.touchedAt + HEARTBEAT_MS + 2_000);
  });

  it("entries are per owner: another stack's resource of the same kind on the same tenant reads nothing", () => {
    const journal = new JournalEntry("tenant", "ManagedCluster", "urn:pulumi:a::p::t::n");
    journal.begin(attempt);
    expect(new JournalEntry("tenant", "ManagedCluster", "urn:pulumi:b::p::t::n").read()).to.equal(undefined);
    journal.clear();
  });

  it("a settled entry keeps the created id until the engine is seen holding that object", () => {
    const journal = new JournalEntry("tenant", "OAuthClient", "urn:a");
    journal.begin(attempt);
    journal.settle("made-id");
    expect(journal.read()?.createdId).to.equal("made-id");
    acknowledge("OAuthClient", "another-id");
    acknowledge("ManagedCluster", "made-id");
    expect(journal.read()?.createdId, "only that kind and id").to.equal("made-id");
    acknowledge("OAuthClient", "made-id");
    expect(journal.read()).to.equal(undefined);
    expect(fs.readdirSync(dir)).to.deep.equal([]);
  });
});

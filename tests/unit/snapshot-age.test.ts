import { expect } from "chai";
import * as sinon from "sinon";
import { ListSnapshot, SNAPSHOT_TTL_MS } from "../../provider/api/snapshot";

type Item = { id: string };

/** A list slower than the snapshot's lifetime: its age must count from when it arrived, not from when it was asked. */
describe("ListSnapshot: a list slower than its lifetime", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ["Date"] })));
  afterEach(() => clock.restore());

  const ITEMS: Item[] = Array.from({ length: 48 }, (_, i) => ({ id: `o${i}` }));
  const LIST_MS = SNAPSHOT_TTL_MS + 5_000;

  it("48 reads after one slow list cost that one list, and the snapshot lives SNAPSHOT_TTL_MS from its arrival", async () => {
    const fetch = sinon.spy(async () => {
      clock.tick(LIST_MS);
      return ITEMS;
    });
    const snapshot = new ListSnapshot<Item>(fetch);
    for (const item of ITEMS) {
      expect(await snapshot.lookup(item.id)).to.deep.equal(item);
      clock.tick(100);
    }
    expect(fetch.callCount).to.equal(1);
    // 48 lookups 100 ms apart took 4.8 s after the arrival; the copy expires SNAPSHOT_TTL_MS after it.
    clock.tick(SNAPSHOT_TTL_MS - 4_800 - 1);
    await snapshot.lookup("o0");
    expect(fetch.callCount).to.equal(1);
    clock.tick(1);
    await snapshot.lookup("o0");
    expect(fetch.callCount).to.equal(2);
  });
});

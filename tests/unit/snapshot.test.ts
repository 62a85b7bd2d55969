import { expect } from "chai";
import * as sinon from "sinon";
import { PagingError } from "../../provider/api/paging";
import { ListSnapshot, SNAPSHOT_TTL_MS } from "../../provider/api/snapshot";
import { IscApiError } from "../../provider/http/errors";

type Item = { id: string; v: number };

describe("ListSnapshot", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ["Date"] })));
  afterEach(() => clock.restore());

  function counting(items: () => Item[]) {
    const fetch = sinon.spy(async () => items());
    return { fetch, snapshot: new ListSnapshot<Item>(fetch) };
  }

  it("takes one list for any number of concurrent lookups, and answers later ones from it", async () => {
    const { fetch, snapshot } = counting(() => [{ id: "a", v: 1 }, { id: "b", v: 1 }]);
    const found = await Promise.all(["a", "b", "a", "zz"].map((id) => snapshot.lookup(id)));
    expect(found.map((f) => f?.id)).to.deep.equal(["a", "b", "a", undefined]);
    expect(await snapshot.lookup("b")).to.deep.equal({ id: "b", v: 1 });
    expect(fetch.callCount).to.equal(1);
  });

  it("is taken again once SNAPSHOT_TTL_MS has passed", async () => {
    let v = 1;
    const { fetch, snapshot } = counting(() => [{ id: "a", v }]);
    await snapshot.lookup("a");
    v = 2;
    clock.tick(SNAPSHOT_TTL_MS - 1);
    expect((await snapshot.lookup("a"))?.v).to.equal(1);
    clock.tick(1);
    expect((await snapshot.lookup("a"))?.v).to.equal(2);
    expect(fetch.callCount).to.equal(2);
  });

  it("never answers for an object written since (the caller GETs it), and forgets that once a newer list is taken", async () => {
    const { fetch, snapshot } = counting(() => [{ id: "a", v: 1 }, { id: "b", v: 1 }]);
    await snapshot.lookup("a");
    clock.tick(1);
    snapshot.forget("a");
    expect(await snapshot.lookup("a")).to.equal(undefined);
    expect(await snapshot.lookup("b")).to.not.equal(undefined);
    expect((await snapshot.all()).map((o) => o.id)).to.deep.equal(["b"]);
    clock.tick(1);
    expect((await snapshot.all(true)).map((o) => o.id)).to.deep.equal(["a", "b"]);
    expect(fetch.callCount).to.equal(2);
  });

  it("keeps an object written while the list was in flight stale", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const snapshot = new ListSnapshot<Item>(async () => {
      await gate;
      return [{ id: "a", v: 1 }];
    });
    const pending = snapshot.lookup("a");
    clock.tick(1);
    snapshot.forget("a");
    release();
    expect(await pending).to.equal(undefined);
  });

  it("leaves lookups to GETs when the list is unusable (pages that never end, a server error), but not when a GET would fail too", async () => {
    const paging = new ListSnapshot<Item>(async () => Promise.reject(new PagingError("endless")));
    expect(await paging.lookup("a")).to.equal(undefined);
    const server = new ListSnapshot<Item>(async () => Promise.reject(new IscApiError({ method: "GET", path: "/x", status: 503 })));
    expect(await server.lookup("a")).to.equal(undefined);
    const denied = new ListSnapshot<Item>(async () => Promise.reject(new IscApiError({ method: "GET", path: "/x", status: 403 })));
    const error = await denied.lookup("a").then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(IscApiError);
  });
});

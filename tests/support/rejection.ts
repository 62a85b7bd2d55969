import { expect } from "chai";

/** The error a call rejects with, asserted to be of the given class. */
export async function rejection<E extends Error>(call: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await call;
  } catch (error) {
    expect(error).to.be.instanceOf(type);
    return error as E;
  }
  throw new Error(`expected the call to fail with ${type.name}`);
}

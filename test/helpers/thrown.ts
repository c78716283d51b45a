import { expect } from "vitest";

/** The error `run` throws, asserted to be of the given class; a failure when it throws nothing. */
export function thrownBy<E extends Error>(run: () => unknown, ErrorClass: abstract new (...args: never[]) => E): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ErrorClass);
    return error as E;
  }
  return expect.unreachable(`expected a ${ErrorClass.name}`);
}

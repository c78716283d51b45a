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

/** The error `promise` rejects with, asserted to be of the given class when one is given; a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown>;
export async function rejectionOf<E extends Error>(promise: Promise<unknown>, ErrorClass: abstract new (...args: never[]) => E): Promise<E>;
export async function rejectionOf(promise: Promise<unknown>, ErrorClass?: abstract new (...args: never[]) => Error): Promise<unknown> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  if (outcome === undefined) return expect.unreachable("expected the call to fail, but it succeeded");
  if (ErrorClass) expect(outcome.error).toBeInstanceOf(ErrorClass);
  return outcome.error;
}

import { ConnectionError } from "./errors.ts";

/**
 * Runs a dynamic import of the client's own code. In a browser that is a
 * fetch of a chunk, which can fail like any request: the failure becomes a
 * typed ConnectionError, and the request it was loaded for was never sent.
 */
export function loadCode<T>(what: string, load: () => Promise<T>): Promise<T> {
  return load().catch((error: unknown) => {
    throw new ConnectionError(`could not load ${what}`, { cause: error, requestSent: false });
  });
}

/**
 * `load`, started by the first caller and shared by all until it settles:
 * kept once it succeeds, forgotten when it fails, so the next caller tries
 * again (a chunk a flaky network failed to bring, say).
 */
export function sharedLoad<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

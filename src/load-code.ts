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

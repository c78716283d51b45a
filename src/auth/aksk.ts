import type { Send } from "../layers.ts";
import { type AccessKeys, sign } from "./signer.ts";

export interface SigningOptions {
  /** Sent as X-Project-Id and signed with the rest; checked by createClient. */
  projectId?: string;
  /** Clock for X-Sdk-Date; injectable for tests and skewed hosts. */
  now?: () => Date;
}

/**
 * The AK/SK signing layer. It sits below the retry layer, so every attempt
 * is signed afresh with its own X-Sdk-Date and the exact bytes it sends.
 */
export function withSigning(next: Send, keys: AccessKeys, options: SigningOptions = {}): Send {
  const now = options.now ?? (() => new Date());
  return async (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (options.projectId !== undefined) headers["x-project-id"] = options.projectId;
    const added = await sign({ ...request, headers }, keys, now());
    for (const name in added) headers[name.toLowerCase()] = added[name]!;
    return next({ ...request, headers });
  };
}

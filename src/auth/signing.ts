import { copyRequest, type Send } from "../http.ts";
import { assertHeaderValue } from "../header-value.ts";
import { sign, type Credentials } from "./signer.ts";

export interface SigningOptions {
  /** Sent as X-Project-Id and signed with the rest. */
  projectId?: string;
  /** Clock for X-Sdk-Date; injectable for tests and skewed hosts. */
  now?: () => Date;
}

/**
 * The AK/SK signing layer. It sits below the retry layer, so every attempt
 * is signed afresh with its own X-Sdk-Date and the exact bytes it sends.
 * The caller's request is copied, never edited.
 */
export function withSigning(next: Send, credentials: Credentials, options: SigningOptions = {}): Send {
  const now = options.now ?? (() => new Date());
  return async (request) => {
    const operation = request.context.operation ?? "request";
    const signed = copyRequest(request);
    if (options.projectId !== undefined) {
      assertHeaderValue(operation, "header.X-Project-Id", options.projectId, { required: true });
      signed.headers.set("X-Project-Id", options.projectId);
    }
    const added = await sign(signed, credentials, now());
    for (const [name, value] of Object.entries(added)) signed.headers.set(name, value);
    return next(signed);
  };
}

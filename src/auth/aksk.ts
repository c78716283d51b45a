import type { CredentialProvider } from "../credentials/provider.ts";
import { passingTimeout, type Send } from "../layers.ts";
import { withoutEchoes } from "./echo.ts";
import { lookUpFor } from "./lookup-failure.ts";
import { type AccessKeys, createClientSigner } from "./signer.ts";

export interface SigningOptions {
  /** Sent as X-Project-Id and signed with the rest; checked by createClient. */
  projectId?: string;
  /** Clock for X-Sdk-Date; injectable for tests and skewed hosts. */
  now?: () => Date;
}

/**
 * The AK/SK signing layer. It sits below the retry layer, so every attempt
 * is signed afresh with its own X-Sdk-Date and the exact bytes it sends,
 * with the keys a provider holds at that moment (temporary keys refresh).
 */
export function withSigning(next: Send, source: AccessKeys | CredentialProvider, options: SigningOptions = {}): Send {
  const now = options.now ?? (() => new Date());
  const sign = createClientSigner();
  const layer: Send = async (request) => {
    const keys = typeof source === "function" ? await lookUpFor(request, () => source(request.signal)) : source;
    // One copy of the request, signed and then sent: its headers are this layer's own to add to.
    const signed = { ...request, headers: { ...request.headers } };
    if (options.projectId !== undefined) signed.headers["x-project-id"] = options.projectId;
    const added = await sign(signed, keys, now());
    for (const name in added) signed.headers[name.toLowerCase()] = added[name]!;
    return withoutEchoes(await next(signed), [keys.securityToken, signed.headers.authorization]);
  };
  // A provider may wait (a file, the metadata service), so it gets the attempt's signal; fixed keys wait for nothing.
  return typeof source === "function" ? layer : passingTimeout(layer, next);
}

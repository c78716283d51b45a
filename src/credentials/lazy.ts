import { loadCode, sharedLoad } from "../load-code.ts";
import type { CredentialProvider } from "./provider.ts";

/**
 * A provider whose code is imported when it is first asked, so an app that
 * passes its keys in code never loads (nor bundles into what it loads) the
 * code of sources it does not use. The provider is made once; its cache
 * lives as long as the client.
 */
export function lazyProvider(load: () => Promise<CredentialProvider>): CredentialProvider {
  const provider = sharedLoad(() => loadCode("a credential provider", load));
  return async (signal) => (await provider())(signal);
}

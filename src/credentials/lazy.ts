import { loadCode } from "../load-code.ts";
import type { CredentialProvider } from "./provider.ts";

/**
 * A provider whose code is imported when it is first asked, so an app that
 * passes its keys in code never loads (nor bundles into what it loads) the
 * code of sources it does not use. The provider is made once; its cache
 * lives as long as the client.
 */
export function lazyProvider(load: () => Promise<CredentialProvider>): CredentialProvider {
  let provider: Promise<CredentialProvider> | undefined;
  return async (signal) => {
    provider ??= loadCode("a credential provider", load).catch((error: unknown) => {
      provider = undefined;
      throw error;
    });
    return (await provider)(signal);
  };
}

import { fromFile } from "#credentials-file";
import { AbortError, type CredentialSourceTried, CredentialsNotFoundError } from "../errors.ts";
import { cachedCredentials } from "./cached.ts";
import { fromEnv } from "./env.ts";
import type { CredentialProvider, Environment } from "./provider.ts";

/**
 * Asks each provider in turn and resolves with the first credentials found.
 * A provider whose source is empty (CredentialsNotFoundError) passes to the
 * next; any other error ends the chain, since a broken source (half a key
 * pair, an unreadable file) should be fixed, not skipped. When every source
 * is empty, one CredentialsNotFoundError lists them all.
 */
export function credentialChain(...providers: CredentialProvider[]): CredentialProvider {
  return async (signal) => {
    const tried: CredentialSourceTried[] = [];
    for (const provider of providers) {
      if (signal?.aborted) throw new AbortError("credentials lookup aborted", { cause: signal.reason });
      try {
        return await provider(signal);
      } catch (error) {
        if (!(error instanceof CredentialsNotFoundError)) throw error;
        tried.push(...error.sources);
      }
    }
    throw new CredentialsNotFoundError(tried);
  };
}

export interface DefaultCredentialChainOptions {
  /** The variables to read; the process environment when absent. */
  env?: Environment | undefined;
  /** The home directory of ~/.huaweicloud/credentials; the user's when absent. */
  homeDir?: string | undefined;
}

/**
 * What a client uses when given no credentials: the environment
 * (HUAWEICLOUD_SDK_AK, ...), then the credentials file Huawei's SDKs share,
 * cached. The ECS metadata service is never asked unless chained in by hand.
 */
export function defaultCredentialChain(options: DefaultCredentialChainOptions = {}): CredentialProvider {
  const file = fromFile({
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.homeDir === undefined ? {} : { homeDir: options.homeDir }),
  });
  return cachedCredentials(credentialChain(fromEnv({ env: options.env }), file));
}

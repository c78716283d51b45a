import { untilAborted } from "../abort.ts";
import { AbortError, ValidationError } from "../errors.ts";
import { type CheckedCredentials, checkCredentials, type CredentialProvider } from "./provider.ts";

export interface CachedCredentialsOptions {
  /** How long before `expiresAt` to fetch new credentials (default 5 minutes, at most half their lifetime). */
  refreshBeforeMs?: number | undefined;
  /** The clock, in epoch milliseconds; Date.now when absent. */
  now?: (() => number) | undefined;
}

const DEFAULT_REFRESH_BEFORE_MS = 5 * 60_000;

interface Entry {
  credentials: CheckedCredentials;
  /** From then on a call fetches anew. */
  refreshAt: number;
  /** Until then the entry may still be used when fetching anew fails. */
  expiresAt: number;
}

/**
 * Wraps any provider (an async function returning `{ ak, sk, securityToken?,
 * expiresAt? }` included) so that what it returns is checked, then reused:
 * forever without `expiresAt`, otherwise until shortly before it. Concurrent
 * calls share one fetch. That fetch is not tied to any one caller's signal,
 * so one caller giving up does not fail the others; each caller stops
 * waiting when its own signal fires. When fetching anew fails while the
 * credentials held have not yet expired, those are used and the next call
 * tries again. A failure is never cached.
 */
export function cachedCredentials(provider: CredentialProvider, options: CachedCredentialsOptions = {}): CredentialProvider {
  const refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
  if (!(refreshBeforeMs >= 0)) {
    throw new ValidationError("cachedCredentials", [{ field: "refreshBeforeMs", rule: "minimum", message: "must be 0 or more" }]);
  }
  const now = options.now ?? Date.now;
  let entry: Entry | undefined;
  let pending: Promise<CheckedCredentials> | undefined;

  const fetchAnew = async (): Promise<CheckedCredentials> => {
    const fetchedAt = now();
    const credentials = checkCredentials(await provider(), "credentials provider");
    const expiresAt = credentials.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
    // Short-lived credentials refresh at half their life, not on every call.
    const lead = Math.min(refreshBeforeMs, Math.max(0, (expiresAt - fetchedAt) / 2));
    entry = { credentials, refreshAt: expiresAt - lead, expiresAt };
    return credentials;
  };

  return async (signal) => {
    if (signal?.aborted) throw aborted(signal);
    const held = entry;
    if (held && now() < held.refreshAt) return held.credentials;
    pending ??= fetchAnew().finally(() => {
      pending = undefined;
    });
    try {
      return await untilAborted(pending, signal);
    } catch (error) {
      if (signal?.aborted) throw aborted(signal);
      if (!held || now() >= held.expiresAt) throw error;
      return held.credentials;
    }
  };
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError("credentials lookup aborted", { cause: signal.reason });
}

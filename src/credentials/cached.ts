import { startTimer, untilAborted } from "../abort.ts";
import { AbortError, TimeoutError, ValidationError } from "../errors.ts";
import { type CheckedCredentials, checkCredentials, type CredentialProvider } from "./provider.ts";

export interface CachedCredentialsOptions {
  /** How long before `expiresAt` to fetch new credentials (default 5 minutes, at most half their lifetime). */
  refreshBeforeMs?: number | undefined;
  /** Time one fetch may take before it fails with TimeoutError and is abandoned (default 30 s). */
  timeoutMs?: number | undefined;
  /** The clock, in epoch milliseconds; Date.now when absent. */
  now?: (() => number) | undefined;
}

const DEFAULT_REFRESH_BEFORE_MS = 5 * 60_000;
/**
 * How long credentials already expired by the local clock when fetched (a
 * host clock ahead of the metadata service's) are kept: asking again at once
 * would only get the same keys, on every call.
 */
const MIN_REUSE_MS = 10_000;
/** As long as an attempt's default timeout: a provider slower than that would fail every attempt anyway. */
const DEFAULT_TIMEOUT_MS = 30_000;

interface Entry {
  credentials: CheckedCredentials;
  /** From then on a call fetches anew. */
  refreshAt: number;
  /** Until then the entry is handed out while it is being refreshed. */
  expiresAt: number;
}

/**
 * Wraps any provider (an async function returning `{ ak, sk, securityToken?,
 * expiresAt? }` included) so that what it returns is checked, then reused:
 * forever without `expiresAt`, otherwise until shortly before it. Concurrent
 * calls share one fetch. That fetch is not tied to any one caller's signal,
 * so one caller giving up does not fail the others; each caller stops
 * waiting when its own signal fires, and the fetch itself fails after
 * `timeoutMs` (its signal fires then), so a provider that hangs holds no
 * later call. Once credentials are due for refresh but not yet expired,
 * calls get them at once while one fetch refreshes them: a slow or failing
 * refresh holds no call. Credentials already expired by the local clock
 * when fetched are kept 10 s, not fetched anew on every call. A failure is
 * never cached; the next call tries again.
 */
export function cachedCredentials(provider: CredentialProvider, options: CachedCredentialsOptions = {}): CredentialProvider {
  const refreshBeforeMs = options.refreshBeforeMs ?? DEFAULT_REFRESH_BEFORE_MS;
  if (!(refreshBeforeMs >= 0)) {
    throw new ValidationError("cachedCredentials", [{ field: "refreshBeforeMs", rule: "minimum", message: "must be 0 or more" }]);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) {
    throw new ValidationError("cachedCredentials", [{ field: "timeoutMs", rule: "exclusiveMinimum", message: "must be a number above 0" }]);
  }
  const now = options.now ?? Date.now;
  let entry: Entry | undefined;
  let pending: Promise<CheckedCredentials> | undefined;

  const fetchAnew = async (): Promise<CheckedCredentials> => {
    const fetchedAt = now();
    // The credentials lookup precedes the request: nothing was sent when it times out.
    const timer = startTimer(timeoutMs, () => new TimeoutError(`credentials provider gave no answer within ${timeoutMs} ms`, { requestSent: false }))!;
    try {
      const provided = await untilAborted(Promise.resolve().then(() => provider(timer.signal)), timer.signal);
      const credentials = checkCredentials(provided, "credentials provider");
      const expiresAt = credentials.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      // Short-lived credentials refresh at half their life, not on every call.
      const lead = Math.min(refreshBeforeMs, Math.max(0, (expiresAt - fetchedAt) / 2));
      entry =
        expiresAt > fetchedAt
          ? { credentials, refreshAt: expiresAt - lead, expiresAt }
          : { credentials, refreshAt: fetchedAt + MIN_REUSE_MS, expiresAt: fetchedAt + MIN_REUSE_MS };
      return credentials;
    } finally {
      timer.clear();
    }
  };
  // Always settles, within timeoutMs at the latest, so `pending` never stays set.
  const refresh = () =>
    (pending ??= fetchAnew().finally(() => {
      pending = undefined;
    }));

  return async (signal) => {
    if (signal?.aborted) throw aborted(signal);
    const held = entry;
    if (held && now() < held.refreshAt) return held.credentials;
    if (held && now() < held.expiresAt) {
      // Its failure is not kept: the next call starts another refresh.
      refresh().catch(() => undefined);
      return held.credentials;
    }
    try {
      return await untilAborted(refresh(), signal);
    } catch (error) {
      throw signal?.aborted ? aborted(signal) : error;
    }
  };
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError("credentials lookup aborted", { cause: signal.reason });
}

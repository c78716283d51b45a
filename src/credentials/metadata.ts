import { parseOrText } from "../answer.ts";
import { AbortError, ConnectionError, createHuaweiCloudError, TimeoutError, ValidationError } from "../errors.ts";
import { checkCredentials, type CredentialProvider } from "./provider.ts";

/** The ECS metadata service's link-local address. */
export const DEFAULT_METADATA_URL = "http://169.254.169.254";

/** Huawei's SDKs give the metadata service 3 s. */
const DEFAULT_TIMEOUT_MS = 3_000;

/** Session token of the metadata service, asked for 6 hours as Huawei's SDKs do. */
const TOKEN_PATH = "/meta-data/latest/api/token";
const TOKEN_TTL_SECONDS = "21600";
const SECURITY_KEY_PATH = "/openstack/latest/securitykey";

/** The 401 text of an instance without an agency: a new session token would not help. */
const NO_AGENCY = "Please configure Cloud Service Agency first";

const SOURCE = "ECS metadata";

export interface EcsMetadataOptions {
  /** Base URL of the metadata service, paths appended (default http://169.254.169.254); tests point it at loopback. */
  baseUrl?: string | undefined;
  /** Time allowed for one credential lookup, all its requests together (default 3000 ms). */
  timeoutMs?: number | undefined;
  /** The fetch to use; the global one when absent. It must not go through a proxy. */
  fetch?: typeof fetch | undefined;
}

/**
 * Temporary credentials of the ECS instance's agency, from the metadata
 * service: `GET /openstack/latest/securitykey`, answered with
 * `{"credential":{"access","secret","securitytoken","expires_at"}}`. As in
 * Huawei's SDKs, a session token is asked for first (`PUT
 * /meta-data/latest/api/token`) and sent as X-Metadata-Token; a service
 * without tokens (404 or 405) is asked without one, and a 401 gets one new
 * token and one more try. Opt-in only: no default chain calls it. Each call
 * looks the credentials up afresh; wrap it in cachedCredentials to reuse them
 * until shortly before they expire.
 */
export function fromEcsMetadata(options: EcsMetadataOptions = {}): CredentialProvider {
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_METADATA_URL);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new ValidationError("fromEcsMetadata", [{ field: "timeoutMs", rule: "minimum", message: "must be a positive number" }]);
  }
  const send = options.fetch ?? globalThis.fetch;
  // Kept across calls; undefined until asked, null when the service has no tokens.
  let token: string | null | undefined;

  return async (signal) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const request = async (method: string, path: string, headers: Record<string, string>) => {
      try {
        const response = await send(`${baseUrl.href.replace(/\/$/, "")}${path}`, {
          method,
          headers,
          signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
          // The session token is a credential: a redirect, to wherever, is an answer, not a hop to follow.
          redirect: "manual",
        });
        return { response, text: await response.text() };
      } catch (error) {
        if (signal?.aborted) throw new AbortError(`${SOURCE} lookup aborted`, { cause: signal.reason });
        if (deadline.aborted) throw new TimeoutError(`${SOURCE} gave no answer within ${timeoutMs} ms`);
        throw new ConnectionError(`${SOURCE} could not be reached at ${baseUrl.origin}`, { cause: error });
      }
    };
    const newToken = async (): Promise<string | null> => {
      const { response, text } = await request("PUT", TOKEN_PATH, { "X-Metadata-Token-Ttl-Seconds": TOKEN_TTL_SECONDS });
      if (response.ok) return text;
      if (response.status === 404 || response.status === 405) return null;
      throw answerError(response, text, "token");
    };
    const securityKey = (current: string | null) =>
      request("GET", SECURITY_KEY_PATH, current === null ? {} : { "X-Metadata-Token": current });

    if (token === undefined) token = await newToken();
    let answer = await securityKey(token);
    if (answer.response.status === 401 && !answer.text.includes(NO_AGENCY)) {
      token = await newToken();
      answer = await securityKey(token);
    }
    if (!answer.response.ok) throw answerError(answer.response, answer.text, "securitykey");
    return fromAnswer(answer.text);
  };
}

function fromAnswer(text: string) {
  let credential: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text) as { credential?: unknown };
    if (typeof parsed.credential === "object" && parsed.credential !== null) credential = parsed.credential as Record<string, unknown>;
  } catch {
    // Reported below, without quoting the text: it may hold a secret.
  }
  if (!credential) {
    throw new ValidationError("credentials", [{ field: `${SOURCE} answer`, rule: "format", message: "must be JSON with a credential object" }]);
  }
  // Temporary credentials without an expiry could never be refreshed.
  if (credential.expires_at === undefined) {
    throw new ValidationError("credentials", [{ field: `${SOURCE} expires_at`, rule: "required", message: "is missing" }]);
  }
  return checkCredentials(
    { ak: credential.access, sk: credential.secret, securityToken: credential.securitytoken, expiresAt: credential.expires_at },
    SOURCE,
  );
}

/** A refusal names the status and Huawei's code and message; an error body holds no credential. */
function answerError(response: Response, text: string, what: string) {
  const body = parseOrText(text);
  return createHuaweiCloudError({
    status: response.status,
    operation: `${SOURCE} ${what}`,
    headers: Object.fromEntries(response.headers),
    body,
  });
}

function checkBaseUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new ValidationError("fromEcsMetadata", [{ field: "baseUrl", rule: "format", message: "must be an http or https URL" }]);
  }
  return url;
}

import type { IncomingHttpHeaders } from "node:http";
import { formatSdkDate } from "../auth/signer.ts";
import { CLOCK_SKEW_REASON, verifySignature } from "./verify.ts";

/** What the mock accepts: IAM tokens as `X-Auth-Token`, and AK/SK pairs for `SDK-HMAC-SHA256`. */
export interface MockCredentials {
  tokens?: readonly string[];
  /** With `securityToken`, a temporary key: accepted only on requests carrying that X-Security-Token, signed. */
  keys?: ReadonlyArray<{ ak: string; sk: string; securityToken?: string | undefined }>;
}

/** The token the mock accepts unless told otherwise. A fake: it opens nothing but the mock. */
export const MOCK_TOKEN = "mock-iam-token-0000000000000000";
/** The access key the mock accepts unless told otherwise. */
export const MOCK_AK = "MOCKAKEXAMPLE0000001";
/** The secret of MOCK_AK. A fake: it signs nothing but requests to the mock. */
export const MOCK_SK = "mock-secret-key-example-000000000000000000";

export const DEFAULT_MOCK_CREDENTIALS: Readonly<Required<MockCredentials>> = Object.freeze({
  tokens: Object.freeze([MOCK_TOKEN]),
  keys: Object.freeze([Object.freeze({ ak: MOCK_AK, sk: MOCK_SK })]),
});

/** Huawei's gateway accepts an X-Sdk-Date up to 15 minutes off its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

export interface ReceivedRequest {
  method: string;
  /** The request target as received: path and query. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

export type AuthResult =
  | { ok: true; scheme: "token" }
  | { ok: true; scheme: "aksk"; ak: string }
  /** `reason` completes Huawei's "Incorrect IAM authentication information: ..." and never quotes a credential. */
  | { ok: false; scheme?: "token" | "aksk"; reason: string };

export type Authenticator = (request: ReceivedRequest) => Promise<AuthResult>;

/**
 * Checks a request the way Huawei's gateway does: a token when X-Auth-Token
 * is present, otherwise an AK/SK signature. Wording follows Huawei's for the
 * cases its documentation shows ("decrypt token fail", "verify aksk
 * signature fail", "ak not exist"); other cases use the verifier's reason.
 */
export function createAuthenticator(credentials: MockCredentials, now: () => Date): Authenticator {
  const tokens = new Set(credentials.tokens ?? []);
  const secrets = new Map((credentials.keys ?? []).map(({ ak, sk }) => [ak, sk]));
  const securityTokens = new Map((credentials.keys ?? []).flatMap(({ ak, securityToken }) => (securityToken === undefined ? [] : [[ak, securityToken]])));
  return async (request) => {
    const token = request.headers["x-auth-token"];
    if (token !== undefined) {
      return typeof token === "string" && tokens.has(token)
        ? { ok: true, scheme: "token" }
        : { ok: false, scheme: "token", reason: "decrypt token fail" };
    }
    if (request.headers.authorization === undefined) {
      return { ok: false, reason: "no X-Auth-Token header and no Authorization header" };
    }
    const at = now();
    const verdict = await verifySignature(
      { method: request.method, url: request.target, headers: request.headers, body: request.body },
      (ak) => secrets.get(ak),
      at,
      MAX_CLOCK_SKEW_MS,
    );
    if (verdict.ok) {
      // The verifier has checked that a security token sent is signed; a temporary key also needs its own.
      const securityToken = securityTokens.get(verdict.ak);
      if (securityToken !== undefined && request.headers["x-security-token"] !== securityToken) {
        return { ok: false, scheme: "aksk", reason: "security token missing or not the one issued with the access key" };
      }
      return { ok: true, scheme: "aksk", ak: verdict.ak };
    }
    if (verdict.reason === CLOCK_SKEW_REASON) {
      return { ok: false, scheme: "aksk", reason: signatureExpired(String(request.headers["x-sdk-date"]), at) };
    }
    return { ok: false, scheme: "aksk", reason: HUAWEI_WORDING[verdict.reason] ?? verdict.reason };
  };
}

/** The gateway's own text, as users quote it (huaweicloud-sdk-java-v3 #44), with both times. */
function signatureExpired(sdkDate: string, at: Date): string {
  return `calc aksk signature fail:signature expired, signature time:${sdkDate},server time:${formatSdkDate(at)}`;
}

const HUAWEI_WORDING: Record<string, string> = {
  "signature mismatch": "verify aksk signature fail",
  "unknown access key": "Get secretKey failed, err:ak not exist",
};

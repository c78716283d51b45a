/** Which low-level failures are network failures, and what each tells the retry policy. */
import { describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/errors.ts";
import { isDecodingFailure, toConnectionError } from "../../src/transport/network-error.ts";
import { requestTo } from "./transport-contract.ts";

const request = requestTo("https://vpc.example.test:8443/v1/x");
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
/** fetch's way: a TypeError whose cause carries the code. */
const viaFetch = (code: string) => new TypeError("fetch failed", { cause: coded(code) });

describe("toConnectionError", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL"])(
    "%s: the request never left, so even an operation that is not idempotent may be sent again",
    (code) => {
      for (const error of [coded(code), viaFetch(code)]) {
        expect(toConnectionError(error, request)).toMatchObject({ requestSent: false, retryable: true, message: `connection to vpc.example.test:8443 failed: ${code}` });
      }
    },
  );

  it.each(["ECONNRESET", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "ERR_STREAM_PREMATURE_CLOSE", "UND_ERR_SOCKET", "HPE_INVALID_STATUS", "HPE_HEADER_OVERFLOW"])(
    "%s: the request may have left, so it is retried only when idempotent",
    (code) => {
      const error = toConnectionError(viaFetch(code), request);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ requestSent: true, retryable: true });
    },
  );

  it.each(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "CERT_HAS_EXPIRED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID"])(
    "%s: an untrusted certificate is never worth another attempt, and names its code",
    (code) => {
      const error = toConnectionError(viaFetch(code), request);
      expect(error).toMatchObject({ retryable: false, requestSent: false });
      expect(error?.message).toContain(code);
    },
  );

  it.each(["EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "ERR_TLS_HANDSHAKE_TIMEOUT"])(
    "%s: TLS could not be set up, which is never worth another attempt either, and names its code",
    (code) => {
      const error = toConnectionError(viaFetch(code), request);
      expect(error).toMatchObject({ retryable: false, requestSent: false, message: `connection to vpc.example.test:8443 failed: TLS could not be set up (${code})` });
    },
  );

  it.each(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"])("%s is a TimeoutError", (code) => {
    expect(toConnectionError(viaFetch(code), request)).toBeInstanceOf(TimeoutError);
  });

  it("takes the error that carries the code as the cause, so both transports give the same one", () => {
    const failure = viaFetch("ECONNRESET");
    expect(toConnectionError(failure, request)?.cause).toBe(failure.cause);
    const direct = coded("ECONNRESET");
    expect(toConnectionError(direct, request)?.cause).toBe(direct);
  });

  it("names the operation and the host, never a header", () => {
    const error = toConnectionError(coded("ECONNREFUSED"), requestTo("http://127.0.0.1:1/", { headers: { "x-auth-token": "secret-token" } }));
    expect(error).toMatchObject({ operation: "UpdateVpcPeering" });
    expect(JSON.stringify(error)).not.toContain("secret-token");
  });

  it("passes a ConnectionError through as it is", () => {
    const typed = new ConnectionError("already typed");
    expect(toConnectionError(typed, request)).toBe(typed);
  });

  it("is undefined for what is no network failure: a bug, an unknown code, a string", () => {
    for (const error of [new TypeError("cannot read properties of undefined"), coded("ERR_SOMETHING_ELSE"), new RangeError("bad"), "boom", undefined]) {
      expect(toConnectionError(error, request)).toBeUndefined();
    }
  });

  it("takes any TypeError for a network failure only when asked to, as fetch throws nothing else for one", () => {
    const bare = new TypeError("Failed to fetch");
    expect(toConnectionError(bare, request)).toBeUndefined();
    expect(toConnectionError(bare, request, { anyTypeError: true })).toMatchObject({ requestSent: true, message: "connection to vpc.example.test:8443 failed: Failed to fetch" });
  });
});

describe("isDecodingFailure", () => {
  it("is true for zlib's and brotli's errors, however deep in the cause chain", () => {
    expect(isDecodingFailure(coded("Z_DATA_ERROR"))).toBe(true);
    expect(isDecodingFailure(new TypeError("terminated", { cause: coded("Z_BUF_ERROR") }))).toBe(true);
    expect(isDecodingFailure(new TypeError("terminated", { cause: coded("ERR__ERROR_FORMAT_PADDING_2") }))).toBe(true);
  });

  it("is false for network failures and uncoded errors", () => {
    expect(isDecodingFailure(viaFetch("ECONNRESET"))).toBe(false);
    expect(isDecodingFailure(new TypeError("terminated"))).toBe(false);
    expect(isDecodingFailure(undefined)).toBe(false);
  });
});

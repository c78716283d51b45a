/**
 * Huawei-shaped answers. Three error shapes exist (see the spec's info text):
 *
 * - the API gateway's flat `{"error_code","error_msg","request_id"}` with
 *   `APIGW.*` codes, for what the gateway rejects before any service sees the
 *   request: failed authentication, unknown APIs, throttling, a dead or slow
 *   backend;
 * - VPC and DWS: the same flat shape with the service's codes;
 * - VPC Endpoint: `{"error":{"code","message"}}` with `EndPoint.*` codes;
 * - EVS, being OpenStack Cinder: `{"<kind>":{"code":<status>,"message"}}`.
 */
import type { Service } from "../../generated/operations.ts";

/** A JSON answer; `body` is serialised as is. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * Gateway codes from Huawei's API gateway error table (APIGW.0101 unknown API,
 * APIGW.0202/0203 backend unavailable/timeout, APIGW.0301 bad IAM credentials,
 * APIGW.0308 throttled, APIGW.0201 request too large).
 */
export const GATEWAY = {
  notFound: { status: 404, code: "APIGW.0101", message: "The API does not exist or has not been published in the environment." },
  tooLarge: { status: 413, code: "APIGW.0201", message: "Request entity too large." },
  unauthenticated: { status: 401, code: "APIGW.0301", message: "Incorrect IAM authentication information" },
  throttled: { status: 429, code: "APIGW.0308", message: "The throttling threshold has been reached." },
  backendUnavailable: { status: 502, code: "APIGW.0202", message: "Backend unavailable." },
  backendTimeout: { status: 504, code: "APIGW.0203", message: "Backend timeout." },
} as const;

export function gatewayError(
  kind: keyof typeof GATEWAY,
  requestId: string,
  detail?: string,
): Reply {
  const { status, code, message } = GATEWAY[kind];
  return { status, body: { error_code: code, error_msg: detail ? `${message}: ${detail}` : message, request_id: requestId } };
}

/**
 * Codes of VPC Endpoint's error table, as the spec's examples quote them; a
 * status without its own code falls back to parameter error (4xx) or system
 * error (5xx).
 */
const VPCEP_CODES: Record<number, { code: string; message: string }> = {
  400: { code: "EndPoint.0002", message: "Parameter error." },
  401: { code: "EndPoint.0003", message: "Authentication failed or authentication information is invalid." },
  403: { code: "EndPoint.0004", message: "Authentication information is incorrect or you have no permissions." },
  404: { code: "EndPoint.0005", message: "The requested resource does not exist." },
  500: { code: "EndPoint.0001", message: "System error. Please retry." },
};

/** OpenStack's fault names by status; any other status is a `computeFault`. */
const CINDER_FAULTS: Record<number, string> = {
  400: "badRequest",
  401: "unauthorized",
  403: "forbidden",
  404: "itemNotFound",
  405: "badMethod",
  409: "conflictingRequest",
  413: "overLimit",
  415: "badMediaType",
  429: "overLimit",
  501: "notImplemented",
  503: "serviceUnavailable",
};

/**
 * The error a service itself answers, in its shape. VPC and DWS codes are the
 * mock's own, `<SERVICE>.0<status>` (e.g. `VPC.0404`), since Huawei's tables
 * list none specific to these operations; they read as the status so nobody
 * mistakes them for a documented code.
 */
export function serviceError(service: Service, status: number, message: string, requestId: string): Reply {
  switch (service) {
    case "evs":
      return { status, body: { [CINDER_FAULTS[status] ?? "computeFault"]: { code: status, message } } };
    case "vpcep": {
      const entry = VPCEP_CODES[status] ?? VPCEP_CODES[status >= 500 ? 500 : 400]!;
      return { status, body: { error: { code: entry.code, message: `${entry.message} ${message}` } } };
    }
    case "vpc":
    case "dws":
      return {
        status,
        body: { error_code: `${service.toUpperCase()}.${String(status).padStart(4, "0")}`, error_msg: message, request_id: requestId },
      };
  }
}

/**
 * The answer of an injected failure: throttling and backend failures come
 * from the gateway, as they would in Huawei Cloud; any other status from the
 * service, in its shape.
 */
export function faultError(service: Service, status: number, requestId: string): Reply {
  if (status === 429) return gatewayError("throttled", requestId);
  if (status === 502) return gatewayError("backendUnavailable", requestId);
  if (status === 504) return gatewayError("backendTimeout", requestId);
  return serviceError(service, status, `Injected fault: HTTP ${status}.`, requestId);
}

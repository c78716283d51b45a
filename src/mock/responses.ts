/**
 * Huawei-shaped answers: the API gateway's own flat
 * `{"error_code","error_msg","request_id"}` with `APIGW.*` codes, for what the
 * gateway rejects before any service sees the request (failed
 * authentication, unknown APIs and methods, throttling, a dead or slow
 * backend), and each service's errors in the shape its operations declare.
 */
import { type OperationId, operations } from "../../generated/operations.ts";
import { samplesOf } from "./spec.ts";

type Json = Record<string, unknown>;

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
  badMethod: { status: 405, code: "APIGW.0101", message: "The API does not exist or has not been published in the environment: method not allowed." },
  badPath: { status: 400, code: "APIGW.0101", message: "The request path is not a valid API path." },
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
  // "Message: detail", not "Message.: detail".
  const text = detail ? `${message.replace(/\.$/, "")}: ${detail}` : message;
  return { status, body: { error_code: code, error_msg: text, request_id: requestId } };
}

/**
 * The error a service itself answers, in the shape the spec gives the
 * operation's error answers: the sample (example, else drawn from the schema)
 * of that status, else of the nearest declared status of the same class,
 * with the message and request id filled in. Codes are the mock's own,
 * `<SERVICE>.0<status>` (e.g. `VPC.0404`), or the status itself where the
 * shape is OpenStack's, so nobody mistakes them for a documented code.
 */
export function serviceError(id: OperationId, status: number, message: string, requestId: string): Reply {
  const { errors } = samplesOf(id);
  const declared = errors[String(status)];
  const template = declared ?? nearest(errors, status);
  const code = `${operations[id].service.toUpperCase()}.${String(status).padStart(4, "0")}`;
  const body = structuredClone(template ?? {}) as Json;
  if (isObject(body.error)) return { status, body: { ...body, error: { ...body.error, code, message } } };
  const keys = Object.keys(body);
  const wrapped = keys.length === 1 ? body[keys[0]!] : undefined;
  // OpenStack's shape: the wrapper names the fault, `code` is the status; another status's template gets this status's name.
  if (isObject(wrapped)) {
    const wrapper = declared === undefined ? openStackFaultName(status) : keys[0]!;
    return { status, body: { [wrapper]: { ...wrapped, code: status, message } } };
  }
  return { status, body: { ...body, error_code: code, error_msg: message, request_id: requestId } };
}

/** OpenStack's fault names (its wsgi Fault table, as Cinder answers them); any other status is a computeFault. */
const OPENSTACK_FAULTS: Readonly<Record<number, string>> = {
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

export function openStackFaultName(status: number): string {
  return OPENSTACK_FAULTS[status] ?? "computeFault";
}

/** The error body of the declared status closest to `status` in its class (4xx or 5xx). */
function nearest(errors: Record<string, unknown>, status: number): unknown {
  const sameClass = Object.keys(errors)
    .map(Number)
    .filter((declared) => Math.floor(declared / 100) === Math.floor(status / 100))
    .sort((a, b) => Math.abs(a - status) - Math.abs(b - status));
  return sameClass.length > 0 ? errors[String(sameClass[0])] : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The answer of an injected failure: throttling and backend failures come
 * from the gateway, as they would in Huawei Cloud; any other status from the
 * service, in its shape.
 */
export function faultError(id: OperationId, status: number, requestId: string): Reply {
  if (status === 429) return gatewayError("throttled", requestId);
  if (status === 502) return gatewayError("backendUnavailable", requestId);
  if (status === 504) return gatewayError("backendTimeout", requestId);
  return serviceError(id, status, `Injected fault: HTTP ${status}.`, requestId);
}

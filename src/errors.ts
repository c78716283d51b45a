/**
 * Typed errors. Every failure a call can end in is one of these classes, and
 * none of them ever holds a request header, so credentials cannot leak
 * through a message, `JSON.stringify` or `util.inspect`.
 */

/** Base class of every error hwcloud-typed throws. */
export class HwcloudTypedError extends Error {
  override name = "HwcloudTypedError";
  /** operationId of the failed call, when known. */
  readonly operation: string | undefined;
  /** Attempts made before giving up (1 when nothing was retried). */
  attempts: number;

  constructor(message: string, options: { operation?: string; attempts?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.operation = options.operation;
    this.attempts = options.attempts ?? 1;
  }
}

export interface HuaweiCloudErrorInit {
  status: number;
  operation?: string;
  requestId?: string;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  attempts?: number;
}

/** A non-2xx answer from Huawei Cloud, whatever shape its body had. */
export class HuaweiCloudError extends HwcloudTypedError {
  override name = "HuaweiCloudError";
  readonly status: number;
  /** Huawei's error code, e.g. "VPC.0202"; for Cinder bodies, the wrapper key, e.g. "itemNotFound". */
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  /** Response headers, lower-cased. */
  readonly headers: Record<string, string>;
  readonly body: unknown;

  constructor(init: HuaweiCloudErrorInit) {
    const { code, message } = parseErrorBody(init.body);
    const text = message ?? `HTTP ${init.status}`;
    // The code is quoted as the message is, cut short; `code` keeps it whole.
    super(
      `${init.operation ?? "request"} failed: ${init.status}${code ? ` ${quotable(code)}` : ""}: ${text}` +
        (init.requestId ? ` (request id ${init.requestId})` : ""),
      { operation: init.operation, attempts: init.attempts },
    );
    this.status = init.status;
    this.code = code;
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.body = init.body;
  }

  /** Where a 3xx answer points; the client never follows it, since the request carries credentials. */
  get location(): string | undefined {
    return this.headers.location;
  }
}

export class BadRequestError extends HuaweiCloudError {
  override name = "BadRequestError";
}
export class AuthenticationError extends HuaweiCloudError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends HuaweiCloudError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends HuaweiCloudError {
  override name = "NotFoundError";
}
export class ConflictError extends HuaweiCloudError {
  override name = "ConflictError";
}
export class RateLimitError extends HuaweiCloudError {
  override name = "RateLimitError";
}
export class ServerError extends HuaweiCloudError {
  override name = "ServerError";
}

const byStatus: Record<number, typeof HuaweiCloudError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

/** The right subclass for a status: 5xx are ServerError, 3xx (never followed) and unlisted 4xx the base class. */
export function createHuaweiCloudError(init: HuaweiCloudErrorInit): HuaweiCloudError {
  const ErrorClass = byStatus[init.status] ?? (init.status >= 500 ? ServerError : HuaweiCloudError);
  return new ErrorClass(init);
}

/** How much of a body's text an error message or excerpt quotes. */
export const MAX_TEXT_IN_MESSAGE = 200;

/** The start of a text, cut at MAX_TEXT_IN_MESSAGE characters. */
export function excerptOf(text: string): string {
  return text.length > MAX_TEXT_IN_MESSAGE ? `${text.slice(0, MAX_TEXT_IN_MESSAGE)}…` : text;
}

/** A run of white space and control characters (C0, DEL, C1). */
const BLANK_RUN = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A run holding a control character, whole, as one space. Found as runs and
 * then tested, not by one pattern: a pattern asking for a control character
 * inside the run backtracks over every long run of plain spaces, quadratic in
 * its length (an error answer of 100 KB of spaces took 8 s).
 */
function oneSpace(run: string): string {
  return CONTROL.test(run) ? " " : run;
}

/**
 * A server's text as a message may quote it: cut short, and each run of
 * control characters one space, so a server cannot start a fake log line or
 * send terminal escapes through a message that is logged.
 */
function quotable(text: string): string {
  return excerptOf(text.replace(BLANK_RUN, oneSpace));
}

/**
 * Reads the code and the message to quote (at most MAX_TEXT_IN_MESSAGE
 * characters of it) out of the error shapes Huawei uses:
 * `{"error":{"code","message"}}`, `{"error_code","error_msg"}`, and Cinder's
 * `{"itemNotFound":{"code":404,"message"}}` (any single wrapper key).
 */
export function parseErrorBody(body: unknown): { code?: string; message?: string } {
  if (typeof body === "string") {
    const text = body.trim();
    return text ? { message: quotable(text) } : {};
  }
  if (!isRecord(body)) return {};
  if (typeof body.error_code === "string" || typeof body.error_msg === "string") {
    return { code: asString(body.error_code), message: quoted(body.error_msg) };
  }
  if (isRecord(body.error)) {
    return { code: asString(body.error.code), message: quoted(body.error.message) };
  }
  const keys = Object.keys(body);
  const wrapped = keys.length === 1 ? body[keys[0]!] : undefined;
  if (isRecord(wrapped) && ("message" in wrapped || "code" in wrapped)) {
    const inner = wrapped.code;
    return {
      code: typeof inner === "string" && inner ? inner : keys[0],
      message: quoted(wrapped.message),
    };
  }
  return {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function quoted(value: unknown): string | undefined {
  const text = asString(value);
  return text === undefined ? undefined : quotable(text);
}

/** The request never got a whole HTTP answer: refused, reset, DNS failure, TLS failure, a body cut short. */
export class ConnectionError extends HwcloudTypedError {
  override name = "ConnectionError";
  /**
   * False only when the request provably never left: the connection was
   * refused or the host not found. Only then may a call that is not
   * idempotent be sent again.
   */
  readonly requestSent: boolean;
  /** False when another attempt cannot help, e.g. a certificate the client does not trust. */
  readonly retryable: boolean;

  constructor(
    message: string,
    options: { operation?: string; attempts?: number; cause?: unknown; requestSent?: boolean; retryable?: boolean } = {},
  ) {
    super(message, options);
    this.requestSent = options.requestSent ?? true;
    this.retryable = options.retryable ?? true;
  }
}

/** An attempt ran past its timeout, or the call past its deadline. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/**
 * A 2xx answer whose body is not what the spec declares: not JSON, empty
 * where a body is declared, or in an encoding nobody asked for.
 */
export class InvalidResponseError extends HwcloudTypedError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly contentType: string | undefined;
  /** The start of the body as text: at most 200 characters, then "…" when there was more. */
  readonly excerpt: string;

  constructor(
    reason: string,
    init: { status: number; operation?: string; attempts?: number; requestId?: string; contentType?: string; excerpt: string; cause?: unknown },
  ) {
    super(
      `${init.operation ?? "request"}: the ${init.status} answer ${reason} (content type ${init.contentType ?? "none"}` +
        (init.requestId ? `, request id ${init.requestId})` : ")"),
      init,
    );
    this.status = init.status;
    this.requestId = init.requestId;
    this.contentType = init.contentType;
    this.excerpt = init.excerpt;
  }
}

/** An answer longer than `maxResponseBytes`; its connection was dropped unread. */
export class ResponseTooLargeError extends HwcloudTypedError {
  override name = "ResponseTooLargeError";
  readonly status: number;
  readonly maxResponseBytes: number;

  constructor(init: { status: number; maxResponseBytes: number; operation?: string }) {
    super(`${init.operation ?? "request"}: the ${init.status} answer is longer than maxResponseBytes (${init.maxResponseBytes})`, init);
    this.status = init.status;
    this.maxResponseBytes = init.maxResponseBytes;
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class AbortError extends HwcloudTypedError {
  override name = "AbortError";
}

export interface ValidationIssue {
  /** Where the problem is, e.g. "body.traffic_mirror_session.priority" or "path.peering_id". */
  field: string;
  /** The JSON Schema keyword broken, e.g. "maximum", "pattern", "required". */
  rule: string;
  message: string;
}

/** Input rejected before any I/O; names the operation, the field and the rule. */
export class ValidationError extends HwcloudTypedError {
  override name = "ValidationError";
  readonly issues: ValidationIssue[];

  constructor(operation: string, issues: ValidationIssue[]) {
    const list = issues.map((issue) => `${issue.field} ${issue.message} (${issue.rule})`).join("; ");
    super(`${operation}: invalid input: ${list}`, { operation, attempts: 0 });
    this.issues = issues;
  }

  /** The first offending field, for the common single-issue case. */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }

  get rule(): string | undefined {
    return this.issues[0]?.rule;
  }
}

/** One credential source a lookup tried, and why it gave nothing. Never holds a value. */
export interface CredentialSourceTried {
  /** e.g. "environment" or "credentials file /home/me/.huaweicloud/credentials". */
  source: string;
  /** e.g. "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set". */
  reason: string;
}

/**
 * No source held credentials: thrown by a single provider whose source is
 * empty, and by a chain once every source was; `sources` lists them all.
 */
export class CredentialsNotFoundError extends ValidationError {
  override name = "CredentialsNotFoundError";
  readonly sources: CredentialSourceTried[];

  constructor(sources: CredentialSourceTried[]) {
    super(
      "credentials",
      sources.map(({ source, reason }) => ({ field: source, rule: "source", message: reason })),
    );
    this.message =
      `No credentials found. Tried: ${sources.map(({ source, reason }) => `${source} (${reason})`).join("; ")}. ` +
      "Pass `credentials`, set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ak and sk to the [basic] " +
      "section of ~/.huaweicloud/credentials.";
    this.sources = sources;
  }
}

/**
 * A call needs `{project_id}`, none was given, and IAM does not list exactly
 * one project named after the region, so it cannot be looked up.
 */
export class ProjectIdNotFoundError extends HwcloudTypedError {
  override name = "ProjectIdNotFoundError";
  readonly region: string;
  /** How many projects IAM listed under the region's name: 0, or more than 1. */
  readonly matches: number;

  constructor(init: { region: string; matches: number }) {
    super(
      `no project ID given, and IAM lists ${init.matches === 0 ? "no project" : `${init.matches} projects`} ` +
        `named "${init.region}"; pass projectId to createClient, the call's project_id, or set HUAWEICLOUD_SDK_PROJECT_ID`,
    );
    this.region = init.region;
    this.matches = init.matches;
  }
}

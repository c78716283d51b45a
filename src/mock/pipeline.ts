/**
 * What the mock cloud does with one request, free of any socket: find the
 * operation, authenticate, inject a fault, parse and validate the input,
 * then update the stored resource. Each step may end the request with a
 * Huawei-shaped answer.
 */
import { setTimeout as delay } from "node:timers/promises";
import { type OperationId, operations } from "../../generated/operations.ts";
import { ValidationError, type ValidationIssue } from "../errors.ts";
import type { OperationDescriptor } from "../operation.ts";
import { validateInput, withValidator } from "../validate.ts";
import type { Authenticator, AuthResult, ReceivedRequest } from "./auth.ts";
import type { FaultEffect, FaultInjector } from "./faults.ts";
import { faultError, gatewayError, type Reply, serviceError } from "./responses.ts";
import type { Router } from "./router.ts";
import { samplesOf, type Schema } from "./spec.ts";
import { pathParamsOf, type Store } from "./store.ts";
import { coerce } from "./update.ts";

export interface PipelineParts {
  router: Router;
  authenticate: Authenticator;
  /** Read per request, so faults can be replaced while the server runs. */
  faults: () => FaultInjector;
  store: Store;
  now: () => Date;
}

/**
 * What the pipeline learns about a request, written as soon as it is known,
 * so the log shows a request that is still waiting (e.g. in a delay).
 */
export interface RequestFacts {
  /** The operation the method and path matched, when any. */
  operation?: OperationId;
  /** How the request authenticated; `ak` is the access key id, which Huawei also sends in clear. */
  auth?: AuthResult;
  /** The injected fault, when one fired. */
  fault?: FaultEffect;
}

/** Answers one request; undefined means the connection is to be dropped. */
export type Pipeline = (
  request: ReceivedRequest,
  requestId: string,
  signal: AbortSignal,
  facts: RequestFacts,
) => Promise<Reply | undefined>;

export function createPipeline(parts: PipelineParts): Pipeline {
  return async (request, requestId, signal, facts) => {
    // Checked on the path as sent: URL parsing would resolve `..` away and reach another resource,
    // and read a path starting with `//` as a host. It splits segments at a backslash too.
    const rawPath = request.target.split("?")[0]!;
    if (!rawPath.startsWith("/") || rawPath.split(/[/\\]/).slice(1).some(isUnsafeSegment)) {
      return gatewayError("badPath", requestId, "empty, \".\" and \"..\" path segments are not allowed");
    }
    const target = new URL(request.target, "http://mock.invalid");
    const route = parts.router(request.method, target.pathname);
    if (!route) {
      const allowed = parts.router.methodsOf(target.pathname);
      if (allowed.length === 0) return gatewayError("notFound", requestId);
      return { ...gatewayError("badMethod", requestId, request.method), headers: { Allow: allowed.join(", ") } };
    }
    const { operation, params } = route;
    facts.operation = operation;

    const auth = await parts.authenticate(request);
    facts.auth = auth;
    if (!auth.ok) return gatewayError("unauthenticated", requestId, auth.reason);

    const fault = parts.faults()({ operation, method: request.method, path: request.target });
    if (fault) facts.fault = fault;
    if (fault?.delayMs) {
      try {
        await delay(fault.delayMs, undefined, { signal });
      } catch {
        // Cut short: the client left or the server is closing, so nobody waits for an answer.
        return undefined;
      }
    }
    if (fault?.reset) return undefined;
    if (fault?.status !== undefined) {
      const reply = faultError(operation, fault.status, requestId);
      if (fault.retryAfter !== undefined) reply.headers = { ...reply.headers, "Retry-After": String(fault.retryAfter) };
      return reply;
    }

    // Huawei's API references make Content-Type mandatory: a body sent as text (plain fetch's default) is not JSON to a service.
    if (request.body.length > 0 && operations[operation].body !== "none" && !isJsonMediaType(request.headers["content-type"])) {
      return serviceError(operation, 415, "Unsupported Content-Type: the request body must be sent as application/json.", requestId);
    }
    const parsed = parseJson(request.body);
    if (!parsed.ok) return serviceError(operation, 400, `Malformed JSON in the request body: ${parsed.reason}`, requestId);
    try {
      validateInput(await withValidator(operations[operation]), {
        path: typedPath(operation, params),
        query: queryOf(operation, target.searchParams),
        header: headersOf(operation, request.headers),
        ...(parsed.value === undefined ? {} : { body: parsed.value }),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return serviceError(operation, 400, describeIssues(error.issues), requestId);
    }

    const { status, body: sample } = samplesOf(operation).success;
    if (!parts.store.updates(operation)) return { status, body: structuredClone(sample) };
    const body = parts.store.update(operation, params, parsed.value, { now: parts.now(), requestId });
    if (body === undefined) {
      // The one resource an operation has is seeded, so the unknown parameter is the first that differs from it.
      const seeded: Record<string, string | number> = parts.store.resources[operation];
      const names = pathParamsOf(operation);
      const name = names.find((candidate) => params[candidate] !== String(seeded[candidate])) ?? names.at(-1)!;
      return serviceError(operation, 404, `${name} ${params[name]} could not be found.`, requestId);
    }
    return { status, body };
  };
}

/** An empty segment, or one that is `.` or `..` once percent-decoded. */
function isUnsafeSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, ".");
  return decoded === "" || decoded === "." || decoded === "..";
}

/**
 * The query parameters the operation declares, each in the type its schema
 * gives (a query string holds only text); others are ignored, as services do.
 * A parameter that is not an array given more than once is a ValidationError.
 */
function queryOf(id: OperationId, search: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const { schemas } = samplesOf(id);
  const { params }: OperationDescriptor = operations[id];
  const repeated: ValidationIssue[] = [];
  for (const name of new Set(search.keys())) {
    if (params[name] !== "query") continue;
    const schema = schemas.params[name] ?? {};
    const values = search.getAll(name);
    if (schema.type !== "array" && values.length > 1) {
      repeated.push({ field: `query.${name}`, rule: "type", message: `must be given once, not ${values.length} times` });
    }
    query[name] = schema.type === "array" ? values.map((value) => coerce(value, (schema.items ?? {}) as Schema)) : coerce(values[0], schema);
  }
  // Which of the values a service would take is anyone's guess: code that repeats one is wrong, whatever the mock picks.
  if (repeated.length > 0) throw new ValidationError(id, repeated);
  return query;
}

/** The path parameters, each in the type its schema gives (an integer id is `42` in the path, 42 to the validator). */
function typedPath(id: OperationId, params: Record<string, string>): Record<string, unknown> {
  const { schemas } = samplesOf(id);
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, coerce(value, schemas.params[name] ?? {})]));
}

/** The header parameters the operation declares, by their names in the spec; other headers are not its input. */
function headersOf(id: OperationId, headers: ReceivedRequest["headers"]): Record<string, unknown> {
  const declared: Record<string, unknown> = {};
  const { params } = operations[id];
  for (const name of Object.keys(params) as Array<keyof typeof params>) {
    if (params[name] !== "header") continue;
    const value = headers[String(name).toLowerCase()];
    if (value !== undefined) declared[name] = coerce(Array.isArray(value) ? value.join(", ") : value, samplesOf(id).schemas.params[name] ?? {});
  }
  return declared;
}

/** application/json or a `+json` type, with any parameters (`;charset=UTF-8`), in any case. */
function isJsonMediaType(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]!.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[^/]+\+json$/.test(type);
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

/** "Invalid request: body.peering.name must NOT have more than 64 characters (maxLength)", one issue after another. */
function describeIssues(issues: readonly ValidationIssue[]): string {
  return `Invalid request: ${issues.map((issue) => `${issue.field} ${issue.message} (${issue.rule})`).join("; ")}`;
}

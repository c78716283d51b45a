/**
 * Builds the HTTP request of one call from its operation's descriptor: the
 * named arguments split into path, query, header and body, checked, then put
 * where they go with openapi-fetch's own serializers.
 */
import { createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { ValidationError } from "./errors.ts";
import { assertHeaderName, assertHeaderValue } from "./header-value.ts";
import type { HttpRequest } from "./layers.ts";
import type { OperationDescriptor, ReadyOperation } from "./operation.ts";
import { type CallInit, type ClientConfig, lowerCaseNames } from "./options.ts";
import { type CallInput, validateInput } from "./validate.ts";

/** Form style, exploded arrays (`id=a&id=b`), deepObject objects: openapi-fetch's defaults. */
const serializeQuery = createQuerySerializer();
const encoder = new TextEncoder();

/** A call's input by location, and the names of arguments the operation does not have. */
export interface SplitInput {
  input: CallInput;
  unknown: string[];
}

export function buildRequest(operation: ReadyOperation, { input, unknown }: SplitInput, config: ClientConfig, init: CallInit | undefined): HttpRequest {
  if (config.projectId !== undefined && operation.params.project_id === "path" && input.path.project_id === undefined) {
    input.path.project_id = config.projectId;
  }
  if (config.validate) {
    if (unknown.length > 0) {
      throw new ValidationError(
        operation.id,
        unknown.map((field) => ({ field, rule: "additionalProperties", message: "is not a known field" })),
      );
    }
    validateInput(operation, input);
  }
  assertPathValues(operation, input.path);

  let url: URL;
  try {
    const query = serializeQuery(input.query);
    url = new URL(`${config.endpoints[operation.service as keyof ClientConfig["endpoints"]]}${defaultPathSerializer(operation.path, input.path)}${query ? `?${query}` : ""}`);
  } catch (error) {
    throw unencodable(operation.id, input) ?? error;
  }
  const headers = { ...config.headers };
  for (const name in input.header) {
    const value = headerText(input.header[name]);
    assertHeaderName(operation.id, `header.${name}`, name);
    assertHeaderValue(operation.id, `header.${name}`, value);
    headers[name.toLowerCase()] = value;
  }
  if (init?.headers) {
    for (const [name, value] of Object.entries(lowerCaseNames(init.headers))) {
      assertHeaderName(operation.id, `init.headers.${name}`, name);
      assertHeaderValue(operation.id, `init.headers.${name}`, value);
      headers[name] = value;
    }
  }
  if (input.body !== undefined && operation.body === "none") {
    // Even unvalidated: a body on an operation that takes none would be sent as is, on a GET or DELETE too.
    throw new ValidationError(operation.id, [{ field: "body", rule: "additionalProperties", message: "is not a known field: the operation takes no body" }]);
  }
  const body = input.body === undefined ? undefined : serializeBody(operation.id, input.body);
  if (body !== undefined) {
    const type = headers["content-type"];
    if (type === undefined) headers["content-type"] = "application/json";
    else if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new ValidationError(operation.id, [
        { field: "headers.content-type", rule: "format", message: "must be a JSON media type, since the body is sent as JSON" },
      ]);
    }
  }
  return {
    method: operation.method,
    url,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(init?.signal ? { signal: init.signal } : {}),
    operation: operation.id,
    maxResponseBytes: config.maxResponseBytes,
  };
}

/** Each argument of a named call to its place, by the spec's name for it. */
export function splitArgs(operation: Pick<OperationDescriptor, "params">, args: Record<string, unknown> | undefined): SplitInput {
  const input: CallInput = { path: {}, query: {}, header: {} };
  const unknown: string[] = [];
  for (const name in args) {
    const value = args[name];
    if (value === undefined) continue;
    if (name === "body") {
      input.body = value;
      continue;
    }
    const location = operation.params[name];
    // Not `=== undefined`: `constructor`, `toString` or an own `__proto__` find Object.prototype's members.
    if (typeof location !== "string") unknown.push(name);
    else input[location][name] = value;
  }
  return { input, unknown };
}

/**
 * Checked even when validation is off: an empty value would send the request
 * to the collection's URL, and `.` or `..` would be resolved away by URL
 * parsing, reaching another resource.
 */
function assertPathValues(operation: OperationDescriptor, path: Record<string, unknown>): void {
  for (const name in operation.params) {
    if (operation.params[name] !== "path") continue;
    const given = path[name];
    // An array or object is judged by the segment openapi-fetch writes for it: [".."] is "..", {} is "".
    const value = typeof given === "object" && given !== null ? defaultPathSerializer(`{${name}}`, { [name]: given }) : given;
    if (value === undefined || value === null || String(value) === "") {
      throw new ValidationError(operation.id, [{ field: `path.${name}`, rule: "required", message: "must not be empty" }]);
    }
    if (value === "." || value === "..") {
      throw new ValidationError(operation.id, [{ field: `path.${name}`, rule: "path-segment", message: 'must not be "." or ".."' }]);
    }
  }
}

/** Half a UTF-16 surrogate pair: a string the JSON Schema `string` type accepts, but UTF-8 cannot hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why the URL could not be built, when it is a path or query value with a
 * lone surrogate (encodeURIComponent throws a URIError naming nothing).
 * Looked for only once building has failed, so calls that succeed pay nothing.
 */
function unencodable(operation: string, input: CallInput): ValidationError | undefined {
  for (const location of ["path", "query"] as const) {
    for (const [name, value] of Object.entries(input[location])) {
      if (hasLoneSurrogate(value)) {
        return new ValidationError(operation, [
          { field: `${location}.${name}`, rule: "encoding", message: "must be well-formed Unicode (no lone surrogate), since it is sent as UTF-8" },
        ]);
      }
    }
  }
  return undefined;
}

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return LONE_SURROGATE.test(value);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));
}

/** A header parameter as text: arrays comma-joined, as OpenAPI's simple style does. */
function headerText(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

function serializeBody(operation: string, body: unknown): Uint8Array {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new ValidationError(operation, [
      { field: "body", rule: "json", message: `cannot be sent as JSON (${error instanceof Error ? error.message : String(error)})` },
    ]);
  }
  if (text === undefined) throw new ValidationError(operation, [{ field: "body", rule: "json", message: "cannot be sent as JSON" }]);
  return encoder.encode(text);
}

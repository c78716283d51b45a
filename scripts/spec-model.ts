import type { OpenApiDocument } from "./bundle.ts";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

/** RFC 9110's idempotent methods: repeating one has the effect of sending it once. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

const LOCATIONS = ["path", "query", "header"] as const;
export type ParamLocation = (typeof LOCATIONS)[number];

export type JsonSchema = Record<string, any>;

export interface ParameterEntry {
  name: string;
  in: ParamLocation;
  required: boolean;
  schema: JsonSchema;
  description: string;
  /** The spec's own sample values, in order: `example`, then `examples`, then the schema's. */
  examples: unknown[];
}

export interface ResponseEntry {
  status: number;
  description: string;
  /** JSON body schema; absent for an answer without content. */
  schema?: JsonSchema;
  examples: Array<{ name: string; value: unknown }>;
}

/** What the client, the mock and the docs need to know of one operation, read from the dereferenced spec. */
export interface OperationEntry {
  operationId: string;
  /** `UpdateVpcPeering` -> `updateVpcPeering`, the method of `client.<service>`. */
  methodName: string;
  method: string;
  path: string;
  service: string;
  /** The path's server URL template, e.g. https://vpc.{region}.myhuaweicloud.com. */
  server: string;
  tag: string;
  summary: string;
  description: string;
  idempotent: boolean;
  parameters: ParameterEntry[];
  body?: { required: boolean; schema: JsonSchema; examples: Array<{ name: string; value: unknown }> };
  /** Declared 2xx answers, lowest status first. */
  success: ResponseEntry[];
  /** Declared 4xx and 5xx answers. */
  errors: ResponseEntry[];
}

export interface ServiceEntry {
  name: string;
  server: string;
}

/** Whether an operation may be sent again after it may have reached the service: its `x-idempotent`, else its method's RFC 9110 nature. */
export function isIdempotent(method: string, operation: { "x-idempotent"?: unknown }): boolean {
  const declared = operation["x-idempotent"];
  return typeof declared === "boolean" ? declared : IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** The lowerCamelCase method name of an operation: `UpdateVpcPeering` -> `updateVpcPeering`. */
export function methodName(operationId: string): string {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/**
 * The services the spec declares: the enum of the `service` variable of its
 * top-level server, the one place a new service is named.
 */
export function declaredServices(document: OpenApiDocument): string[] {
  const names = document.servers?.[0]?.variables?.service?.enum;
  if (!Array.isArray(names) || names.length === 0) {
    throw new Error("the spec lists no services: give servers[0].variables.service.enum, e.g. [vpc, evs]");
  }
  return names;
}

/** One entry per operation of a dereferenced document, in spec order. Throws on what the client cannot name. */
export function listOperations(document: OpenApiDocument): OperationEntry[] {
  const known = new Set(declaredServices(document));
  const entries: OperationEntry[] = [];
  for (const [path, pathItem] of Object.entries<any>(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.operationId) throw new Error(`${where} has no operationId`);
      const servers: Array<{ url: string }> | undefined = operation.servers ?? pathItem.servers;
      const service: string = operation["x-service"] ?? serviceFromServers(servers, where);
      if (!known.has(service)) {
        throw new Error(`${operation.operationId}: service "${service}" is not in the spec's list (servers[0].variables.service.enum)`);
      }
      const parameters = mergeParameters(pathItem.parameters ?? [], operation.parameters ?? [], operation.operationId);
      const media = jsonMedia(operation.requestBody?.content, `${operation.operationId}: its request body`);
      const responses = Object.entries<any>(operation.responses ?? {}).map(([status, response]) => toResponse(operation.operationId, status, response));
      const success = responses.filter((response) => response.status >= 200 && response.status < 300);
      if (success.length === 0) throw new Error(`${operation.operationId}: declares no 2xx answer`);
      entries.push({
        operationId: operation.operationId,
        methodName: methodName(operation.operationId),
        method: method.toUpperCase(),
        path,
        service,
        server: servers?.[0]?.url ?? document.servers?.[0]?.url.replace("{service}", service) ?? "",
        tag: operation.tags?.[0] ?? "",
        summary: operation.summary ?? "",
        description: operation.description ?? "",
        idempotent: isIdempotent(method, operation),
        parameters,
        ...(media?.schema
          ? { body: { required: operation.requestBody.required === true, schema: media.schema, examples: namedExamples(media) } }
          : {}),
        success: success.sort((a, b) => a.status - b.status),
        errors: responses.filter((response) => response.status >= 400),
      });
    }
  }
  checkNames(entries);
  return entries;
}

/** One server template per service: the client builds each service's default endpoint from it. */
export function listServices(document: OpenApiDocument, entries: OperationEntry[]): ServiceEntry[] {
  return declaredServices(document).map((name) => {
    const templates = new Set(entries.filter((entry) => entry.service === name).map((entry) => entry.server));
    if (templates.size > 1) throw new Error(`service ${name} has more than one server template: ${[...templates].join(", ")}`);
    const [server = document.servers[0].url.replace("{service}", name)] = templates;
    return { name, server };
  });
}

/**
 * The path item's parameters, then the operation's; an operation parameter
 * replaces the path item's of the same name and location, as OpenAPI says.
 * Named calls take every parameter and `body` in one object, so two
 * parameters of one name (in different places) or one named `body` cannot be called.
 */
function mergeParameters(shared: any[], own: any[], operationId: string): ParameterEntry[] {
  const byKey = new Map<string, any>();
  for (const parameter of [...shared, ...own]) {
    if (!(LOCATIONS as readonly string[]).includes(parameter.in)) {
      throw new Error(`${operationId}: parameter ${parameter.name} is in ${parameter.in}; only path, query and header are supported`);
    }
    byKey.set(`${parameter.in} ${parameter.name}`, parameter);
  }
  const merged: ParameterEntry[] = [];
  for (const parameter of byKey.values()) {
    const twin = merged.find((other) => other.name === parameter.name);
    if (twin) {
      throw new Error(
        `${operationId}: parameters ${twin.in}.${twin.name} and ${parameter.in}.${parameter.name} share a name; named calls need one name per parameter`,
      );
    }
    if (parameter.name === "body") throw new Error(`${operationId}: ${parameter.in}.body is named "body", which named calls keep for the request body`);
    merged.push({
      name: parameter.name,
      in: parameter.in,
      required: parameter.in === "path" || parameter.required === true,
      schema: parameter.schema ?? {},
      description: parameter.description ?? "",
      examples: [
        ...(parameter.example === undefined ? [] : [parameter.example]),
        ...Object.values<any>(parameter.examples ?? {}).map((example) => example.value),
        ...(parameter.schema?.example === undefined ? [] : [parameter.schema.example]),
        ...(parameter.schema?.examples ?? []),
      ],
    });
  }
  return merged;
}

function toResponse(operationId: string, status: string, response: any): ResponseEntry {
  if (!/^[1-5]\d\d$/.test(status)) throw new Error(`response "${status}": only exact statuses are supported, not ranges or default`);
  // An error's body is read whatever it is (src/answer.ts); a success is the call's result, so it must be JSON.
  const media = jsonMedia(response?.content, status.startsWith("2") ? `${operationId}: its ${status} answer` : undefined);
  return {
    status: Number(status),
    description: response?.description ?? "",
    ...(media?.schema ? { schema: media.schema } : {}),
    examples: media ? namedExamples(media) : [],
  };
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The JSON entry of a `content` map: `application/json`, also with parameters
 * as Huawei's pages write it (`application/json;charset=UTF-8`), or a
 * `+json` type. The types (generated/methods.ts) read the same entries.
 * Another media type where `what` (the body or a success answer) is named
 * stops generation, naming it.
 */
function jsonMedia(content: Record<string, any> | undefined, what?: string): any {
  const types = Object.keys(content ?? {});
  const type = types.find((name) => JSON_MEDIA_TYPE.test(name));
  if (type === undefined && types.length > 0 && what !== undefined) {
    // Left out, the body would be silently dropped: the call would send none, or resolve to undefined.
    throw new Error(`${what} is ${types.join(", ")}; only JSON (application/json) bodies and answers without content are supported`);
  }
  return type === undefined ? undefined : content![type];
}

function namedExamples(media: any): Array<{ name: string; value: unknown }> {
  if (media.example !== undefined) return [{ name: "example", value: media.example }];
  return Object.entries<any>(media.examples ?? {}).map(([name, example]) => ({ name, value: example.value }));
}

/** Two operations that one client method name would call are a spec error, named here rather than at compile time. */
function checkNames(entries: OperationEntry[]): void {
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const key = `${entry.service}.${entry.methodName}`;
    const other = seen.get(key);
    if (other) throw new Error(`${other} and ${entry.operationId} would both be client.${key}`);
    seen.set(key, entry.operationId);
  }
}

/** `https://vpc.{region}.myhuaweicloud.com` serves the `vpc` service. */
function serviceFromServers(servers: Array<{ url: string }> | undefined, where: string): string {
  const match = servers?.[0]?.url.match(/^https?:\/\/([a-z0-9-]+)\./);
  if (!match?.[1]) throw new Error(`${where}: no x-service and no per-service server to derive it from`);
  return match[1];
}

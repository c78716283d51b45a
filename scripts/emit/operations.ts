import type { OpenApiDocument } from "../bundle.ts";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export type JsonSchema = Record<string, unknown>;

/** What the client needs to know of one operation, taken from the spec. */
export interface OperationEntry {
  operationId: string;
  method: string;
  path: string;
  service: string;
  /** The spec's server URL template, e.g. https://vpc.{region}.myhuaweicloud.com. */
  server: string;
  tag: string;
  summary: string;
  idempotent: boolean;
  pathParams: string[];
  /** JSON Schemas of the path parameters (as one object) and of the JSON request body. */
  schemas: { path: JsonSchema; body?: JsonSchema; bodyRequired: boolean };
}

/** One entry per operation of a dereferenced document, in spec order. */
export function listOperations(document: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, pathItem] of Object.entries<any>(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])];
      const pathParameters = parameters.filter((parameter: any) => parameter.in === "path");
      const body = operation.requestBody?.content?.["application/json"]?.schema;
      const servers: Array<{ url: string }> | undefined = operation.servers ?? pathItem.servers ?? document.servers;
      entries.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        service: operation["x-service"] ?? serviceFromServers(servers, path),
        server: servers?.[0]?.url ?? "",
        tag: operation.tags?.[0] ?? "",
        summary: operation.summary ?? "",
        idempotent: operation["x-idempotent"] === true,
        pathParams: pathParameters.map((parameter: any) => parameter.name),
        schemas: {
          path: {
            type: "object",
            properties: Object.fromEntries(pathParameters.map((parameter: any) => [parameter.name, parameter.schema ?? {}])),
            required: pathParameters.filter((parameter: any) => parameter.required).map((parameter: any) => parameter.name),
            additionalProperties: false,
          },
          ...(body ? { body } : {}),
          bodyRequired: operation.requestBody?.required === true,
        },
      });
    }
  }
  return entries;
}

/** `https://vpc.{region}.myhuaweicloud.com` serves the `vpc` service. */
function serviceFromServers(servers: Array<{ url: string }> | undefined, path: string): string {
  const match = servers?.[0]?.url.match(/^https?:\/\/([a-z0-9-]+)\./);
  if (!match?.[1]) throw new Error(`${path}: no x-service and no per-service server to derive it from`);
  return match[1];
}

export function emitOperations(entries: OperationEntry[], header: string): string {
  const table = Object.fromEntries(
    entries.map(({ schemas: _schemas, ...entry }) => [entry.operationId, entry]),
  );
  const schemas = Object.fromEntries(entries.map((entry) => [entry.operationId, entry.schemas]));
  return `// ${header}

/** Every operation of the spec, keyed by operationId. */
export const operations = ${JSON.stringify(table, null, 2)} as const;

export type OperationId = keyof typeof operations;
export type Operation = (typeof operations)[OperationId];
export type Service = Operation["service"];

/** JSON Schemas of each operation's path parameters and request body, as the spec states them. */
export const operationSchemas: Record<OperationId, { path: Record<string, unknown>; body?: Record<string, unknown>; bodyRequired: boolean }> = ${JSON.stringify(schemas, null, 2)};
`;
}

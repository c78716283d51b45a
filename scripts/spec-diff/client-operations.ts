/**
 * The spec's operations as the client names them. The diff library compares
 * operations by path and method; callers of hwcloud-typed know them as
 * `client.<service>.<lowerCamelOperationId>`, so both documents are re-keyed by
 * that name before comparing: an operation whose path or method moves is
 * compared with itself, and its route change is reported as one finding.
 */
import type { OpenApiDocument } from "../bundle.ts";
import { isIdempotent, methodName } from "../spec-model.ts";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** The method every re-keyed operation sits under; its real one is kept in `x-route`. */
export const KEYED_METHOD = "post";

/** `client.vpc.updateVpcPeering` for `x-service: vpc` and `operationId: UpdateVpcPeering`. */
export function clientName(service: string, operationId: string): string {
  return `client.${service}.${methodName(operationId)}`;
}

/** `https://vpc.{region}.myhuaweicloud.com` serves `vpc`: the client's fallback when `x-service` is missing. */
function serviceOf(operation: any, pathItem: any, document: OpenApiDocument): string {
  if (typeof operation["x-service"] === "string") return operation["x-service"];
  const servers: Array<{ url?: string }> | undefined = operation.servers ?? pathItem.servers ?? document.servers;
  return servers?.[0]?.url?.match(/^https?:\/\/([a-z0-9-]+)\./)?.[1] ?? "unknown";
}

/** Path-item parameters apply to every operation below them unless the operation redefines the same name and location. */
function mergedParameters(document: OpenApiDocument, pathItem: any, operation: any): unknown[] {
  const own: unknown[] = operation.parameters ?? [];
  const key = (parameter: unknown) => {
    const { in: location, name } = parameter as { in?: string; name?: string };
    return `${location}:${name}`;
  };
  const ownKeys = new Set(own.map(key));
  const inherited = ((pathItem.parameters ?? []) as unknown[]).filter((parameter) => !ownKeys.has(key(parameter)));
  return [...inherited, ...own];
}

/**
 * The document with one path per client operation (`client.vpc.updateVpcPeering`),
 * each under `post`, carrying its path-item parameters, its real method and path
 * in `x-route`, and in `x-idempotent` whether the client retries it. Components stay, so the library resolves `$ref`s as before.
 */
export function keyedByClientName(document: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, rawPathItem] of Object.entries<any>(document.paths ?? {})) {
    const pathItem = rawPathItem ?? {};
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation || typeof operation !== "object") continue;
      const route = `${method.toUpperCase()} ${path}`;
      const service = serviceOf(operation, pathItem, document);
      // The generator refuses an operation without operationId; name it by its route meanwhile.
      const name = operation.operationId ? clientName(service, operation.operationId) : `client.${service}.(${route})`;
      // Two operations with one client name would collide in the client too; keep both visible.
      const key = name in paths ? `${name} (${route})` : name;
      const { servers: _servers, ...rest } = operation;
      paths[key] = {
        // Whether the client retries it, as the generator decides (the method counts when `x-idempotent` is absent).
        [KEYED_METHOD]: {
          ...rest,
          parameters: mergedParameters(document, pathItem, operation),
          "x-route": route,
          "x-idempotent": isIdempotent(method, operation),
        },
      };
    }
  }
  return { ...document, paths };
}

import { type OperationId, operations } from "../../generated/operations.ts";

/** An operation found for a request, with its path parameters decoded. */
export interface Route {
  operation: OperationId;
  params: Record<string, string>;
}

interface CompiledRoute {
  operation: OperationId;
  method: string;
  /** Per segment: a literal to equal, or the name of the parameter it fills. */
  segments: Array<{ literal: string } | { param: string }>;
}

export interface Router {
  (method: string, pathname: string): Route | undefined;
  /** The methods the path is served under, for a 405's Allow; none when no operation has the path. */
  methodsOf(pathname: string): string[];
}

/**
 * A router over the generated operation table: a request matches an
 * operation when the method is the same and every path segment equals the
 * template's literal or fills one of its `{parameters}`, literals first. Parameters are
 * percent-decoded but not checked: an empty or overlong one is the validator's
 * to reject, naming the parameter. A segment that is not valid percent-encoding
 * matches nothing. HEAD is served wherever GET is, as HTTP asks of a server,
 * unless the spec gives the path a HEAD operation of its own.
 */
export function createRouter(table: Readonly<Record<string, { method: string; path: string }>> = operations): Router {
  const compiled: CompiledRoute[] = Object.entries(table).map(([operation, { method, path }]) => ({
    operation: operation as OperationId,
    method: method.toUpperCase(),
    segments: path.split("/").map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      return param === undefined ? { literal: segment } : { param };
    }),
  }));
  // A literal segment wins over a parameter in the same place (`/servers/detail` over `/servers/{server_id}`), as OpenAPI and the gateway match.
  const routes = compiled.sort(bySpecificity);
  const find = (method: string, pathname: string): Route | undefined => {
    const segments = pathname.split("/");
    for (const route of routes) {
      if (route.method !== method.toUpperCase() || route.segments.length !== segments.length) continue;
      const params = matchSegments(route.segments, segments);
      if (params) return { operation: route.operation, params };
    }
    return undefined;
  };
  const methodsOf = (pathname: string): string[] => {
    const segments = pathname.split("/");
    const methods = new Set(
      routes.filter((route) => route.segments.length === segments.length && matchSegments(route.segments, segments)).map((route) => route.method),
    );
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
  return Object.assign(
    (method: string, pathname: string) => find(method, pathname) ?? (method.toUpperCase() === "HEAD" ? find("GET", pathname) : undefined),
    { methodsOf },
  );
}

/** Earlier the route whose first differing segment is a literal where the other's is a parameter. */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index++) {
    const literalA = "literal" in a.segments[index]!;
    if (literalA !== "literal" in b.segments[index]!) return literalA ? -1 : 1;
  }
  return 0;
}

function matchSegments(template: CompiledRoute["segments"], segments: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index]!;
    if ("literal" in part) {
      if (part.literal !== segment) return undefined;
      continue;
    }
    try {
      params[part.param] = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
  }
  return params;
}

/** The committed spec's operations as the client tests read them: parameters by location, the page's request example. */
import { operations, type OperationId } from "../../src/index.ts";
import { requestExamples } from "../../src/mock/spec.ts";

/** Names of the operation's parameters in `location` ("path", "query" or "header"). */
export function paramsIn(id: OperationId, location: string): string[] {
  const params: Record<string, string> = operations[id].params;
  return Object.keys(params).filter((name) => params[name] === location);
}

/** The page's first request example: a valid body. */
export function requestExample(id: OperationId): unknown {
  return requestExamples(id)[0]!.value;
}

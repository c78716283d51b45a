import { operations } from "../generated/operations.ts";
import type { ServiceMethods } from "../generated/methods.ts";
import type { Call } from "./call.ts";
import type { CallInit } from "./options.ts";
import { splitArgs } from "./request.ts";

export type NamedCalls = ServiceMethods<CallInit>;

/**
 * `client.vpc.updateVpcPeering(args, init)`: one method per operation of the
 * generated table, each resolving to the answer's data or throwing its typed error.
 */
export function createNamedCalls(call: Call): NamedCalls {
  const groups: Record<string, Record<string, (args?: Record<string, unknown>, init?: CallInit) => Promise<unknown>>> = {};
  for (const operation of Object.values(operations)) {
    (groups[operation.service] ??= {})[operation.name] = async (args, init) => {
      const answer = await call(operation, splitArgs(operation, args), init);
      if (answer.error) throw answer.error;
      return answer.data;
    };
  }
  return groups as unknown as NamedCalls;
}

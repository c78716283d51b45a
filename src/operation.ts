/**
 * What the client reads of one generated operation (generated/operations.ts):
 * enough to build its request, check its input and read its answer.
 */
import type { Validator } from "../generated/operations.ts";

export type ParamLocation = "path" | "query" | "header";

export type CompiledValidator = Validator;

export interface OperationDescriptor {
  readonly id: string;
  readonly service: string;
  /** The method of `client.<service>`, e.g. `updateVpcPeering`. */
  readonly name: string;
  readonly method: string;
  /** Path template, e.g. `/v2.0/vpc/peerings/{peering_id}`. */
  readonly path: string;
  /** Whether sending the request twice has the effect of sending it once. */
  readonly idempotent: boolean;
  /** Where each parameter goes, by its name in the spec. */
  readonly params: Readonly<Record<string, ParamLocation>>;
  readonly body: "required" | "optional" | "none";
  /** Declared 2xx statuses: "json" when the answer has a JSON body, "empty" when it has none. */
  readonly success: Readonly<Record<number, "json" | "empty">>;
  /** Imports the operation's compiled validator (generated/validators/<operationId>.ts), whose code loads only when first needed. */
  readonly loadValidator: () => Promise<CompiledValidator>;
}

/** A descriptor with its validator imported, as the request builder checks input with it. */
export interface ReadyOperation extends OperationDescriptor {
  readonly validate: CompiledValidator;
}

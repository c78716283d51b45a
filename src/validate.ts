import { ValidationError, type ValidationIssue } from "./errors.ts";
import { loadCode } from "./load-code.ts";
import type { CompiledValidator, OperationDescriptor, ReadyOperation } from "./operation.ts";

/** What a call sends, split by where it goes. */
export interface CallInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body?: unknown;
}

/** Checks a call's input against the operation's schemas; throws a ValidationError naming each bad field. */
export function validateInput(operation: Pick<ReadyOperation, "id" | "validate">, input: CallInput): void {
  if (operation.validate(input)) return;
  throw new ValidationError(operation.id, (operation.validate.errors ?? []).map(toIssue));
}

/** The descriptor with its compiled validator imported. */
export async function withValidator<Operation extends OperationDescriptor>(operation: Operation): Promise<Operation & ReadyOperation> {
  return { ...operation, validate: await loadCode(`the validator of ${operation.id}`, operation.loadValidator) };
}

function toIssue(error: NonNullable<CompiledValidator["errors"]>[number]): ValidationIssue {
  const segments = error.instancePath.split("/").slice(1).map(unescapePointer);
  const child = error.params.missingProperty ?? error.params.additionalProperty;
  if (typeof child === "string") segments.push(child);
  const message =
    error.keyword === "required"
      ? "is required"
      : error.keyword === "additionalProperties"
        ? "is not a known field"
        : (error.message ?? `breaks ${error.keyword}`);
  return { field: segments.join("."), rule: error.keyword, message };
}

function unescapePointer(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** Two bundled specs -> the report: client-visible changes grouped by operation, and the version gate. */
import { bundleSpec, type OpenApiDocument } from "../bundle.ts";
import type { Change } from "./change.ts";
import { classify } from "./classify.ts";
import { compareSpecs } from "./compare.ts";
import { SpecDiffError } from "./errors.ts";
import { bundleSpecAtRef } from "./spec-at-ref.ts";
import { checkVersion, type VersionCheck } from "./version.ts";

export interface OperationChanges {
  /** `client.vpc.updateVpcPeering` */
  name: string;
  route: string;
  changes: Array<Omit<Change, "operation" | "route">>;
}

export interface SpecDiffReport {
  base: { label: string; version: string };
  head: { label: string; version: string };
  operations: OperationChanges[];
  counts: { operationsAdded: number; operationsRemoved: number; changes: number; breaking: number };
  version: VersionCheck;
  /** Nothing breaks, or `info.version` was raised as semver asks. */
  ok: boolean;
}

/** The base of a comparison with a ref that had no spec yet: every operation is new. */
export const NO_SPEC: OpenApiDocument = { openapi: "3.1.0", info: { title: "no spec", version: "0.0.0" }, paths: {} };

export function buildReport(
  before: OpenApiDocument,
  after: OpenApiDocument,
  labels: { base: string; head: string },
): SpecDiffReport {
  const changes = classify(compareSpecs(before, after));
  const byOperation = new Map<string, OperationChanges>();
  for (const { operation, route, ...change } of changes) {
    const entry = byOperation.get(operation) ?? { name: operation, route, changes: [] };
    entry.changes.push(change);
    byOperation.set(operation, entry);
  }
  const breaking = changes.filter((change) => change.breaking).length;
  const version = checkVersion(String(before.info?.version ?? ""), String(after.info?.version ?? ""));
  return {
    base: { label: labels.base, version: version.before },
    head: { label: labels.head, version: version.after },
    operations: [...byOperation.values()].sort((a, b) => a.name.localeCompare(b.name)),
    counts: {
      operationsAdded: changes.filter((change) => change.kind === "operation-added").length,
      operationsRemoved: changes.filter((change) => change.kind === "operation-removed").length,
      changes: changes.length,
      breaking,
    },
    version,
    ok: breaking === 0 || version.raised,
  };
}

/**
 * The report of the spec at `specPath` against itself at git `ref`, both bundled and dereferenced alike.
 * `current` is the working tree's dereferenced bundle, when the caller has made it already.
 */
export async function compareWithRef(ref: string, specPath: string, current?: Promise<OpenApiDocument>): Promise<SpecDiffReport> {
  const [before, after] = await Promise.all([
    bundleSpecAtRef(ref, specPath),
    (current ?? bundleSpec(specPath, { dereference: true })).catch((error: unknown) => {
      throw new SpecDiffError(`${specPath} does not bundle: ${error instanceof Error ? error.message : error}`);
    }),
  ]);
  return buildReport(before ?? NO_SPEC, after, { base: before ? ref : `${ref} (no spec)`, head: "working tree" });
}

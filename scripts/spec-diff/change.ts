/** A client-visible change: what the report lists, and what the classifiers build. */
import type { LibraryDiff } from "./compare.ts";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "route-changed"
  | "retry-changed"
  | "deprecated"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-renamed"
  | "body-added"
  | "body-removed"
  | "media-type-added"
  | "media-type-removed"
  | "status-added"
  | "status-removed"
  | "field-added"
  | "field-removed"
  | "made-required"
  | "made-optional"
  | "type-changed"
  | "constraint-tightened"
  | "constraint-loosened"
  | "enum-value-added"
  | "enum-value-removed"
  | "other";

export interface Change {
  /** `client.vpc.updateVpcPeering` */
  operation: string;
  /** `PUT /v2.0/vpc/peerings/{peering_id}`: the route after the change (before it, for a removed operation). */
  route: string;
  kind: ChangeKind;
  /** What changed, as a caller sees it: `body field \`peering.name\``, `query parameter \`limit\``, `response 200 field \`peering.id\``. */
  subject: string;
  /** How it changed: `maxLength lowered from 64 to 32`. */
  detail: string;
  /** Breaks a caller written against the old client. */
  breaking: boolean;
  before?: unknown;
  after?: unknown;
}

export type Draft = Omit<Change, "operation" | "route">;

/** `value` as inline Markdown code. */
export const code = (value: unknown) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

/** Keys that document rather than define: the client's types and checks never read them. */
const DOCUMENTATION = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "$comment"]);

/** A finding our rules do not name: shown with the library's verdict, unless it is documentation only. */
export function fallback(diff: LibraryDiff, subject: string, rest: Array<string | number>, canBreak: boolean): Draft[] {
  if (diff.type === "annotation" || diff.type === "deprecated") return [];
  // Extensions (`x-zh-name`) document too; those the client reads are classified before this.
  if (rest.some((segment) => DOCUMENTATION.has(String(segment)) || String(segment).startsWith("x-"))) return [];
  const where = rest.length > 0 ? `\`${rest.join(".")}\` ` : "";
  const verb = { add: "added", remove: "removed", replace: "changed", rename: "renamed" }[diff.action];
  return [{ kind: "other", subject, detail: `${where}${verb}`, breaking: canBreak && diff.type === "breaking", before: diff.before, after: diff.after }];
}

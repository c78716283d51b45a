/** The report as Markdown for people, JSON for machines, and one line for `npm run generate`. */
import semver from "semver";
import type { SpecDiffReport } from "./report.ts";

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function line(change: { subject: string; detail: string; breaking: boolean }): string {
  const text = change.subject === "operation" ? `operation ${change.detail}` : `${change.subject}: ${change.detail}`;
  return `- ${change.breaking ? "**breaking**" : "non-breaking"}: ${text}`;
}

function versionVerdict(report: SpecDiffReport): string {
  const { version, counts } = report;
  if (counts.breaking === 0) return "Nothing breaks callers of the old client.";
  if (version.raised) return `The breaking changes are announced: \`info.version\` ${version.before} → ${version.after}.`;
  const next = semver.valid(version.before) ? semver.inc(version.before, version.needed) : undefined;
  const bump = version.needed === "minor" ? "a minor version bump while the major version is 0" : "a major version bump";
  return `**Not announced**: breaking changes need ${bump}${next ? ` (${version.before} → ${next})` : ""}, but \`info.version\` is ${version.after}.`;
}

export function renderMarkdown(report: SpecDiffReport): string {
  const { counts } = report;
  const out = [`# Spec changes: ${report.base.label} → ${report.head.label}`, ""];
  if (counts.changes === 0) {
    out.push(`No client-visible change (\`info.version\` ${report.base.version} → ${report.head.version}).`);
    return `${out.join("\n")}\n`;
  }
  out.push(
    `${plural(counts.changes, "change")} in ${plural(report.operations.length, "operation")}, ${counts.breaking} breaking; \`info.version\` ${report.base.version} → ${report.head.version}.`,
    "",
    versionVerdict(report),
  );
  for (const operation of report.operations) {
    out.push("", `## \`${operation.name}\` (${operation.route})`, "", ...operation.changes.map(line));
  }
  return `${out.join("\n")}\n`;
}

export function renderJson(report: SpecDiffReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `+2 operations, 1 breaking change: npm run spec:diff`, or `no client-visible change`. */
export function renderSummary(report: SpecDiffReport): string {
  const { counts } = report;
  const other = counts.changes - counts.operationsAdded - counts.operationsRemoved;
  const parts = [
    ...(counts.operationsAdded ? [`+${plural(counts.operationsAdded, "operation")}`] : []),
    ...(counts.operationsRemoved ? [`-${plural(counts.operationsRemoved, "operation")}`] : []),
    ...(other ? [plural(other, counts.operationsAdded || counts.operationsRemoved ? "other change" : "change")] : []),
    ...(counts.breaking ? [`${plural(counts.breaking, "breaking change")}${report.version.raised ? " (version raised)" : ""}`] : []),
  ];
  const against = `spec against ${report.base.label}`;
  return parts.length === 0 ? `${against}: no client-visible change` : `${against}: ${parts.join(", ")}: npm run spec:diff`;
}

import type { RecordedRequest } from "../src/mock/server.ts";
import { formatTable } from "./table.ts";

/** What `npm start` prints of the mock cloud's requests: a table row per request, then what it sent, under it. */
export function formatRequestLog(requests: readonly RecordedRequest[], width = 100): string {
  const table = formatTable(
    ["#", "auth", "operation", "got"],
    requests.map((request, index) => [
      String(index + 1),
      request.auth?.ok ? (request.auth.scheme === "aksk" ? "AK/SK" : "token") : "none",
      request.operation ?? "?",
      `${request.status ?? "reset"}${request.fault ? " (injected)" : ""}`,
    ]),
  ).split("\n");
  // The path and body go on lines of their own, indented, so no row outgrows the terminal.
  const indent = "    ";
  const details = requests.map((request) =>
    [`${request.method} ${shortenIds(request.path)}`, request.body === undefined ? "" : JSON.stringify(request.body)]
      .filter((text) => text !== "")
      .map((text) => cut(indent + text, width)),
  );
  return [...table.slice(0, 2), ...table.slice(2).flatMap((row, index) => [cut(row, width), ...details[index]!])].join("\n");
}

function cut(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** UUIDs and 32-hex project ids cut to their first 8 characters. */
function shortenIds(path: string): string {
  return path.replace(/\b([0-9a-f]{8})(?:-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})\b/g, "$1…");
}

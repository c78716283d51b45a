/**
 * What an editor shows on hover over a named call: the operation's summary,
 * description and docs anchor, read the way an editor reads them, through
 * TypeScript's own language service.
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { operations } from "../../src/index.ts";

const root = path.resolve(import.meta.dirname, "../..");
const file = path.join(root, "test", "types", "hover-probe.ts");
const methods = Object.values(operations).map(({ service, name }) => `client.${service}.${name}`);
const source = `import { createClient } from "../../src/index.ts";\nconst client = createClient();\n${methods.map((call) => `void ${call};`).join("\n")}\n`;

function hoverAt(service: ts.LanguageService, text: string, call: string): string {
  const position = text.indexOf(`${call};`) + call.length - 1;
  const info = service.getQuickInfoAtPosition(file, position);
  return [ts.displayPartsToString(info?.documentation), ...(info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`)].join("\n");
}

describe("hovering a named call", () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === file ? source : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
  };
  const service = ts.createLanguageService(host);

  it.each(Object.values(operations).map((operation) => [`client.${operation.service}.${operation.name}`, operation] as const))(
    "%s shows its summary, its method and path, and where the docs describe it",
    (call, operation) => {
      const hover = hoverAt(service, source, call);
      expect(hover).toContain(`\`${operation.method} ${operation.path}\``);
      expect(hover).toMatch(new RegExp(`Docs: \`docs/index\\.html#[a-z]+/${operation.id.toLowerCase()}\``));
      expect(hover.split("\n")[0]!.length).toBeGreaterThan(5);
    },
  );

  it("shows the description's own words", () => {
    expect(hoverAt(service, source, "client.dws.updateDataSource")).toContain("Not idempotent");
  });
});

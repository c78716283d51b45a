/** The README's code is real: every block it quotes from a file is that file, byte for byte, and that file runs in tests. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
const quoted = [...readme.matchAll(/<!-- quoted from (\S+);[^>]*-->\n```ts\n([\s\S]*?)\n```/g)].map(
  ([, path, code]) => [path!, code!] as const,
);

describe("README", () => {
  it("quotes the AK/SK and token examples and the mock test", () => {
    expect(quoted.map(([path]) => path)).toEqual(["examples/aksk.ts", "examples/token.ts", "test/using-the-mock.test.ts"]);
  });

  it.each(quoted)("quotes %s exactly", (path, code) => {
    expect(code).toBe(readFileSync(path, "utf8").trimEnd());
  });

  it("gives the two quick-start commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toMatch(/^npm test\b/m);
  });
});

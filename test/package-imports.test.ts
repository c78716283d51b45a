import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * What `#crypto`, `#transport` and `#user-agent` resolve to under each
 * runtime's package condition, asked of Node's own resolver with that
 * condition added (Bun, Deno, bundlers for browsers and workers each add
 * theirs the same way, ahead of "default").
 */
function resolveAll(...conditions: string[]): Record<string, string> {
  const script = `process.stdout.write(JSON.stringify(Object.fromEntries(
    ["#crypto", "#transport", "#user-agent"].map((name) => [name, import.meta.resolve(name).replace(/^.*?\\/(dist\\/)?src\\//, "$1")]))))`;
  const flags = conditions.map((condition) => `--conditions=${condition}`);
  return JSON.parse(execFileSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" }));
}

describe("package imports by runtime", () => {
  it("Node gets node:crypto, the node:http transport and a User-Agent", () => {
    expect(resolveAll()).toEqual({
      "#crypto": "dist/auth/crypto.node.js",
      "#transport": "dist/transport/node.js",
      "#user-agent": "dist/user-agent.js",
    });
    expect(resolveAll("hwcloud-typed:source")).toEqual({
      "#crypto": "auth/crypto.node.ts",
      "#transport": "transport/node.ts",
      "#user-agent": "user-agent.ts",
    });
  });

  it.each(["bun", "deno", "worker"])("%s gets Web Crypto and the fetch transport, and keeps its User-Agent", (runtime) => {
    const expected = {
      "#crypto": "auth/crypto.web.ts",
      "#transport": "transport/default.ts",
      "#user-agent": "user-agent.ts",
    };
    expect(resolveAll("hwcloud-typed:source", runtime)).toEqual(expected);
    expect(resolveAll(runtime)).toEqual({
      "#crypto": "dist/auth/crypto.web.js",
      "#transport": "dist/transport/default.js",
      "#user-agent": "dist/user-agent.js",
    });
  });

  it("browsers get Web Crypto, the fetch transport and no User-Agent", () => {
    expect(resolveAll("hwcloud-typed:source", "browser")).toEqual({
      "#crypto": "auth/crypto.web.ts",
      "#transport": "transport/default.ts",
      "#user-agent": "user-agent.browser.ts",
    });
    expect(resolveAll("browser")).toEqual({
      "#crypto": "dist/auth/crypto.web.js",
      "#transport": "dist/transport/default.js",
      "#user-agent": "dist/user-agent.browser.js",
    });
  });
});

import { defineConfig } from "vitest/config";

// Vitest resolves test imports in Vite's SSR mode, which reads ssr.resolve, not resolve:
// both carry the `source` condition so `#crypto` and `#transport` point at src/.
export default defineConfig({
  resolve: { conditions: ["hwcloud-typed:source"] },
  ssr: { resolve: { conditions: ["hwcloud-typed:source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
  },
});

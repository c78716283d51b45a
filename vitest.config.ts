import { defineConfig } from "vitest/config";

// Vitest resolves test imports in Vite's SSR mode, which reads ssr.resolve, not resolve:
// both carry the `hwcloud-typed:source` condition so `#crypto`, `#transport` and `#user-agent` point at src/.
export default defineConfig({
  resolve: { conditions: ["hwcloud-typed:source"] },
  ssr: { resolve: { conditions: ["hwcloud-typed:source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/fail-on-warnings.ts"],
    typecheck: { enabled: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
  },
});

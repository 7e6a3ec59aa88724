// Tests: Node environment, no network; files under tests/ mirror the source tree.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the crash and channel tests spawn processes and servers of their own.
    maxWorkers: 2,
  },
});

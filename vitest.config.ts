import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files in one worker share their modules: the specs, their compiled validators and the
    // provider code load once per worker instead of once per file, which more than halves the
    // suite's time. It is safe because no test mutates module state: every test starts its own
    // server (port 0) and seeds its own faker. A test that must change a module's state (a
    // global, a cache) restores it in afterEach/afterAll.
    isolate: false,
  },
});

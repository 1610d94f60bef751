import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real app in browser mode (`blockprop web`) with Debian's Chromium;
// no browser is downloaded. They need a build first (`npm run build`).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // One retry: a person-speed test can still lose a race against a run that now ends within a
  // second; Playwright lists such a test as flaky, so it stays visible instead of failing CI.
  retries: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: { executablePath: '/usr/bin/chromium' },
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 15_000,
  },
});

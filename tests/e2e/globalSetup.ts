// Builds the app once, serves dist/ from a sub-path on localhost (proving the
// relative base works), and tells the tests where Chromium is. Without a
// browser the end-to-end tests are reported as skipped, loudly — except under
// CI=true, where a missing browser fails the run.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { startStaticServer, type StaticServer } from './staticServer.ts';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const SUB_PATH = '/lab/epoch/';

let server: StaticServer | undefined;

export default async function setup(project: TestProject) {
  const chromium = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? '';
  if (!chromium) {
    const message = 'No Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium). Install it: apt-get install -y chromium';
    if (process.env.CI === 'true') throw new Error(`${message}. Under CI a missing browser fails the run.`);
    console.warn(`\n${'!'.repeat(78)}\n!! END-TO-END TESTS SKIPPED: ${message}\n${'!'.repeat(78)}\n`);
    project.provide('chromiumPath', '');
    project.provide('baseUrl', '');
    return;
  }
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's
  // development build; the tests must exercise what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', mode: 'production', configFile: 'vite.config.ts', build: { outDir: 'dist', emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await startStaticServer('dist', SUB_PATH);
  project.provide('chromiumPath', chromium);
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    baseUrl: string;
  }
}

// The production build the browser tests and the page benchmark serve.
import { build, type InlineConfig } from 'vite';

/**
 * Builds the site into `outDir` as users get it. Vitest runs with
 * NODE_ENV=test, which would make Vite bundle React's development build, so
 * NODE_ENV is production for the build. `minify: false` keeps function names
 * readable in a profile (the benchmark's --trace); V8 compiles both alike.
 */
export async function buildSite(outDir = 'dist', options: { minify?: boolean } = {}): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const config: InlineConfig = { logLevel: 'warn', mode: 'production', configFile: 'vite.config.ts', build: { outDir, emptyOutDir: true } };
  if (options.minify === false) config.build = { ...config.build, minify: false };
  try {
    await build(config);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

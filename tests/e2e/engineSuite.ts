// One describe block per available engine, with its browser launched once and
// every tab closed after each test, so a test file states only what it checks.
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { ENGINES, launchEngine, type Engine, type EngineName } from './engines.ts';

/** Runs `body` once per engine; `engine()` is that engine's launched browser inside the tests. */
export function describeInEngines(title: string, body: (engine: () => Engine, name: EngineName) => void): void {
  for (const { name, available } of ENGINES) {
    describe.runIf(available)(`${name}: ${title}`, () => {
      let engine: Engine | undefined;
      beforeAll(async () => {
        engine = await launchEngine(name);
      });
      afterEach(async () => {
        await engine?.closeTabs();
      });
      afterAll(async () => {
        await engine?.close();
      });
      body(() => {
        if (!engine) throw new Error(`${name} was not launched`);
        return engine;
      }, name);
    });
  }
}

// The layer rule must bite: each import below is linted as if it sat in the
// named file, with the project's own ESLint config.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ overrideConfigFile: '.config/eslint.config.js' });

async function layerErrors(filePath: string, importPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${importPath}';\nexport const y = x;\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  it.each([
    ['src/core/trainer.ts', '../store/store.ts'],
    ['src/core/trainer.ts', '../../package.json'],
    ['src/worker/runner.ts', '../store/store.ts'],
    ['src/worker/runner.ts', '../url/experimentUrl.ts'],
    ['src/store/slices/runs.ts', '../../url/experimentUrl.ts'],
    ['src/store/store.ts', '../panels/shared/format.ts'],
    ['src/url/experimentUrl.ts', '../worker/protocol.ts'],
    ['src/url/experimentUrl.ts', '../ui/labels.ts'],
    ['src/panels/loss/LossPanel.tsx', '../weights/style.ts'],
    ['src/panels/loss/LossPanel.tsx', '../../panels/data/style.ts'],
    ['src/panels/loss/LossPanel.tsx', '../../worker/protocol.ts'],
    ['src/panels/loss/LossPanel.tsx', '../../ui/Notice.tsx'],
    ['src/panels/shared/axes.ts', '../loss/style.ts'],
    ['src/panels/weights/deeper/file.ts', '../../loss/style.ts'],
    ['src/ui/Transport.tsx', '../panels/loss/style.ts'],
    ['src/ui/Transport.tsx', '../app/App.tsx'],
    ['src/cli/main.ts', '../store/store.ts'],
    ['src/cli/main.ts', '../worker/protocol.ts'],
  ])('refuses %s importing %s', async (file, spec) => {
    expect(await layerErrors(file, spec)).toHaveLength(1);
  });

  it.each([
    ['src/core/trainer.ts', './records.ts'],
    ['src/worker/runner.ts', '../core/index.ts'],
    ['src/store/store.ts', '../worker/protocol.ts'],
    ['src/store/slices/runs.ts', '../../core/index.ts'],
    ['src/url/experimentUrl.ts', '../store/runTypes.ts'],
    ['src/panels/loss/LossPanel.tsx', '../shared/plotFrame.ts'],
    ['src/panels/loss/LossPanel.tsx', './style.ts'],
    ['src/panels/loss/LossPanel.tsx', '../../store/runTypes.ts'],
    ['src/panels/weights/deeper/file.ts', '../style.ts'],
    ['src/ui/StatusLine.tsx', '../panels/shared/format.ts'],
    ['src/app/App.tsx', '../panels/loss/LossPanel.tsx'],
    ['src/cli/main.ts', '../core/index.ts'],
    ['src/core/trainer.ts', 'd3-random'],
  ])('allows %s importing %s', async (file, spec) => {
    expect(await layerErrors(file, spec)).toEqual([]);
  });

  it('names the allowed layers in its message', async () => {
    const [message] = await layerErrors('src/core/trainer.ts', '../store/store.ts');
    expect(message).toContain('src/core/ may import only from src/core/');
  });
});

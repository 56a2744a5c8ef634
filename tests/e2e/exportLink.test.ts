// A shared link reproduces the run it came from, in every engine: the JSON
// exported from the page opened by the link is byte-identical to the original
// page's export, and both to what the engine computes in Node. Copied while
// paused part-way, the link carries the moment (at=): it opens paused there.
import { expect, it } from 'vitest';
import { createSchedule } from '../../src/core/index.ts';
import { parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { allRunsJson } from '../../src/store/export/index.ts';
import { describeInEngines } from './engineSuite.ts';
import { copyLink, exportJson, stepEpochs, waitForStep } from './appTab.ts';

/** One link per model; the deep one also exports the stable rates at the start and final weights. */
const LINKS = ['?n=60&b=7&lr=0.05&seed=3&mom=0.5', '?model=deep&n=45&b=6&lr=0.04&seed=12&w0=2_-0.5&shuffle=batches'];

describeInEngines('a copied link reproduces the run', (engine) => {
  it.each(LINKS)('%s: the original page, the link and Node export the same bytes', async (query) => {
    const { settings } = parseExperimentQuery(query).experiment;
    const perEpoch = createSchedule(settings).stepsPerEpoch;

    const original = await engine().open(query);
    await stepEpochs(original, 2, perEpoch);
    const link = await copyLink(original);
    const fromOriginal = await exportJson(original);
    expect(await original.errors()).toEqual([]);
    await original.close();

    expect(new URL(link).searchParams.get('at')).toBe(String(2 * perEpoch));
    const copy = await engine().open(new URL(link).search);
    await waitForStep(copy, `step === ${2 * perEpoch}`);
    await copy.waitFor(() => document.querySelector('[data-testid="status-state"]')?.getAttribute('data-value') === 'paused', undefined, { message: 'paused at the moment' });
    const fromLink = await exportJson(copy);
    expect(await copy.errors()).toEqual([]);

    expect(fromLink).toBe(fromOriginal);
    const linked = parseExperimentQuery(new URL(link).search).experiment.settings;
    expect(linked).toEqual(settings);
    expect(fromOriginal).toBe(allRunsJson([{ settings: linked, step: 2 * perEpoch }]));
    // Step 0, the start, then every step of the two epochs.
    expect(JSON.parse(fromOriginal)[0].steps.step).toHaveLength(2 * perEpoch + 1);
    if (settings.model === 'deep') expect(JSON.parse(fromOriginal)[0]).toHaveProperty('maxStableLrAtFinal');
  });
});

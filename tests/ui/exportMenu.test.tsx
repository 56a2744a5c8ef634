import { describe, expect, it } from 'vitest';
import { resolveObjectURL } from 'node:buffer';
import { renderToStaticMarkup } from 'react-dom/server';
import { downloadFile, ExportMenu, exportAndSave, OBJECT_URL_LIFETIME_MS, type DownloadEnvironment } from '../../src/ui/ExportMenu.tsx';
import { MAX_EXPORT_STEPS, runExportJson, type ExportFile } from '../../src/store/export/index.ts';
import { runAt } from '../store/export/runViewFixture.ts';

describe('ExportMenu markup', () => {
  const html = renderToStaticMarkup(<ExportMenu runs={[runAt({}, 12)]} />);

  it('offers the three exports as labelled, described buttons in a labelled group', () => {
    const group = /<div class="export-menu" role="group" aria-labelledby="([^"]+)"/.exec(html);
    expect(group).not.toBeNull();
    expect(html).toContain(`id="${group?.[1]}" class="export-label">Export data</span>`);
    for (const [testId, label] of [
      ['export-json', 'JSON'],
      ['export-steps-csv', 'steps CSV'],
      ['export-epochs-csv', 'epochs CSV'],
    ]) {
      const button = new RegExp(`<button type="button" data-testid="${testId}" title="([^"]+)" aria-describedby="([^"]+)" aria-disabled="false">${label}</button>`).exec(html);
      expect(button, testId).not.toBeNull();
      // The description a screen reader hears is the tooltip a mouse user sees.
      expect(html).toContain(`id="${button?.[2]}" class="visually-hidden">${button?.[1]}</span>`);
    }
  });

  it('has an empty polite status region for what an export did', () => {
    expect(html).toMatch(/<p role="status" aria-live="polite" data-testid="export-message" class="export-message"><\/p>/);
  });
});

describe('exportAndSave', () => {
  it('saves the files of the button and says which', async () => {
    const saved: ExportFile[] = [];
    const run = runAt({ b: 5 }, 40, 'b=5');
    const outcome = await exportAndSave('json', [run], (file) => saved.push(file));
    expect(outcome).toEqual({ message: 'Downloaded epoch-lab_b=5.json.', refused: false });
    expect(saved.map((file) => file.name)).toEqual(['epoch-lab_b=5.json']);
    expect(JSON.parse(saved[0].text)).toEqual([JSON.parse(runExportJson(run.settings, 40))]);

    const two = await exportAndSave('steps-csv', [run, runAt({ b: 50 }, 3, 'b=50')], (file) => saved.push(file));
    expect(two).toEqual({ message: 'Downloaded 2 files: epoch-lab_b=5_steps.csv, epoch-lab_b=50_steps.csv.', refused: false });
  });

  it('saves nothing and gives the reason when the export is refused', async () => {
    const saved: ExportFile[] = [];
    const long = { ...runAt({ n: 1_000_000, b: 1, epochs: 2 }, 0, 'b=1'), cursor: { ...runAt({}, 0).cursor, step: MAX_EXPORT_STEPS + 1 } };
    const outcome = await exportAndSave('steps-csv', [long], (file) => saved.push(file));
    expect(outcome.refused).toBe(true);
    expect(outcome.message).toMatch(/at most 1,000,000 steps.*epochs CSV/);
    expect(saved).toEqual([]);
    expect((await exportAndSave('epochs-csv', [long], (file) => saved.push(file))).refused).toBe(false);
    expect(saved).toHaveLength(1);
  });
});

describe('downloadFile', () => {
  it('clicks a temporary <a download> whose object URL holds the text, and releases the URL later', async () => {
    const events: string[] = [];
    const timers: { callback: () => void; ms: number }[] = [];
    const link = {
      href: '',
      download: '',
      style: { display: '' },
      click: () => events.push(`click ${link.download} ${link.style.display}`),
      remove: () => events.push('remove'),
    };
    const env: DownloadEnvironment = {
      document: {
        createElement: () => link,
        body: { append: () => events.push('append') },
      } as unknown as DownloadEnvironment['document'],
      createObjectURL: (blob) => URL.createObjectURL(blob),
      revokeObjectURL: (url) => {
        events.push('revoke');
        URL.revokeObjectURL(url);
      },
      setTimeout: (callback, ms) => timers.push({ callback, ms }),
    };
    const text = '# settings: n=3\nstep,epoch\n1,1\n';
    downloadFile({ name: 'epoch-lab_b=1_steps.csv', type: 'text/csv', text }, env);
    expect(events).toEqual(['append', 'click epoch-lab_b=1_steps.csv none', 'remove']);
    const blob = resolveObjectURL(link.href);
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    expect(await blob?.text()).toBe(text);
    expect(timers.map((timer) => timer.ms)).toEqual([OBJECT_URL_LIFETIME_MS]);
    timers[0].callback();
    expect(events.at(-1)).toBe('revoke');
    expect(resolveObjectURL(link.href)).toBeUndefined();
  });
});

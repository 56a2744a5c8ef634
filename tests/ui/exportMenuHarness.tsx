// The export menu alone on a page, for the browser test: the location hash
// picks the runs it is given. Bundled by exportMenu.browser.test.ts, which
// also asks the page what store/export computes here, in the browser's own
// engine, to compare with what was downloaded.
import { createRoot } from 'react-dom/client';
import { exportFiles, type ExportKind } from '../../src/store/export/index.ts';
import { ExportMenu } from '../../src/ui/ExportMenu.tsx';
import { harnessRuns } from './exportMenuRuns.ts';

const runs = harnessRuns(location.hash.slice(1));
(window as unknown as { expectedTexts(kind: ExportKind): string[] }).expectedTexts = (kind) => exportFiles(kind, runs).files.map((file) => file.text);
createRoot(document.getElementById('root') as HTMLElement).render(<ExportMenu runs={runs} />);

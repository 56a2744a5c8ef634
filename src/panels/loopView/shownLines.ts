// The lines the loop view shows: the script's own loop, without its comment
// lines, which explain the code to a reader of the file while the view's live
// values explain it to a watcher (and the box has room for about a dozen lines).
import { pytorchLoop, type LoopLine } from '../../core/pytorchLoop.ts';
import type { Settings } from '../../core/settings.ts';

export function shownLoopLines(settings: Settings): LoopLine[] {
  return pytorchLoop(settings).filter((line) => line.role !== 'comment');
}

// Entry point: reads the experiment from the link, creates the store and its
// worker, and keeps the address bar in step with what is on screen.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from '../store/store.ts';
import { Root } from './Root.tsx';
import { readLocation } from './urlSync.ts';
import './styles.css';
import '../panels/shared/panels.css';
// Last: where the parts go on each screen overrides how they look by default.
import './layout.css';

const initial = readLocation();
const store = createLabStore({
  createWorker: () => new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module' }),
  settings: initial.experiment.settings,
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root store={store} initial={initial} />
  </StrictMode>,
);

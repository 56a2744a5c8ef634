// "Copy as PyTorch": the experiment as a runnable script on the clipboard,
// with the outcome said in a polite live region.
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../core/settings.ts';
import { browserClipboard, copyPytorch } from './copyPytorch.ts';
import './loopView.css';

export interface CopyPytorchButtonProps {
  settings: Settings;
}

/** How long the outcome stays visible. */
const SAID_MS = 4000;

export function CopyPytorchButton({ settings }: CopyPytorchButtonProps) {
  const [said, setSaid] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    const message = await copyPytorch(settings, browserClipboard());
    setSaid(message);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setSaid(''), SAID_MS);
  };

  return (
    <span className="copy-pytorch">
      <button type="button" data-testid="copy-pytorch" onClick={copy} title="Copy this experiment as a runnable PyTorch script">
        Copy as PyTorch
      </button>
      <span role="status" aria-live="polite" className="copy-pytorch-said" data-testid="copy-pytorch-said">
        {said}
      </span>
    </span>
  );
}

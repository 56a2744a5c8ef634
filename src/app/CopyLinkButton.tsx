// Copies the address (which always holds the whole experiment) and says so.
import { useState } from 'react';

export function CopyLinkButton() {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setSaid('Link copied');
    } catch {
      setSaid('Copy failed: select the address bar instead');
    }
    window.setTimeout(() => setSaid(''), 2500);
  };
  return (
    <>
      <button type="button" data-testid="copy-link" onClick={copy} title="Copy a link that reproduces this experiment">
        Copy link
      </button>
      <span role="status" aria-live="polite" className="copy-said" data-testid="copy-said">
        {said}
      </span>
    </>
  );
}

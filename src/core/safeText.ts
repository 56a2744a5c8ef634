// Untrusted text (a link's parameters, a flag, an error from the browser) is
// shown inside our own messages. This makes it safe to show there.

/** Longer values are cut before they reach a message, so a hostile link cannot flood the page. */
const MAX_SHOWN_LENGTH = 40;

/**
 * Control characters, bidirectional overrides (which could reorder the text
 * around them) and unpaired surrogate halves: each is shown as '?'.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Untrusted text made safe to show inside a message: bounded length, no control characters. */
export function safeText(raw: string): string {
  // Cut by code point, so the cut never splits a character in two. The first
  // 2·MAX_SHOWN_LENGTH + 2 code units hold more than MAX_SHOWN_LENGTH code
  // points, so a long hostile value is never copied whole.
  const characters = Array.from(raw.slice(0, 2 * MAX_SHOWN_LENGTH + 2).replace(UNSAFE_CHARACTERS, '?'));
  return characters.length > MAX_SHOWN_LENGTH ? `${characters.slice(0, MAX_SHOWN_LENGTH).join('')}…` : characters.join('');
}

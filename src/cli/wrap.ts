// Plain-text word wrapping for --help and the summary.

/** Columns of the CLI's text output: --help and the summary wrap at the same width. */
export const TEXT_WIDTH = 88;

/** Greedy word wrap with a hanging indent; words longer than the line stay whole. */
export function wrap(text: string, indent: string, width = TEXT_WIDTH, rest = indent): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const lead = lines.length === 0 ? indent : rest;
    if (line && lead.length + line.length + 1 + word.length > width) {
      lines.push(lead + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push((lines.length === 0 ? indent : rest) + line);
  return lines;
}

// Reading a rendered legend back: the attributes of each mark element of each
// entry, by the entry's label, so a test can hold them against the chart's.

export type MarkAttributes = Record<string, string> & { readonly tag: string };

export function legendMarks(html: string): Map<string, MarkAttributes[]> {
  const out = new Map<string, MarkAttributes[]>();
  for (const [, svg, label] of html.matchAll(/<li><svg[^>]*>(.*?)<\/svg>(.*?)<\/li>/g)) {
    const marks = [...svg.matchAll(/<(line|polyline|circle|rect|text)([^>]*)>/g)].map(([, tag, attrs]) => ({
      ...Object.fromEntries([...attrs.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, k, v]) => [k, v])),
      tag,
    }));
    // The label as shown: without text laid out unseen (a reserve of room), and without its wrapping elements.
    const shown = label.replace(/<span class="legend-unseen"[^>]*>.*?<\/span>/g, '').replace(/<[^>]+>/g, '');
    out.set(shown, marks);
  }
  return out;
}

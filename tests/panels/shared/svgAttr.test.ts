import { describe, expect, it } from 'vitest';
import { selectAll } from 'd3-selection';
import { attrsIfChanged } from '../../../src/panels/shared/svgAttr.ts';

/** Just enough of an element for d3's selectAll(nodes).each and the helper: attributes, and a count of writes. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  writes = 0;
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.writes++;
    this.attributes.set(name, value);
  }
}

describe('writing SVG attributes only where they change', () => {
  it('writes each value once, as d3 would spell it, and then only the elements whose value moved', () => {
    const nodes = [new FakeElement(), new FakeElement()];
    const data = [1.5, 2];
    const selection = selectAll(nodes as unknown as Element[]).data(data);
    attrsIfChanged(selection, { transform: (d) => `translate(${d},0)`, r: 3 });
    expect(nodes.map((n) => [n.getAttribute('transform'), n.getAttribute('r')])).toEqual([['translate(1.5,0)', '3'], ['translate(2,0)', '3']]);
    expect(nodes.map((n) => n.writes)).toEqual([2, 2]);
    data[1] = 4;
    attrsIfChanged(selectAll(nodes as unknown as Element[]).data(data), { transform: (d) => `translate(${d},0)`, r: 3 });
    expect(nodes.map((n) => n.writes)).toEqual([2, 3]);
    expect(nodes[1].getAttribute('transform')).toBe('translate(4,0)');
  });
});

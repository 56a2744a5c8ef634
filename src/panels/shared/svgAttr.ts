// Writing SVG attributes only where they change. The charts' SVG layers are
// redrawn with d3 joins several times a second while a run trains, and most
// of their marks stay where they were; but an attribute written, even with
// the value it already has, is parsed again and invalidates the element's
// geometry (a transform or a path: about a third of what a real change
// costs), so a join that rewrites everything makes the page redo style,
// layout and paint work for nothing.
import type { BaseType, Selection } from 'd3-selection';

type Value<D> = string | number | ((d: D, i: number) => string | number);

/** selection.attr(name, value) for each of `values`, leaving every element whose attribute already reads so untouched; returns the selection. */
export function attrsIfChanged<E extends BaseType, D, P extends BaseType, PD>(selection: Selection<E, D, P, PD>, values: Readonly<Record<string, Value<D>>>): Selection<E, D, P, PD> {
  return selection.each(function (d, i) {
    // A selection built by select*/join holds elements (d3's types also allow its placeholders).
    const element = this as unknown as Element;
    for (const name in values) {
      const value = values[name];
      const next = String(typeof value === 'function' ? value(d, i) : value);
      if (element.getAttribute(name) !== next) element.setAttribute(name, next);
    }
  });
}

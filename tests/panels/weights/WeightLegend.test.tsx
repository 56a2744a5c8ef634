import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { drawPaths } from '../../../src/panels/weights/drawPaths.ts';
import { WEIGHT_STYLE, type WeightStyle } from '../../../src/panels/weights/style.ts';
import { weightFrame } from '../../../src/panels/weights/weightFrame.ts';
import { WeightLegend } from '../../../src/panels/weights/WeightLegend.tsx';
import { runPaths, TrajectoryCache } from '../../../src/panels/weights/weightScene.ts';
import { CanvasRecorder } from '../shared/canvasRecorder.ts';
import { legendMarks } from '../shared/legendMarkup.ts';
import { trainedRun } from '../runFixture.ts';

/** How the canvas draws a restarting primary run with `style`: its path width, jump dash and epoch-dot radius. */
function chart(style: WeightStyle) {
  const run = trainedRun({ restart: true }, 30);
  const recorder = new CanvasRecorder();
  drawPaths(recorder.context, weightFrame({ w1: [-3, 3], w2: [-3, 3] }, 400, 300), { paths: runPaths([run], new TrajectoryCache()), primaryId: run.id }, style);
  const paths = recorder.paints.filter((p) => p.op === 'stroke' && p.lineDash.length === 0);
  const jumps = recorder.paints.filter((p) => p.op === 'stroke' && p.lineDash.length > 0);
  return { pathWidths: new Set(paths.map((p) => p.lineWidth)), jumpWidths: new Set(jumps.map((p) => p.lineWidth)) };
}

function legend(style: WeightStyle) {
  return legendMarks(renderToStaticMarkup(<WeightLegend product={0.5} hasRestart style={style} />));
}

const changed: WeightStyle = {
  ...WEIGHT_STYLE,
  path: { ...WEIGHT_STYLE.path, primary: { width: 3.5 } },
  now: { radius: 6, strokeWidth: 2 },
  jump: { ...WEIGHT_STYLE.jump, width: 2.5 },
  valley: { ...WEIGHT_STYLE.valley, width: 2.25 },
  epochEnd: { ...WEIGHT_STYLE.epochEnd, fontSize: 12 },
};

describe('weight-space legend', () => {
  for (const [name, style] of [
    ['the chart style', WEIGHT_STYLE],
    ['a changed style', changed],
  ] as const) {
    it(`draws the path and the restart jump as the canvas does, with ${name}`, () => {
      const drawn = chart(style);
      const marks = legend(style);
      const [dark, light] = marks.get('path, shade alternates per epoch')!;
      expect(drawn.pathWidths).toEqual(new Set([Number(dark['stroke-width'])]));
      expect(Number(light['stroke-width'])).toBe(Number(dark['stroke-width']));
      const [jump] = marks.get('restart jump')!;
      expect(drawn.jumpWidths).toEqual(new Set([Number(jump['stroke-width'])]));
    });
  }

  it('takes the marks the SVG layer draws from the same style', () => {
    const marks = legend(changed);
    const [now] = marks.get('now')!;
    expect(Number(now.r)).toBe(changed.now.radius);
    const [, label] = marks.get('end of epoch 3')!;
    expect(Number(label['font-size'])).toBe(changed.epochEnd.fontSize);
    const [valley] = [...marks].find(([label]) => label.startsWith('valley of best fits'))![1];
    expect(Number(valley['stroke-width'])).toBe(changed.valley.width);
  });

  it('shows the valley and the restart entries only when the plot has them', () => {
    const plain = renderToStaticMarkup(<WeightLegend product={null} hasRestart={false} />);
    expect(plain).not.toContain('valley');
    expect(plain).not.toContain('restart');
  });
});

import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { questionById } from '../../src/app/questions.ts';
import { checkQuestionOn } from '../../src/app/questions/checkOnRuns.ts';
import { linkRunSettings } from '../../src/app/questions/linkSettings.ts';
import { QuestionExplanation } from '../../src/app/QuestionExplanation.tsx';
import type { RunView } from '../../src/store/runTypes.ts';

const question = questionById('full-batch')!;

describe('a question checked on the page’s runs', () => {
  it('checks every claim on the link’s runs', () => {
    const checked = checkQuestionOn(question, linkRunSettings(question.link))!;
    expect(checked.map((c) => c.says)).toEqual(question.claims.map((c) => c.says));
    expect(checked.every((c) => c.holds)).toBe(true);
  });

  it('claims nothing about runs that are not the link’s', () => {
    const [full, mini] = linkRunSettings(question.link);
    expect(checkQuestionOn(question, [full])).toBeNull();
    expect(checkQuestionOn(question, [full, { ...mini, lr: 0.2 }])).toBeNull();
  });

  it('shows what it measured once every run is done, and nothing before', () => {
    const views = (status: RunView['status']) => linkRunSettings(question.link).map((settings) => ({ settings, status }) as unknown as RunView);
    const render = (runs: RunView[]) => renderToStaticMarkup(createElement(QuestionExplanation, { id: question.id, onClose: () => {}, runs }));
    expect(render(views('running'))).not.toContain('question-checks');
    const html = render(views('done'));
    expect(html).toContain(`Measured on these runs: ${question.claims.length} of ${question.claims.length} claims hold`);
    expect(html.match(/data-holds="true"/g)).toHaveLength(question.claims.length);
  });
});

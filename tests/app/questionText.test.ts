import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/app/questions.ts';

describe('question text', () => {
  it('groups thousands with commas, as the status line, the facts and the captions do', () => {
    for (const q of QUESTIONS) {
      for (const text of [q.title, q.explanation]) {
        // A run of four or more digits not inside a decimal fraction is an ungrouped count.
        expect(text.match(/(?<![\d.,])\d{4,}/g), `${q.id}: ${text}`).toBeNull();
      }
    }
  });
});

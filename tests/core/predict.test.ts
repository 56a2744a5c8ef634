import { describe, expect, it } from 'vitest';
import { predict } from '../../src/core/index.ts';

describe('the model prediction', () => {
  it('predicts with the linear model and with the two-layer deep model', () => {
    expect(predict('linear', 1.5, -0.5, 2, 1)).toBe(2.5);
    expect(predict('deep', 2, 3, 0.5, 1)).toBe(3);
  });
});

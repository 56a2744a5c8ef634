// fast-check generators of valid settings, shared by the property tests.
import fc from 'fast-check';
import { DATA_KINDS, MAX_ABS_W0, MAX_EPOCHS, MAX_K, MAX_N, MAX_NOISE, MAX_RHO, MAX_SEED, MODEL_KINDS, INIT_KINDS, MAX_VAL, OPTIMIZERS, SHUFFLE_MODES, type Settings } from '../../src/core/settings.ts';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

export const validSettings: fc.Arbitrary<Settings> = fc
  .record({
    n: fc.integer({ min: 1, max: MAX_N }),
    bFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    shuffle: fc.constantFrom(...SHUFFLE_MODES),
    drop: fc.boolean(),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    lr: finite(Number.MIN_VALUE, 1e6),
    decay: finite(0, 1e3),
    mom: finite(0, 0.999999),
    k: fc.integer({ min: 1, max: MAX_K }),
    epochs: fc.integer({ min: 1, max: MAX_EPOCHS }),
    seed: fc.integer({ min: 0, max: MAX_SEED }),
    data: fc.constantFrom(...DATA_KINDS),
    rho: finite(-MAX_RHO, MAX_RHO),
    noise: finite(0, MAX_NOISE),
    w0: fc.tuple(finite(-MAX_ABS_W0, MAX_ABS_W0), finite(-MAX_ABS_W0, MAX_ABS_W0)),
    init: fc.constantFrom(...INIT_KINDS),
    model: fc.constantFrom(...MODEL_KINDS),
    restart: fc.boolean(),
    val: finite(0, MAX_VAL),
  })
  .map(({ bFraction, ...rest }) => ({
    ...rest,
    b: Math.max(1, Math.min(rest.n, Math.round(bFraction * rest.n))),
    // The deep model takes one input, so plane data is not a valid pairing.
    data: rest.model === 'deep' ? 'line' : rest.data,
    w0: [rest.w0[0], rest.w0[1]] as const,
  }));

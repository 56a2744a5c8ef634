import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import type { Command } from '../../src/cli/args.ts';
import { DEFAULT_SETTINGS, SETTING_SPECS } from '../../src/core/settings.ts';
import type { Settings } from '../../src/core/settings.ts';

function run(argv: string[]): Extract<Command, { kind: 'run' }> {
  const command = parseArgs(argv);
  if (command.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(command)}`);
  return command;
}

function errors(argv: string[]): string[] {
  const command = parseArgs(argv);
  if (command.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(command)}`);
  return command.messages;
}

describe('parseArgs', () => {
  it('gives the default settings and a summary without flags', () => {
    const command = run([]);
    expect(command.settings).toEqual(DEFAULT_SETTINGS);
    expect(command.output).toBe('summary');
  });

  it('reads the README example', () => {
    const { settings } = run(['--n', '10000', '--b', '32', '--shuffle', 'epoch', '--epochs', '5', '--seed', '7']);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, n: 10000, b: 32, shuffle: 'epoch', epochs: 5, seed: 7 });
  });

  it('reads --name=value the same as --name value', () => {
    const spaced = run(['--lr', '0.1', '--w0', '-3,4', '--model', 'deep']).settings;
    const joined = run(['--lr=0.1', '--w0=-3,4', '--model=deep']).settings;
    expect(joined).toEqual(spaced);
    expect(joined.lr).toBe(0.1);
    expect(joined.w0).toEqual([-3, 4]);
    expect(joined.model).toBe('deep');
  });

  it('lets a value start with a single dash (negative numbers)', () => {
    const { settings } = run(['--data', 'plane', '--rho', '-0.5', '--w0', '-1e3,-2']);
    expect(settings.rho).toBe(-0.5);
    expect(settings.w0).toEqual([-1000, -2]);
  });

  it('reads booleans as bare flags, =value, or a following boolean word', () => {
    expect(run(['--drop']).settings.drop).toBe(true);
    expect(run(['--restart', '--json']).settings.restart).toBe(true);
    expect(run(['--drop=false']).settings.drop).toBe(false);
    expect(run(['--drop=1']).settings.drop).toBe(true);
    expect(run(['--drop', 'false']).settings.drop).toBe(false);
    // A following flag is not taken as the boolean's value.
    const command = run(['--drop', '--n', '50']);
    expect(command.settings.drop).toBe(true);
    expect(command.settings.n).toBe(50);
  });

  it('accepts every setting name as a flag', () => {
    for (const spec of SETTING_SPECS) {
      const value = formatValid(spec.name);
      const command = parseArgs([`--${spec.name}=${value}`]);
      expect(command.kind, spec.name).toBe('run');
    }
  });

  it('chooses the output mode', () => {
    expect(run(['--json']).output).toBe('json');
    expect(run(['--csv']).output).toBe('csv');
    expect(run(['--pytorch', '--n', '20']).output).toBe('pytorch');
  });

  it('answers --help and -h', () => {
    expect(parseArgs(['--help']).kind).toBe('help');
    expect(parseArgs(['-h', '--n', '5']).kind).toBe('help');
  });

  it('names an unknown flag and suggests the nearest one', () => {
    const [message] = errors(['--epoch', '3']);
    expect(message).toContain('--epoch');
    expect(message).toContain('did you mean --epochs?');
  });

  it('shows hostile flag text short and inert, as the settings parser does', () => {
    const [message] = errors(['--\u202Eevil', '1']);
    expect(message).toContain('--?evil');
    expect(errors(['x'.repeat(100)])[0]).toContain(`'${'x'.repeat(40)}…'`);
    // Cut by character: an emoji is never split into a lone surrogate half.
    expect(errors(['😀'.repeat(50)])[0]).toContain(`'${'😀'.repeat(40)}…'`);
  });

  it('names a bad value and its flag', () => {
    expect(errors(['--n', 'abc']).join('\n')).toMatch(/--n=abc/);
    expect(errors(['--shuffle', 'sometimes']).join('\n')).toMatch(/--shuffle=sometimes: shuffle must be one of none, once/);
    expect(errors(['--mom=1']).join('\n')).toMatch(/--mom=1/);
    expect(errors(['--drop=maybe']).join('\n')).toMatch(/--drop=maybe/);
    expect(errors(['--w0', '1']).join('\n')).toMatch(/--w0=1/);
  });

  it('refuses instead of falling back: b larger than n, deep model on plane data', () => {
    const tooBig = errors(['--n', '10', '--b', '20']).join('\n');
    expect(tooBig).toMatch(/--b=20: batch size must be an integer from 1 to n \(10\)/);
    expect(tooBig).not.toMatch(/using/);
    const defaultTooBig = errors(['--n', '5']).join('\n');
    expect(defaultTooBig).toMatch(/--n 5 is smaller than the default batch size \(10\); give --b/);
    const deepPlane = errors(['--model', 'deep', '--data', 'plane']).join('\n');
    expect(deepPlane).toMatch(/--data=plane: the deep model takes one input/);
    expect(deepPlane).not.toMatch(/so it uses/);
  });

  it('refuses a missing value, an empty value, a repeated flag and a stray argument', () => {
    expect(errors(['--n']).join('\n')).toMatch(/--n needs a value/);
    expect(errors(['--n', '--json']).join('\n')).toMatch(/--n needs a value/);
    expect(errors(['--lr=']).join('\n')).toMatch(/--lr= has no value/);
    expect(errors(['--b', '5', '--b', '6']).join('\n')).toMatch(/--b was given 2 times/);
    expect(errors(['100']).join('\n')).toMatch(/unexpected argument '100'/);
    expect(errors(['--json=yes']).join('\n')).toMatch(/--json takes no value/);
  });

  it('refuses two output modes at once', () => {
    expect(errors(['--json', '--csv']).join('\n')).toMatch(/choose one output/);
  });

  it('reports every problem at once, not just the first', () => {
    expect(errors(['--n', 'x', '--lr', '-1', '--bogus']).length).toBe(3);
  });
});

/** A valid value different from the default, written as a user would. */
function formatValid(name: keyof Settings): string {
  const values: Record<keyof Settings, string> = {
    n: '50',
    b: '5',
    shuffle: 'none',
    drop: 'true',
    optimizer: 'adam',
    lr: '0.05',
    decay: '0.1',
    mom: '0.9',
    k: '2',
    epochs: '3',
    seed: '9',
    data: 'plane',
    rho: '0.5',
    noise: '0',
    w0: '1,1',
    init: 'random',
    model: 'deep',
    restart: 'true',
    val: '0.2',
  };
  return values[name];
}

describe('parseArgs: names that are not flags', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('refuses --%s as an unknown flag instead of running the default', (name) => {
    const command = parseArgs([`--${name}`]);
    expect(command.kind).toBe('error');
    expect(errors([`--${name}`])[0]).toMatch(new RegExp(`^unknown flag --${name}`));
    expect(errors([`--${name}=1`])[0]).toMatch(/^unknown flag/);
  });

  it('a bad boolean names its flag and every word it accepts, in both spellings', () => {
    for (const [argv, given] of [[['--drop', 'maybe'], '--drop maybe'], [['--restart=sometimes'], '--restart=sometimes']] as const) {
      const messages = errors([...argv]);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain(given);
      expect(messages[0]).toContain('true, false, 1, 0, yes, no, on, off');
      expect(messages[0]).not.toMatch(/unexpected argument/);
    }
    // Every accepted word, any case, still reads.
    for (const word of ['TRUE', 'false', '1', '0', 'Yes', 'no', 'on', 'OFF']) expect(parseArgs(['--drop', word]).kind).toBe('run');
    // A single-dash word after a boolean flag is still an unexpected argument, not its value.
    expect(errors(['--drop', '-x']).join('\n')).toMatch(/unexpected argument '-x'/);
  });
});

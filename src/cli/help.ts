// `--help`, generated from the settings definition so a setting added or
// re-ranged there is documented here without anyone copying text by hand.
import { DEFAULT_SETTINGS, SETTING_SPECS } from '../core/settings.ts';
import { formatSetting } from '../core/settingsText.ts';
import type { SettingSpec } from '../core/settings.ts';
import { MAX_EMBEDDED_EXAMPLES } from '../core/pytorchScript.ts';
import { TEXT_WIDTH, wrap } from './wrap.ts';
import { MAX_CLI_EXAMPLE_GRADIENTS, MAX_CLI_TOTAL_STEPS } from './limits.ts';

const INDENT = '      ';

function usage(spec: SettingSpec): string {
  switch (spec.kind) {
    case 'boolean':
      return `--${spec.name}  (or --${spec.name}=false)`;
    case 'pair':
      return `--${spec.name} <w1,w2>`;
    case 'choice':
      return `--${spec.name} <${(spec.choices ?? []).join('|')}>`;
    default:
      return `--${spec.name} <${spec.kind}>`;
  }
}

function defaultText(spec: SettingSpec): string {
  const value = DEFAULT_SETTINGS[spec.name];
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return formatSetting(spec.name, value);
}

export function helpText(): string {
  const out: string[] = [
    'Epoch Lab simulator: trains the two-weight model of the web page with mini-batch SGD',
    '(or Adam, or RMSprop) and prints what happened, epoch by epoch.',
    '',
    'Usage: npm run --silent sim -- [flags]',
    'Example: npm run --silent sim -- --n 10000 --b 32 --shuffle epoch --epochs 5 --seed 7',
    '',
    'Experiment settings (--name value or --name=value; unset ones take the default):',
  ];
  for (const spec of SETTING_SPECS) {
    out.push(`  ${usage(spec)}`);
    out.push(...wrap(spec.meaning, INDENT));
    out.push(...wrap(`allowed: ${spec.allowed}; default: ${defaultText(spec)}`, INDENT));
  }
  out.push(
    '',
    'Output (at most one; without any, a readable summary):',
    '  --json',
    ...wrap(
      'one JSON object: settings, stepsPerEpoch, lastBatchSize, totalSteps, optimum [w1, w2], optimumLoss ' +
        '(and optimumProduct for the deep model), maxStableLr (SGD\'s, with mom under sgd and without under adam and rmsprop, which it does not bound; for the deep model at its flattest minimum, plus ' +
        'maxStableLrAtStart and maxStableLrAtFinal at w0 and at the final weights), epochs [{epoch, step, loss, meanBatchLoss, w}] (and valLoss with --val > 0), ' +
        'final {step, w, loss} (and valLoss), status ("done" or "diverged") and message when diverged. ' +
        'Numbers that overflowed are null.',
      INDENT,
    ),
    '  --at <step>',
    ...wrap(
      "with --json: the report of the run as it stood after that step (0 … total steps), replayed exactly: the epochs completed by then, " +
        'final {step, w, loss} at the step, status "stopped" and stoppedAtStep (or "done" at the last step, "diverged" if it diverged before).',
      INDENT,
    ),
    '  --csv',
    ...wrap('every step as CSV: step,epoch,w1,w2,batchLoss,loss with each number printed exactly (shortest round-trip form), from step 0, the start (w0, its loss, batchLoss NaN); with --val > 0 a last column valLoss, the validation loss.', INDENT),
    '  --pytorch',
    ...wrap(
      'a runnable PyTorch script of the same experiment. With --shuffle none, no --restart and n up to ' +
        `${MAX_EMBEDDED_EXAMPLES.toLocaleString('en-US')} (data written into the script) it prints the numbers of --json's epochs; ` +
        "otherwise PyTorch's own random numbers make it the same experiment with different numbers.",
      INDENT,
    ),
    '  --help, -h',
    ...wrap('this text.', INDENT),
    '',
    'Divergence:',
    ...wrap(
      'when the weights overflow, training stops there. That is a result, not an error: the exit status is 0, ' +
        'the JSON says status "diverged" with a message, and the summary and CSV modes print the message on stderr.',
      '  ',
    ),
    '',
    'Progress:',
    ...wrap('a run longer than a second shows its percentage, steps per second and time left on stderr when stderr is a terminal; nothing in a pipe or a file.', '  '),
    '',
    'Exit status:',
    '  0  the run finished or diverged',
    '  1  an unexpected failure (a bug; please report it)',
    ...wrap(
      `a bad flag or value, or a run too large for the command line (more than ${MAX_CLI_TOTAL_STEPS.toLocaleString('en-US')} ` +
        `gradient steps or ${MAX_CLI_EXAMPLE_GRADIENTS.toLocaleString('en-US')} example gradients); nothing is run`,
      '  2  ',
      TEXT_WIDTH,
      '     ',
    ),
  );
  return `${out.join('\n')}\n`;
}

// Every setting of the core, grouped the way a learner thinks about them.
import { MAX_SEED, type Settings } from '../core/settings.ts';
import { BatchSizeSlider } from './BatchSizeSlider.tsx';
import { SettingField } from './SettingField.tsx';
import { usesMomentum } from '../core/optimizers.ts';

export interface SettingsPanelProps {
  settings: Settings;
  onChange(next: Settings): void;
}

/** A fresh seed from the browser's randomness: the one place chance enters on purpose, and it lands in the link. */
function newSeed(): number {
  return Math.floor(Math.random() * (MAX_SEED + 1));
}

export function SettingsPanel({ settings, onChange }: SettingsPanelProps) {
  const field = (name: keyof Settings, children?: React.ReactNode) => (
    <SettingField key={name} name={name} settings={settings} onChange={onChange}>
      {children}
    </SettingField>
  );
  return (
    <div className="settings" data-testid="settings">
      <h2>Batches</h2>
      {field('b')}
      <div className="field">
        <span aria-hidden="true" />
        <div className="field-control">
          <BatchSizeSlider settings={settings} onChange={onChange} />
        </div>
      </div>
      {field('shuffle')}
      {field('drop')}
      {field('k')}
      <h2>Optimizer</h2>
      {field('optimizer')}
      {field('lr')}
      {usesMomentum(settings.optimizer) && field('mom')}
      {field('decay')}
      {field('epochs')}
      <h2>Data and model</h2>
      {field('data')}
      {field('model')}
      {field('n')}
      {field('noise')}
      {settings.data === 'plane' && field('rho')}
      {field('val')}
      {field(
        'seed',
        <button type="button" data-testid="new-seed" onClick={() => onChange({ ...settings, seed: newSeed() })} title="New data and order">
          new
        </button>,
      )}
      <h2>Start</h2>
      {field('w0')}
      {field('init')}
      {field('restart')}
    </div>
  );
}

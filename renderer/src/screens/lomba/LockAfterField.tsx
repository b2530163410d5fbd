/** Aturan: after how many minutes unused a juror's session locks (rules.lockAfterMinutes, 1–240, default 10). */
import { DEFAULT_LOCK_MINUTES } from '../../../../shared/domain/competition.js';
import { useT } from '../../components/common.js';
import { useSetupStore } from '../../stores/setup.js';

export function LockAfterField({ invalid }: { invalid: boolean }) {
  const t = useT();
  const minutes = useSetupStore((s) => s.draft?.info.rules.lockAfterMinutes);
  const edit = useSetupStore((s) => s.edit);
  return (
    <label>
      {t('rules.lockAfter')}
      <input
        type="number"
        min={1}
        max={240}
        step={1}
        inputMode="numeric"
        placeholder={String(DEFAULT_LOCK_MINUTES)}
        value={minutes ?? ''}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const text = e.target.value.trim();
          edit((d) => {
            const { lockAfterMinutes: _old, ...rules } = d.info.rules;
            return { ...d, info: { ...d.info, rules: text === '' ? rules : { ...rules, lockAfterMinutes: Number(text) } } };
          });
        }}
      />
      <span className="hint">{t('rules.lockAfterHint')}</span>
    </label>
  );
}

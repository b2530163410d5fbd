/** Unsaved setup edits kept from before a reload or a closed window, offered back. */
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useSetupStore } from '../../stores/setup.js';

/** "Ada perubahan yang belum disimpan dari … — Pulihkan / Buang", after a reload or a closed window. */
export function RecoverBar() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const recoverable = useSetupStore((s) => s.recoverable);
  const restore = useSetupStore((s) => s.restore);
  const drop = useSetupStore((s) => s.dropRecoverable);
  if (!recoverable) return null;
  return (
    <div className="recover-bar" role="status">
      <span>{t('forms.recover.text', { when: formatDateTime(new Date(recoverable.at), lang) })}</span>
      <button type="button" className="primary" onClick={restore}>
        {t('forms.recover.restore')}
      </button>
      <button type="button" className="secondary" onClick={drop}>
        {t('forms.recover.drop')}
      </button>
    </div>
  );
}

import type { ReactNode } from 'react';
import { describeError } from '../../../shared/domain/errors.js';
import { translate, type UiKey } from '../i18n.js';
import { useAppStore } from '../stores/app.js';

export function useT(): (key: UiKey, params?: Record<string, string | number>) => string {
  const lang = useAppStore((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}

/** The message bar: the last success or error, in the user's language, announced to screen readers. */
export function NoticeBar() {
  const notice = useAppStore((s) => s.notice);
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const t = useT();
  if (!notice) return null;
  const text = notice.kind === 'ok' ? notice.text : describeError(notice.error, lang);
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      <button type="button" className="link" onClick={() => setNotice(null)}>
        {t('common.close')}
      </button>
    </div>
  );
}

export function Section(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function NeedsCompetition(props: { children: ReactNode }) {
  const competition = useAppStore((s) => s.competition);
  const t = useT();
  if (!competition) return <p className="empty">{t('common.noCompetition')}</p>;
  return <>{props.children}</>;
}

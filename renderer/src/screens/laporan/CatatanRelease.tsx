/**
 * On Laporan: which jurors' notes each site may read (channels documents.notes and documents.releaseNotes), and the
 * site's "Catatan untuk peserta" PDF. The secretariat sees the jurors' names here; the PDF numbers them per site.
 * Saving the choice is the secretariat's (its PIN asked here when its session is not open).
 */
import { useEffect, useState } from 'react';
import type { ReleasableNote } from '../../../../shared/contract/schemas.js';
import type { Site } from '../../../../shared/domain/competition.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { call, isDesktop, saveBytes } from '../../api.js';
import { Section, useT } from '../../components/common.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';
import { useAppStore } from '../../stores/app.js';

const key = (n: { juror: string; indicator: string }) => `${n.juror}|${n.indicator}`;

export function CatatanRelease({ competition }: { competition: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [sites, setSites] = useState<Site[]>([]);
  const [site, setSite] = useState('');
  const [notes, setNotes] = useState<ReleasableNote[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<'save' | 'pdf' | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Which notes a site may read is the secretariat's decision: its PIN is asked here (the PDF needs none).
  const secretariat = useSecretariatSession(competition, message && !message.ok ? message.text : null);

  useEffect(() => {
    void call('setup.get', { code: competition }).then((r) => {
      if (r.ok) setSites(r.value.sites);
      else setMessage({ ok: false, text: describeError(r.error, lang) });
    });
  }, [competition, lang]);

  function show(list: ReleasableNote[]) {
    setNotes(list);
    setChosen(new Set(list.filter((n) => n.released).map(key)));
  }

  async function choose(code: string) {
    setSite(code);
    setMessage(null);
    setNotes(null);
    if (!code) return;
    const r = await call('documents.notes', { competition, site: code });
    if (r.ok) show(r.value);
    else setMessage({ ok: false, text: describeError(r.error, lang) });
  }

  function toggle(k: string) {
    setChosen((before) => {
      const next = new Set(before);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  }

  async function save() {
    if (!notes) return;
    setBusy('save');
    setMessage(null);
    const picked = notes.filter((n) => chosen.has(key(n))).map((n) => ({ juror: n.juror, indicator: n.indicator }));
    const r = await call('documents.releaseNotes', { competition, site, notes: picked });
    setBusy(null);
    if (!r.ok) return setMessage({ ok: false, text: describeError(r.error, lang) });
    show(r.value.notes);
    setMessage({
      ok: true,
      text: t('catatan.saved', {
        released: r.value.released,
        withdrawn: r.value.withdrawn,
        total: r.value.notes.filter((n) => n.released).length,
      }),
    });
  }

  async function pdf() {
    setBusy('pdf');
    setMessage(null);
    const rendered = await call('documents.render', { competition, doc: 'catatan', site });
    if (!rendered.ok) {
      setBusy(null);
      return setMessage({ ok: false, text: describeError(rendered.error, lang) });
    }
    const { name, bytes, mime, pages } = rendered.value;
    const saved = await saveBytes(name, bytes, mime);
    setBusy(null);
    if (!saved.ok) return setMessage({ ok: false, text: describeError(saved.error, lang) });
    if (!saved.value.saved) return setMessage({ ok: true, text: t('catatan.cancelled') });
    setMessage({
      ok: true,
      text: isDesktop()
        ? t('catatan.pdfSavedDesktop', { path: saved.value.path ?? name, pages })
        : t('catatan.pdfSavedBrowser', { name, pages }),
    });
  }

  return (
    <Section title={t('catatan.heading')}>
      <p className="muted">{t('catatan.hint')}</p>
      <label className="inline">
        {t('catatan.site')}{' '}
        <select value={site} onChange={(e) => void choose(e.target.value)} aria-label={t('catatan.site')}>
          <option value="">{t('catatan.chooseSite')}</option>
          {sites.map((s) => (
            <option key={s.code} value={s.code}>
              {`${s.code} — ${s.name}`}
            </option>
          ))}
        </select>
      </label>
      {notes && notes.length === 0 ? <p className="muted">{t('catatan.none')}</p> : null}
      {notes && notes.length > 0 ? (
        <table className="data">
          <thead>
            <tr>
              <th>{t('catatan.release')}</th>
              <th>{t('catatan.juror')}</th>
              <th>{t('catatan.indicator')}</th>
              <th>{t('catatan.note')}</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((n) => (
              <tr key={key(n)}>
                <td>
                  <input
                    type="checkbox"
                    checked={chosen.has(key(n))}
                    onChange={() => toggle(key(n))}
                    aria-label={`${t('catatan.release')} ${n.juror} ${n.indicator}`}
                  />
                </td>
                <td>{`${n.juror} — ${n.jurorName}`}</td>
                <td>{`${n.indicator} ${n.indicatorName}`}</td>
                <td>{n.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notes && notes.length > 0 ? (
        <SecretariatCard
          inline
          competition={competition}
          session={secretariat}
          title={t('roles.pin')}
          ask={t('roles.notesAsk')}
          openText={t('roles.notesOpen')}
        />
      ) : null}
      {site ? (
        <div className="toolbar-row">
          {notes && notes.length > 0 ? (
            <button type="button" className="primary" onClick={() => void save()} disabled={busy !== null || !secretariat.open}>
              {busy === 'save' ? t('catatan.saving') : t('catatan.save')}
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={() => void pdf()} disabled={busy !== null}>
            {busy === 'pdf' ? t('catatan.pdfBusy') : t('catatan.pdf')}
          </button>
        </div>
      ) : null}
      {message ? (
        <p className={message.ok ? 'notice notice-ok' : 'notice notice-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </Section>
  );
}

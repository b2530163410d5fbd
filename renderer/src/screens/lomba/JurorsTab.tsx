/**
 * Juri: the jury (name, NIP, position, agency, role), which aspects each juror scores, and which sites a juror must
 * not score (conflict of interest). Warns where a site has an aspect that no eligible juror scores.
 */
import type { JurorWithRecusals } from '../../../../shared/contract/schemas.js';
import { ROLES, type Role } from '../../../../shared/domain/competition.js';
import { isRecused, scoresAspect } from '../../../../shared/domain/eligibility.js';
import { call, download } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useSetupStore } from '../../stores/setup.js';
import { optionalText } from './fields.js';
import { ExportButtons, ImportButton, mergeByCode } from './ImportPreview.js';
import { RowsEditor } from './RowsEditor.js';
import { FieldError } from './fields.js';
import type { PlacedIssues } from './issues.js';
import { PinsSection } from './PinsSection.js';
import { useCompetitionStore } from '../../stores/competitions.js';

const TEXT_COLUMNS = ['code', 'name', 'nip', 'position', 'agency'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

export function JurorsTab({
  invalid,
  gaps,
  errors,
}: {
  invalid: (path: string) => boolean;
  gaps: { site: string; aspect: string }[];
  errors: PlacedIssues;
}) {
  const t = useT();
  const setNotice = useAppStore((s) => s.setNotice);
  const draft = useSetupStore((s) => s.draft);
  const instrument = useSetupStore((s) => s.instrument);
  const code = useSetupStore((s) => s.code);
  const dirty = useSetupStore((s) => s.dirty);
  const detail = useCompetitionStore((s) => s.detail);
  const edit = useSetupStore((s) => s.edit);
  if (!draft || !instrument || !code) return null;
  const { jurors, sites } = draft;
  const aspects = instrument.aspects;
  const label: Record<TextColumn, string> = {
    code: t('lomba.jurorCode'),
    name: t('lomba.jurorName'),
    nip: t('setup.nip'),
    position: t('setup.position'),
    agency: t('setup.agency'),
  };
  const setJurors = (change: (jurors: JurorWithRecusals[]) => JurorWithRecusals[]) => edit((d) => ({ ...d, jurors: change(d.jurors) }));
  const setJuror = (i: number, change: (j: JurorWithRecusals) => JurorWithRecusals) =>
    setJurors((list) => list.map((j, k) => (k === i ? change(j) : j)));
  const toggleAspect = (i: number, aspect: string) =>
    setJuror(i, (j) => {
      const current = j.aspects ?? aspects.map((a) => a.code);
      const next = current.includes(aspect) ? current.filter((a) => a !== aspect) : [...current, aspect];
      const ordered = aspects.map((a) => a.code).filter((a) => next.includes(a));
      if (ordered.length === aspects.length) {
        const { aspects: _all, ...rest } = j;
        return rest;
      }
      return { ...j, aspects: ordered };
    });
  const toggleRecusal = (i: number, site: string) =>
    setJuror(i, (j) => ({
      ...j,
      recusedSites: j.recusedSites.includes(site)
        ? j.recusedSites.filter((s) => s !== site)
        : sites.map((s) => s.code).filter((s) => s === site || j.recusedSites.includes(s)),
    }));

  const exportAs = (format: 'xlsx' | 'csv') =>
    download(call('setup.exportJurors', { competition: code, format }), (error) => setNotice({ kind: 'error', error }));

  const siteName = new Map(sites.map((s) => [s.code, s.name]));
  return (
    <div className="tab-body">
      <div className="toolbar-row">
        <ImportButton<JurorWithRecusals>
          label={t('setup.importJurors')}
          accept=".xlsx,.csv"
          parse={(file) => call('setup.parseJurors', file)}
          columns={[
            { title: label.code, cell: (j) => j.code },
            { title: label.name, cell: (j) => j.name },
            { title: label.nip, cell: (j) => j.nip ?? '' },
            { title: t('lomba.role'), cell: (j) => t(`role.${j.role}`) },
            {
              title: t('lomba.aspects'),
              cell: (j) => (j.aspects === undefined ? t('lomba.allAspects') : j.aspects.join(', ') || t('lomba.noAspects')),
            },
          ]}
          onAccept={(rows) => setJurors((list) => mergeByCode(list, rows))}
        />
        <span className="spacer" />
        <ExportButtons
          formats={[
            { format: 'xlsx', label: t('setup.exportXlsx') },
            { format: 'csv', label: t('setup.exportCsv') },
          ]}
          dirty={dirty}
          onExport={exportAs}
        />
      </div>
      <div className="table-scroll">
        <RowsEditor<JurorWithRecusals>
          rows={jurors}
          onChange={(rows) => setJurors(() => rows)}
          listPath="jurors"
          listLabel={t('lomba.jurors')}
          columns={TEXT_COLUMNS.map((c) => ({ field: c, label: label[c], ...(c === 'nip' ? { numeric: true } : {}) }))}
          setField={(juror, column, value) =>
            column === 'code' || column === 'name' ? { ...juror, [column]: value } : optionalText(juror, column as TextColumn, value)
          }
          extra={{
            label: t('lomba.role'),
            render: (juror, i, update) => (
              <select
                aria-label={`${t('lomba.role')} ${i + 1}`}
                value={juror.role}
                onChange={(e) => update({ ...juror, role: e.target.value as Role })}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            ),
          }}
          fieldError={errors.at}
        />
      </div>
      <button
        type="button"
        className="secondary"
        onClick={() => setJurors((list) => [...list, { code: `J${list.length + 1}`, name: '', role: 'anggota', recusedSites: [] }])}
      >
        + {t('lomba.addJuror')}
      </button>

      <h3>{t('setup.assignment')}</h3>
      <p className="muted small">{t('setup.assignmentHint')}</p>
      <div className="table-scroll">
        <table className="data matrix">
          <thead>
            <tr>
              <th scope="col">{t('lomba.jurors')}</th>
              {aspects.map((a) => (
                <th key={a.code} scope="col" title={a.name}>
                  {a.code}
                </th>
              ))}
              <th scope="col">{t('setup.recused')}</th>
            </tr>
          </thead>
          <tbody>
            {jurors.map((juror, i) => (
              <tr key={i} className={invalid(`jurors[${i}].aspects`) ? 'invalid' : ''}>
                <th scope="row">
                  {juror.code} <span className="muted small">{juror.name}</span>
                  {juror.aspects?.length === 0 ? <div className="small muted">{t('lomba.noAspects')}</div> : null}
                  <FieldError path={`jurors[${i}].aspects`} message={errors.under(`jurors[${i}].aspects`)} />
                  <FieldError path={`jurors[${i}].recusedSites`} message={errors.under(`jurors[${i}].recusedSites`)} />
                </th>
                {aspects.map((a) => (
                  <td key={a.code} className="check">
                    <input
                      type="checkbox"
                      aria-label={t('setup.scoresAspect', { juror: juror.code, aspect: `${a.code} ${a.name}` })}
                      checked={scoresAspect(juror, a.code)}
                      onChange={() => toggleAspect(i, a.code)}
                    />
                  </td>
                ))}
                <td>
                  <details className="recusals">
                    <summary>
                      {juror.recusedSites.length === 0
                        ? t('setup.noRecusal')
                        : juror.recusedSites.map((s) => `${s} ${siteName.get(s) ?? ''}`).join(', ')}
                    </summary>
                    <div className="recusal-list">
                      {sites.map((s) => (
                        <label key={s.code} className="choice-option">
                          <input
                            type="checkbox"
                            aria-label={t('setup.recusedFrom', { juror: juror.code, site: `${s.code} ${s.name}` })}
                            checked={isRecused(juror, s.code)}
                            onChange={() => toggleRecusal(i, s.code)}
                          />
                          <span>
                            {s.code} — {s.name}
                          </span>
                        </label>
                      ))}
                    </div>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {detail ? <PinsSection detail={detail} /> : null}
      {gaps.length > 0 ? (
        <div className="notice notice-warn" role="status">
          <div>
            <strong>{t('setup.coverageTitle')}</strong>
            <ul>
              {[...new Set(gaps.map((g) => g.site))].map((site) => (
                <li key={site}>
                  {t('setup.coverageGap', {
                    site: `${site} ${siteName.get(site) ?? ''}`.trim(),
                    aspect: gaps
                      .filter((g) => g.site === site)
                      .map((g) => g.aspect)
                      .join(', '),
                  })}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}

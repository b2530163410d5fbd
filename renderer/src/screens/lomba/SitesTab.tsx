/** Lokus: the competing sites, typed in or imported from .xlsx/.csv, and exported the same way. */
import type { Site } from '../../../../shared/domain/competition.js';
import { formatDate } from '../../../../shared/domain/dates.js';
import { call, download } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useSetupStore } from '../../stores/setup.js';
import { optionalText } from './fields.js';
import { ExportButtons, ImportButton, mergeByCode } from './ImportPreview.js';

const COLUMNS = ['code', 'name', 'regency', 'district', 'category', 'contact', 'visitDate'] as const;
type Column = (typeof COLUMNS)[number];

export function SitesTab({ invalid }: { invalid: (path: string) => boolean }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setNotice = useAppStore((s) => s.setNotice);
  const sites = useSetupStore((s) => s.draft?.sites);
  const code = useSetupStore((s) => s.code);
  const dirty = useSetupStore((s) => s.dirty);
  const edit = useSetupStore((s) => s.edit);
  if (!sites || !code) return null;
  const label: Record<Column, string> = {
    code: t('lomba.siteCode'),
    name: t('lomba.siteName'),
    regency: t('lomba.regency'),
    district: t('setup.district'),
    category: t('setup.category'),
    contact: t('setup.contact'),
    visitDate: t('setup.visitDate'),
  };
  const setSites = (change: (sites: Site[]) => Site[]) => edit((d) => ({ ...d, sites: change(d.sites) }));
  const update = (i: number, column: Column, value: string) =>
    setSites((list) =>
      list.map((s, k) =>
        k !== i ? s : column === 'code' || column === 'name' ? { ...s, [column]: value } : optionalText(s, column, value),
      ),
    );

  const exportAs = (format: 'xlsx' | 'csv') =>
    download(call('sites.export', { competition: code, format }), (error) => setNotice({ kind: 'error', error }));

  return (
    <div className="tab-body">
      <div className="toolbar-row">
        <ImportButton<Site>
          label={t('setup.importSites')}
          accept=".xlsx,.csv"
          parse={(file) => call('sites.parse', file)}
          columns={[
            { title: label.code, cell: (s) => s.code },
            { title: label.name, cell: (s) => s.name },
            { title: label.regency, cell: (s) => s.regency ?? '' },
            { title: label.district, cell: (s) => s.district ?? '' },
            { title: label.category, cell: (s) => s.category ?? '' },
            { title: label.visitDate, cell: (s) => (s.visitDate ? formatDate(s.visitDate, lang) : '') },
          ]}
          onAccept={(rows) => setSites((list) => mergeByCode(list, rows))}
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
        <table className="data edit sites-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {label[c]}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">{t('common.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site, i) => (
              <tr key={i}>
                <td className="muted">{i + 1}</td>
                {COLUMNS.map((c) => (
                  <td key={c}>
                    <input
                      type={c === 'visitDate' ? 'date' : 'text'}
                      aria-label={`${label[c]} ${i + 1}`}
                      value={site[c] ?? ''}
                      onChange={(e) => update(i, c, e.target.value)}
                      aria-invalid={invalid(`sites[${i}].${c}`) || undefined}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setSites((list) => list.filter((_, k) => k !== i))}
                    aria-label={`${t('common.remove')} ${site.code || i + 1}`}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="secondary"
        onClick={() => setSites((list) => [...list, { code: `S${String(list.length + 1).padStart(2, '0')}`, name: '' }])}
      >
        + {t('lomba.addSite')}
      </button>
    </div>
  );
}

/** Lokus: the competing sites, typed in or imported from .xlsx/.csv, and exported the same way. */
import type { Site } from '../../../../shared/domain/competition.js';
import { formatDate } from '../../../../shared/domain/dates.js';
import { call, download } from '../../api.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { useSetupStore } from '../../stores/setup.js';
import { optionalText } from './fields.js';
import { ExportButtons, ImportButton, mergeByCode } from './ImportPreview.js';
import { RowsEditor } from './RowsEditor.js';
import type { PlacedIssues } from './issues.js';

const COLUMNS = ['code', 'name', 'regency', 'district', 'category', 'contact', 'visitDate'] as const;
type Column = (typeof COLUMNS)[number];

export function SitesTab({ errors }: { invalid: (path: string) => boolean; errors: PlacedIssues }) {
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

  const exportAs = (format: 'xlsx' | 'csv') =>
    download(call('setup.exportSites', { competition: code, format }), (error) => setNotice({ kind: 'error', error }));

  return (
    <div className="tab-body">
      <div className="toolbar-row">
        <ImportButton<Site>
          label={t('setup.importSites')}
          accept=".xlsx,.csv"
          parse={(file) => call('setup.parseSites', file)}
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
        <RowsEditor<Site>
          rows={sites}
          onChange={(rows) => setSites(() => rows)}
          listPath="sites"
          listLabel={t('lomba.sites')}
          numbered
          columns={COLUMNS.map((c) => ({ field: c, label: label[c], ...(c === 'visitDate' ? { type: 'date' as const } : {}) }))}
          setField={(site, column, value) =>
            column === 'code' || column === 'name' ? { ...site, [column]: value } : optionalText(site, column, value)
          }
          fieldError={errors.at}
        />
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

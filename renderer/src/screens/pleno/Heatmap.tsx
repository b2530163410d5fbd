/**
 * Jurors × sites: each juror's mean deviation from the other jurors at each site (DeviationCell), drawn as SVG by
 * the app itself. Colours come from classes in styles/pleno.css (the CSP allows no inline style); every box also
 * carries its value as text (readable in print and without colour), and a table gives the same values to screen
 * readers.
 */
import type { DeviationCell } from '../../../../shared/contract/analysis.js';
import { useT } from '../../components/common.js';
import type { UiKey } from '../../i18n.js';
import { useAppStore } from '../../stores/app.js';
import { band, BANDS, points, type Band } from '../../../../shared/domain/deviation-bands.js';

const LEGEND: Record<Band, UiKey> = {
  strict2: 'analysis.legend.strict2',
  strict1: 'analysis.legend.strict1',
  even: 'analysis.legend.even',
  lenient1: 'analysis.legend.lenient1',
  lenient2: 'analysis.legend.lenient2',
  none: 'analysis.legend.none',
};

const CELL_W = 58;
const CELL_H = 34;
const LEFT = 56;
const TOP = 28;

export function Heatmap({ cells, jurors, sites }: { cells: DeviationCell[]; jurors: string[]; sites: string[] }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const at = new Map(cells.map((c) => [`${c.juror}\u0000${c.site}`, c]));
  const value = (juror: string, site: string) => at.get(`${juror}\u0000${site}`)?.deviation ?? null;
  const width = LEFT + sites.length * CELL_W + 2;
  const height = TOP + jurors.length * CELL_H + 2;
  return (
    <figure className="heatmap">
      <svg
        className="heatmap-svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={t('analysis.heatmapLabel', { jurors: jurors.length, sites: sites.length })}
      >
        {sites.map((site, s) => (
          <text key={site} className="hm-head" x={LEFT + s * CELL_W + CELL_W / 2} y={TOP - 10} textAnchor="middle">
            {site}
          </text>
        ))}
        {jurors.map((juror, j) => (
          <g key={juror}>
            <text className="hm-head" x={LEFT - 10} y={TOP + j * CELL_H + CELL_H / 2 + 5} textAnchor="end">
              {juror}
            </text>
            {sites.map((site, s) => {
              const v = value(juror, site);
              return (
                <g key={site} className={`hm-cell hm-${band(v)}`} data-juror={juror} data-site={site}>
                  <rect x={LEFT + s * CELL_W} y={TOP + j * CELL_H} width={CELL_W - 2} height={CELL_H - 2} rx={3} />
                  <text x={LEFT + s * CELL_W + (CELL_W - 2) / 2} y={TOP + j * CELL_H + CELL_H / 2 + 4} textAnchor="middle">
                    {v === null ? t('analysis.noValue') : points(v, lang)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>
        <p className="muted small">{t('analysis.heatmapHint')}</p>
        <ul className="hm-legend" aria-label={t('analysis.legend')}>
          {BANDS.map((b) => (
            <li key={b}>
              <svg className="hm-swatch" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">
                <g className={`hm-cell hm-${b}`}>
                  <rect x="0" y="0" width="22" height="16" rx="3" />
                </g>
              </svg>
              {t(LEGEND[b])}
            </li>
          ))}
        </ul>
      </figcaption>
      <table className="sr-only">
        <caption>{t('analysis.heatmapTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.juror')}</th>
            {sites.map((site) => (
              <th key={site} scope="col">
                {site}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {jurors.map((juror) => (
            <tr key={juror}>
              <th scope="row">{juror}</th>
              {sites.map((site) => {
                const v = value(juror, site);
                return <td key={site}>{v === null ? t('analysis.legend.none') : points(v, lang)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

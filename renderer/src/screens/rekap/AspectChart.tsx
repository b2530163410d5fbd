/**
 * The aspect points of the leading sites (issue 10, point 8): grouped horizontal bars, one group per aspect, one bar
 * per site (the first six of the official ranking), each against the aspect's maximum so that aspects of different
 * weight compare; the points written at each bar's end and read out by its label.
 */
import { formatNumber } from '../../../../shared/domain/numbers.js';
import type { Instrument } from '../../../../shared/domain/instrument.js';
import type { RankedSite } from '../../../../shared/domain/ranking.js';
import { ChartFrame, seriesClass } from '../../components/charts/ChartFrame.js';
import { HorizontalBars } from '../../components/charts/HorizontalBars.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';

export const LEADING = 6;

export function AspectChart(props: { ranking: readonly RankedSite[]; instrument: Instrument; precision: number }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const sites = props.ranking.slice(0, LEADING);
  const max = new Map(props.instrument.aspects.map((a) => [a.code, a.indicators.reduce((s, i) => s + i.weight, 0)]));
  const names = new Map(props.instrument.aspects.map((a) => [a.code, a.name]));
  if (sites.length === 0) return null;
  const p = props.precision;
  const title = t('chart.aspects', { count: sites.length });
  return (
    <ChartFrame
      title={title}
      hint={t('chart.aspectsHint')}
      legendLabel={t('chart.legend')}
      legend={sites.map((s, i) => ({
        key: s.site,
        label: `${s.site} ${s.name} (${s.rank}${s.tied ? '=' : ''})`,
        className: seriesClass(i),
      }))}
    >
      <HorizontalBars
        label={title}
        groups={props.instrument.aspects.map((a) => ({ key: a.code, label: a.code, sublabel: a.name }))}
        seriesCount={sites.length}
        ticks={[0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, text: at === 1 ? t('chart.axisFull') : `${at * 100}%` }))}
        value={(aspect, i) => {
          const site = sites[i]!;
          const points = site.aspects[aspect] ?? 0;
          const full = max.get(aspect) ?? 0;
          const text = formatNumber(points, p, lang);
          return {
            fraction: full > 0 ? points / full : 0,
            text,
            description: t('chart.bar', {
              site: site.site,
              name: site.name,
              aspect,
              aspectName: names.get(aspect) ?? aspect,
              points: text,
              max: formatNumber(full, p, lang),
            }),
          };
        }}
      />
    </ChartFrame>
  );
}

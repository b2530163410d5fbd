/**
 * Grouped horizontal bars: one group per category (an aspect), one bar per series (a site) in the series' colour,
 * each bar's length a fraction 0–1 of the axis, its value written at its end and read out by its label.
 */
import { seriesClass } from './ChartFrame.js';

export interface BarGroup {
  key: string;
  /** Written at the left of the group, e.g. the aspect's code. */
  label: string;
  /** Written under the label in smaller type, e.g. its name (shortened to fit). */
  sublabel?: string;
}

export interface BarValue {
  /** 0–1 of the axis. */
  fraction: number;
  /** Written at the bar's end ("12,34"). */
  text: string;
  /** What a screen reader says and the tooltip shows ("S02 Desa Sukamaju, aspek A: 12,34 dari 15"). */
  description: string;
}

const LABEL_WIDTH = 190;
const PLOT_WIDTH = 620;
const VALUE_WIDTH = 56;
const BAR = 13;
const GAP = 2;
const GROUP_GAP = 14;
const AXIS = 22;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function HorizontalBars(props: {
  label: string;
  groups: readonly BarGroup[];
  seriesCount: number;
  value: (group: string, series: number) => BarValue | null;
  /** The axis ticks (fractions) and how each is written. */
  ticks: readonly { at: number; text: string }[];
}) {
  const groupHeight = props.seriesCount * (BAR + GAP) - GAP;
  const height = AXIS + props.groups.length * (groupHeight + GROUP_GAP);
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const x = (fraction: number) => LABEL_WIDTH + Math.max(0, Math.min(1, fraction)) * PLOT_WIDTH;
  return (
    <svg className="chart-plot" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={props.label}>
      {props.ticks.map((tick) => (
        <g key={tick.at} aria-hidden="true">
          <line
            className={tick.at === 1 ? 'chart-grid chart-full' : 'chart-grid'}
            x1={x(tick.at)}
            x2={x(tick.at)}
            y1={AXIS - 4}
            y2={height}
          />
          <text className="chart-tick" x={x(tick.at)} y={AXIS - 8} textAnchor={tick.at === 0 ? 'start' : tick.at === 1 ? 'end' : 'middle'}>
            {tick.text}
          </text>
        </g>
      ))}
      {props.groups.map((group, g) => {
        const top = AXIS + g * (groupHeight + GROUP_GAP) + GROUP_GAP / 2;
        return (
          <g key={group.key}>
            <text className="chart-group" x={0} y={top + 12}>
              {group.label}
            </text>
            {group.sublabel ? (
              <text x={0} y={top + 28}>
                <title>{group.sublabel}</title>
                {shorten(group.sublabel, 26)}
              </text>
            ) : null}
            {Array.from({ length: props.seriesCount }, (_, s) => {
              const v = props.value(group.key, s);
              if (!v) return null;
              const y = top + s * (BAR + GAP);
              const end = x(v.fraction);
              return (
                <g key={s}>
                  <rect className="chart-track" x={LABEL_WIDTH} y={y} width={PLOT_WIDTH} height={BAR} aria-hidden="true" />
                  <rect
                    className={seriesClass(s)}
                    x={LABEL_WIDTH}
                    y={y}
                    width={Math.max(1, end - LABEL_WIDTH)}
                    height={BAR}
                    role="img"
                    aria-label={v.description}
                  >
                    <title>{v.description}</title>
                  </rect>
                  <text className="chart-value" x={Math.min(end, LABEL_WIDTH + PLOT_WIDTH) + 4} y={y + BAR - 3} aria-hidden="true">
                    {v.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

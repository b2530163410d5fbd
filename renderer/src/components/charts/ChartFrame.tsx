/**
 * The shell of every chart the app draws itself (SVG, no library: the CSP allows no inline style, so colours and
 * sizes come from classes in charts.css and from SVG attributes): a figure with its title and a sentence on how to
 * read it, the colour key, and the drawing. Each mark carries its value as text (`<title>` and `aria-label`), so a
 * screen reader reads the figures and the printout keeps them.
 */
import type { ReactNode } from 'react';
import './charts.css';

export interface LegendEntry {
  key: string;
  label: string;
  /** The class of the mark this entry stands for, e.g. `seriesClass(0)`. */
  className: string;
}

/** The colour class of the i-th series: eight colours told apart also by people with a colour-vision deficiency. */
export const seriesClass = (i: number): string => `chart-series chart-series-${i % 8}`;

export function ChartFrame(props: {
  title: string;
  hint?: string;
  legendLabel?: string;
  legend?: readonly LegendEntry[];
  children: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`chart ${props.className ?? ''}`.trim()}>
      <figcaption>
        <span className="chart-title">{props.title}</span>
        {props.hint ? <span className="chart-hint">{props.hint}</span> : null}
      </figcaption>
      {props.legend && props.legend.length > 0 ? (
        <ul className="chart-legend" aria-label={props.legendLabel}>
          {props.legend.map((entry) => (
            <li key={entry.key}>
              <svg className="chart-swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
                <rect className={entry.className} x="0" y="0" width="14" height="14" rx="2" />
              </svg>
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      {props.children}
    </figure>
  );
}

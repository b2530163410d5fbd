/** A small bar of points against their maximum, for a table cell; the figures are in the cells beside it. */
export function MeterBar(props: { fraction: number; label: string }) {
  const f = Math.max(0, Math.min(1, props.fraction));
  return (
    <svg className="meter-bar" viewBox="0 0 100 10" width="120" height="12" role="img" aria-label={props.label} preserveAspectRatio="none">
      <title>{props.label}</title>
      <rect className="meter-track" x="0" y="0" width="100" height="10" rx="2" />
      <rect className="meter-fill" x="0" y="0" width={f * 100} height="10" rx="2" />
    </svg>
  );
}

/** A key fingerprint, large and monospace, in two lines of four groups: to be read aloud and compared. */
import { formatDateTime } from '../../../shared/domain/dates.js';
import { fingerprintLines } from '../../../shared/domain/fingerprint.js';
import { useAppStore } from '../stores/app.js';
import { useT } from './common.js';

export function Fingerprint(props: { value: string; label: string }) {
  return (
    <div className="fingerprint" role="group" aria-label={`${props.label} ${props.value}`}>
      <span className="fingerprint-label">{props.label}</span>
      <code className="fingerprint-value" data-fingerprint={props.value}>
        {fingerprintLines(props.value).map((line) => (
          <span key={line}>{line}</span>
        ))}
      </code>
    </div>
  );
}

/** Which secretariat this laptop reports to (the setup package it received), or that it received none. */
export function ReportsTo(props: { reportsTo: { fingerprint: string; created: string } | null }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  return (
    <p className="small">
      {props.reportsTo
        ? t('paket.reportsTo', {
            fingerprint: props.reportsTo.fingerprint,
            created: formatDateTime(new Date(props.reportsTo.created), lang),
          })
        : t('paket.reportsToNone')}
    </p>
  );
}

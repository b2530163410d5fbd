/** A key fingerprint, large and monospace, in two lines of four groups: to be read aloud and compared. */
import { fingerprintLines } from '../../../shared/domain/fingerprint.js';

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

/** A cell's two sides (held here, brought by the package) side by side: value, note, who, laptop, time. */
import type { CellSide } from '../../../../shared/contract/exchange.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { SECRETARIAT } from '../../../../shared/domain/roles.js';
import { shortFingerprint } from '../../../../shared/domain/fingerprint.js';

/** Names a device by its fingerprint where known, and names the people behind actors. */
export interface Namer {
  device(id: string | null): string;
  actor(actor: string | null): string;
  /** "Desa Sukamaju (S01)" where the site is known here. */
  site(code: string): string;
}

export function SideValue(props: { side: CellSide }) {
  const t = useT();
  const { side } = props;
  if (side.value === null && side.household === null) return <span className="muted">{t('paket.empty')}</span>;
  return (
    <span>
      <strong className="cell-value">{side.value ?? t('paket.empty')}</strong>
      {side.household ? <span className="muted small"> · {t('paket.household', side.household)}</span> : null}
    </span>
  );
}

export function SideBySide(props: { local: CellSide; incoming: CellSide; namer: Namer; heading: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const rows = (side: CellSide) => [
    [t('paket.side.value'), <SideValue key="v" side={side} />],
    [t('paket.side.note'), side.note ? <span key="n">{side.note}</span> : <span className="muted">{t('paket.empty')}</span>],
    [t('paket.side.who'), props.namer.actor(side.actor)],
    [t('paket.side.laptop'), <code key="d">{props.namer.device(side.device)}</code>],
    [t('paket.side.time'), side.at ? formatDateTime(new Date(side.at), lang) : t('paket.empty')],
  ];
  return (
    <div className="side-by-side" role="group" aria-label={props.heading}>
      {(
        [
          ['local', t('paket.side.local'), props.local],
          ['incoming', t('paket.side.incoming'), props.incoming],
        ] as const
      ).map(([key, title, side]) => (
        <div key={key} className={`side side-${key}`}>
          <h4>{title}</h4>
          <dl>
            {rows(side).map(([label, value], i) => (
              <div key={i}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

/** The namer of the Paket screen: devices by the fingerprints this screen knows, jurors by their names. */
export function makeNamer(
  devices: Map<string, string>,
  jurors: Map<string, string>,
  sites: Map<string, string>,
  words: { secretariat: string; thisLaptop: string },
  self: string | null,
): Namer {
  return {
    device: (id) => {
      if (!id) return '—';
      if (id === self) return words.thisLaptop;
      const fp = devices.get(id);
      return fp ? shortFingerprint(fp) : id.slice(0, 8);
    },
    site: (code) => {
      const name = sites.get(code);
      return name ? `${name} (${code})` : code;
    },
    actor: (actor) => {
      if (!actor) return '—';
      if (actor === SECRETARIAT) return words.secretariat;
      const name = jurors.get(actor);
      return name ? `${name} (${actor})` : actor;
    },
  };
}

/**
 * Paket: packages between laptops. This laptop's fingerprint; for the secretariat, the setup package of the open
 * competition; receiving packages (a button, drag and drop, a .penilai file opened with the app), each planned and
 * then applied; the open conflicts; the board of jurors × sites.
 */
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { describeError, type AppError } from '../../../shared/domain/errors.js';
import { call, isDesktop, onEvent, saveBytes } from '../api.js';
import { Section, useT } from '../components/common.js';
import type { UiKey } from '../i18n.js';
import { Fingerprint, ReportsTo } from '../components/Fingerprint.js';
import { useAppStore } from '../stores/app.js';
import { useCompetitionStore } from '../stores/competitions.js';
import { useExchangeStore } from '../stores/exchange.js';
import { BoardView } from './paket/BoardView.js';
import { makeNamer } from './paket/CellSides.js';
import { ConflictList } from './paket/ConflictList.js';
import { ReceivedCard } from './paket/ReceivedCard.js';

export function PaketScreen() {
  const t = useT();
  const competition = useAppStore((s) => s.competition);
  const detail = useCompetitionStore((s) => s.detail);
  const { identity, board, received, loadIdentity, refresh, takeOpened } = useExchangeStore();
  const open = detail && detail.info.code === competition ? competition : null;

  // Packages opened with the app: those waiting now, and each one announced while this screen is shown.
  useEffect(() => {
    void takeOpened();
    return onEvent('file.opened', (event) => {
      if (event.data.kind === 'package') void takeOpened();
    });
  }, [takeOpened]);

  useEffect(() => {
    void loadIdentity(open);
    void refresh(open);
  }, [open, loadIdentity, refresh]);

  const namer = useMemo(() => {
    const devices = new Map<string, string>();
    for (const r of board?.jurors ?? []) for (const d of r.devices) devices.set(d.id, d.fingerprint);
    for (const r of received) if (r.plan) devices.set(r.plan.device.id, r.plan.device.fingerprint);
    const jurors = new Map((detail?.jurors ?? []).map((j) => [j.code, j.name]));
    const sites = new Map((detail?.sites ?? []).map((x) => [x.code, x.name]));
    return makeNamer(
      devices,
      jurors,
      sites,
      { secretariat: t('paket.secretariat'), thisLaptop: t('paket.thisLaptopShort') },
      identity?.device.id ?? null,
    );
  }, [board, received, detail, identity, t]);

  return (
    <div className="screen paket">
      <h1>{t('paket.heading')}</h1>
      <div className="paket-top">
        <ThisLaptop />
        {/* Only the secretariat sets up the jurors' laptops: not a laptop that was itself set up from a package. */}
        {open && identity && !identity.reportsTo ? <SetupPackage competition={open} /> : null}
      </div>
      <Receive />
      {received.map((item) => (
        <ReceivedCard key={item.id} item={item} namer={namer} />
      ))}
      {open ? <ConflictList competition={open} namer={namer} /> : null}
      {open && board && board.competition === open ? <BoardView board={board} /> : null}
      {!open ? <p className="empty">{t('common.noCompetition')}</p> : null}
    </div>
  );
}

function ThisLaptop() {
  const t = useT();
  const identity = useExchangeStore((s) => s.identity);
  const competition = useAppStore((s) => s.competition);
  if (!identity) return null;
  return (
    <Section title={t('paket.thisLaptop')}>
      <Fingerprint label={t('paket.fingerprint')} value={identity.device.fingerprint} />
      <p className="muted small">{t('paket.fingerprintHint')}</p>
      {competition ? <ReportsTo reportsTo={identity.reportsTo} /> : null}
    </Section>
  );
}

function SetupPackage({ competition }: { competition: string }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  // Kept as words and values, so that the message follows a change of language.
  const [message, setMessage] = useState<{ key: UiKey; params: Record<string, string> } | { error: AppError } | null>(null);

  async function make() {
    setBusy(true);
    setMessage(null);
    const made = await call('exchange.setupPackage', { competition });
    if (!made.ok) {
      setBusy(false);
      return setMessage({ error: made.error });
    }
    const saved = await saveBytes(made.value.name, made.value.bytes, made.value.mime);
    setBusy(false);
    if (!saved.ok) return setMessage({ error: saved.error });
    if (!saved.value.saved) return setMessage({ key: 'paket.cancelled', params: {} });
    setMessage(
      isDesktop()
        ? { key: 'paket.setupSavedDesktop', params: { path: saved.value.path ?? made.value.name } }
        : { key: 'paket.setupSaved', params: { name: made.value.name } },
    );
  }

  return (
    <Section title={t('paket.setupTitle')}>
      <p className="muted">{t('paket.setupHint')}</p>
      <button type="button" className="primary" onClick={() => void make()} disabled={busy}>
        {busy ? t('paket.setupBusy') : t('paket.setupButton')}
      </button>
      {message ? (
        'error' in message ? (
          <p className="notice notice-error" role="alert">
            {describeError(message.error, lang)}
          </p>
        ) : (
          <p className="notice notice-ok" role="status">
            {t(message.key, message.params)}
          </p>
        )
      ) : null}
    </Section>
  );
}

async function readFiles(list: FileList | null | undefined): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function Receive() {
  const t = useT();
  const receive = useExchangeStore((s) => s.receive);
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void readFiles(event.dataTransfer.files).then((files) => (files.length > 0 ? receive(files) : undefined));
  }

  return (
    <Section title={t('paket.receiveTitle')}>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="muted">{t('paket.receiveHint')}</p>
        <div className="toolbar-row">
          <label className="file-button">
            {t('paket.pick')}
            <input
              type="file"
              accept=".penilai"
              multiple
              onChange={(e) => {
                const input = e.target;
                void readFiles(input.files)
                  .then((files) => receive(files))
                  .finally(() => (input.value = ''));
              }}
            />
          </label>
          <span className="muted">{over ? t('paket.dropActive') : t('paket.drop')}</span>
        </div>
      </div>
    </Section>
  );
}

import { lazy, Suspense, useEffect } from 'react';
import { isDesktop, onEvent } from './api.js';
import { NoticeBar, useT } from './components/common.js';
import { useAppStore, type Screen } from './stores/app.js';
import { useCompetitionStore } from './stores/competitions.js';
import { useLeaveStore } from './stores/leave.js';
import { LombaScreen } from './screens/LombaScreen.js';

// The first screen (Lomba) is in the entry chunk; the other screens load when first opened, or in the background
// once the first screen is ready (see `prefetchScreens`), so that switching to them feels immediate.
const loadPenilaian = () => import('./screens/PenilaianScreen.js');
const loadRekap = () => import('./screens/RekapScreen.js');
const loadPleno = () => import('./screens/pleno/PlenoScreen.js');
const loadLaporan = () => import('./screens/LaporanScreen.js');
const loadPaket = () => import('./screens/PaketScreen.js');
const loadVerifikasi = () => import('./screens/verifikasi/VerifikasiScreen.js');
const loadCadangan = () => import('./screens/cadangan/CadanganScreen.js');
const PenilaianScreen = lazy(() => loadPenilaian().then((m) => ({ default: m.PenilaianScreen })));
const RekapScreen = lazy(() => loadRekap().then((m) => ({ default: m.RekapScreen })));
const PlenoScreen = lazy(() => loadPleno().then((m) => ({ default: m.PlenoScreen })));
const LaporanScreen = lazy(() => loadLaporan().then((m) => ({ default: m.LaporanScreen })));
const PaketScreen = lazy(() => loadPaket().then((m) => ({ default: m.PaketScreen })));
const VerifikasiScreen = lazy(() => loadVerifikasi().then((m) => ({ default: m.VerifikasiScreen })));
const CadanganScreen = lazy(() => loadCadangan().then((m) => ({ default: m.CadanganScreen })));

/** Fetches the other screens' code while the user reads the first one. */
function prefetchScreens(): void {
  for (const load of [loadPenilaian, loadRekap, loadPleno, loadLaporan, loadPaket, loadVerifikasi, loadCadangan])
    void load().catch(() => undefined);
}

/** The performance mark set once the first screen shows the competitions and takes input (`npm run bench` reads it). */
export const FIRST_SCREEN_READY = 'penilai:first-screen-ready';

let marked = false;

/**
 * Once per page load: the first screen is painted with its data and its buttons take clicks. Called after React
 * committed the list; the mark waits for the frame that shows it (a task after the next animation frame).
 */
function markFirstScreenReady(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark(FIRST_SCREEN_READY);
      prefetchScreens();
    }),
  );
}

const SCREENS: { id: Screen; key: `nav.${Screen}` }[] = [
  { id: 'lomba', key: 'nav.lomba' },
  { id: 'penilaian', key: 'nav.penilaian' },
  { id: 'rekap', key: 'nav.rekap' },
  { id: 'pleno', key: 'nav.pleno' },
  { id: 'laporan', key: 'nav.laporan' },
  { id: 'paket', key: 'nav.paket' },
  { id: 'verifikasi', key: 'nav.verifikasi' },
  { id: 'cadangan', key: 'nav.cadangan' },
];

export function App() {
  const t = useT();
  const { screen, setScreen, lang, info } = useAppStore();
  const detail = useCompetitionStore((s) => s.detail);
  const listed = useCompetitionStore((s) => s.list !== null);
  const guardLeave = useLeaveStore((s) => s.guardLeave);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    if (listed) markFirstScreenReady();
  }, [listed]);

  // The desktop app: a .penilai file opened with it (double-click, "Open with", at launch or later) is taken into the
  // Paket screen's list and the Paket screen shown. (The browser mode has no files opened with it; its Paket screen
  // listens while it is shown.)
  useEffect(() => {
    if (!isDesktop()) return;
    const take = () =>
      void import('./stores/exchange.js').then(async ({ useExchangeStore }) => {
        if (!(await useExchangeStore.getState().takeOpened())) return;
        const { screen: now, setScreen: go } = useAppStore.getState();
        if (now !== 'paket') guardLeave(() => go('paket'));
      });
    take();
    return onEvent('file.opened', (event) => {
      if (event.data.kind === 'package') take();
    });
  }, [guardLeave]);

  // Recovery mode: the database failed the start check and nothing is open (electron/core/backup/host.ts). Only
  // Cadangan is shown, with what is damaged and the newest good backup; the other screens would have no data.
  if (info?.damaged) {
    return (
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="brand-name">{t('app.title')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <LangSwitch />
        </header>
        <main className="content">
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
            <CadanganScreen damage={info.damaged} />
          </Suspense>
        </main>
      </div>
    );
  }

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{detail ? detail.info.name : t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')} className="tabs">
          {SCREENS.map((s) => (
            <button
              key={s.id}
              type="button"
              className={screen === s.id ? 'tab active' : 'tab'}
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => (screen === 'lomba' && s.id !== 'lomba' ? guardLeave(() => setScreen(s.id)) : setScreen(s.id))}
            >
              {t(s.key)}
            </button>
          ))}
        </nav>
        <LangSwitch />
      </header>
      <main className="content">
        <NoticeBar />
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          {screen === 'lomba' && <LombaScreen />}
          {screen === 'penilaian' && <PenilaianScreen />}
          {screen === 'rekap' && <RekapScreen />}
          {screen === 'pleno' && <PlenoScreen />}
          {screen === 'laporan' && <LaporanScreen />}
          {screen === 'paket' && <PaketScreen />}
          {screen === 'verifikasi' && <VerifikasiScreen />}
          {screen === 'cadangan' && <CadanganScreen />}
        </Suspense>
      </main>
      <footer className="statusbar">
        {info ? (
          <span>
            Penilai {info.version} · {t(info.desktop ? 'footer.mode.desktop' : 'footer.mode.web')} ·{' '}
            {t('footer.db', { path: info.database })}
          </span>
        ) : null}
      </footer>
    </div>
  );
}

/** The language buttons (ID / EN). */
function LangSwitch() {
  const t = useT();
  const { lang, setLang } = useAppStore();
  return (
    <div className="lang" role="group" aria-label={t('lang.switch')}>
      {(['id', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          className={lang === l ? 'lang-btn active' : 'lang-btn'}
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

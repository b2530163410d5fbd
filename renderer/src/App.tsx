import { useEffect } from 'react';
import { NoticeBar, useT } from './components/common.js';
import { useAppStore, type Screen } from './stores/app.js';
import { useCompetitionStore } from './stores/competitions.js';
import { useSetupStore } from './stores/setup.js';
import { LaporanScreen } from './screens/LaporanScreen.js';
import { LombaScreen } from './screens/LombaScreen.js';
import { PenilaianScreen } from './screens/PenilaianScreen.js';
import { RekapScreen } from './screens/RekapScreen.js';

const SCREENS: { id: Screen; key: 'nav.lomba' | 'nav.penilaian' | 'nav.rekap' | 'nav.laporan' }[] = [
  { id: 'lomba', key: 'nav.lomba' },
  { id: 'penilaian', key: 'nav.penilaian' },
  { id: 'rekap', key: 'nav.rekap' },
  { id: 'laporan', key: 'nav.laporan' },
];

export function App() {
  const t = useT();
  const { screen, setScreen, lang, setLang, info, loadInfo } = useAppStore();
  const detail = useCompetitionStore((s) => s.detail);
  const loadList = useCompetitionStore((s) => s.loadList);
  const guardLeave = useSetupStore((s) => s.guardLeave);

  useEffect(() => {
    document.documentElement.lang = lang;
    void loadInfo();
    void loadList();
  }, [loadInfo, loadList, lang]);

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
      </header>
      <main className="content">
        <NoticeBar />
        {screen === 'lomba' && <LombaScreen />}
        {screen === 'penilaian' && <PenilaianScreen />}
        {screen === 'rekap' && <RekapScreen />}
        {screen === 'laporan' && <LaporanScreen />}
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

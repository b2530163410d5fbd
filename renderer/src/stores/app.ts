/** Interface state: language, screen, the open competition, and the last message to the user. */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import type { UiLang } from '../i18n.js';

export type Screen = 'lomba' | 'penilaian' | 'rekap' | 'pleno' | 'laporan' | 'paket' | 'verifikasi' | 'cadangan';

export type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: AppError } | null;

/**
 * Where the person was on Penilaian (remembered on this laptop, so that a reload or a restart comes back to it):
 * the juror's sheet or the paper-sheet grid, the juror, the site and the indicator in focus.
 */
export interface Place {
  competition: string;
  mode: 'juri' | 'ketik';
  juror: string | null;
  site: string | null;
  indicator: string | null;
}

interface AppState {
  lang: UiLang;
  screen: Screen;
  info: AppInfo | null;
  competition: string | null;
  notice: Notice;
  place: Place | null;
  /** Remembers a change of place (merged into the place of the open competition). */
  remember(change: Partial<Omit<Place, 'competition'>>): void;
  setLang(lang: UiLang): void;
  setScreen(screen: Screen): void;
  setCompetition(code: string | null): void;
  setNotice(notice: Notice): void;
  loadInfo(): Promise<void>;
}

const LANG_KEY = 'penilai.lang';
const COMPETITION_KEY = 'penilai.competition';
const SCREEN_KEY = 'penilai.screen';
const PLACE_KEY = 'penilai.place';
const SCREENS: readonly Screen[] = ['lomba', 'penilaian', 'rekap', 'pleno', 'laporan', 'paket', 'verifikasi', 'cadangan'];

function storedScreen(): Screen {
  // An address into Rekap's drill-down (#/rekap/S02/A) opens Rekap (renderer/src/screens/rekap/path.ts).
  if (window.location.hash.startsWith('#/rekap')) return 'rekap';
  // Verifikasi dokumen has its own address (#/verifikasi), to open it directly.
  if (window.location.hash.startsWith('#/verifikasi')) return 'verifikasi';
  const found = localStorage.getItem(SCREEN_KEY);
  return SCREENS.find((s) => s === found) ?? 'lomba';
}

function storedPlace(): Place | null {
  try {
    const found = JSON.parse(localStorage.getItem(PLACE_KEY) ?? 'null') as Partial<Place> | null;
    if (!found || typeof found.competition !== 'string') return null;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    return {
      competition: found.competition,
      mode: found.mode === 'ketik' ? 'ketik' : 'juri',
      juror: text(found.juror),
      site: text(found.site),
      indicator: text(found.indicator),
    };
  } catch {
    return null;
  }
}

function storedLang(): UiLang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

export const useAppStore = create<AppState>((set, get) => ({
  lang: storedLang(),
  screen: storedScreen(),
  info: null,
  competition: localStorage.getItem(COMPETITION_KEY),
  notice: null,
  place: storedPlace(),
  remember: (change) => {
    const competition = get().competition;
    if (!competition) return;
    const before = get().place;
    const base: Place =
      before && before.competition === competition ? before : { competition, mode: 'juri', juror: null, site: null, indicator: null };
    const place = { ...base, ...change };
    localStorage.setItem(PLACE_KEY, JSON.stringify(place));
    // The indicator in focus changes with every move of the keyboard: kept without re-rendering the screens (it is
    // only read when the sheet is opened again).
    if (before === base && Object.keys(change).every((k) => k === 'indicator')) before.indicator = place.indicator;
    else set({ place });
  },
  setLang: (lang) => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
  setScreen: (screen) => {
    localStorage.setItem(SCREEN_KEY, screen);
    if (screen !== 'rekap' && window.location.hash.startsWith('#/rekap'))
      history.replaceState(null, '', window.location.pathname + window.location.search);
    if (screen !== 'verifikasi' && window.location.hash.startsWith('#/verifikasi'))
      history.replaceState(null, '', window.location.pathname + window.location.search);
    set({ screen, notice: null });
  },
  setCompetition: (competition) => {
    if (competition) localStorage.setItem(COMPETITION_KEY, competition);
    else localStorage.removeItem(COMPETITION_KEY);
    set({ competition });
  },
  setNotice: (notice) => set({ notice }),
  loadInfo: async () => {
    const result = await call('app.info', {});
    if (result.ok) set({ info: result.value });
    else set({ notice: { kind: 'error', error: result.error } });
  },
}));

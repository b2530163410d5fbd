/** Interface state: language, screen, the open competition, and the last message to the user. */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import type { UiLang } from '../i18n.js';

export type Screen = 'lomba' | 'penilaian' | 'rekap' | 'laporan';

export type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: AppError } | null;

interface AppState {
  lang: UiLang;
  screen: Screen;
  info: AppInfo | null;
  competition: string | null;
  notice: Notice;
  setLang(lang: UiLang): void;
  setScreen(screen: Screen): void;
  setCompetition(code: string | null): void;
  setNotice(notice: Notice): void;
  loadInfo(): Promise<void>;
}

const LANG_KEY = 'penilai.lang';
const COMPETITION_KEY = 'penilai.competition';

function storedLang(): UiLang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

export const useAppStore = create<AppState>((set) => ({
  lang: storedLang(),
  screen: 'lomba',
  info: null,
  competition: localStorage.getItem(COMPETITION_KEY),
  notice: null,
  setLang: (lang) => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
  setScreen: (screen) => set({ screen, notice: null }),
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

/**
 * Packages between laptops (the Paket screen): this laptop's key, the packages received (each planned first, then
 * applied), the open conflicts and the board of jurors × sites of the open competition.
 */
import { create } from 'zustand';
import type { Board, Conflict, ImportPlan } from '../../../shared/contract/exchange.js';
import type { AppError } from '../../../shared/domain/errors.js';
import { call } from '../api.js';
import { useAppStore } from './app.js';
import { useCompetitionStore } from './competitions.js';

export interface Identity {
  device: { id: string; fingerprint: string };
  reportsTo: { device: string; fingerprint: string; created: string } | null;
}

/** One package received on this screen: its plan (or why it was refused), then what applying it did. */
export interface Received {
  id: number;
  name: string;
  bytes: Uint8Array;
  state: 'checking' | 'planned' | 'refused' | 'applying' | 'applied';
  plan: ImportPlan | null;
  error: AppError | null;
  /** A package held for a new laptop: the fingerprint the secretariat accepted after comparing it. */
  acceptKey: string | null;
}

interface ExchangeState {
  identity: Identity | null;
  board: Board | null;
  conflicts: Conflict[];
  received: Received[];
  loadIdentity(competition: string | null): Promise<void>;
  /** The board and the open conflicts of the open competition. */
  refresh(competition: string | null): Promise<void>;
  receive(files: { name: string; bytes: Uint8Array }[]): Promise<void>;
  /** Plans a held package again with the new laptop's key accepted. */
  acceptNewLaptop(id: number, fingerprint: string): Promise<void>;
  apply(id: number): Promise<void>;
  dismiss(id: number): void;
  /** Takes the packages opened with the app (double-click, "Open with") and plans each. */
  takeOpened(): Promise<boolean>;
  resolve(competition: string, ids: number[], choice: 'local' | 'incoming'): Promise<AppError | null>;
}

let nextId = 1;

/** A refusal for who is at the laptop (the secretariat's session is not open), not for the package. */
function isRoleRefusal(error: AppError): boolean {
  return error.code === 'forbidden' && error.key.startsWith('session.');
}

function fail(error: AppError): void {
  useAppStore.getState().setNotice({ kind: 'error', error });
}

export const useExchangeStore = create<ExchangeState>((set, get) => {
  const update = (id: number, change: Partial<Received>) =>
    set({ received: get().received.map((r) => (r.id === id ? { ...r, ...change } : r)) });

  async function plan(id: number): Promise<void> {
    const item = get().received.find((r) => r.id === id);
    if (!item) return;
    const result = await call('exchange.plan', {
      name: item.name,
      bytes: item.bytes,
      ...(item.acceptKey ? { acceptKey: item.acceptKey } : {}),
    });
    if (result.ok) update(id, { state: 'planned', plan: result.value, error: null });
    else update(id, { state: 'refused', plan: null, error: result.error });
  }

  return {
    identity: null,
    board: null,
    conflicts: [],
    received: [],
    loadIdentity: async (competition) => {
      const result = await call('exchange.identity', competition ? { competition } : {});
      if (result.ok) set({ identity: result.value });
      else fail(result.error);
    },
    refresh: async (competition) => {
      if (!competition) return set({ board: null, conflicts: [] });
      const [board, conflicts] = await Promise.all([call('exchange.board', { competition }), call('exchange.conflicts', { competition })]);
      if (!board.ok) return fail(board.error);
      if (!conflicts.ok) return fail(conflicts.error);
      set({ board: board.value, conflicts: conflicts.value });
    },
    receive: async (files) => {
      const added: Received[] = files.map((f) => ({
        id: nextId++,
        name: f.name,
        bytes: f.bytes,
        state: 'checking',
        plan: null,
        error: null,
        acceptKey: null,
      }));
      // The newest on top; the same file received again replaces its earlier row.
      const names = new Set(files.map((f) => f.name));
      set({ received: [...added, ...get().received.filter((r) => !names.has(r.name))] });
      for (const r of added) await plan(r.id);
    },
    acceptNewLaptop: async (id, fingerprint) => {
      const held = get().received.find((r) => r.id === id)?.error ?? null;
      update(id, { acceptKey: fingerprint, state: 'checking' });
      await plan(id);
      // Refused for the role (the secretariat's session ended meanwhile): held again as it was, the reason said.
      const now = get().received.find((r) => r.id === id);
      if (held && now?.state === 'refused' && now.error && isRoleRefusal(now.error)) {
        update(id, { acceptKey: null, error: held });
        fail(now.error);
      }
    },
    apply: async (id) => {
      const item = get().received.find((r) => r.id === id);
      if (!item || !item.plan) return;
      update(id, { state: 'applying' });
      const result = await call('exchange.apply', {
        name: item.name,
        bytes: item.bytes,
        ...(item.acceptKey ? { acceptKey: item.acceptKey } : {}),
      });
      if (!result.ok) {
        // Refused for the role (the session ended between the plan and "Terapkan"): the plan stays, the reason said.
        if (isRoleRefusal(result.error)) {
          update(id, { state: 'planned' });
          return fail(result.error);
        }
        return update(id, { state: 'refused', error: result.error });
      }
      const code = result.value.competition.code;
      // The board is brought up to date before the card says "applied", so what the card says and what the board
      // shows agree the moment the secretariat looks.
      if (result.value.kind !== 'setup' && useAppStore.getState().competition === code) await get().refresh(code);
      update(id, { state: 'applied', plan: result.value, error: null });
      if (result.value.kind === 'setup') {
        const competitions = useCompetitionStore.getState();
        // A laptop set up from the secretariat's package: the competition is here now, and opened.
        await competitions.loadList();
        await competitions.open(code);
        await get().loadIdentity(code);
        if (useAppStore.getState().competition === code) await get().refresh(code);
      }
    },
    dismiss: (id) => set({ received: get().received.filter((r) => r.id !== id) }),
    takeOpened: async () => {
      const result = await call('app.openedFiles', { kind: 'package' });
      if (!result.ok) {
        fail(result.error);
        return false;
      }
      if (result.value.length === 0) return false;
      await get().receive(result.value);
      return true;
    },
    resolve: async (competition, ids, choice) => {
      const result = await call('exchange.resolve', { competition, ids, choice });
      if (!result.ok) return result.error;
      await get().refresh(competition);
      return null;
    },
  };
});

/**
 * The session rules over the core's state and repositories: who may write a sheet (`writerFor`), the idle lock by
 * the core's clock, the secretariat's session for paper-sheet entry, and what the laptop shows of the session.
 * Apart from `state.ts` (the session itself and PINs), which `Deps` names: so nothing imports in a circle.
 */
import type { SessionInfo } from '../../../shared/contract/schemas.js';
import { lockAfterMs } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';
import type { Deps } from '../deps.js';

/**
 * The actor of a write to a juror's sheet: `sekretariat` for entry mode; otherwise the juror, who must hold this
 * laptop's session when they have a PIN, and whom another juror's open session may not write for.
 */
export function writerFor(
  deps: Pick<Deps, 'session' | 'repos' | 'clock'>,
  competition: string,
  juror: string,
  entry: boolean | undefined,
): string {
  if (entry) {
    requireSecretariat(deps, competition);
    return SECRETARIAT;
  }
  expireIdle(deps);
  const current = deps.session.current;
  if (current && current.competition === competition && current.juror === juror) {
    if (current.locked) throw new UserError('session.idle', { juror }, 'forbidden');
    current.lastActive = deps.clock().getTime();
    return juror;
  }
  if (current) throw new UserError('session.otherJuror', { juror, current: current.juror }, 'forbidden');
  if (deps.repos.scoring.juror(competition, juror).pinHash !== null) throw new UserError('session.required', { juror }, 'forbidden');
  return juror;
}

/** The competition's idle limit, or null when the competition is gone. */
function idleLimit(deps: Pick<Deps, 'repos'>, competition: string): number | null {
  return deps.repos.setup.hasCompetition(competition) ? lockAfterMs(deps.repos.setup.rules(competition)) : null;
}

/**
 * Applies the idle rule by the core's clock: a juror's session unused for longer than the limit locks (a juror
 * with a PIN) or ends (a juror without one); the secretariat's ends.
 */
export function expireIdle(deps: Pick<Deps, 'session' | 'repos' | 'clock'>): void {
  const now = deps.clock().getTime();
  const { current, secretariat } = deps.session;
  if (current && !current.locked) {
    const limit = idleLimit(deps, current.competition);
    if (limit === null) deps.session.current = null;
    else if (now - current.lastActive > limit) lockSession(deps);
  }
  if (secretariat) {
    const limit = idleLimit(deps, secretariat.competition);
    if (limit === null || now - secretariat.lastActive > limit) deps.session.secretariat = null;
  }
}

/** Locks the juror's session now: asked for the PIN again, or, for a juror without a PIN, ended. */
export function lockSession(deps: Pick<Deps, 'session' | 'repos'>): void {
  const current = deps.session.current;
  if (!current) return;
  let pinHash: string | null = null;
  try {
    pinHash = deps.repos.scoring.juror(current.competition, current.juror).pinHash;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  if (pinHash === null) deps.session.current = null;
  else current.locked = true;
}

/** What only the secretariat may do: each has its own refusal, naming the task. */
export type SecretariatTask = 'entry' | 'import' | 'pin' | 'reopen' | 'conflicts' | 'laptop' | 'notes' | 'setup' | 'pleno';

const REQUIRED = {
  entry: 'session.secretariatRequired',
  import: 'session.secretariatForImport',
  pin: 'session.secretariatForPin',
  reopen: 'session.secretariatForReopen',
  conflicts: 'session.secretariatForConflicts',
  laptop: 'session.secretariatForLaptop',
  notes: 'session.secretariatForNotes',
  setup: 'session.secretariatForSetup',
  pleno: 'session.secretariatForPleno',
} as const;

/**
 * Refuses a secretariat's task (typing paper sheets, setting or resetting someone's PIN, reopening someone else's
 * sheet, importing jurors' scores from a file, resolving a package's conflicts, accepting a juror's new laptop,
 * releasing jurors' notes to a site, changing or deleting the competition, deciding, locking or reopening the
 * plenary's result) unless the secretariat's session for this competition is open on this laptop (and in use), or
 * the core is the command line's (`session.operator`: its operator holds the database file itself; docs/security.md
 * "Roles"). Changing the competition (`setup`) is anyone's while it has no secretariat PIN yet: its first setup.
 */
export function requireSecretariat(
  deps: Pick<Deps, 'session' | 'repos' | 'clock'>,
  competition: string,
  task: SecretariatTask = 'entry',
): void {
  if (deps.session.operator) return;
  expireIdle(deps);
  const open = deps.session.secretariat;
  if (open && open.competition === competition) {
    open.lastActive = deps.clock().getTime();
    return;
  }
  if (deps.repos.setup.secretariatPinHash(competition) === null) {
    if (task === 'setup') return;
    throw new UserError('session.secretariatNoPin', {}, 'forbidden');
  }
  throw new UserError(REQUIRED[task], {}, 'forbidden');
}

export function sessionInfo(deps: Deps): SessionInfo | null {
  expireIdle(deps);
  const current = deps.session.current;
  if (!current) return null;
  try {
    const { name } = deps.repos.scoring.juror(current.competition, current.juror);
    return { competition: current.competition, juror: current.juror, name, locked: current.locked };
  } catch (error) {
    // The juror or the competition is gone (setup changed): nobody is signed in any more.
    if (!(error instanceof UserError)) throw error;
    deps.session.current = null;
    return null;
  }
}

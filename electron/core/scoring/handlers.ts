/**
 * The scoring channels: a juror's sheet (scores, notes, household checklists, undo, review, finalise with a drawn
 * signature, reopen with a reason), the grid of one juror's scores, progress and history. Who may write is the
 * session's rule (../session/state.ts); the repository checks the sheet's rules and writes through the ledger.
 */
import { UserError } from '../../../shared/domain/errors.js';
import type { HandlerGroup } from '../deps.js';
import { importScores } from './import-scores.js';
import { isPng, SECRETARIAT } from './repository.js';

export const scoringHandlers = {
  'scoring.sheet': ({ competition, juror, site }, { repos }) => repos.scoring.sheet({ competition, juror, site }),

  // One durable commit per call: the repository's transaction commits (WAL, synchronous=FULL) before this returns.
  'scoring.setScore': ({ competition, juror, site, indicator, value, reason, entry }, deps) =>
    deps.repos.scoring.setScore({ competition, juror, site, indicator, value, reason, actor: deps.writer(competition, juror, entry) }),

  'scoring.progress': ({ competition, juror }, { repos }) => repos.scoring.progress(competition, juror),

  'scoring.setNote': ({ competition, juror, site, indicator, note, entry }, deps) =>
    deps.repos.scoring.setNote({ competition, juror, site, indicator, note, actor: deps.writer(competition, juror, entry) }),

  'scoring.setHousehold': ({ competition, juror, site, indicator, answers, reason }, deps) =>
    deps.repos.scoring.setHousehold({
      competition,
      juror,
      site,
      indicator,
      answers,
      reason,
      actor: deps.writer(competition, juror, false),
    }),

  'scoring.undo': ({ competition, juror, site }, deps) =>
    deps.repos.scoring.undo({ competition, juror, site, actor: deps.writer(competition, juror, false) }),

  'scoring.review': ({ competition, juror, site }, { repos }) => ({ problems: repos.scoring.review({ competition, juror, site }) }),

  'scoring.finalise': async ({ competition, juror, site, signature, pin }, deps) => {
    const { pinHash } = deps.repos.scoring.juror(competition, juror);
    // What needs no PIN is refused first, so that a juror does not spend PIN attempts on an incomplete sheet.
    const problems = deps.repos.scoring.review({ competition, juror, site });
    if (problems.length > 0) throw new UserError('sheet.incomplete', { juror, site, count: problems.length }, 'conflict');
    if (!isPng(signature)) throw new UserError('sheet.badSignature', {}, 'invalid', 'signature');
    if (pinHash !== null) await deps.session.checkPin(deps.clock, competition, juror, pinHash, pin);
    else deps.writer(competition, juror, false);
    return deps.repos.scoring.finalise({ competition, juror, site, signature, actor: juror });
  },

  'scoring.reopen': ({ competition, juror, site, reason }, deps) => {
    const current = deps.session.current;
    const own = current && !current.locked && current.competition === competition && current.juror === juror;
    // Reopening someone else's sheet is the secretariat's: its session must be open on this laptop.
    if (!own) deps.secretariat(competition, 'reopen');
    return deps.repos.scoring.reopen({ competition, juror, site, reason, actor: own ? juror : SECRETARIAT });
  },

  'scoring.grid': ({ competition, juror }, { repos }) => repos.scoring.grid(competition, juror),

  'scoring.history': ({ competition, juror, site, indicator }, { repos }) => {
    if (!repos.setup.hasCompetition(competition)) throw new UserError('competition.notFound', { code: competition }, 'not-found');
    return repos.scoring.history({ competition, juror, site, indicator });
  },

  // Importing jurors' scores from a file writes other people's sheets: the secretariat's, in its session.
  'scoring.importScores': ({ competition, name, bytes }, deps) => {
    deps.secretariat(competition, 'import');
    return importScores(deps.repos, competition, { name, bytes });
  },
} satisfies HandlerGroup;

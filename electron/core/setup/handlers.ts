/**
 * The setup channels: competitions (list, create, demo, save identity/rules/sites/jurors, archive, delete), the
 * competition's instrument version, the competition file in and out, and sites and jurors from spreadsheets (a
 * preview: rows and every issue by sheet, row and column; nothing is stored) and back. The logic lives in the
 * repository and ./services.ts, shared with the CLI. Formats: docs/contract.md section 2, docs/spreadsheets.md.
 */
import type { CompetitionFile } from '../../../shared/domain/competition.js';
import { COMPETITION_FORMAT, DEFAULT_RULES, parseCompetitionFile } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { ValidationError } from '../../../shared/domain/validation.js';
import type { HandlerGroup } from '../deps.js';
import { loadDefaultInstrument } from '../platform/resources.js';
import { exportJurors, parseJurorsFile } from './jurors-file.js';
import {
  competitionFileBytes,
  createDemo,
  exportCompetition,
  competitionFromBytes,
  importCompetition,
  saveCompetitionInstrument,
} from './services.js';
import { exportSites, parseSitesFile } from './sites-file.js';

export const setupHandlers = {
  'setup.list': ({ includeArchived }, { repos }) => repos.setup.listCompetitions(includeArchived ?? false),

  'setup.get': ({ code }, { repos }) => repos.setup.loadCompetition(code),

  'setup.create': (args, { repos, resources }) => {
    // A competition with default rules, on a stored instrument version when one is named, else on the default one;
    // the rest of the setup is edited afterwards (setup.save).
    let instrument = loadDefaultInstrument(resources);
    if (args.instrument) {
      const { code, version } = args.instrument;
      const stored = repos.instruments.findInstrument(code, version);
      if (!stored) throw new UserError('instrument.notFound', { code, version }, 'not-found', 'instrument');
      instrument = stored;
    }
    const candidate: CompetitionFile = {
      format: COMPETITION_FORMAT,
      // Field verification breaks ties when the instrument has that phase (the default one does).
      competition: {
        ...args.competition,
        rules: { ...DEFAULT_RULES, tieBreak: instrument.phases.some((p) => p.code === 'LAP') ? ['phase:LAP'] : [] },
      },
      instrument,
      sites: args.sites,
      jurors: args.jurors,
    };
    const parsed = parseCompetitionFile(candidate);
    if (!parsed.ok) throw new ValidationError(parsed.issues);
    repos.setup.createCompetition(parsed.value);
    return repos.setup.summary(parsed.value.competition.code);
  },

  'setup.createDemo': (options, { repos, resources }) => {
    const { file } = createDemo(repos, resources, options);
    return repos.setup.summary(file.competition.code);
  },

  // Changing a competition (its rules, sites, jurors, instrument) or deleting it is the secretariat's once the
  // competition has a secretariat PIN; before that, its first setup is anyone's.
  'setup.save': ({ code, competition, sites, jurors }, { repos, secretariat }) => {
    secretariat(code, 'setup');
    repos.setup.saveCompetition(code, competition, sites, jurors);
    return repos.setup.loadCompetition(code);
  },

  'setup.saveInstrument': ({ competition, instrument, asNewVersion }, { repos, resources, secretariat }) => {
    secretariat(competition, 'setup');
    return saveCompetitionInstrument(repos, resources, competition, instrument, asNewVersion);
  },

  'setup.export': ({ code }, { repos }) => competitionFileBytes(exportCompetition(repos, code)),

  'setup.import': ({ name, bytes }, { repos, resources }) => {
    const file = competitionFromBytes(name, bytes);
    importCompetition(repos, resources, file);
    return repos.setup.summary(file.competition.code);
  },

  'setup.archive': ({ code, archived }, { repos }) => {
    repos.setup.setArchived(code, archived);
    return repos.setup.summary(code);
  },

  'setup.usage': ({ code }, { repos }) => ({ code, name: repos.setup.summary(code).name, ...repos.setup.competitionUsage(code) }),

  'setup.delete': ({ code, confirm }, deps) => {
    const { name } = deps.repos.setup.summary(code);
    deps.secretariat(code, 'setup');
    // The person typed the code to confirm; anything else deletes nothing.
    if (confirm.trim() !== code) throw new UserError('competition.deleteConfirm', { code }, 'invalid');
    // A locked result is the jury's decision of record: it is not deleted while locked.
    deps.repos.pleno.requireUnlocked(code);
    const usage = deps.repos.setup.deleteCompetition(code);
    if (deps.session.current?.competition === code) deps.session.current = null;
    if (deps.session.secretariat?.competition === code) deps.session.secretariat = null;
    return { code, name, ...usage };
  },

  'setup.parseSites': (file) => parseSitesFile(file),

  'setup.exportSites': ({ competition, format }, { repos }) =>
    exportSites(repos.setup.loadCompetition(competition).sites, format, competition),

  'setup.parseJurors': (file) => parseJurorsFile(file),

  'setup.exportJurors': ({ competition, format }, { repos }) =>
    exportJurors(repos.setup.loadCompetition(competition).jurors, format, competition),
} satisfies HandlerGroup;

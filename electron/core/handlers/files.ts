/**
 * Files in and out: sites and jurors from .xlsx/.csv (a preview: rows and every issue by sheet, row and column;
 * nothing is stored), their export, and the instrument as `penilai.instrument/1` JSON or the .xlsx template
 * (import only reads; the editor saves through `competition.saveInstrument`). Formats: docs/spreadsheets.md.
 */
import { UserError } from '../../../shared/domain/errors.js';
import { instrumentJsonFile, instrumentTemplateFile, instrumentXlsxFile, readInstrumentFile } from '../spreadsheets/instrument-file.js';
import { exportJurors, parseJurorsFile } from '../spreadsheets/jurors.js';
import { exportSites, parseSitesFile } from '../spreadsheets/sites.js';
import type { Handler } from './index.js';

export const fileHandlers: {
  'instrument.import': Handler<'instrument.import'>;
  'instrument.export': Handler<'instrument.export'>;
  'instrument.template': Handler<'instrument.template'>;
  'sites.parse': Handler<'sites.parse'>;
  'sites.export': Handler<'sites.export'>;
  'jurors.parse': Handler<'jurors.parse'>;
  'jurors.export': Handler<'jurors.export'>;
} = {
  'instrument.import': (file) => readInstrumentFile(file),

  'instrument.export': ({ code, version, format }, { store }) => {
    const instrument = store.findInstrument(code, version);
    if (!instrument) throw new UserError('file.instrumentNotFound', { code, version }, 'not-found');
    return format === 'json' ? instrumentJsonFile(instrument) : instrumentXlsxFile(instrument);
  },

  'instrument.template': () => instrumentTemplateFile(),

  'sites.parse': (file) => parseSitesFile(file),

  'sites.export': ({ competition, format }, { store }) => exportSites(store.loadCompetition(competition).sites, format, competition),

  'jurors.parse': (file) => parseJurorsFile(file),

  'jurors.export': ({ competition, format }, { store }) => exportJurors(store.loadCompetition(competition).jurors, format, competition),
};

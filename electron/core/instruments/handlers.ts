/**
 * The instruments channels: the stored versions, one version, the instrument as `penilai.instrument/1` JSON or the
 * .xlsx template in and out (import only reads; the editor saves through `setup.saveInstrument`).
 */
import { UserError } from '../../../shared/domain/errors.js';
import type { HandlerGroup } from '../deps.js';
import { instrumentJsonFile, instrumentTemplateFile, instrumentXlsxFile, readInstrumentFile } from './instrument-file.js';

export const instrumentHandlers = {
  'instruments.list': (_args, { repos }) => repos.instruments.instrumentSummaries(),

  'instruments.get': ({ code, version }, { repos }) => {
    const found = repos.instruments.findInstrument(code, version);
    if (!found) throw new UserError('instrument.notFound', { code, version }, 'not-found');
    return found;
  },

  'instruments.import': (file) => readInstrumentFile(file),

  'instruments.export': ({ code, version, format }, { repos }) => {
    const instrument = repos.instruments.findInstrument(code, version);
    if (!instrument) throw new UserError('file.instrumentNotFound', { code, version }, 'not-found');
    return format === 'json' ? instrumentJsonFile(instrument) : instrumentXlsxFile(instrument);
  },

  'instruments.template': () => instrumentTemplateFile(),
} satisfies HandlerGroup;

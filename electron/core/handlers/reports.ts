import { UserError } from '../../../shared/domain/errors.js';
import { renderDocument } from '../reports/render.js';
import type { Handler } from './index.js';

export const reportHandlers: {
  'report.render': Handler<'report.render'>;
  'file.save': Handler<'file.save'>;
} = {
  'report.render': ({ competition, doc }, { store, renderPdf, clock }) => renderDocument(store, renderPdf, competition, doc, clock()),

  'file.save': async ({ name, bytes }, { dialogs }) => {
    if (!dialogs) throw new UserError('error.unsupported', {}, 'invalid');
    const path = await dialogs.saveFile(name, bytes);
    return { saved: path !== null, path };
  },
};

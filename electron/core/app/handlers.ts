/** The app channels: what this app is (version, schema, database), and saving a file through the user's own dialog. */
import { UserError } from '../../../shared/domain/errors.js';
import type { HandlerGroup } from '../deps.js';
import { SCHEMA_VERSION } from '../platform/migrations/index.js';

export const appHandlers = {
  'app.info': (_args, deps) => ({ version: deps.version, schemaVersion: SCHEMA_VERSION, database: deps.database, desktop: deps.desktop }),

  'app.saveFile': async ({ name, bytes }, { dialogs }) => {
    if (!dialogs) throw new UserError('error.unsupported', {}, 'invalid');
    const path = await dialogs.saveFile(name, bytes);
    return { saved: path !== null, path };
  },

  'app.openedFiles': ({ kind }, { opened }) => opened.take(kind),
} satisfies HandlerGroup;

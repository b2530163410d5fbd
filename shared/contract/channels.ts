/**
 * The names of every channel between the renderer and the main process. Kept free of zod so that the
 * sandboxed preload can import it cheaply; `schemas.ts` gives each name its argument schema and result type.
 */
export const CHANNELS = [
  'app.info',
  'setup.list',
  'setup.get',
  'setup.create',
  'setup.createDemo',
  'setup.save',
  'setup.saveInstrument',
  'setup.export',
  'setup.import',
  'setup.archive',
  'setup.usage',
  'setup.delete',
  'instruments.list',
  'instruments.get',
  'instruments.import',
  'instruments.export',
  'instruments.template',
  'setup.parseSites',
  'setup.exportSites',
  'setup.parseJurors',
  'setup.exportJurors',
  'session.get',
  'session.enter',
  'session.leave',
  'session.lock',
  'session.touch',
  'session.secretariat',
  'session.enterSecretariat',
  'session.leaveSecretariat',
  'session.setSecretariatPin',
  'session.setJurorPin',
  'scoring.progress',
  'scoring.sheet',
  'scoring.setScore',
  'scoring.setNote',
  'scoring.setHousehold',
  'scoring.undo',
  'scoring.review',
  'scoring.finalise',
  'scoring.reopen',
  'scoring.grid',
  'scoring.history',
  'scoring.importScores',
  'evidence.add',
  'evidence.get',
  'evidence.remove',
  'compile.ranking',
  'compile.site',
  'documents.render',
  'documents.lookup',
  'documents.workbook',
  'documents.notes',
  'documents.releaseNotes',
  'documents.save',
  'documents.print',
  'documents.cancel',
  'audit.verify',
  'exchange.inspect',
  'exchange.identity',
  'exchange.setupPackage',
  'exchange.exportScores',
  'exchange.plan',
  'exchange.apply',
  'exchange.conflicts',
  'exchange.resolve',
  'exchange.board',
  'pleno.status',
  'pleno.open',
  'pleno.decide',
  'pleno.lock',
  'pleno.reopen',
  'analysis.agreement',
  'analysis.sensitivity',
  'analysis.views',
  'signatures.verify',
  'signatures.sign',
  'signatures.newKey',
  'signatures.trusted',
  'signatures.trust',
  'signatures.untrust',
  'app.saveFile',
  'app.openedFiles',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/** The name of the object the preload exposes on `window`. */
export const BRIDGE_GLOBAL = 'penilai';

/** The IPC channel name of a contract channel (prefixed so nothing else in Electron collides with it). */
export function ipcName(channel: Channel): string {
  return `penilai:${channel}`;
}

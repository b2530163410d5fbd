/**
 * The names of every channel between the renderer and the main process. Kept free of zod so that the
 * sandboxed preload can import it cheaply; `schemas.ts` gives each name its argument schema and result type.
 */
export const CHANNELS = [
  'app.info',
  'competition.list',
  'competition.get',
  'competition.create',
  'competition.createDemo',
  'competition.save',
  'competition.saveInstrument',
  'competition.export',
  'competition.import',
  'competition.archive',
  'competition.usage',
  'competition.delete',
  'instrument.list',
  'instrument.get',
  'instrument.import',
  'instrument.export',
  'instrument.template',
  'sites.parse',
  'sites.export',
  'jurors.parse',
  'jurors.export',
  'session.get',
  'session.enter',
  'session.leave',
  'session.lock',
  'session.touch',
  'session.secretariat',
  'session.enterSecretariat',
  'session.leaveSecretariat',
  'secretariat.setPin',
  'juror.setPin',
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
  'evidence.add',
  'evidence.get',
  'evidence.remove',
  'ranking.get',
  'report.render',
  'file.save',
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

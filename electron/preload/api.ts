/**
 * What the preload exposes: one function per contract channel, each forwarding its one argument to the main
 * process. Never `ipcRenderer` itself, never a generic `send(channel, ...)`. The object `satisfies PenilaiApi`,
 * so a channel added to the contract and missing here (or one here that is not in the contract) fails `tsc`.
 *
 * Only `channels.ts` is imported as a value: the sandboxed preload is a small CommonJS bundle without zod.
 */
import type { IpcRenderer } from 'electron';
import { ipcName, type Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults, PenilaiApi, Result } from '../../shared/contract/schemas.js';

export function buildPreloadApi(ipcRenderer: Pick<IpcRenderer, 'invoke'>): Readonly<PenilaiApi> {
  const call =
    <C extends Channel>(channel: C) =>
    (input: ChannelInput<C>): Promise<Result<ChannelResults[C]>> =>
      ipcRenderer.invoke(ipcName(channel), input);

  const api = {
    'app.info': call('app.info'),
    'setup.list': call('setup.list'),
    'setup.get': call('setup.get'),
    'setup.create': call('setup.create'),
    'setup.createDemo': call('setup.createDemo'),
    'setup.save': call('setup.save'),
    'setup.saveInstrument': call('setup.saveInstrument'),
    'setup.export': call('setup.export'),
    'setup.import': call('setup.import'),
    'setup.archive': call('setup.archive'),
    'setup.usage': call('setup.usage'),
    'setup.delete': call('setup.delete'),
    'instruments.list': call('instruments.list'),
    'instruments.get': call('instruments.get'),
    'instruments.import': call('instruments.import'),
    'instruments.export': call('instruments.export'),
    'instruments.template': call('instruments.template'),
    'setup.parseSites': call('setup.parseSites'),
    'setup.exportSites': call('setup.exportSites'),
    'setup.parseJurors': call('setup.parseJurors'),
    'setup.exportJurors': call('setup.exportJurors'),
    'scoring.sheet': call('scoring.sheet'),
    'scoring.setScore': call('scoring.setScore'),
    'session.get': call('session.get'),
    'session.enter': call('session.enter'),
    'session.leave': call('session.leave'),
    'session.lock': call('session.lock'),
    'session.touch': call('session.touch'),
    'session.secretariat': call('session.secretariat'),
    'session.enterSecretariat': call('session.enterSecretariat'),
    'session.leaveSecretariat': call('session.leaveSecretariat'),
    'session.setSecretariatPin': call('session.setSecretariatPin'),
    'session.setJurorPin': call('session.setJurorPin'),
    'scoring.progress': call('scoring.progress'),
    'scoring.setNote': call('scoring.setNote'),
    'scoring.setHousehold': call('scoring.setHousehold'),
    'scoring.undo': call('scoring.undo'),
    'scoring.review': call('scoring.review'),
    'scoring.finalise': call('scoring.finalise'),
    'scoring.reopen': call('scoring.reopen'),
    'scoring.grid': call('scoring.grid'),
    'scoring.history': call('scoring.history'),
    'evidence.add': call('evidence.add'),
    'evidence.get': call('evidence.get'),
    'evidence.remove': call('evidence.remove'),
    'compile.ranking': call('compile.ranking'),
    'documents.render': call('documents.render'),
    'app.saveFile': call('app.saveFile'),
  } satisfies PenilaiApi;

  return Object.freeze(api);
}

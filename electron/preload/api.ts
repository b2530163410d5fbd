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
    'competition.list': call('competition.list'),
    'competition.get': call('competition.get'),
    'competition.create': call('competition.create'),
    'competition.createDemo': call('competition.createDemo'),
    'competition.save': call('competition.save'),
    'competition.saveInstrument': call('competition.saveInstrument'),
    'competition.export': call('competition.export'),
    'competition.import': call('competition.import'),
    'competition.archive': call('competition.archive'),
    'competition.usage': call('competition.usage'),
    'competition.delete': call('competition.delete'),
    'instrument.list': call('instrument.list'),
    'instrument.get': call('instrument.get'),
    'instrument.import': call('instrument.import'),
    'instrument.export': call('instrument.export'),
    'instrument.template': call('instrument.template'),
    'sites.parse': call('sites.parse'),
    'sites.export': call('sites.export'),
    'jurors.parse': call('jurors.parse'),
    'jurors.export': call('jurors.export'),
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
    'secretariat.setPin': call('secretariat.setPin'),
    'juror.setPin': call('juror.setPin'),
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
    'ranking.get': call('ranking.get'),
    'report.render': call('report.render'),
    'file.save': call('file.save'),
  } satisfies PenilaiApi;

  return Object.freeze(api);
}

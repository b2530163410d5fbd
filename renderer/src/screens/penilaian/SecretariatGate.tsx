/**
 * "Ketik lembar kertas" is the secretariat's task: the grid shows only in the secretariat's session, opened with the
 * competition's secretariat PIN (set in Lomba › Juri). Without one set, it says so and where to set it. The session
 * itself is the one the Paket and Pleno screens use (components/SecretariatSession.tsx), in this screen's words.
 */
import type { ReactNode } from 'react';
import { useT } from '../../components/common.js';
import { SecretariatCard, useSecretariatSession } from '../../components/SecretariatSession.js';

export function SecretariatGate({ competition, children }: { competition: string; children: ReactNode }) {
  const t = useT();
  const session = useSecretariatSession(competition);
  if (session.state === null) return <p>{t('common.loading')}</p>;
  const card = (
    <SecretariatCard
      competition={competition}
      session={session}
      title={t('grid.title')}
      ask={t('secretariat.ask')}
      openText={t('secretariat.signedIn')}
      leaveText={t('secretariat.leave')}
      needsPinText={t('secretariat.needsPin')}
    />
  );
  if (!session.open) return card;
  return (
    <>
      {card}
      {children}
    </>
  );
}

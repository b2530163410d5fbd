/** Laporan: the official documents as PDF, one at a time or all in one bundle, saved or printed. */
import { NeedsCompetition, useT } from '../components/common.js';
import { useAppStore } from '../stores/app.js';
import { CatatanRelease } from './laporan/CatatanRelease.js';
import { DocumentPanel } from './laporan/DocumentPanel.js';

export function LaporanScreen() {
  const t = useT();
  const competition = useAppStore((s) => s.competition);
  return (
    <div className="screen">
      <h1>{t('laporan.heading')}</h1>
      <NeedsCompetition>
        {competition ? <DocumentPanel competition={competition} /> : null}
        {competition ? <CatatanRelease competition={competition} /> : null}
      </NeedsCompetition>
    </div>
  );
}

/**
 * The board of jurors × sites: each sheet's state (a symbol and a word, never colour alone) with scored/total and
 * what is missing; per juror the last package received (laptop, made, received). A legend above it.
 */
import type { Board } from '../../../../shared/contract/exchange.js';
import { formatDateTime } from '../../../../shared/domain/dates.js';
import { Section, useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';
import { BOARD_LEGEND, boardSymbol, shortFingerprint } from '../../../../shared/domain/fingerprint.js';

export function BoardView(props: { board: Board }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { board } = props;
  const when = (iso: string) => formatDateTime(new Date(iso), lang);
  return (
    <Section title={t('board.title')}>
      <p className="muted">{t('board.hint')}</p>
      <div className="board-legend" role="group" aria-label={t('board.legend')}>
        <span className="muted">{t('board.legend')}:</span>
        {BOARD_LEGEND.map((l) => (
          <span key={l.state} className={`state state-${l.state}`}>
            <span aria-hidden="true">{l.symbol}</span> {t(`board.state.${l.state}`)}
          </span>
        ))}
      </div>
      {board.openConflicts > 0 ? <p className="notice notice-warn">{t('board.openConflicts', { count: board.openConflicts })}</p> : null}
      <div className="table-scroll">
        <table className="data board">
          <thead>
            <tr>
              <th scope="col">{t('board.juror')}</th>
              {board.sites.map((s) => (
                <th key={s.code} scope="col">
                  {s.name}
                  <span className="muted small block">{s.code}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.jurors.map((row) => (
              <tr key={row.juror} data-juror={row.juror}>
                <th scope="row">
                  <span className="board-juror">{row.name}</span>
                  <span className="muted small block">{row.juror}</span>
                  <span className="small block last-package">
                    {row.lastPackage
                      ? t('board.lastPackage', {
                          fingerprint: shortFingerprint(row.lastPackage.fingerprint),
                          made: when(row.lastPackage.created),
                          received: when(row.lastPackage.receivedAt),
                        })
                      : t('board.noPackage')}
                  </span>
                </th>
                {board.sites.map((s) => {
                  const cell = row.cells.find((c) => c.site === s.code);
                  if (!cell || cell.total === 0)
                    return (
                      <td key={s.code} className="board-cell state-idle" data-site={s.code}>
                        <span className="muted">{t('board.notAssigned')}</span>
                      </td>
                    );
                  const codes = cell.missing.filter((m) => m !== 'final');
                  return (
                    <td key={s.code} className={`board-cell state-${cell.state}`} data-site={s.code} data-state={cell.state}>
                      <span className="state">
                        <span aria-hidden="true">{boardSymbol(cell.state)}</span> {t(`board.state.${cell.state}`)}
                      </span>
                      <span className="block small">{t('board.scored', { scored: cell.scored, total: cell.total })}</span>
                      {codes.length > 0 ? (
                        <span className="block small missing">
                          {codes.length === cell.total && codes.length > 6
                            ? t('board.missingAll', { total: cell.total })
                            : t('board.missing', { codes: codes.join(', ') })}
                        </span>
                      ) : null}
                      {cell.state !== 'finalised' && cell.scored === cell.total ? (
                        <span className="block small missing">{t('board.notFinal')}</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

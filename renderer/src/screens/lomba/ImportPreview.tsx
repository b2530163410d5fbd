/**
 * Bringing rows in from a spreadsheet: the core reads the file and returns what it would bring and every problem
 * by sheet, row and column; nothing changes until the user accepts the preview.
 */
import { useState, type ReactNode } from 'react';
import type { FileIssue, ParsedRows } from '../../../../shared/contract/schemas.js';
import type { AppError } from '../../../../shared/domain/errors.js';
import { describeError } from '../../../../shared/domain/errors.js';
import { describeFileIssue } from '../../../../shared/domain/file-issues.js';
import type { Result } from '../../../../shared/contract/schemas.js';
import { useT } from '../../components/common.js';
import { useAppStore } from '../../stores/app.js';

export async function readPicked(file: File): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function ImportButton<T>(props: {
  label: string;
  accept: string;
  parse: (file: { name: string; bytes: Uint8Array }) => Promise<Result<ParsedRows<T>>>;
  columns: { title: string; cell: (row: T) => ReactNode }[];
  onAccept: (rows: T[]) => void;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [preview, setPreview] = useState<{ file: string; parsed: ParsedRows<T> } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    const picked = await readPicked(file);
    const result = await props.parse(picked);
    if (!result.ok) return setError(result.error);
    setPreview({ file: picked.name, parsed: result.value });
  }

  const issues: FileIssue[] = preview?.parsed.issues ?? [];
  return (
    <>
      <label className="file-button">
        {props.label}
        <input type="file" accept={props.accept} onChange={(e) => void pick(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {describeError(error, lang)}
        </p>
      ) : null}
      {preview ? (
        <div className="import-preview" role="region" aria-label={t('setup.importPreview')}>
          <h4>{t('setup.importFrom', { file: preview.file, rows: preview.parsed.rows.length })}</h4>
          {issues.length > 0 ? (
            <div className="form-error" role="alert">
              <p>{t('setup.importProblems', { count: issues.length })}</p>
              <ul>
                {issues.map((issue, i) => (
                  <li key={i}>{describeFileIssue(issue, lang)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="table-scroll preview-table" tabIndex={0} role="region" aria-label={t('setup.importPreview')}>
            <table className="data">
              <thead>
                <tr>
                  {props.columns.map((c) => (
                    <th key={c.title} scope="col">
                      {c.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.parsed.rows.map((row, i) => (
                  <tr key={i}>
                    {props.columns.map((c) => (
                      <td key={c.title}>{c.cell(row)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              {t('setup.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={issues.length > 0 || preview.parsed.rows.length === 0}
              onClick={() => {
                props.onAccept(preview.parsed.rows);
                setPreview(null);
              }}
            >
              {t('setup.importAccept', { rows: preview.parsed.rows.length })}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** Rows from a file merged into a list: a row with a code already listed replaces it, new codes are appended. */
export function mergeByCode<T extends { code: string }>(current: T[], incoming: T[]): T[] {
  const byCode = new Map(incoming.map((r) => [r.code, r]));
  const merged = current.map((r) => byCode.get(r.code) ?? r);
  const known = new Set(current.map((r) => r.code));
  return [...merged, ...incoming.filter((r) => !known.has(r.code))];
}

/** Export buttons of a setup list; disabled while there are unsaved changes (the file holds what is stored). */
export function ExportButtons<F extends string>(props: {
  formats: { format: F; label: string }[];
  dirty: boolean;
  onExport: (format: F) => Promise<void>;
}) {
  const t = useT();
  return (
    <>
      {props.formats.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="secondary"
          disabled={props.dirty}
          title={props.dirty ? t('setup.saveFirst') : undefined}
          onClick={() => void props.onExport(format)}
        >
          {label}
        </button>
      ))}
    </>
  );
}

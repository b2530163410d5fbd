/** A small table of rows typed in by hand: sites and jurors in the new-competition form and in the setup tabs. */
import type { ReactNode } from 'react';
import { useT } from '../../components/common.js';
import { DateField } from '../../components/DateField.js';
import { errorProps, FieldError } from './fields.js';

interface RowsEditorProps<T extends object> {
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The JSON path of the list in the contract ("sites"), to mark the field an error names. */
  listPath: string;
  listLabel: string;
  columns: { field: keyof T & string; label: string; numeric?: boolean; type?: 'text' | 'date' }[];
  /** How a typed value goes into a row (default: set as typed); e.g. an emptied optional field is removed. */
  setField?: (row: T, field: keyof T & string, value: string) => T;
  /** Show the row number in a first column. */
  numbered?: boolean;
  extra?: { label: string; render: (row: T, index: number, update: (row: T) => void) => ReactNode };
  fieldProps?: (path: string) => Record<string, unknown>;
  /** The problem with the field at a JSON path, shown beside it in its cell. */
  fieldError?: (path: string) => string | undefined;
}

/** A small table of rows typed in by hand, with one text input per column and a remove button per row. */
export function RowsEditor<T extends object>(props: RowsEditorProps<T>) {
  const t = useT();
  const update = (index: number, row: T) => props.onChange(props.rows.map((x, k) => (k === index ? row : x)));
  return (
    <table className="data edit">
      <thead>
        <tr>
          {props.numbered ? <th scope="col">#</th> : null}
          {props.columns.map((c) => (
            <th key={c.field} scope="col">
              {c.label}
            </th>
          ))}
          {props.extra ? <th scope="col">{props.extra.label}</th> : null}
          <th scope="col">
            <span className="sr-only">{t('common.remove')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr key={i}>
            {props.numbered ? <td className="muted">{i + 1}</td> : null}
            {props.columns.map((c) => {
              const path = `${props.listPath}[${i}].${c.field}`;
              const message = props.fieldError?.(path);
              return (
                <td key={c.field}>
                  {c.type === 'date' ? (
                    <DateField
                      bare
                      label={`${c.label} ${i + 1}`}
                      value={row[c.field] === undefined ? undefined : String(row[c.field])}
                      onChange={(iso) => update(i, props.setField ? props.setField(row, c.field, iso) : { ...row, [c.field]: iso })}
                      {...props.fieldProps?.(path)}
                      error={message}
                    />
                  ) : (
                    <>
                      <input
                        type="text"
                        aria-label={`${c.label} ${i + 1}`}
                        value={String(row[c.field] ?? '')}
                        inputMode={c.numeric ? 'numeric' : undefined}
                        onChange={(e) =>
                          update(i, props.setField ? props.setField(row, c.field, e.target.value) : { ...row, [c.field]: e.target.value })
                        }
                        {...props.fieldProps?.(path)}
                        {...errorProps(path, message)}
                      />
                      <FieldError path={path} message={message} />
                    </>
                  )}
                </td>
              );
            })}
            {props.extra ? <td>{props.extra.render(row, i, (next) => update(i, next))}</td> : null}
            <td>
              <button
                type="button"
                className="link"
                onClick={() => props.onChange(props.rows.filter((_, k) => k !== i))}
                aria-label={`${t('common.remove')} ${props.listLabel} ${i + 1}`}
              >
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

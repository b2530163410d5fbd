import { t, type Lang, type MessageKey, type Params } from '../i18n/messages.js';
import { describeIssue } from './describe.js';

/** What kind of failure a result carries; the renderer and the CLI choose their reaction by it. */
export type ErrorCode = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'internal';

/** A failure as a value: it crosses every process boundary as plain data and is rendered in the reader's language. */
export interface AppError {
  code: ErrorCode;
  key: MessageKey;
  params: Params;
  /** Where the problem is, as a JSON path or a form field ("sites[2].code"), when it is in some input. */
  path?: string;
}

/**
 * A failure caused by what the user gave (a file, an option, a form field). Thrown inside the core, turned into an
 * `AppError` value at the boundary; never shown with a stack trace.
 */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: Params;
  readonly path: string | undefined;

  constructor(key: MessageKey, params: Params = {}, code: ErrorCode = 'invalid', path?: string) {
    super(describeError({ code, key, params, ...(path === undefined ? {} : { path }) }, 'en'));
    this.name = 'UserError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.path = path;
  }

  toValue(): AppError {
    return { code: this.code, key: this.key, params: this.params, ...(this.path === undefined ? {} : { path: this.path }) };
  }

  describe(lang: Lang): string {
    return describeError(this.toValue(), lang);
  }
}

/**
 * The message a person reads. A problem at a path is said with the field's name from the field table
 * ("Juri baris 2: NIP harus tepat 18 angka"), never with the path itself; files name their path in the CLI.
 */
export function describeError(error: AppError, lang: Lang): string {
  if (error.path === undefined) return t(lang, error.key, error.params);
  return describeIssue({ path: error.path, key: error.key, params: error.params }, lang);
}

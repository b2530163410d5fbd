/**
 * A validation problem in words: the field's name from the field table, then what is wrong
 * ("Juri baris 2: NIP harus tepat 18 angka"). Used by describeError, the forms and the command line.
 */
import { t, type Lang, type MessageKey, type Params } from '../i18n/messages.js';
import { fieldName, labelFor, type FieldContext } from './fields.js';

/** A validation issue (validation.ts `ValidationIssue`), its path optional; spelled out here so no import runs in a circle. */
type Issue = { path?: string | undefined; key: MessageKey; params: Params };

/** What is wrong, as a sentence naming the field ("NIP harus tepat 18 angka"), without saying which row. */
export function issueSentence(issue: Issue, lang: Lang, ctx?: FieldContext): string {
  const name = labelFor(issue.path, lang, ctx);
  const params: Params = { ...issue.params, label: name.label, ...(name.example ? { example: name.example } : {}) };
  // A parameter that names another place ("sudah dipakai di …") is a path too: said in words.
  if (typeof params.other === 'string' && /[.[]|^(sites|jurors|instrument|competition)/.test(params.other)) {
    params.other = lowerFirst(placeOf(params.other, lang, ctx));
  }
  return t(lang, issue.key, params);
}

/** The whole message: the row it is in (when the field alone would not say), then the sentence. */
export function describeIssue(issue: Issue, lang: Lang, ctx?: FieldContext): string {
  const context = issue.path === undefined ? undefined : fieldName(issue.path, lang, ctx)?.context;
  const sentence = issueSentence(issue, lang, ctx);
  return context ? `${context}: ${sentence}` : sentence;
}

function placeOf(path: string, lang: Lang, ctx?: FieldContext): string {
  const name = labelFor(path, lang, ctx);
  return name.context ?? name.label;
}

/** "Lokus baris 1" → "lokus baris 1" in the middle of a sentence; "NIP" stays "NIP". */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

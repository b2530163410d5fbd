/**
 * Validation results with JSON paths, so a message can say exactly where a file or a form is wrong:
 * "instrument.aspects[2].indicators[0].weight: harus berupa angka".
 */
import type { z } from 'zod';
import { t, type Lang, type MessageKey, type Params } from '../i18n/messages.js';
import { UserError } from './errors.js';

export interface ValidationIssue {
  path: string;
  key: MessageKey;
  params: Params;
}

export type PathSegment = string | number | symbol;

export function joinPath(segments: readonly PathSegment[], root = ''): string {
  let out = root;
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Turns zod's issues into ours, with paths below `root`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], root = ''): ValidationIssue[] {
  return issues.map((issue) => {
    const path = joinPath(issue.path, root);
    switch (issue.code) {
      case 'invalid_type':
        // Parsed with { reportInput: true }: an absent field has no input, a wrong one has it.
        if (!('input' in issue) || issue.input === undefined) return { path, key: 'validate.required', params: {} };
        return { path, key: 'validate.type', params: { expected: issue.expected } };
      case 'too_small':
        return { path, key: 'validate.tooSmall', params: { min: String(issue.minimum) } };
      case 'too_big':
        return { path, key: 'validate.tooBig', params: { max: String(issue.maximum) } };
      case 'unrecognized_keys':
        return { path, key: 'validate.unknownKey', params: { keys: issue.keys.join(', ') } };
      case 'invalid_value':
        return { path, key: 'validate.oneOf', params: { options: issue.values.map(String).join(', ') } };
      case 'invalid_format':
        return { path, key: 'validate.format', params: { format: issue.format } };
      case 'custom': {
        const params = (issue.params ?? {}) as { key?: MessageKey } & Params;
        if (params.key) {
          const { key, ...rest } = params;
          return { path, key, params: rest };
        }
        return { path, key: 'validate.invalid', params: {} };
      }
      default:
        return { path, key: 'validate.invalid', params: {} };
    }
  });
}

export function describeIssue(issue: ValidationIssue, lang: Lang): string {
  return `${issue.path}: ${t(lang, issue.key, issue.params)}`;
}

/** Thrown when validation finds problems; the first issue is the one-line message, all are kept. */
export class ValidationError extends UserError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const first = issues[0]!;
    super(first.key, first.params, 'invalid', first.path);
    this.issues = issues;
  }
}

/**
 * Validation results with JSON paths, so a file's message can say exactly where it is wrong
 * ("instrument.aspects[2].indicators[0].weight") and a form can put each message beside its field. The words come
 * from the field table (fields.ts): "Indikator ke-1 aspek ke-3: Bobot harus berupa angka".
 */
import type { z } from 'zod';
import type { MessageKey, Params } from '../i18n/messages.js';
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
        // A text that must not be empty is simply required: "Kode lomba wajib diisi", not "minimal 1".
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return { path, key: 'validate.required', params: {} };
        return {
          path,
          key: 'validate.tooSmall',
          params: { min: String(issue.minimum), origin: issue.origin, inclusive: issue.inclusive === false ? 'no' : 'yes' },
        };
      case 'too_big':
        return {
          path,
          key: 'validate.tooBig',
          params: { max: String(issue.maximum), origin: issue.origin, inclusive: issue.inclusive === false ? 'no' : 'yes' },
        };
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

export { describeIssue, issueSentence } from './describe.js';

/** Thrown when validation finds problems; the first issue is the one-line message, all are kept. */
export class ValidationError extends UserError {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const first = issues[0]!;
    super(first.key, first.params, 'invalid', first.path);
    this.issues = issues;
  }
}

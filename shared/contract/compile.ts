/** The compile channels: the ranking by the competition's rules (contract.md section 4). */
import { z } from 'zod';
import type { OfficialRanking } from '../domain/pleno.js';
import { code } from './common.js';

export const compileInputs = {
  'compile.ranking': z.strictObject({ competition: code }),
};

export interface CompileResults {
  'compile.ranking': OfficialRanking;
}

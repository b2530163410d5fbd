/** Messages about scoring: sessions and PINs, saving, finalising and reopening sheets, evidence, score imports. */
import { catalogue } from './types.js';

export const scoringMessages = catalogue(
  {
    'validate.pin': () => `PIN harus 4 sampai 8 angka`,
  },
  {
    'validate.pin': () => `a PIN must be 4 to 8 digits`,
  },
);

import { resolve } from 'node:path';
import { homeDir } from '../core/app.js';
import { openIdentity, type DeviceIdentity } from '../core/platform/identity.js';
import type { LedgerDevice } from '../core/platform/ledger.js';

/**
 * The device a command writes as: the installation in `--home` (or PENILAI_HOME, or the app data folder), its
 * identity read or made only when the command actually writes a ledger entry.
 */
export function cliDevice(home: string | undefined): LedgerDevice & DeviceIdentity {
  let identity: DeviceIdentity | null = null;
  const open = (): DeviceIdentity => (identity ??= openIdentity(home ? resolve(home) : homeDir()));
  return {
    get id() {
      return open().id;
    },
    get publicKey() {
      return open().publicKey;
    },
    sign: (data) => open().sign(data),
  };
}

/**
 * The desktop shell's hook for keeping the device's private key at rest (issue 12): a SecretProtector backed by
 * Electron's `safeStorage` (Windows DPAPI, the macOS Keychain, libsecret or KWallet on Linux), handed to the core
 * as `CoreOptions.keyProtector`. The caller passes `safeStorage` itself after `app.whenReady()`; this file imports
 * only electron's types, so it runs (and is tested) under plain Node with a stand-in.
 *
 * Where the OS offers no real keychain (`isEncryptionAvailable()` false, or Linux's `basic_text` backend, whose
 * "encryption" uses a fixed password) it returns null, and the core keeps the scrypt secret of the command line
 * (electron/core/platform/secrets.ts). A key sealed that way is moved to the keychain the first time it is opened
 * with this protector.
 */
import type { SafeStorage } from 'electron';
import type { SecretProtector } from '../core/platform/secrets.js';
import { SEALED_FORMAT } from '../core/platform/secrets.js';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function safeStorageProtector(storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretProtector | null {
  if (!storage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    kind: 'os',
    seal: (plain) => ({
      format: SEALED_FORMAT,
      protection: 'os',
      data: storage.encryptString(plain.toString('base64')).toString('base64'),
    }),
    open: (sealed) => {
      if (sealed.protection !== 'os') throw new Error('not sealed by the OS keychain');
      return Buffer.from(storage.decryptString(Buffer.from(sealed.data, 'base64')), 'base64');
    },
  };
}

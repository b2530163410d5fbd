/** Messages of the HTTP bridge of the browser mode (electron/core/bridge/server.ts): requests it refuses. */
import { catalogue } from './types.js';

export const bridgeMessages = catalogue(
  {
    'bridge.foreignOrigin': () =>
      `Akses ditolak: permintaan datang dari halaman lain, bukan dari halaman Penilai sendiri. Buka Penilai dari alamat yang dicetaknya saat dijalankan.`,
    'bridge.notJson': () => `Permintaan ditolak: Penilai hanya menerima data JSON (application/json) dari halamannya sendiri.`,
    'bridge.tooLarge': (p) => `Permintaan terlalu besar: paling banyak ${p.max} MB untuk perintah ini. Pilih berkas yang lebih kecil.`,
    'bridge.badPath': () => `Alamat permintaan tidak dapat dibaca (penyandian % yang rusak).`,
  },
  {
    'bridge.foreignOrigin': () =>
      `Access denied: the request came from another page, not from Penilai's own. Open Penilai at the address it printed when it started.`,
    'bridge.notJson': () => `Request refused: Penilai accepts only JSON (application/json) from its own page.`,
    'bridge.tooLarge': (p) => `Request too large: at most ${p.max} MB for this command. Choose a smaller file.`,
    'bridge.badPath': () => `The request's address cannot be read (broken % encoding).`,
  },
);

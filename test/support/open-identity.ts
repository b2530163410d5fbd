/**
 * A process that opens the device identity of the home folder given (making it on first use) and prints its id and
 * public key: several started at once on an empty home show that they all end with the same one
 * (integration/device-key.test.ts). The start is held until the time given, so that they race.
 */
import { openIdentity } from '../../electron/core/platform/identity.js';

const [home, startAt] = process.argv.slice(2) as [string, string];
while (Date.now() < Number(startAt)) {
  // Busy-wait to the common start (a few hundred milliseconds at most): the processes then race for real.
}
const identity = openIdentity(home, { env: {} });
const probe = new TextEncoder().encode('probe');
process.stdout.write(`${JSON.stringify({ id: identity.id, publicKey: identity.publicKey, signed: identity.sign(probe).length })}\n`);

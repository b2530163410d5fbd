/** Messages about a laptop passed from hand to hand: session locks, the secretariat's PIN, archiving competitions. */
import { catalogue } from './types.js';

export const sessionMessages = catalogue({}, {});

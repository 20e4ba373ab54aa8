// Holds the lock on the data folder given as argument until killed, as a running server would.
import { lockDataFolder } from '../../../server/db/folder-lock';

lockDataFolder(process.argv[2]!);
console.log('locked');
setInterval(() => undefined, 60_000);

// Test helper process: opens the embedded database in DATA_DIR (taking its lock), commits one
// clinic, prints its id and then waits to be killed (used to prove kill -9 loses nothing).
import { insertClinic } from '../clinic.repository.js';
import { openDatabase } from '../connect.js';
import { migrateToLatest } from '../migrate.js';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: write-clinic-and-wait.ts DATA_DIR');
const handle = await openDatabase({ kind: 'embedded', dataDir });
const outcome = await migrateToLatest(handle.db);
if (!outcome.ok) throw new Error('migration failed');
const clinic = await insertClinic(handle.db, { name: 'Committed before kill -9', jurisdiction: 'US', timeZone: 'America/New_York' });
process.stdout.write(`${clinic.id}\n`);
setInterval(() => undefined, 60_000);

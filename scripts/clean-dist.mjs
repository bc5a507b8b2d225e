// Empties dist/ before a build: the library and the command are built side by side, so neither
// build may clean the folder itself without deleting the other's files.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

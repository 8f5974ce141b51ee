import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A fingerprint of the code that migrates and validates a store: every source file under shared/
 * and main/services/store/, hashed at build time. A store this build found valid (quorum.checked.json,
 * main/services/store/checked.ts) is trusted only by a build with the same fingerprint.
 */
export const storeBuild = (root: string): string => {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(join(root, 'shared'));
  walk(join(root, 'main', 'services', 'store'));
  return hash.digest('hex').slice(0, 32);
};

// `npm run pack:example`: the example partnership's next meeting as a public and a full pack, in Word and
// as PDF (laid out in Chromium, Chrome or Edge: QUORUM_CHROMIUM, or where they install themselves), in ./out.
// Two of its papers are still to come, so the packs are built with a recorded override reason,
// exactly as a secretariat would publish with papers "to follow".
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const quorum = join(root, 'bin', 'quorum.js');
const data = join(root, 'out', 'example-data');
const run = (...args) => execFileSync(process.execPath, [quorum, ...args], { stdio: 'inherit' });

rmSync(data, { recursive: true, force: true });
run('example', '--data', data);
for (const variant of ['public', 'full'])
  for (const format of ['docx', 'pdf'])
  run('pack', '--data', data, '--meeting', 'next', '--board', 'board:childrens-trust', '--variant', variant,
    '--out', join(root, 'out', `example-board-pack-${variant}.${format}`),
    '--override-reason', 'Example partnership: two papers are to follow, as agreed with the chair');

/**
 * npm run test:any-date
 * The unit, integration (the timed ones too) and main-process tests again with the machine's
 * clock moved (Debian's faketime): 430 days ahead, and at 00:30 British Summer Time on a summer
 * night (23:30 UTC), when the UTC date is still the day before. Every test pins its own clock,
 * so both must pass. The readback project (LibreOffice, pandoc, Chromium's PDFs, memory) is not
 * about the date and runs once, in npm test (docs/ARCHITECTURE.md, tests).
 */
import { spawnSync } from 'node:child_process';

const passes = [
  { label: 'with the clock 430 days ahead', env: {}, faketime: '+430d' },
  { label: 'at 00:30 BST on 15 July 2027 (23:30 UTC on the 14th)', env: { TZ: 'UTC' }, faketime: '@2027-07-14 23:30:00' },
];

if (spawnSync('faketime', ['-f', '+0d', 'true']).status !== 0) {
  console.error('test:any-date needs faketime: install it with "apt-get install -y --no-install-recommends faketime".');
  process.exit(2);
}
for (const pass of passes) {
  console.log(`\n== Tests ${pass.label} ==`);
  const r = spawnSync('faketime', ['-f', pass.faketime, 'npx', 'vitest', 'run', '--project', 'unit', '--project', 'timed', '--project', 'main'], {
    stdio: 'inherit',
    env: { ...process.env, ...pass.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
  });
  if (r.status !== 0) {
    console.error(`The tests failed ${pass.label}.`);
    process.exit(r.status ?? 1);
  }
}

// Preloaded into a child `quorum` (node --require): writes the process's peak resident memory, in
// KiB, to the file named by QUORUM_PEAK_MEMORY_FILE as it exits, so a test can hold a command to a budget.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.QUORUM_PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS)));

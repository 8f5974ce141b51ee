import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { secondVersion } from '../fixtures/protocols';
import { runCli, useExampleFolders } from '../helpers';
import { convertWithLibreOffice, odtContent } from '../soffice';
import { WAIT } from '../waits';

const { example } = useExampleFolders();

/** The protocol's tracked copy read back by LibreOffice: its XML is asserted in test/integration/governanceExports.test.ts. */
describe('the protocol with tracked changes, read back', () => {
  it('opens in LibreOffice with the changes recorded as changes', async () => {
    const dir = await example();
    await secondVersion(dir);
    const file = join(dir, 'tracked.docx');
    expect((await runCli('export', 'protocol', '--data', dir, '--protocol', 'protocol:boards', '--tracked-changes', '--out', file)).code).toBe(0);
    const content = odtContent(convertWithLibreOffice(file, 'odt'));
    const regions = content.match(/<text:changed-region\b/g) ?? [];
    expect(regions).toHaveLength(3);
    expect(content).toMatch(/<text:insertion>/);
    expect(content).toMatch(/<text:deletion>[\s\S]*ask[\s\S]*<\/text:deletion>/);
  }, WAIT.readBack);

});

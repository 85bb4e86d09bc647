// The driver's screenshot seam works end to end (skipped where the host has no driver).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { canTakeScreenshots, takeScreenshot } from './screenshot';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('Screenshot seam', () => {
  it('saves a PNG of the workbench', async function () {
    if (!canTakeScreenshots()) this.skip();
    const png = await takeScreenshot('workbench', '.monaco-workbench');
    const bytes = fs.readFileSync(png);
    assert.deepEqual(bytes.subarray(0, 8), PNG_SIGNATURE);
    assert.ok(bytes.length > 10000, `a workbench screenshot is larger than ${bytes.length} bytes`);
  });
});

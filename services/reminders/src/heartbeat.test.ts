import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHeartbeat } from './heartbeat';

describe('startHeartbeat', () => {
  it('writes the file while alive and not after the worker stopped', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'heartbeat-')), 'alive');
    let alive = false;
    const heartbeat = startHeartbeat(file, () => alive, 20);
    expect(existsSync(file)).toBe(false);
    alive = true;
    await new Promise((r) => setTimeout(r, 60));
    const first = readFileSync(file, 'utf8');
    expect(Date.parse(first)).not.toBeNaN();
    heartbeat.stop();
  });
});

import { startBff } from './harness.js';

describe('BFF start-up', () => {
  it('stops with a message naming a wrong setting', async () => {
    await expect(startBff({ PORT: 'eighty', PGLITE_DATA_DIR: 'memory' })).rejects.toThrow(
      /exited with 1[\s\S]*PORT: .*\(got "eighty"\)/,
    );
  });

  it('applies migrations, seeds, and keeps PGlite data in its folder across restarts', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'pglite-'));
    try {
      const env = { PORT: '0', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
      const first = await startBff(env);
      await first.stop();
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      // A second start over the same folder finds its migrations applied and the seed present.
      const second = await startBff(env);
      const health = await fetch(`${second.url}/health`);
      expect(((await health.json()) as { database: { status: string } }).database.status).toBe('ok');
      // A graceful stop: Nest closes the app, then ends by the signal it received.
      expect(await second.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { SingleFlight } from './single-flight.js';

describe('SingleFlight', () => {
  it('makes one call for concurrent callers of a key and frees the key after', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    let release: (value: number) => void = () => undefined;
    const call = (): Promise<number> => {
      calls += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const all = Promise.all([flight.run('a', call), flight.run('a', call), flight.run('a', call)]);
    expect(calls).toBe(1);
    expect(flight.isInFlight('a')).toBe(true);
    release(7);
    await expect(all).resolves.toEqual([7, 7, 7]);
    expect(flight.isInFlight('a')).toBe(false);
    const next = flight.run('a', async () => 8);
    expect(calls).toBe(1);
    await expect(next).resolves.toBe(8);
  });

  it('keeps keys apart and shares a rejection with every waiter', async () => {
    const flight = new SingleFlight<number>();
    const failing = flight.run('x', async () => {
      throw new Error('down');
    });
    const sharing = flight.run('x', async () => 1);
    const other = flight.run('y', async () => 2);
    await expect(failing).rejects.toThrow('down');
    await expect(sharing).rejects.toThrow('down');
    await expect(other).resolves.toBe(2);
  });
});

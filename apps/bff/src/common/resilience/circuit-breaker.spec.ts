import { CircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = (): CircuitBreaker => new CircuitBreaker({ failureThreshold: 3, resetMs: 1000, now: () => now });

  beforeEach(() => {
    now = 0;
  });

  it('opens after the threshold of consecutive failures, not before', () => {
    const circuit = breaker();
    circuit.recordFailure();
    circuit.recordFailure();
    expect(circuit.state).toBe('closed');
    expect(circuit.tryAcquire()).toBe(true);
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
    expect(circuit.tryAcquire()).toBe(false);
  });

  it('forgets failures after a success', () => {
    const circuit = breaker();
    circuit.recordFailure();
    circuit.recordFailure();
    circuit.recordSuccess();
    circuit.recordFailure();
    circuit.recordFailure();
    expect(circuit.state).toBe('closed');
  });

  it('lets one trial through when half-open; success closes, failure reopens for a full period', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.recordFailure();
    now = 999;
    expect(circuit.tryAcquire()).toBe(false);
    now = 1000;
    expect(circuit.state).toBe('half-open');
    expect(circuit.tryAcquire()).toBe(true);
    expect(circuit.tryAcquire()).toBe(false);
    circuit.recordFailure();
    expect(circuit.state).toBe('open');
    now = 1999;
    expect(circuit.tryAcquire()).toBe(false);
    now = 2000;
    expect(circuit.tryAcquire()).toBe(true);
    circuit.recordSuccess();
    expect(circuit.state).toBe('closed');
    expect(circuit.tryAcquire()).toBe(true);
  });
});

/**
 * A circuit breaker per upstream. Closed: calls go through and consecutive failures are counted.
 * After `failureThreshold` consecutive failures it opens: calls are refused at once for `resetMs`.
 * Then it is half-open: one trial call goes through; success closes it, failure opens it again.
 *
 * State lives in one BFF instance; each instance learns an upstream's health on its own, which costs
 * at most `failureThreshold` failed calls per instance.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  readonly failureThreshold: number;
  readonly resetMs: number;
  readonly now: () => number;
}

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.options.now() - this.openedAt >= this.options.resetMs ? 'half-open' : 'open';
  }

  /** Whether a call may go through now; in half-open state only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.trialInFlight = false;
    this.consecutiveFailures += 1;
    if (this.openedAt !== null || this.consecutiveFailures >= this.options.failureThreshold) {
      this.openedAt = this.options.now();
    }
  }
}

/** One breaker per key (insurer id), made on first use. */
export class CircuitBreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(private readonly options: CircuitBreakerOptions) {}

  get(key: string): CircuitBreaker {
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(this.options);
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}

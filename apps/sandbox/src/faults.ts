/**
 * Faults that tests set per insurer through `POST /__control`.
 */
export const FAILURE_MODES = ['none', 'http500', 'hang', 'malformed'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

export interface FaultSettings {
  /** Added before every answer, in milliseconds. */
  readonly latencyMs: number;
  /** Share of requests, 0..1, that fail with `failureMode`. */
  readonly errorRate: number;
  readonly failureMode: FailureMode;
}

export const NO_FAULT: FaultSettings = { latencyMs: 0, errorRate: 0, failureMode: 'none' };

export class FaultControl {
  private readonly settings = new Map<string, FaultSettings>();

  constructor(private readonly random: () => number = Math.random) {}

  get(insurerCode: string): FaultSettings {
    return this.settings.get(insurerCode) ?? NO_FAULT;
  }

  set(insurerCode: string, settings: FaultSettings): void {
    this.settings.set(insurerCode, settings);
  }

  reset(): void {
    this.settings.clear();
  }

  snapshot(): Record<string, FaultSettings> {
    return Object.fromEntries(this.settings);
  }

  /** The failure to play for one request, or 'none'. */
  draw(insurerCode: string): FailureMode {
    const { errorRate, failureMode } = this.get(insurerCode);
    if (failureMode === 'none' || errorRate <= 0) return 'none';
    return this.random() < errorRate ? failureMode : 'none';
  }
}

export type ControlParseResult =
  { ok: true; insurerCode: string; settings: FaultSettings } | { ok: false; error: string };

/**
 * Validates a control request body. `errorRate` defaults to 1 when a failure mode is given, so
 * `{insurer: 'x', failureMode: 'hang'}` makes every request hang.
 */
export function parseControlRequest(body: unknown, knownInsurers: readonly string[]): ControlParseResult {
  if (typeof body !== 'object' || body === null) return { ok: false, error: 'body must be a JSON object' };
  const input = body as Record<string, unknown>;
  const insurer = input.insurer;
  if (typeof insurer !== 'string' || !knownInsurers.includes(insurer))
    return { ok: false, error: `insurer must be one of: ${knownInsurers.join(', ')}` };
  const latencyMs = input.latencyMs ?? 0;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 120_000)
    return { ok: false, error: 'latencyMs must be a number between 0 and 120000' };
  const failureMode = input.failureMode ?? 'none';
  if (typeof failureMode !== 'string' || !(FAILURE_MODES as readonly string[]).includes(failureMode))
    return { ok: false, error: `failureMode must be one of: ${FAILURE_MODES.join(', ')}` };
  const errorRate = input.errorRate ?? (failureMode === 'none' ? 0 : 1);
  if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1))
    return { ok: false, error: 'errorRate must be a number between 0 and 1' };
  return {
    ok: true,
    insurerCode: insurer,
    settings: { latencyMs, errorRate, failureMode: failureMode as FailureMode },
  };
}

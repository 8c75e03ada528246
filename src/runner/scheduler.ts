/**
 * Latest-wins scheduling over a ModelRunner. One run is in flight at a time; requests made meanwhile are coalesced
 * so that only the newest one runs next (the ones it replaced resolve as superseded, never run). Each request takes a
 * ticket (see latest.ts), and a result older than one already delivered is dropped, so a stale result is never shown. When the runner fails (a crashed or hung worker), the failure is reported and the newest request is
 * run again once on the replacement worker.
 */
import type { ModelInput, RunResult } from '../model';
import { createLatest, type Ticket } from './latest';
import { isCancelled, type ModelRunner } from './runner';

export type Outcome =
  | { readonly status: 'done'; readonly seq: number; readonly result: RunResult; readonly ms: number }
  | { readonly status: 'superseded'; readonly seq: number }
  | { readonly status: 'failed'; readonly seq: number; readonly error: Error };

interface Request {
  ticket: Ticket;
  input: ModelInput;
  samples: number;
  resolve: (o: Outcome) => void;
  retried: boolean;
}

export interface Scheduler {
  /** Asks for a run; resolves with its result, or as superseded when a newer request replaced it before it ran. */
  request(input: ModelInput, samples: number): Promise<Outcome>;
  /** True while a run is in flight. */
  readonly busy: boolean;
  /** Hooks called on failures that were retried (for the UI's error panel). */
  onFailure?: (error: Error) => void;
}

/** Creates a latest-wins scheduler over a runner. */
export function createScheduler(runner: ModelRunner): Scheduler {
  const latest = createLatest();
  let inFlight: Request | null = null;
  let pending: Request | null = null;
  const self: Scheduler = {
    request(input, samples) {
      return new Promise<Outcome>((resolve) => {
        const req: Request = { ticket: latest.begin(), input, samples, resolve, retried: false };
        if (pending) pending.resolve({ status: 'superseded', seq: pending.ticket.seq });
        pending = req;
        pump();
      });
    },
    get busy() {
      return inFlight !== null;
    },
  };

  function pump(): void {
    if (inFlight || !pending) return;
    const req = pending;
    pending = null;
    inFlight = req;
    const t0 = performance.now();
    runner.run(req.input, req.samples).then(
      (result) => {
        inFlight = null;
        if (req.ticket.settle())
          req.resolve({ status: 'done', seq: req.ticket.seq, result, ms: performance.now() - t0 });
        else req.resolve({ status: 'superseded', seq: req.ticket.seq });
        pump();
      },
      (error: Error) => {
        inFlight = null;
        // A cancelled run is what the user asked for: no failure to report, nothing to retry.
        const cancelled = isCancelled(error);
        if (!cancelled) self.onFailure?.(error);
        if (!cancelled && !req.retried && !pending) {
          // The worker has been replaced: run the newest request once more before giving up.
          req.retried = true;
          pending = req;
        } else {
          req.resolve({ status: 'failed', seq: req.ticket.seq, error });
        }
        pump();
      },
    );
  }
  return self;
}

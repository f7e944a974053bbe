import type { GroundworkDB } from '../db';
import { rescoreAll, type RescoreProgress } from '../scoring/rescore';

/**
 * One re-scoring job at a time in the worker. A request while one runs queues exactly one more
 * run (the profile may have changed again), so the last change always wins and work never piles up.
 */
export function createRescorer(db: GroundworkDB) {
  let running: Promise<RescoreProgress> | undefined;
  let again = false;
  const run = (): Promise<RescoreProgress> => {
    if (running) {
      again = true;
      return running;
    }
    running = rescoreAll(db).finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void run();
      }
    });
    return running;
  };
  return { run };
}

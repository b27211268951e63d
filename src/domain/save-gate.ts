/**
 * The one rule for input that arrives while a save is in flight, shared by the quiz and the
 * flashcards (decision record 005):
 *
 * - input waits until the save is over, then runs in the order it was given;
 * - but only on the screen it was given on: if the save moved to another screen (the next
 *   question, the next card, the results), waiting input is dropped, because it was meant for a
 *   screen that is gone and must not act on one the learner has not seen yet;
 * - and a save that did not go through drops waiting input too: the learner reads what went
 *   wrong before anything else happens.
 */
export interface SaveGate<E> {
  /** True while a save is in flight. */
  readonly busy: boolean;
  /** Handles `event` now or, during a save, keeps it for afterwards. */
  offer(event: E): Promise<void>;
  /**
   * Holds input while `work` saves and shows the outcome. `work` resolves to true when the save
   * went through (waiting input may run) and false when it did not (waiting input is dropped).
   */
  save(work: () => Promise<boolean>): Promise<void>;
}

export function createSaveGate<E>(options: {
  /** Does what an event asks; may itself call `save`. */
  handle: (event: E) => Promise<void>;
  /** Names the screen the learner sees now; two different screens have different names. */
  screen: () => string;
}): SaveGate<E> {
  const { handle, screen } = options;
  let busy = false;
  const waiting: { event: E; screen: string }[] = [];

  async function runWaiting() {
    // One shared line, taken from the front: input that arrives during a save started by a
    // waiting event queues behind the rest, so everything keeps the order it was given in.
    while (!busy && waiting.length > 0) {
      const next = waiting.shift()!;
      if (next.screen === screen()) await handle(next.event);
    }
  }

  return {
    get busy() {
      return busy;
    },
    async offer(event) {
      if (busy) waiting.push({ event, screen: screen() });
      else await handle(event);
    },
    async save(work) {
      busy = true;
      let saved = false;
      try {
        saved = await work();
      } finally {
        busy = false;
        if (!saved) waiting.length = 0;
      }
      await runWaiting();
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createSaveGate } from '../../src/domain/save-gate';

/** A gate over a screen the test moves by hand, with saves the test settles by hand. */
function setup() {
  let screen = 'A';
  const handled: string[] = [];
  const saves: ((outcome: { saved: boolean; moveTo?: string }) => void)[] = [];
  const gate = createSaveGate<string>({
    screen: () => screen,
    handle: async (event) => {
      handled.push(`${event}@${screen}`);
      if (event.startsWith('save'))
        await gate.save(
          () =>
            new Promise<boolean>((resolve) =>
              saves.push(({ saved, moveTo }) => {
                if (moveTo) screen = moveTo;
                resolve(saved);
              }),
            ),
        );
    },
  });
  const settle = async (outcome: { saved: boolean; moveTo?: string }) => {
    saves.shift()!(outcome);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { gate, handled, settle };
}

describe('save gate: input during a save', () => {
  it('handles input at once when no save is in flight', async () => {
    const { gate, handled } = setup();
    await gate.offer('a');
    expect(handled).toEqual(['a@A']);
    expect(gate.busy).toBe(false);
  });

  it('keeps input given during a save, then runs it in order on the same screen', async () => {
    const { gate, handled, settle } = setup();
    void gate.offer('save-1');
    expect(gate.busy).toBe(true);
    void gate.offer('b');
    void gate.offer('c');
    expect(handled).toEqual(['save-1@A']);
    await settle({ saved: true });
    expect(handled).toEqual(['save-1@A', 'b@A', 'c@A']);
    expect(gate.busy).toBe(false);
  });

  it('keeps order across a save started by waiting input', async () => {
    const { gate, handled, settle } = setup();
    void gate.offer('save-1');
    void gate.offer('save-2');
    void gate.offer('c');
    await settle({ saved: true });
    expect(handled).toEqual(['save-1@A', 'save-2@A']);
    void gate.offer('d');
    await settle({ saved: true });
    expect(handled).toEqual(['save-1@A', 'save-2@A', 'c@A', 'd@A']);
  });

  it('drops waiting input when the save moved to another screen', async () => {
    const { gate, handled, settle } = setup();
    void gate.offer('save-1');
    void gate.offer('b');
    await settle({ saved: true, moveTo: 'B' });
    expect(handled).toEqual(['save-1@A']);
    await gate.offer('c');
    expect(handled).toEqual(['save-1@A', 'c@B']);
  });

  it('drops waiting input when the save failed', async () => {
    const { gate, handled, settle } = setup();
    void gate.offer('save-1');
    void gate.offer('b');
    await settle({ saved: false });
    expect(handled).toEqual(['save-1@A']);
    expect(gate.busy).toBe(false);
  });

  it('is open again, with nothing waiting, after a save that threw', async () => {
    const screen = 'A';
    const handled: string[] = [];
    const gate = createSaveGate<string>({
      screen: () => screen,
      handle: async (e) => {
        handled.push(e);
        if (e === 'boom') await gate.save(() => Promise.reject(new Error('boom')));
      },
    });
    const boom = gate.offer('boom');
    void gate.offer('waits');
    await expect(boom).rejects.toThrow('boom');
    await gate.offer('after');
    expect(handled).toEqual(['boom', 'after']);
  });

  it('drops input that waited on a save that threw: a later save does not replay it', async () => {
    const handled: string[] = [];
    const gate = createSaveGate<string>({
      screen: () => 'A',
      handle: async (e) => {
        handled.push(e);
        if (e === 'boom') await gate.save(() => Promise.reject(new Error('boom')));
        if (e === 'save') await gate.save(() => Promise.resolve(true));
      },
    });
    const boom = gate.offer('boom');
    void gate.offer('waits');
    await expect(boom).rejects.toThrow('boom');
    // A later save that goes through must not run what waited on the one that threw.
    await gate.offer('save');
    expect(handled).toEqual(['boom', 'save']);
  });
});

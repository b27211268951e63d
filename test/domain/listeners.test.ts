import { describe, expect, it } from 'vitest';
import { createListeners } from '../../src/domain/listeners';

function source() {
  const subscribed = new Set<() => void>();
  return {
    subscribed,
    subscribe(listener: () => void) {
      subscribed.add(listener);
      return () => subscribed.delete(listener);
    },
  };
}

describe('controller listeners', () => {
  it('tells every listener, and watches the source only while any listen', () => {
    const src = source();
    let fromSource = 0;
    const listeners = createListeners(src, () => (fromSource += 1));
    expect(src.subscribed.size).toBe(0);
    const heard: string[] = [];
    const stopA = listeners.subscribe(() => heard.push('a'));
    const stopB = listeners.subscribe(() => heard.push('b'));
    expect(src.subscribed.size).toBe(1);
    listeners.notify();
    expect(heard).toEqual(['a', 'b']);
    src.subscribed.forEach((l) => l());
    expect(fromSource).toBe(1);
    stopA();
    expect(src.subscribed.size).toBe(1);
    stopB();
    expect(src.subscribed.size).toBe(0);
    listeners.notify();
    expect(heard).toEqual(['a', 'b']);
    listeners.subscribe(() => {});
    expect(src.subscribed.size).toBe(1);
  });

  it('stopping twice is harmless (React may run a cleanup more than once)', () => {
    const src = source();
    const listeners = createListeners(src, () => {});
    const stop = listeners.subscribe(() => {});
    stop();
    expect(() => stop()).not.toThrow();
    expect(src.subscribed.size).toBe(0);
  });
});

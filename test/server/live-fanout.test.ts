import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Delivery } from '../../server/live/fanout';
import { hostOf, joinAs, request, startServer, type Client, type Harness } from './live-harness';

let h: Harness;
beforeEach(async () => {
  h = await startServer();
});
afterEach(() => h.close());

const PEOPLE = 50;

async function crowd(code: Parameters<typeof joinAs>[1]) {
  const people: Awaited<ReturnType<typeof joinAs>>[] = [];
  for (let i = 0; i < PEOPLE; i++) people.push(await joinAs(h, code, `Person ${i}`));
  return people;
}

const sends = (deliveries: Delivery[]) =>
  deliveries.filter((d): d is Extract<Delivery, { kind: 'send' }> => d.kind === 'send');

it('folds a burst of joins into few host views, and answers into few counts, for the host only', async () => {
  const { code, hostToken } = await h.create();
  const host = await hostOf(h, code, hostToken);
  host.mark();
  const people = await crowd(code);
  // The clock has not moved: the first join went at once, the other 49 wait for one update.
  expect(host.count('host-view')).toBe(2);
  const all = await h.flush(host.next('host-view', (m) => m.view.participants.length === PEOPLE));
  expect(all.view.participants).toHaveLength(PEOPLE);
  expect(host.count('host-view')).toBe(3);

  host.send({ type: 'start' });
  await people[0]!.client.next('question');
  host.mark();
  for (const person of people.slice(0, 30))
    await request(person.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
  expect(host.count('progress')).toBeLessThanOrEqual(1);
  const progress = await h.flush(host.next('progress', (m) => m.answered === 30));
  expect(progress).toEqual({ type: 'progress', index: 0, answered: 30, participants: PEOPLE });
  expect(host.count('progress')).toBeLessThanOrEqual(2);

  const allowed = new Set([
    'welcome',
    'question',
    'ack',
    'reveal',
    'your-result',
    'ended',
    'your-final',
  ]);
  for (const person of people)
    for (const message of person.client.messages) expect(allowed).toContain(message.type);
});

it('serializes a broadcast once for the room, and sends each person only their own result', async () => {
  const { code, hostToken } = await h.create();
  const host = await hostOf(h, code, hostToken);
  const people = await crowd(code);

  h.fanout.published.length = 0;
  host.send({ type: 'start' });
  await Promise.all(people.map((p) => p.client.next('question')));
  const atStart = sends(h.fanout.published);
  expect(atStart.filter((d) => d.data.includes('"type":"question"'))).toEqual([
    expect.objectContaining({ target: { to: 'participants' } }),
  ]);

  for (const person of people.slice(0, PEOPLE - 1))
    await request(person.client, { type: 'answer', index: 0, choice: 'NodePort' }, 'ack');
  h.fanout.published.length = 0;
  const last = people[PEOPLE - 1]!;
  await request(last.client, { type: 'answer', index: 0, choice: 'ClusterIP' }, 'ack');
  await Promise.all(people.map((p) => p.client.next('your-result')));
  const atReveal = sends(h.fanout.published);
  expect(atReveal.filter((d) => d.data.includes('"type":"reveal"'))).toHaveLength(1);
  const results = atReveal.filter((d) => d.data.includes('"type":"your-result"'));
  expect(results).toHaveLength(PEOPLE);
  expect(new Set(results.map((d) => JSON.stringify(d.target))).size).toBe(PEOPLE);

  const mine = (client: Client) => client.messages.filter((m) => m.type === 'your-result');
  expect(mine(people[0]!.client)).toHaveLength(1);
  expect(mine(last.client)[0]).toMatchObject({ result: { choice: 'ClusterIP', correct: false } });
});

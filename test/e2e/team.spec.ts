import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, promptOf, TYPES, watchErrors } from './helpers';
import { hostSession, joinAs, questionOn } from './team-helpers';

// A live session over the real server: a host page and participant pages, each in its own browser
// context (its own storage, like separate devices). Sessions are untimed, so a question closes when
// everyone has answered or the host reveals: nothing here waits for a clock.

/** Answers and waits for the acknowledgement (or, for the last to answer, the reveal it brings). */
async function answer(page: Page, choice: string, { last = false } = {}) {
  await page.getByRole('button', { name: choice, exact: true }).click();
  if (last) await expect(page.getByText(/^(Correct|Incorrect — the answer is)/)).toBeVisible();
  else await expect(page.getByText(`Answer received: ${choice}.`)).toBeVisible();
}

/** The rows of a table as arrays of cell texts (header row left out). */
async function tableRows(page: Page, name: string) {
  const rows = page.getByRole('table', { name }).locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
  );
}

async function distribution(page: Page) {
  const rows = await tableRows(page, 'Answers by type');
  return Object.fromEntries(
    rows.map(([type, count, share]) => [type?.replace(' (right answer)', ''), `${count} ${share}`]),
  );
}

test('a host and three participants play two questions; a reload keeps score and answer', async ({
  page: host,
  browser,
}) => {
  const hostErrors = watchErrors(host);
  const code = await hostSession(host);
  await expect(
    host.getByRole('img', { name: /^QR code that opens http:\/\/.+\/join\// }),
  ).toBeVisible();

  const ana = await joinAs(browser, code, 'Ana');
  const bo = await joinAs(browser, code, 'Bo');
  const cy = await joinAs(browser, code, 'Cy');
  const list = host.getByRole('list', { name: 'Participants' });
  await expect(list.getByRole('listitem')).toHaveText([/^Ana/, /^Bo/, /^Cy/]);

  // The host reloads the lobby and still controls the session.
  await host.reload();
  await expect(host.getByLabel('Join code')).toHaveText(code);
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await host.getByRole('button', { name: 'Start' }).click();

  // Question 1: Ana and Cy right, Bo wrong.
  const q1 = await questionOn(host);
  await expect(host.locator(`[data-question-id="${q1.id}"]`)).toContainText(promptOf.get(q1.id)!);
  for (const p of [ana, bo, cy]) expect((await questionOn(p)).id).toBe(q1.id);
  await expect(host.getByText(/answered$/)).toHaveText('0 of 3 answered');
  await answer(ana, q1.answer);
  await expect(host.getByText(/answered$/)).toHaveText('1 of 3 answered');
  await answer(bo, q1.wrong);
  await answer(cy, q1.answer, { last: true });

  // Everyone answered: the reveal comes by itself.
  await expect(host.getByRole('heading', { name: `The answer is ${q1.answer}` })).toBeVisible();
  const d1 = await distribution(host);
  expect(d1[q1.answer]).toBe('2 67%');
  expect(d1[q1.wrong]).toBe('1 33%');
  expect(d1['No answer']).toBe('0 0%');
  await expect(host.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
  const board1 = await tableRows(host, 'Leaderboard, top 10');
  expect(board1.map((r) => r[1])).toEqual(expect.arrayContaining(['Ana', 'Bo', 'Cy']));
  expect(board1.at(-1)?.slice(1)).toEqual(['Bo', '0', '0 of 1 (0%)']);
  await expect(ana.getByRole('status').filter({ hasText: /^Correct/ })).toBeVisible();
  await expect(bo.getByText(`Incorrect — the answer is ${q1.answer}`)).toBeVisible();
  await expect(cy.getByText(/ of 3$/)).toBeVisible();
  const cyPoints = (await cy.locator('.player-bar span').nth(1).textContent()) ?? '';
  expect(cyPoints).toMatch(/^[1-9][\d,]* points?$/);

  await host.getByRole('button', { name: 'Next question' }).click();

  // Question 2: Cy answers, reloads mid-question, and is the same person with the same answer.
  await expect(host.getByText('Question 2 of 2')).toBeVisible();
  const q2 = await questionOn(host);
  expect(q2.id).not.toBe(q1.id);
  expect((await questionOn(cy)).id).toBe(q2.id);
  await answer(cy, q2.answer);
  await cy.reload();
  await expect(cy.getByText(`Answer received: ${q2.answer}.`)).toBeVisible();
  await expect(cy.getByRole('button', { name: q2.answer, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const type of TYPES)
    await expect(cy.getByRole('button', { name: type, exact: true })).toBeDisabled();
  await expect(cy.locator('.player-bar')).toHaveText(`Cy${cyPoints}`);
  // Still three people, Cy among them and connected: the same person, not a new one.
  await host.getByText('Participants (3)').click();
  await expect(host.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveText([
    'AnaRemove',
    'BoRemove',
    'CyRemove',
  ]);

  await answer(ana, q2.wrong);
  await answer(bo, q2.answer, { last: true });
  await expect(host.getByRole('heading', { name: `The answer is ${q2.answer}` })).toBeVisible();
  const d2 = await distribution(host);
  expect(d2[q2.answer]).toBe('2 67%');
  expect(d2[q2.wrong]).toBe('1 33%');
  const board2 = await tableRows(host, 'Leaderboard, top 10');
  expect(board2[0]?.slice(0, 2)).toEqual(['1', 'Cy']);
  expect(board2.find((r) => r[1] === 'Cy')?.[3]).toBe('2 of 2 (100%)');
  expect(board2.find((r) => r[1] === 'Ana')?.[3]).toBe('1 of 2 (50%)');
  expect(board2.find((r) => r[1] === 'Bo')?.[3]).toBe('1 of 2 (50%)');
  await expect(cy.getByText(/^Correct$/)).toBeVisible();
  await expect(cy.getByText(/ · 1st of 3$/)).toBeVisible();

  // The last question: the way on is the end.
  await expect(host.getByRole('button', { name: 'Next question' })).toHaveCount(0);
  await host.getByRole('button', { name: 'End session' }).click();
  await expect(host.getByRole('heading', { name: 'Final results' })).toBeVisible();
  await expect(
    host.getByRole('list', { name: 'Podium' }).getByRole('listitem').first(),
  ).toContainText('1stCy');
  await expect(cy.getByText(/^You finished 1st of 3/)).toBeVisible();
  await expect(bo.getByRole('heading', { name: 'Final results' })).toBeVisible();

  // The export: one row per participant per question.
  const [download] = await Promise.all([
    host.waitForEvent('download'),
    host.getByRole('button', { name: /CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^team-session-${code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
  );
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe('name,questionId,answer,correct,timeMs,points');
  expect(csv).toHaveLength(1 + 3 * 2);
  const cyQ1 = csv.find((line) => line.startsWith(`Cy,${q1.id},`));
  expect(cyQ1).toMatch(new RegExp(`^Cy,${q1.id},${q1.answer},true,\\d+,[1-9]\\d*$`));
  const boQ1 = csv.find((line) => line.startsWith(`Bo,${q1.id},`));
  expect(boQ1).toMatch(new RegExp(`^Bo,${q1.id},${q1.wrong},false,\\d+,0$`));
  expect(hostErrors).toEqual([]);
});

test('clear messages: wrong code, name taken, removed, started without late join', async ({
  page: host,
  browser,
}) => {
  const code = await hostSession(host, { count: 1, lateJoin: false });
  const ana = await joinAs(browser, code, 'Ana');

  const other = await (await browser.newContext()).newPage();
  await other.goto('/team');
  await other.getByRole('textbox', { name: 'Join code' }).fill(code);
  await other.getByRole('textbox', { name: 'Name' }).fill(' ana ');
  await other.getByRole('button', { name: 'Join' }).click();
  await expect(other.getByRole('alert')).toHaveText(/already uses that name/);
  await expect(other.getByRole('textbox', { name: 'Name' })).toBeFocused();

  const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
  await other.goto(`/join/${wrong}`);
  await other.getByRole('textbox', { name: 'Name' }).fill('Bo');
  await other.getByRole('button', { name: 'Join' }).click();
  await expect(other.getByRole('alert')).toHaveText(
    new RegExp(`no live session with the code ${wrong}`),
  );

  await expect(host.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveCount(
    1,
  );
  await host
    .getByRole('list', { name: 'Participants' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(ana.getByRole('alert')).toHaveText(/The host removed you/);
  await ana.reload();
  await ana.getByRole('textbox', { name: 'Name' }).fill('Ana again');
  await ana.getByRole('button', { name: 'Join' }).click();
  await expect(host.getByRole('list', { name: 'Participants' }).getByRole('listitem')).toHaveText([
    /^Ana again/,
  ]);

  await host.getByRole('button', { name: 'Start' }).click();
  await expect(host.locator('[data-question-id]')).toBeVisible();
  await other.goto(`/join/${code}`);
  await other.getByRole('textbox', { name: 'Name' }).fill('Late');
  await other.getByRole('button', { name: 'Join' }).click();
  await expect(other.getByRole('alert')).toHaveText(
    /already started and does not let people join late/,
  );
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the lobby, question, reveal and podium (${colorScheme})`, async ({
    browser,
  }) => {
    const hostContext = await browser.newContext({ colorScheme });
    const host = await hostContext.newPage();
    const code = await hostSession(host, { count: 1 });
    // A phone-sized participant screen.
    const phone = await browser.newContext({ colorScheme, viewport: { width: 360, height: 740 } });
    const player = await phone.newPage();
    await player.goto(`/join/${code}`);
    await player.getByRole('textbox', { name: 'Name' }).fill('Wolfeschlegelsteinhausen');
    await player.getByRole('button', { name: 'Join' }).click();
    await expect(player.getByRole('heading', { name: /^You are in/ })).toBeVisible();
    await expect(
      host.getByRole('list', { name: 'Participants' }).getByRole('listitem'),
    ).toHaveCount(1);

    const check = async (where: string) => {
      await expectNoAxeViolations(host, `host ${where}`);
      await expectNoAxeViolations(player, `participant ${where}`);
      const wide = await player.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(wide, `participant ${where} scrolls sideways on a phone`).toBe(false);
    };
    await check('lobby');
    await host.getByRole('button', { name: 'Start' }).click();
    const q = await questionOn(player);
    await expect(host.locator(`[data-question-id="${q.id}"]`)).toBeVisible();
    await check('question');
    await answer(player, q.wrong, { last: true });
    await expect(host.getByRole('heading', { name: `The answer is ${q.answer}` })).toBeVisible();
    await expect(player.getByText(`Incorrect — the answer is ${q.answer}`)).toBeVisible();
    await check('reveal');
    await host.getByRole('button', { name: 'End session' }).click();
    await expect(host.getByRole('heading', { name: 'Final results' })).toBeVisible();
    await expect(player.getByText(/^You finished 1st of 1/)).toBeVisible();
    await check('podium');
  });
}

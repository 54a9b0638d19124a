import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { hostileHtml, hostileText } from './hostile-corpus';
import { SANDBOX_AUTH, sandboxApi } from './sandbox-api';

const dbPath = `data/e2e-${process.env.E2E_PORT ?? 4173}/sandbox.db`;

/** Everything in `root` that could run or load: event handlers, script-bearing URLs, active elements. */
function activeContent(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (/^(script|iframe|object|embed|form|style|base|meta|link|template|frame|frameset)$/i.test(el.localName)) {
      found.push(`<${el.localName}>`);
    }
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.localName}[${attr.name}]`);
      if (attr.name === 'srcdoc' || attr.name === 'formaction') found.push(`${el.localName}[${attr.name}]`);
      if (
        /^(href|src|xlink:href|action|data|background|poster)$/i.test(attr.name) &&
        /^\s*(javascript|vbscript|data):/i.test(attr.value)
      )
        found.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 30)}]`);
    }
  }
  return found;
}

test('hostile HTML, names and file names render as inert content: nothing runs, nothing loads from elsewhere', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const sandbox = sandboxApi(request);
  const accounts = await sandbox.accounts();
  const account = accounts[accounts.length - 1]!;
  const users = (await sandbox.get(`/unified/messaging/users?page_size=5`, account.id)).data as { id: string }[];
  const created = await request.post('/sandbox/unified/messaging/conversations', {
    headers: { authorization: SANDBOX_AUTH, 'x-account-id': account.id },
    data: { name: 'hostile-corpus', participants: [users[1]!.id, users[2]!.id], private: true },
  });
  expect(created.status()).toBe(201);
  const conversation = (await created.json()).data.id as string;
  const ids: string[] = [];
  for (let i = 0; i < hostileHtml.length; i++) {
    const sent = await sandbox.send(account.id, conversation, `placeholder ${i}`);
    expect(sent.status()).toBe(201);
    ids.push((await sent.json()).data.id);
  }

  // Put the corpus where a provider would: message HTML and text, the conversation's and a person's name, file names.
  const db = new Database(dbPath);
  const owner = db.prepare('SELECT owner_user_id AS id FROM accounts WHERE id = ?').get(account.id) as { id: string };
  const ownerName = (
    db.prepare('SELECT name FROM users WHERE account_id = ? AND id = ?').get(account.id, owner.id) as {
      name: string;
    }
  ).name;
  const blob = db.prepare('SELECT pk FROM blobs ORDER BY pk LIMIT 1').get() as { pk: number };
  db.transaction(() => {
    const update = db.prepare(
      'UPDATE messages SET content_html = ?, content_plain = ? WHERE account_id = ? AND id = ?',
    );
    hostileHtml.forEach((html, i) =>
      update.run(html, `${hostileText[i % hostileText.length]} ${i}`, account.id, ids[i]),
    );
    db.prepare('UPDATE conversations SET name = ? WHERE account_id = ? AND id = ?').run(
      hostileText[0],
      account.id,
      conversation,
    );
    db.prepare('UPDATE users SET name = ? WHERE account_id = ? AND id = ?').run(hostileText[1], account.id, owner.id);
    const attach = db.prepare(
      'INSERT INTO attachments (account_id, message_seq, id, file_name, file_type, blob_pk) VALUES (?, (SELECT seq FROM messages WHERE account_id = ? AND id = ?), ?, ?, ?, ?)',
    );
    hostileText.forEach((name, i) => {
      const message = ids[ids.length - 1 - i]!;
      attach.run(account.id, account.id, message, `hostile-file-${i}`, name + '.html', 'text/html', blob.pk);
      db.prepare('UPDATE messages SET has_attachments = 1 WHERE account_id = ? AND id = ?').run(account.id, message);
    });
  })();

  try {
    const ran: string[] = [];
    await page.exposeFunction('__xssReport', (tag: string) => ran.push(tag));
    await page.addInitScript(() => {
      (window as unknown as { __xss: (tag: string) => void }).__xss = (tag) =>
        (window as unknown as { __xssReport: (tag: string) => void }).__xssReport(String(tag));
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const trustedTypeViolations: string[] = [];
    page.on('console', (message) => {
      if (/Trusted ?(HTML|Type)/i.test(message.text())) trustedTypeViolations.push(message.text());
    });
    const elsewhere: string[] = [];
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(baseURL!) && !/^(blob|data):/.test(url)) elsewhere.push(url);
    });

    await page.goto(`/a/${account.id}/c/${conversation}`);
    const log = page.getByRole('log', { name: 'Messages' });
    await expect(log.getByText('external link')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: hostileText[0] })).toBeVisible();

    // The newest messages carry the files: their cards show the hostile names as text.
    await expect(log.getByText(`${hostileText[0]}.html`)).toBeVisible();
    await page.screenshot({ path: 'test-results/hostile-content.png' });

    const seen = new Set<string>();
    const found = new Set<string>();
    for (let step = 0; step < 40; step++) {
      for (const item of await log.evaluate(activeContent)) found.add(item);
      const texts = await log
        .locator('[data-message-id]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-message-id')!));
      texts.forEach((id) => seen.add(id));
      // Hovered whenever its row is mounted (the thread is virtualised): its handlers, had they survived, would run.
      const bait = log.getByText('hover over me');
      if ((await bait.count()) > 0)
        await bait
          .first()
          .hover({ timeout: 2_000 })
          .catch(() => undefined);
      const top = await log.evaluate((el) => {
        el.scrollBy({ top: -700 });
        return el.scrollTop;
      });
      if (top === 0 && ids.every((id) => seen.has(id))) break;
      await page.waitForTimeout(100);
    }
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
    expect([...found]).toEqual([]);
    expect(ran).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);
    // Trusted Types are enforced: the app's own rendering raised no violation, and a bare string reaches no sink.
    expect(trustedTypeViolations).toEqual([]);
    const sink = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<img src=x onerror=__xss(1)>';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(sink).toBe('TypeError');
  } finally {
    db.prepare('UPDATE users SET name = ? WHERE account_id = ? AND id = ?').run(ownerName, account.id, owner.id);
    db.close();
  }
});

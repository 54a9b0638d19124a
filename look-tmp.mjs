import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const base = 'http://127.0.0.1:5600';
let bad = 0;
for (let i = 0; i < 6; i++) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(base + '/a/d6td6zozmafqryjjaw8u/c/uoza13d4fgsqkiov/m/srseo1kks0vwgh0b');
  const ok = await page.locator('[data-message-id="srseo1kks0vwgh0b"]').getByRole('img', { name: 'team-offsite.jpg' }).waitFor({ timeout: 10000 }).then(() => true, () => false);
  console.log(i, ok, Date.now() - t0);
  if (!ok) bad++;
  await ctx.close();
}
console.log('bad', bad);
await b.close();

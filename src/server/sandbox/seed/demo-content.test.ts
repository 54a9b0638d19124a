import { describe, it, expect } from 'vitest';
import { createRng } from './rng';
import {
  demoMessageText,
  demoWorkspaces,
  type DemoConversation,
  type DemoUser,
  type DemoWorkspace,
} from './demo-content';

const workspaces = demoWorkspaces(42);

const participantsOf = (w: DemoWorkspace, c: DemoConversation): DemoUser[] => {
  const byId = new Map(w.users.map((u) => [u.id, u]));
  return c.participantIds.map((id) => byId.get(id)!);
};

/** The text a reader sees in the HTML fragment, whitespace-collapsed. */
const htmlText = (html: string) =>
  html
    .replace(/<\/(p|li|pre)>|<br\s*\/?>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const plainText = (plain: string) => plain.replace(/^• /gm, '').replace(/\s+/g, ' ').trim();

/** Generates `count` messages across all conversations of all workspaces. */
function sampleMessages(seed: number, count: number) {
  const rng = createRng(seed);
  const all = workspaces.flatMap((w) => w.conversations.map((c) => ({ c, ps: participantsOf(w, c) })));
  const out: { plain: string; html: string; c: DemoConversation }[] = [];
  for (let i = 0; i < count; i++) {
    const { c, ps } = all[i % all.length]!;
    const author = ps[rng.int(0, ps.length - 1)]!;
    out.push({ ...demoMessageText(rng, c, author, ps, rng.chance(0.3)), c });
  }
  return out;
}

describe('demoWorkspaces', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(demoWorkspaces(42)).toEqual(workspaces);
    expect(demoWorkspaces(43)).not.toEqual(workspaces);
  });

  it('has three accounts with distinct providers and StackOne-like ids', () => {
    expect(workspaces).toHaveLength(3);
    expect(new Set(workspaces.map((w) => w.account.provider))).toEqual(
      new Set(['slack', 'microsoft_teams', 'discord']),
    );
    for (const { account } of workspaces) {
      expect(account.id).toMatch(/^[a-z0-9]{20}$/);
      expect(account.origin_username).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
      expect(account.provider_name).toBeTruthy();
      expect(account.origin_owner_name).toBeTruthy();
      expect(account.label).toBeTruthy();
    }
  });

  it('has users within the ranges, with bots and inactive people, all fields filled', () => {
    for (const { users, account } of workspaces) {
      expect(users.length).toBeGreaterThanOrEqual(30);
      expect(users.length).toBeLessThanOrEqual(60);
      const bots = users.filter((u) => u.bot);
      const inactive = users.filter((u) => !u.active);
      expect(bots.length).toBeGreaterThanOrEqual(3);
      expect(bots.length).toBeLessThanOrEqual(5);
      expect(inactive.length).toBeGreaterThanOrEqual(3);
      expect(inactive.length).toBeLessThanOrEqual(6);
      const domain = account.origin_username.split('@')[1]!;
      for (const u of users) {
        expect(u.id).toMatch(/^[a-z0-9]{16}$/);
        expect(u.name && u.username && u.email && u.remote_id && u.external_reference).toBeTruthy();
        expect(u.email.endsWith(`@${domain}`)).toBe(true);
        if (!u.bot) {
          expect(u.first_name && u.last_name && u.phone_number).toBeTruthy();
          expect(u.name).toBe(`${u.first_name} ${u.last_name}`);
        }
      }
      expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
      expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    }
  });

  it('uses provider-flavoured remote ids', () => {
    const [slack, teams, discord] = workspaces;
    for (const u of slack!.users) expect(u.remote_id).toMatch(/^U[0-9A-Z]{10}$/);
    for (const u of teams!.users)
      expect(u.remote_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const u of discord!.users) expect(u.remote_id).toMatch(/^\d{17,19}$/);
    for (const c of slack!.conversations)
      expect(c.remote_id).toMatch(c.kind === 'direct' ? /^D/ : c.private ? /^G/ : /^C/);
    for (const c of teams!.conversations)
      expect(c.remote_id).toMatch(/^19:.+@(thread\.tacv2|thread\.v2|unq\.gbl\.spaces)$/);
    for (const c of discord!.conversations) expect(c.remote_id).toMatch(/^\d{17,19}$/);
  });

  it('has conversations within the ranges', () => {
    for (const { conversations } of workspaces) {
      const channels = conversations.filter((c) => c.kind === 'channel');
      const named = conversations.filter((c) => c.kind === 'group' && c.name !== null);
      const groupDms = conversations.filter((c) => c.kind === 'group' && c.name === null);
      const dms = conversations.filter((c) => c.kind === 'direct');
      expect(channels.length).toBeGreaterThanOrEqual(8);
      expect(channels.length).toBeLessThanOrEqual(15);
      expect(channels.every((c) => !c.private && c.name && !c.name.startsWith('#'))).toBe(true);
      expect(named.length).toBeGreaterThanOrEqual(3);
      expect(named.length).toBeLessThanOrEqual(6);
      expect(named.every((c) => c.private)).toBe(true);
      expect(groupDms.length).toBeGreaterThanOrEqual(1);
      expect(groupDms.length).toBeLessThanOrEqual(2);
      for (const c of groupDms) expect(c.participantIds.length === 3 || c.participantIds.length === 4).toBe(true);
      expect(dms.length).toBeGreaterThanOrEqual(10);
      expect(dms.length).toBeLessThanOrEqual(25);
      for (const c of conversations) expect(c.weight).toBeGreaterThan(0);
    }
  });

  it('gives direct messages two distinct participants and no name', () => {
    for (const { conversations } of workspaces) {
      for (const c of conversations.filter((x) => x.kind === 'direct')) {
        expect(c.name).toBeNull();
        expect(c.private).toBe(true);
        expect(c.participantIds).toHaveLength(2);
        expect(c.participantIds[0]).not.toBe(c.participantIds[1]);
      }
    }
  });

  it('only lists participants from the same account', () => {
    for (const { users, conversations } of workspaces) {
      const ids = new Set(users.map((u) => u.id));
      for (const c of conversations) {
        expect(c.participantIds.length).toBeGreaterThanOrEqual(2);
        expect(new Set(c.participantIds).size).toBe(c.participantIds.length);
        for (const id of c.participantIds) expect(ids.has(id)).toBe(true);
      }
    }
  });

  it('has unique ids and remote ids across everything', () => {
    const ids = workspaces.flatMap((w) => [
      w.account.id,
      ...w.users.map((u) => u.id),
      ...w.conversations.map((c) => c.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    const remote = workspaces.flatMap((w) => [
      ...w.users.map((u) => u.remote_id),
      ...w.conversations.map((c) => c.remote_id),
    ]);
    expect(new Set(remote).size).toBe(remote.length);
  });

  it("makes 'general' the busiest conversation of the first account", () => {
    for (const seed of [1, 2, 42, 1234]) {
      const [first] = demoWorkspaces(seed);
      const general = first!.conversations.find((c) => c.name === 'general')!;
      expect(general).toBeDefined();
      for (const c of first!.conversations) if (c !== general) expect(general.weight).toBeGreaterThan(c.weight);
    }
  });
});

describe('demoMessageText', () => {
  const messages = sampleMessages(7, 5000);

  it('is deterministic for a seed', () => {
    expect(sampleMessages(7, 300)).toEqual(messages.slice(0, 300));
  });

  it('produces non-empty, varied text', () => {
    for (const m of messages) {
      expect(m.plain.trim()).not.toBe('');
      expect(m.html).toMatch(/^<p>/);
    }
    const distinct = new Set(messages.map((m) => m.plain));
    expect(distinct.size).toBeGreaterThan(messages.length * 0.6);
    const all = messages.map((m) => m.html).join('\n');
    for (const tag of ['<a href="https://', '<code>', '<pre><code', '<strong>', '<em>', '<ul><li>', 'class="mention"'])
      expect(all).toContain(tag);
  });

  it('keeps html and plain in agreement', () => {
    for (const m of messages) expect(htmlText(m.html)).toBe(plainText(m.plain));
  });

  it('produces well-formed html fragments', () => {
    for (const m of messages) {
      const stack: string[] = [];
      for (const [, close, tag] of m.html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
        if (close) expect(stack.pop()).toBe(tag);
        else stack.push(tag!);
      }
      expect(stack).toEqual([]);
      // No stray '<' or '&' outside tags and entities.
      expect(m.html.replace(/<\/?[a-z]+(\s[^>]*)?>/g, '').replace(/&(amp|lt|gt|quot);/g, '')).not.toMatch(/[<>&]/);
    }
  });

  it('escapes markup that comes from data', () => {
    const [w] = workspaces;
    const channel = w!.conversations.find((c) => c.name === 'general')!;
    const evil: DemoUser = {
      ...w!.users[0]!,
      id: 'evil000000000000',
      name: '<script>alert(1)</script> & co',
      first_name: '<script>x</script>',
    };
    const author = w!.users[1]!;
    const rng = createRng(5);
    let sawName = false;
    for (let i = 0; i < 3000; i++) {
      const m = demoMessageText(rng, channel, author, [author, evil], i % 3 === 0);
      expect(m.html).not.toContain('<script');
      if (m.plain.includes('<script>')) {
        sawName = true;
        expect(m.html).toContain('&lt;script&gt;');
      }
      expect(htmlText(m.html)).toBe(plainText(m.plain));
    }
    expect(sawName).toBe(true);
  });

  it('writes welcome messages and bot messages', () => {
    expect(messages.some((m) => /welcome|just joined|e-meet/i.test(m.plain))).toBe(true);
    const [w] = workspaces;
    const bot = w!.users.find((u) => u.bot)!;
    const c = w!.conversations.find((x) => x.name === 'general')!;
    const m = demoMessageText(createRng(1), c, bot, participantsOf(w!, c), false);
    expect(m.plain.length).toBeGreaterThan(5);
  });
});

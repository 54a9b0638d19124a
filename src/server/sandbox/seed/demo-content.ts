/**
 * Realistic, deterministic demo content for the sandbox seed: three linked accounts (Slack-like,
 * Teams-like, Discord-like) with their users and conversations, plus a message-text generator
 * (demo-text.ts). Pure functions over the seeded PRNG; the caller inserts the rows.
 */
import { createRng, type Rng } from './rng';
import { ORGS, FIRST_NAMES, LAST_NAMES, asciiSlug, type BotDef, type OrgDef } from './demo-people';

export { demoMessageText } from './demo-text';

export interface DemoAccount {
  /** Used as x-account-id: 20 lowercase alphanumerics, like StackOne's. */
  id: string;
  provider: 'slack' | 'microsoft_teams' | 'discord';
  provider_name: string;
  /** The customer organisation. */
  origin_owner_id: string;
  origin_owner_name: string;
  /** The admin who linked the account (an e-mail). */
  origin_username: string;
  label: string;
}

export interface DemoUser {
  /** 16 lowercase alphanumerics. */
  id: string;
  /** Provider-flavoured: Slack 'U04ABCD1234', Teams an AAD object GUID, Discord a snowflake. */
  remote_id: string;
  name: string;
  /** null for bots. */
  first_name: string | null;
  last_name: string | null;
  username: string;
  email: string;
  bot: boolean;
  active: boolean;
  /** null for bots. */
  phone_number: string | null;
  /** Employee number for people, the provider's app/bot id for bots. */
  external_reference: string | null;
}

export interface DemoConversation {
  /** 16 lowercase alphanumerics. */
  id: string;
  /** Slack 'C…'/'G…'/'D…', Teams '19:…@thread.tacv2' (chats '@thread.v2' / '@unq.gbl.spaces'), Discord snowflake. */
  remote_id: string;
  /** Channel name without '#', a title for private groups, null for direct messages and group DMs. */
  name: string | null;
  private: boolean;
  /** Group DMs (3-4 people, no name) are kind 'group' with name null. */
  kind: 'channel' | 'group' | 'direct';
  /** User ids of the same account. */
  participantIds: string[];
  /** Relative share of the account's messages. */
  weight: number;
}

export interface DemoWorkspace {
  account: DemoAccount;
  users: DemoUser[];
  conversations: DemoConversation[];
}

export interface DemoMessageText {
  plain: string;
  html: string;
}

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DISCORD_EPOCH = 1420070400000;

class Ids {
  private readonly seen = new Set<string>();
  constructor(private readonly rng: Rng) {}
  /** A fresh id, unique among everything this instance produced. */
  unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }
  alnum(length: number): string {
    return this.unique(() => this.rng.id(length));
  }
  /** Slack style: 'U0' + 9 uppercase alphanumerics. */
  slack(prefix: string): string {
    return this.unique(() => {
      let s = `${prefix}0`;
      for (let i = 0; i < 9; i++) s += UPPER_ALNUM[this.rng.int(0, 35)];
      return s;
    });
  }
  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += '0123456789abcdef'[this.rng.int(0, 15)];
    return s;
  }
  guid(): string {
    return this.unique(
      () => `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.rng.int(0, 3)]}${this.hex(3)}-${this.hex(12)}`,
    );
  }
  /** A Discord snowflake created between 2017 and 2024. */
  snowflake(): string {
    return this.unique(() => {
      const ms = BigInt(this.rng.int(1483228800, 1735603200)) * 1000n + BigInt(this.rng.int(0, 999));
      return (((ms - BigInt(DISCORD_EPOCH)) << 22n) | BigInt(this.rng.int(0, 0x3fffff))).toString();
    });
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function userRemoteId(org: OrgDef, ids: Ids): string {
  if (org.provider === 'slack') return ids.slack('U');
  if (org.provider === 'microsoft_teams') return ids.guid();
  return ids.snowflake();
}

function buildUsers(org: OrgDef, rng: Rng, ids: Ids): DemoUser[] {
  const total = rng.int(30, 60);
  const bots = rng.sample(org.bots, rng.int(3, Math.min(5, org.bots.length)));
  const humans = total - bots.length;

  const fullNames = new Set<string>();
  const usernames = new Set<string>();
  const employeeNumbers = new Set<number>();
  const phoneStep = 7;
  const phoneOffset = rng.int(0, 99);
  const users: DemoUser[] = [];
  for (let k = 0; k < humans; k++) {
    let first: string;
    let last: string;
    do {
      first = rng.pick(FIRST_NAMES);
      last = rng.pick(LAST_NAMES);
    } while (fullNames.has(`${first} ${last}`));
    fullNames.add(`${first} ${last}`);

    const base = `${asciiSlug(first)}.${asciiSlug(last)}`;
    let local = base;
    for (let n = 2; usernames.has(local); n++) local = `${base}${n}`;
    usernames.add(local);
    const email = `${local}@${org.domain}`;
    const username =
      org.provider === 'slack' ? local : org.provider === 'microsoft_teams' ? email : local.replace('.', '_');

    let employee: number;
    do employee = rng.int(1000, 19999);
    while (employeeNumbers.has(employee));
    employeeNumbers.add(employee);

    users.push({
      id: ids.alnum(16),
      remote_id: userRemoteId(org, ids),
      name: `${first} ${last}`,
      first_name: first,
      last_name: last,
      username,
      email,
      bot: false,
      active: true,
      phone_number: org.phone(phoneOffset + k * phoneStep),
      external_reference: `EMP-${String(employee).padStart(5, '0')}`,
    });
  }
  for (const u of rng.sample(users, rng.int(3, 6))) u.active = false;

  for (const bot of bots) {
    users.push({
      id: ids.alnum(16),
      remote_id: userRemoteId(org, ids),
      name: bot.name,
      first_name: null,
      last_name: null,
      username: bot.username,
      email: `${bot.username.replace(/-bot$/, '')}-bot@${org.domain}`,
      bot: true,
      active: true,
      phone_number: null,
      external_reference:
        org.provider === 'slack' ? ids.slack('B') : org.provider === 'microsoft_teams' ? ids.guid() : ids.snowflake(),
    });
  }
  return users;
}

function conversationRemoteId(
  org: OrgDef,
  ids: Ids,
  kind: DemoConversation['kind'],
  isPrivate: boolean,
  named: boolean,
  members: DemoUser[],
): string {
  if (org.provider === 'discord') return ids.snowflake();
  if (org.provider === 'slack') {
    if (kind === 'direct') return ids.slack('D');
    return ids.slack(isPrivate ? 'G' : 'C');
  }
  // Teams: channels live in a team thread; chats are '@thread.v2', one-on-one chats name both users.
  if (kind === 'direct') {
    const [a, b] = members;
    return ids.unique(() => `19:${a!.remote_id}_${b!.remote_id}@unq.gbl.spaces`);
  }
  return ids.unique(() => `19:${ids.hex(32)}@thread.${named ? 'tacv2' : 'v2'}`);
}

function buildConversations(
  org: OrgDef,
  users: DemoUser[],
  rng: Rng,
  ids: Ids,
  biggestGeneral: boolean,
): DemoConversation[] {
  const humans = users.filter((u) => !u.bot);
  const activeHumans = humans.filter((u) => u.active);
  const bots = users.filter((u) => u.bot);
  const botDefs = new Map<string, BotDef>(org.bots.map((b) => [b.username, b]));
  const conversations: DemoConversation[] = [];

  const add = (
    kind: DemoConversation['kind'],
    name: string | null,
    isPrivate: boolean,
    members: DemoUser[],
    weight: number,
  ) => {
    conversations.push({
      id: ids.alnum(16),
      remote_id: conversationRemoteId(org, ids, kind, isPrivate, name !== null, members),
      name,
      private: isPrivate,
      kind,
      participantIds: members.map((u) => u.id),
      weight: round2(weight),
    });
  };

  // Public channels: the first one (general) always, then a sample in definition order.
  const [firstChannel, ...restChannels] = org.channels;
  const picked = new Set(rng.sample(restChannels, rng.int(8, 15) - 1));
  const channels = [firstChannel!, ...restChannels.filter((c) => picked.has(c))];
  for (const ch of channels) {
    const lower = ch.name.toLowerCase();
    const channelBots = bots.filter((b) => botDefs.get(b.username)?.posts.some((k) => lower.includes(k)));
    const people = ch.everyone
      ? humans
      : rng.sample(humans, rng.int(Math.min(6, humans.length), Math.min(28, humans.length)));
    add('channel', ch.name, false, [...people, ...channelBots], ch.busy * (0.6 + rng.next() * 0.8));
  }

  // Private groups with a name.
  for (const name of rng.sample(org.privateGroups, rng.int(3, 6))) {
    add('group', name, true, rng.sample(activeHumans, rng.int(3, 9)), 1 + rng.next() * 3);
  }

  // Group DMs: 3-4 people, no name.
  for (let k = rng.int(1, 2); k > 0; k--) {
    add('group', null, true, rng.sample(activeHumans, rng.int(3, 4)), 0.5 + rng.next());
  }

  // Direct messages: distinct pairs, mostly between active people, plus one with a DM-ing bot.
  const dmCount = rng.int(10, 25);
  const pairs = new Set<string>();
  const dmBot = bots.find((b) => botDefs.get(b.username)?.dms);
  if (dmBot) {
    const person = rng.pick(activeHumans);
    pairs.add(`${dmBot.id}|${person.id}`);
    add('direct', null, true, [dmBot, person], 0.2 + rng.next() * 0.4);
  }
  while (pairs.size < dmCount) {
    const a = rng.pick(activeHumans);
    const b = rng.chance(0.9) ? rng.pick(activeHumans) : rng.pick(humans);
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    add('direct', null, true, [a, b], 0.3 + rng.next() * 2);
  }

  if (biggestGeneral) {
    // 'general' gets about a third of the account's messages: the largest share by far.
    const general = conversations.find((c) => c.name === 'general');
    if (general) {
      const others = conversations.reduce((sum, c) => (c === general ? sum : sum + c.weight), 0);
      general.weight = round2(others / 2);
    }
  }
  return conversations;
}

/**
 * Three accounts (Slack-like, Teams-like, Discord-like), each with 30-60 users (3-5 bots, 3-6
 * inactive people), 8-15 public channels, 3-6 named private groups, 1-2 unnamed group DMs of 3-4
 * people and 10-25 direct conversations of two. In the first account, 'general' carries the largest
 * share of messages. Deterministic for a given seed.
 */
export function demoWorkspaces(seed: number): DemoWorkspace[] {
  const rng = createRng(seed);
  const ids = new Ids(rng);
  return ORGS.map((org, index) => {
    const users = buildUsers(org, rng, ids);
    const admin = rng.pick(users.filter((u) => !u.bot && u.active));
    const account: DemoAccount = {
      id: ids.alnum(20),
      provider: org.provider,
      provider_name: org.providerName,
      origin_owner_id: org.ownerId,
      origin_owner_name: org.ownerName,
      origin_username: admin.email,
      label: org.label,
    };
    return { account, users, conversations: buildConversations(org, users, rng, ids, index === 0) };
  });
}

/**
 * Message-text generator for the demo seed. Phrase templates (demo-phrases.ts) are compiled once at
 * load into arrays of literal parts (plain + pre-escaped HTML) and slot writers, so that producing a
 * message is a handful of PRNG draws and string appends: about a microsecond each.
 */
import type { Rng } from './rng';
import type { DemoConversation, DemoMessageText, DemoUser } from './demo-content';
import { ORGS } from './demo-people';
import {
  BOT_LINES,
  CLOSERS,
  CODE,
  CODE_LEADS,
  CODE_TAILS,
  FILLER,
  FLAVORS,
  GENERIC_REPLIES,
  OPENERS,
  POOLS,
  TINY,
  TOPIC_ORDER,
  TOPICS,
  WELCOME_CHANNEL,
  WELCOME_DM,
  type OrgFlavor,
} from './demo-phrases';

interface Ctx {
  rng: Rng;
  p: string;
  h: string;
  author: DemoUser;
  participants: readonly DemoUser[];
  conv: DemoConversation;
  org: Org;
  topic: Topic;
}
interface Lit {
  p: string;
  h: string;
}
type SlotFn = (c: Ctx) => void;
type Part = Lit | SlotFn;
type Tpl = readonly Part[];

interface Topic {
  key: string;
  tickets: readonly string[];
  code: number;
  say: Tpl[];
  ask: Tpl[];
  leads: Tpl[];
  items: Tpl[];
  replies: Tpl[];
}

interface Org {
  domain: string;
  name: string;
  flavor: OrgFlavor;
  product: Lit[];
  services: Lit[];
  repos: Lit[];
  features: Lit[];
  customers: Lit[];
  teams: Lit[];
  sites: Lit[];
  dmTopics: Topic[];
}

// ---------------------------------------------------------------------------------------------
// Escaping and low-level writers

const NEEDS_ESCAPE = /[&<>]/;
/** Escapes text content for HTML (&, <, >). */
export function escapeHtml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const escapeAttr = (s: string) => escapeHtml(s).replace(/"/g, '&quot;');

const lit = (s: string): Lit => ({ p: s, h: escapeHtml(s) });
const put = (c: Ctx, s: string) => {
  c.p += s;
  c.h += escapeHtml(s);
};
/** For strings known to need no escaping (numbers, ids). */
const putSafe = (c: Ctx, s: string) => {
  c.p += s;
  c.h += s;
};
const putLit = (c: Ctx, l: Lit) => {
  c.p += l.p;
  c.h += l.h;
};
const link = (c: Ctx, url: string) => {
  c.p += url;
  const e = escapeAttr(url);
  c.h += `<a href="${e}">${e}</a>`;
};

function render(c: Ctx, t: Tpl): void {
  for (let i = 0; i < t.length; i++) {
    const part = t[i]!;
    if (typeof part === 'function') part(c);
    else {
      c.p += part.p;
      c.h += part.h;
    }
  }
}
const pickOf = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)]!;

// ---------------------------------------------------------------------------------------------
// Slots

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUTES = ['00', '15', '30', '45', '00', '30'];
const DURATIONS = [
  '5 minutes',
  '10 minutes',
  '15 minutes',
  '20 minutes',
  'half an hour',
  '45 minutes',
  'an hour',
  'two hours',
  'a day',
];

const hex = (rng: Rng, groups: number) => {
  let s = '';
  for (let i = 0; i < groups; i++) s += ((rng.next() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
  return s;
};
const digits = (rng: Rng, count: number) => {
  let s = String(rng.int(1, 9));
  for (let i = 1; i < count; i++) s += String(rng.int(0, 9));
  return s;
};
const thousands = (x: number) =>
  x >= 1000 ? `${Math.floor(x / 1000)},${String(x % 1000).padStart(3, '0')}` : String(x);
const dashed = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const titled = (s: string) => s.replace(/[_-]+/g, ' ').replace(/\b\w/g, (m) => m.toUpperCase());

/** Another human participant than the author, if there is one. */
function other(c: Ctx): DemoUser | undefined {
  const ps = c.participants;
  if (ps.length === 0) return undefined;
  for (let k = 0; k < 6; k++) {
    const u = ps[Math.floor(c.rng.next() * ps.length)]!;
    if (u.id !== c.author.id && !u.bot) return u;
  }
  return ps.find((u) => u.id !== c.author.id && !u.bot);
}
const firstOf = (u: DemoUser) => u.first_name ?? u.name;
const ticketId = (c: Ctx) => `${pickOf(c.rng, c.topic.tickets)}-${c.rng.int(100, 4999)}`;

function docUrl(c: Ctx, wiki: OrgFlavor['wiki'] | 'google' = c.org.flavor.wiki): string {
  const { rng, org } = c;
  const gh = org.flavor.gh;
  const title = pickOf(rng, org.features).p;
  switch (wiki) {
    case 'notion':
      return `https://www.notion.so/${gh}/${titled(title).replace(/ /g, '-')}-${hex(rng, 4)}`;
    case 'confluence':
      return `https://${gh}.atlassian.net/wiki/spaces/${gh.slice(0, 3).toUpperCase()}/pages/${digits(rng, 9)}`;
    case 'sharepoint':
      return `https://${gh}.sharepoint.com/sites/${titled(pickOf(rng, org.teams).p).replace(/ /g, '')}/Shared%20Documents/${titled(title).replace(/ /g, '%20')}.docx`;
    case 'google':
      return `https://docs.google.com/document/d/${rng.id(28)}/edit`;
  }
}

const URLS: Record<string, (c: Ctx) => string> = {
  pr: (c) => {
    const { gh } = c.org.flavor;
    const repo = pickOf(c.rng, c.org.repos).p;
    const n = c.rng.int(100, 9999);
    return c.org.flavor.wiki === 'sharepoint'
      ? `https://dev.azure.com/${gh}/${repo}/_git/${repo}/pullrequest/${n}`
      : `https://github.com/${gh}/${repo}/pull/${n}`;
  },
  ticket: (c) => {
    const { gh, tracker } = c.org.flavor;
    if (tracker === 'servicenow')
      return `https://${gh}.service-now.com/incident.do?sysparm_query=number%3DINC00${c.rng.int(10000, 99999)}&sysparm_view=ess`;
    if (tracker === 'github')
      return `https://github.com/${gh}/${pickOf(c.rng, c.org.repos).p}/issues/${c.rng.int(100, 9999)}`;
    return `https://${gh}.atlassian.net/browse/${ticketId(c)}`;
  },
  doc: (c) => (c.rng.chance(0.3) ? docUrl(c, 'google') : docUrl(c)),
  notion: (c) => docUrl(c),
  figma: (c) =>
    `https://www.figma.com/design/${c.rng.id(22)}/${titled(pickOf(c.rng, c.org.features).p).replace(/ /g, '-')}?node-id=${c.rng.int(1, 900)}-${c.rng.int(1, 9000)}`,
  dash: (c) =>
    `https://grafana.${c.org.domain}/d/${c.rng.id(9)}/${pickOf(c.rng, c.org.services).p}?orgId=1&from=now-${pickOf(c.rng, ['1h', '6h', '24h', '7d'])}`,
  status: (c) => `https://status.${c.org.domain}/incidents/${c.rng.id(12)}`,
  loom: (c) => `https://www.loom.com/share/${hex(c.rng, 4)}`,
  meet: (c) =>
    c.org.flavor.wiki === 'sharepoint'
      ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${c.rng.id(24)}%40thread.v2/0`
      : `https://zoom.us/j/${digits(c.rng, 10)}`,
  blog: (c) =>
    c.rng.chance(0.5)
      ? `https://${c.org.domain}/blog/${dashed(`introducing ${pickOf(c.rng, c.org.features).p}`)}`
      : `https://help.${c.org.domain}/articles/${c.rng.int(1000, 99999)}-${dashed(pickOf(c.rng, c.org.features).p)}`,
  runbook: (c) =>
    `https://www.notion.so/${c.org.flavor.gh}/Runbook-${pickOf(c.rng, c.org.services).p}-${hex(c.rng, 4)}`,
};

const compiledPools: Record<string, Tpl[]> = {};
const orgPool =
  (key: 'product' | 'services' | 'repos' | 'features' | 'customers' | 'teams' | 'sites'): SlotFn =>
  (c) =>
    putLit(c, pickOf(c.rng, c.org[key]));

const SLOTS: Record<string, SlotFn> = {
  '@': (c) => {
    const u = other(c);
    if (!u) return putSafe(c, '@here');
    c.p += `@${u.name}`;
    c.h += `<span class="mention">@${escapeHtml(u.name)}</span>`;
  },
  first: (c) => {
    const u = other(c);
    put(c, u ? firstOf(u) : 'team');
  },
  name: (c) => {
    const u = other(c);
    put(c, u ? u.name : 'someone');
  },
  me: (c) => put(c, firstOf(c.author)),
  org: (c) => put(c, c.org.name),
  chan: (c) => {
    const name = c.conv.name;
    if (name === null) return putSafe(c, 'this chat');
    put(c, /[A-Z ]/.test(name) ? `the ${name} channel` : `#${name}`);
  },
  product: orgPool('product'),
  service: orgPool('services'),
  repo: orgPool('repos'),
  feature: orgPool('features'),
  customer: orgPool('customers'),
  team: orgPool('teams'),
  site: orgPool('sites'),
  n: (c) => putSafe(c, String(c.rng.int(2, 12))),
  n2: (c) => putSafe(c, String(c.rng.int(12, 99))),
  big: (c) => putSafe(c, thousands(c.rng.int(120, 9800))),
  pct: (c) => putSafe(c, String(c.rng.int(3, 97))),
  ms: (c) => putSafe(c, String(c.rng.int(4, 240) * 10)),
  pr: (c) => putSafe(c, `#${c.rng.int(100, 9999)}`),
  build: (c) => putSafe(c, `#${c.rng.int(4000, 29999)}`),
  ticket: (c) => putSafe(c, ticketId(c)),
  ver: (c) => putSafe(c, `v${c.rng.int(1, 4)}.${c.rng.int(0, 30)}.${c.rng.int(0, 12)}`),
  sha: (c) => putSafe(c, ((c.rng.next() * 0x10000000) >>> 0).toString(16).padStart(7, '0')),
  date: (c) => putSafe(c, `${MONTHS[c.rng.int(0, 11)]} ${c.rng.int(1, 28)}`),
  time: (c) => putSafe(c, `${c.rng.int(8, 18)}:${pickOf(c.rng, MINUTES)}`),
  dur: (c) => putSafe(c, pickOf(c.rng, DURATIONS)),
  money: (c) => putSafe(c, `$${c.rng.int(12, 480)}k`),
  q: (c) => putSafe(c, `Q${c.rng.int(1, 4)}`),
};
for (const key of Object.keys(URLS)) {
  const make = URLS[key]!;
  SLOTS[`url:${key}`] = (c) => link(c, make(c));
}
for (const key of Object.keys(POOLS)) SLOTS[key] = (c) => render(c, pickOf(c.rng, compiledPools[key]!));

// ---------------------------------------------------------------------------------------------
// Template compilation

function slot(name: string, src: string): SlotFn {
  const fn = SLOTS[name];
  if (!fn) throw new Error(`demo-text: unknown slot {${name}} in "${src}"`);
  return fn;
}

/** Compiles prose: {slot}, `code`, **bold**, __italic__. */
function compile(src: string): Tpl {
  const parts: Part[] = [];
  let p = '';
  let h = '';
  const flush = () => {
    if (p !== '' || h !== '') parts.push({ p, h });
    p = h = '';
  };
  let code = false;
  let bold = false;
  let em = false;
  for (let i = 0; i < src.length;) {
    const ch = src[i]!;
    if (ch === '`') {
      h += code ? '</code>' : '<code>';
      code = !code;
      i++;
    } else if (!code && ch === '*' && src[i + 1] === '*') {
      h += bold ? '</strong>' : '<strong>';
      bold = !bold;
      i += 2;
    } else if (!code && ch === '_' && src[i + 1] === '_') {
      h += em ? '</em>' : '<em>';
      em = !em;
      i += 2;
    } else if (ch === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new Error(`demo-text: unclosed slot in "${src}"`);
      flush();
      parts.push(slot(src.slice(i + 1, end), src));
      i = end + 1;
    } else {
      p += ch;
      h += escapeHtml(ch);
      i++;
    }
  }
  if (code || bold || em) throw new Error(`demo-text: unbalanced markup in "${src}"`);
  flush();
  return parts;
}

/** Compiles a code snippet: %slot% placeholders, everything else literal. */
function compileCode(lang: string, src: string): Tpl {
  const parts: Part[] = [{ p: '', h: `<pre><code class="language-${lang}">` }];
  const re = /%([a-z0-9]+)%/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > last) parts.push(lit(src.slice(last, m.index)));
    parts.push(slot(m[1]!, src));
    last = m.index + m[0].length;
  }
  if (last < src.length) parts.push(lit(src.slice(last)));
  parts.push({ p: '', h: '</code></pre>' });
  return parts;
}

const all = (srcs: readonly string[]) => srcs.map(compile);

for (const key of Object.keys(POOLS)) compiledPools[key] = all(POOLS[key]!);

const TOPIC_MAP = new Map<string, Topic>();
for (const key of Object.keys(TOPICS)) {
  const t = TOPICS[key]!;
  TOPIC_MAP.set(key, {
    key,
    tickets: t.tickets,
    code: t.code,
    say: all(t.say),
    ask: all(t.ask),
    leads: all(t.leads),
    items: all(t.items),
    replies: all(t.replies),
  });
}
const topic = (key: string): Topic => {
  const t = TOPIC_MAP.get(key);
  if (!t) throw new Error(`demo-text: unknown topic ${key}`);
  return t;
};
const NAMED_ORDER = TOPIC_ORDER.map((key) => ({ t: topic(key), match: TOPICS[key]!.match }));
const CHAT = topic('chat');
const RANDOM = topic('random');

const C_OPENERS = all(OPENERS);
const C_CLOSERS = all(CLOSERS);
const C_FILLER = all(FILLER);
const C_TINY = all(TINY);
const C_GENERIC_REPLIES = all(GENERIC_REPLIES);
const C_WELCOME_CHANNEL = all(WELCOME_CHANNEL);
const C_WELCOME_DM = all(WELCOME_DM);
const C_CODE_LEADS = all(CODE_LEADS);
const C_CODE_TAILS = all(CODE_TAILS);
const C_CODE = CODE.map(([lang, src]) => compileCode(lang, src));
const C_EMOJI = compiledPools.emoji!;
const C_BOTS = new Map<string, Tpl[]>(Object.keys(BOT_LINES).map((k) => [k, all(BOT_LINES[k]!)]));
const C_BOT_FALLBACK = C_BOTS.get('*')!;

// ---------------------------------------------------------------------------------------------
// Organisation and topic lookup (cached)

const ORG_CACHE = new Map<string, Org>();
function orgFor(email: string): Org {
  const domain = email.slice(email.indexOf('@') + 1).toLowerCase();
  let org = ORG_CACHE.get(domain);
  if (!org) {
    const flavor = FLAVORS[domain] ?? FLAVORS['*']!;
    const def = ORGS.find((o) => o.domain === domain);
    org = {
      domain,
      name: def?.ownerName ?? titled(domain.split('.')[0] ?? domain),
      flavor,
      product: flavor.product.map(lit),
      services: flavor.services.map(lit),
      repos: flavor.repos.map(lit),
      features: flavor.features.map(lit),
      customers: flavor.customers.map(lit),
      teams: flavor.teams.map(lit),
      sites: flavor.sites.map(lit),
      dmTopics: flavor.dmTopics.map(topic),
    };
    ORG_CACHE.set(domain, org);
  }
  return org;
}

const TOPIC_CACHE = new WeakMap<DemoConversation, Topic>();
function topicFor(conv: DemoConversation, org: Org): Topic {
  let t = TOPIC_CACHE.get(conv);
  if (!t) {
    if (conv.name === null) {
      let hash = 0;
      for (let i = 0; i < conv.id.length; i++) hash = (hash * 31 + conv.id.charCodeAt(i)) >>> 0;
      t = org.dmTopics[hash % org.dmTopics.length]!;
    } else {
      const name = conv.name.toLowerCase();
      t = NAMED_ORDER.find((o) => o.match.some((m) => name.includes(m)))?.t ?? topic('general');
    }
    TOPIC_CACHE.set(conv, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Message shapes

const space = (c: Ctx) => {
  c.p += ' ';
  c.h += ' ';
};
function openPara(c: Ctx) {
  if (c.p !== '') c.p += '\n\n';
  c.h += '<p>';
}
const closePara = (c: Ctx) => {
  c.h += '</p>';
};
function para(c: Ctx, t: Tpl) {
  openPara(c);
  render(c, t);
  closePara(c);
}

function list(c: Ctx, items: readonly Tpl[], count: number) {
  const used: number[] = [];
  c.h += '<ul>';
  for (let k = 0; k < count && used.length < items.length; k++) {
    let i = Math.floor(c.rng.next() * items.length);
    while (used.includes(i)) i = (i + 1) % items.length;
    used.push(i);
    c.p += c.p === '' ? '• ' : '\n• ';
    c.h += '<li>';
    render(c, items[i]!);
    c.h += '</li>';
  }
  c.h += '</ul>';
}

function codeBlock(c: Ctx) {
  c.p += c.p === '' ? '' : '\n';
  render(c, pickOf(c.rng, C_CODE));
}

/** Two different templates from the same list, when it has two. */
function pickTwo(rng: Rng, items: readonly Tpl[]): [Tpl, Tpl] {
  const i = Math.floor(rng.next() * items.length);
  const j = items.length < 2 ? i : (i + 1 + Math.floor(rng.next() * (items.length - 1))) % items.length;
  return [items[i]!, items[j]!];
}

function shortPost(c: Ctx, asking: boolean) {
  const { rng, topic: t } = c;
  openPara(c);
  if (rng.chance(0.2)) {
    render(c, pickOf(rng, C_OPENERS));
    space(c);
  }
  const [first, second] = pickTwo(rng, t.say);
  render(c, asking ? pickOf(rng, t.ask) : first);
  if (rng.chance(asking ? 0.25 : 0.35)) {
    space(c);
    render(c, rng.chance(0.5) && !asking ? second : pickOf(rng, C_FILLER));
  }
  if (rng.chance(0.15)) {
    space(c);
    render(c, pickOf(rng, C_CLOSERS));
  }
  if (rng.chance(0.1)) {
    space(c);
    render(c, pickOf(rng, C_EMOJI));
  }
  closePara(c);
}

function longPost(c: Ctx) {
  const { rng, topic: t } = c;
  openPara(c);
  const [a, b] = pickTwo(rng, t.say);
  render(c, a);
  space(c);
  render(c, pickOf(rng, C_FILLER));
  space(c);
  render(c, b);
  if (rng.chance(0.5)) {
    space(c);
    render(c, pickOf(rng, rng.chance(0.5) ? t.ask : C_CLOSERS));
  }
  closePara(c);
  if (rng.chance(0.3)) {
    openPara(c);
    render(c, pickOf(rng, C_FILLER));
    space(c);
    render(c, pickOf(rng, t.ask));
    closePara(c);
  }
}

function listPost(c: Ctx) {
  const { rng, topic: t } = c;
  para(c, pickOf(rng, t.leads));
  list(c, t.items, rng.int(3, 5));
  if (rng.chance(0.4)) para(c, pickOf(rng, rng.chance(0.5) ? C_CLOSERS : C_FILLER));
}

function codePost(c: Ctx) {
  const { rng } = c;
  para(c, pickOf(rng, C_CODE_LEADS));
  codeBlock(c);
  if (rng.chance(0.5)) para(c, pickOf(rng, C_CODE_TAILS));
}

function post(c: Ctx) {
  const { rng } = c;
  if (c.conv.name === null) c.topic = rng.chance(0.55) ? CHAT : c.topic;
  else if (c.topic.key === 'general' && rng.chance(0.25)) c.topic = RANDOM;
  const r = rng.next();
  if (r < 0.012) para(c, pickOf(rng, c.conv.kind === 'direct' ? C_WELCOME_DM : C_WELCOME_CHANNEL));
  else if (r < 0.1) para(c, pickOf(rng, C_TINY));
  else if (r < 0.56) shortPost(c, false);
  else if (r < 0.7) shortPost(c, true);
  else if (r < 0.83) longPost(c);
  else if (r < 0.92) listPost(c);
  else if (rng.chance(c.topic.code)) codePost(c);
  else longPost(c);
}

function reply(c: Ctx) {
  const { rng } = c;
  if (c.conv.name === null && rng.chance(0.5)) c.topic = CHAT;
  const r = rng.next();
  if (r < 0.28) para(c, pickOf(rng, C_TINY));
  else if (r < 0.6) para(c, pickOf(rng, C_GENERIC_REPLIES));
  else if (r < 0.86) {
    openPara(c);
    render(c, pickOf(rng, c.topic.replies));
    if (rng.chance(0.2)) {
      space(c);
      render(c, pickOf(rng, C_FILLER));
    }
    closePara(c);
  } else if (r < 0.97 || c.topic.code < 0.2) para(c, pickOf(rng, c.topic.say));
  else codePost(c);
}

/** One realistic chat message for a conversation, written by `author` (see demo-content.ts). */
export function demoMessageText(
  rng: Rng,
  conversation: DemoConversation,
  author: DemoUser,
  participants: DemoUser[],
  isReply: boolean,
): DemoMessageText {
  const org = orgFor(author.email);
  const c: Ctx = {
    rng,
    p: '',
    h: '',
    author,
    participants,
    conv: conversation,
    org,
    topic: topicFor(conversation, org),
  };
  if (author.bot) para(c, pickOf(rng, C_BOTS.get(author.username) ?? C_BOT_FALLBACK));
  else if (isReply) reply(c);
  else post(c);
  return { plain: c.p, html: c.h };
}

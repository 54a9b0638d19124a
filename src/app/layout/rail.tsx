import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useMatch } from 'react-router';
import { sessionQueries } from '../../api/session';
import type { LinkedAccount } from '../../contract/accounts';
import {
  ChatIcon,
  ComposeIcon,
  KeyboardIcon,
  MonitorIcon,
  MoonIcon,
  PlusIcon,
  SunIcon,
  UsersIcon,
} from '../../components/ui/icons';
import { AccountSwitcher } from '../../features/accounts/account-switcher';
import { cn } from '../../lib/cn';
import { paths } from '../../lib/paths';
import { type ThemeChoice, setTheme, useTheme } from '../theme';
import { DesktopNotifications } from './desktop-notifications';
import { RailFrame } from './inbox-frame';
import { openDialog } from '../../lib/app-events';

// Only someone signed in through a provider or the team password has the menu; the first screen does without its code.
const SignedInMenu = lazy(() =>
  import('../../features/sign-in/signed-in-menu').then((m) => ({ default: m.SignedInMenu })),
);

const nextTheme: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const themeIcons = { system: MonitorIcon, light: SunIcon, dark: MoonIcon };

const navClass = (isActive: boolean) =>
  cn(
    'flex items-center gap-2 rounded-md px-2 py-1.5 text-[13px] font-medium md:flex-col md:gap-0.5 md:px-0.5 md:text-[10px]',
    isActive
      ? 'bg-accent-100 text-accent-900 dark:bg-accent-900/50 dark:text-accent-100'
      : 'text-neutral-600 hover:bg-neutral-200/70 dark:text-neutral-300 dark:hover:bg-neutral-800',
  );

/** The left rail on wide screens, a top bar on narrow ones: account, sections, theme and help. */
export function Rail({
  accounts,
  accountId,
  unread,
}: {
  accounts: LinkedAccount[];
  accountId: string;
  /** Conversations with unread messages, per account. */
  unread: ReadonlyMap<string, number>;
}) {
  const theme = useTheme();
  const ThemeIcon = themeIcons[theme];
  const onUsers = useMatch('/a/:accountId/users/*') !== null;
  const person = useQuery(sessionQueries.current()).data?.person;
  return (
    <RailFrame>
      <AccountSwitcher accounts={accounts} accountId={accountId} unread={unread} />
      <div className="flex flex-1 gap-1 md:mt-3 md:w-full md:flex-none md:flex-col">
        <Link to={paths.account(accountId)} className={navClass(!onUsers)} aria-current={onUsers ? undefined : 'page'}>
          <ChatIcon size={18} />
          <span>Conversations</span>
        </Link>
        <Link to={paths.users(accountId)} className={navClass(onUsers)} aria-current={onUsers ? 'page' : undefined}>
          <UsersIcon size={18} />
          <span>Users</span>
        </Link>
      </div>
      <div className="flex gap-1 md:mt-3 md:flex-col">
        <button
          type="button"
          onClick={() => openDialog('compose')}
          aria-label="Compose"
          title="Compose (c)"
          className="rounded-md p-2 text-neutral-600 hover:bg-neutral-200 dark:text-neutral-300 dark:hover:bg-neutral-800"
        >
          <ComposeIcon size={18} />
        </button>
        <button
          type="button"
          onClick={() => openDialog('new-conversation')}
          aria-label="New conversation"
          title="New conversation (n)"
          className="rounded-md p-2 text-neutral-600 hover:bg-neutral-200 dark:text-neutral-300 dark:hover:bg-neutral-800"
        >
          <PlusIcon size={18} />
        </button>
      </div>
      <div className="flex gap-1 md:mt-auto md:flex-col">
        <button
          type="button"
          onClick={() => setTheme(nextTheme[theme])}
          aria-label={`Theme: ${theme}. Switch to ${nextTheme[theme]}`}
          title={`Theme: ${theme}`}
          className="rounded-md p-2 text-neutral-600 hover:bg-neutral-200 dark:text-neutral-300 dark:hover:bg-neutral-800"
        >
          <ThemeIcon size={18} />
        </button>
        <button
          type="button"
          onClick={() => openDialog('shortcuts')}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          className="rounded-md p-2 text-neutral-600 hover:bg-neutral-200 dark:text-neutral-300 dark:hover:bg-neutral-800"
        >
          <KeyboardIcon size={18} />
        </button>
        <DesktopNotifications />
        {person ? (
          <Suspense fallback={null}>
            <SignedInMenu person={person} />
          </Suspense>
        ) : null}
      </div>
    </RailFrame>
  );
}

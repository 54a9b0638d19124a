import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { onConversationActivity } from '../../api/live';
import { BellIcon, BellOffIcon } from '../../components/ui/icons';
import { readLocal, writeLocal } from '../../lib/local-store';
import { paths } from '../../lib/paths';

const KEY = 'inbox:notifications';
const supported = () => typeof Notification !== 'undefined';

/**
 * Desktop notifications, off until the person turns them on (the browser asks for permission on that click, never
 * on load): while the tab is hidden, a new message in another conversation shows one; clicking it opens it.
 */
export function DesktopNotifications() {
  // Read once and on each toggle: asking the browser for the permission is slow, and this renders on every navigation.
  const [permission, setPermission] = useState(() => (supported() ? Notification.permission : 'denied'));
  const [enabled, setEnabled] = useState<boolean>(() => permission === 'granted' && readLocal(KEY, false));
  const { accountId, conversationId } = useParams();
  const navigate = useNavigate();

  useEffect(() => {
    if (!enabled) return;
    return onConversationActivity((account, conversation) => {
      if (!document.hidden || account !== accountId || conversation.id === conversationId) return;
      const title = conversation.name ? `New message in #${conversation.name}` : 'New direct message';
      const notification = new Notification(title, {
        body: 'Open the inbox to read it',
        tag: conversation.id!,
        icon: '/favicon.svg',
      });
      notification.onclick = () => {
        window.focus();
        navigate(paths.conversation(account, conversation.id!));
        notification.close();
      };
    });
  }, [enabled, accountId, conversationId, navigate]);

  if (!supported()) return null;

  async function toggle() {
    if (enabled) {
      setEnabled(false);
      writeLocal(KEY, false);
      return;
    }
    const answer = permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    setPermission(answer);
    const on = answer === 'granted';
    setEnabled(on);
    writeLocal(KEY, on);
  }

  const denied = permission === 'denied';
  const label = enabled
    ? 'Desktop notifications: on. Turn them off'
    : denied
      ? 'Desktop notifications are blocked in this browser’s site settings'
      : 'Desktop notifications: off. Turn them on';
  const Icon = enabled ? BellIcon : BellOffIcon;
  return (
    <button
      type="button"
      onClick={() => void toggle()}
      aria-pressed={enabled}
      aria-label={label}
      title={label}
      disabled={denied && !enabled}
      className="rounded-md p-2 text-neutral-600 hover:bg-neutral-200 disabled:opacity-50 dark:text-neutral-300 dark:hover:bg-neutral-800"
    >
      <Icon size={18} />
    </button>
  );
}

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { outbox } from '../../api/outbox';
import { Button } from '../../components/ui/button';
import { useAccount } from '../../lib/account-context';
import { onFocusComposer, takeComposerFocus } from '../../lib/app-events';
import { readDraft, writeDraft } from '../../lib/drafts';

const MAX_ROWS_HEIGHT = 240;

/**
 * The message box under a conversation: grows with its text, Enter sends and Shift+Enter adds a line
 * (Ctrl/Cmd+Enter always sends), and keeps a draft per conversation across navigation and reloads.
 */
export function Composer({ conversationId, label, onSent }: { conversationId: string; label: string; onSent?: () => void }) {
  const { accountId } = useAccount();
  const [text, setText] = useState(() => readDraft(accountId, conversationId));
  const box = useRef<HTMLTextAreaElement>(null);

  // Asked for where the person goes to write; after a dialog's own focus handling, which waits a tick.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const focus = () => {
      clearTimeout(timer);
      timer = setTimeout(() => box.current?.focus({ preventScroll: true }), 30);
    };
    if (takeComposerFocus()) focus();
    const stop = onFocusComposer(focus);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [conversationId]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, MAX_ROWS_HEIGHT)}px`;
  }, [text]);

  function change(value: string) {
    setText(value);
    writeDraft(accountId, conversationId, value);
  }

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (text.trim() === '') return;
    outbox.enqueue({ accountId, conversationId, recipient: conversationId, content: text });
    change('');
    onSent?.();
    box.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey || !event.shiftKey) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form onSubmit={send} className="flex shrink-0 items-end gap-2 border-t border-neutral-200 p-3 dark:border-neutral-800">
      <textarea
        ref={box}
        rows={1}
        value={text}
        onChange={(event) => change(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label={`Message ${label}`}
        placeholder={`Message ${label}`}
        className="max-h-60 min-h-9 flex-1 resize-none rounded-lg border border-neutral-300 bg-white px-3 py-2 leading-snug placeholder:text-neutral-500 focus:border-accent-500 focus:outline-none dark:border-neutral-700 dark:bg-neutral-900"
      />
      <Button type="submit" variant="primary" disabled={text.trim() === ''} className="h-9">
        Send
      </Button>
    </form>
  );
}

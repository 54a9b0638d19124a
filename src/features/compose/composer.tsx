import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { outbox } from '../../api/outbox';
import { Button } from '../../components/ui/button';
import { useAccount } from '../../lib/account-context';
import { onFocusComposer, takeComposerFocus } from '../../lib/app-events';
import { readDraft, writeDraft } from '../../lib/drafts';
import { withEmoji } from './emoji';
import { MessageField } from './message-field';

const MAX_ROWS_HEIGHT = 240;

/**
 * The message box under a conversation: grows with its text, Enter sends and Shift+Enter adds a line
 * (Ctrl/Cmd+Enter always sends), and keeps a draft per conversation across navigation and reloads. It writes
 * Markdown, mentions and emoji (see MessageField); `:shortcode:` becomes its character when the message is sent.
 */
export function Composer({
  conversationId,
  label,
  onSent,
}: {
  conversationId: string;
  label: string;
  onSent?: () => void;
}) {
  const { accountId } = useAccount();
  const [text, setText] = useState(() => readDraft(accountId, conversationId));
  const box = useRef<HTMLTextAreaElement>(null);
  // Messages leave in the order they were sent, also while the emoji set loads for one with a shortcode.
  const sending = useRef<Promise<unknown>>(Promise.resolve());

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
    const typed = text;
    sending.current = sending.current
      .then(() => withEmoji(typed))
      .then((content) => outbox.enqueue({ accountId, conversationId, recipient: conversationId, content }));
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
    <form onSubmit={send} className="shrink-0 border-t border-neutral-200 p-3 dark:border-neutral-800">
      <MessageField
        inputRef={box}
        rows={1}
        value={text}
        onValueChange={change}
        onKeyDown={onKeyDown}
        aria-label={`Message ${label}`}
        placeholder={`Message ${label}`}
        textareaClassName="max-h-60 min-h-9"
        actions={
          <Button type="submit" variant="primary" size="sm" disabled={text.trim() === ''}>
            Send
          </Button>
        }
      />
    </form>
  );
}

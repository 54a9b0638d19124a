import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { conversationQueries } from '../../api/conversations';
import { outbox } from '../../api/outbox';
import { usePeople, userQueries } from '../../api/users';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { useAccount } from '../../lib/account-context';
import { titlePeople } from '../../lib/conversation-title';
import { focusComposer } from '../../lib/app-events';
import { paths } from '../../lib/paths';
import { directConversationWith, findRecipients, looksLikeEmail, type Recipient } from './recipients';
import { RecipientPicker } from './recipient-picker';
import { startingDraft, writeComposeDraft } from './compose-draft';
import { withEmoji } from './emoji';
import { MessageField } from './message-field';

const RECIPIENT_LIMIT = 8;
const NO_RECIPIENT = 'Choose who gets the message.';

export interface ComposeDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialRecipient?: Recipient | null;
}

/**
 * Compose: pick a conversation or a person (by name, username or email), write, send; then open where it went.
 * Closing it without sending (Esc, a click outside, ×) keeps what was written as a draft; only Discard drops it.
 */
export function ComposeDialog({ open, onOpenChange, initialRecipient = null }: ComposeDialogProps) {
  const { accountId, selfId } = useAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const conversations = useInfiniteQuery(conversationQueries.list(accountId));
  const [start] = useState(() => startingDraft(accountId, initialRecipient));
  const [recipient, setRecipientState] = useState<Recipient | null>(start.recipient);
  const [query, setQuery] = useState('');
  const [text, setTextState] = useState(start.text);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const messageId = useId();
  const messageRef = useRef<HTMLTextAreaElement>(null);

  function setRecipient(next: Recipient | null) {
    setRecipientState(next);
    writeComposeDraft(accountId, { recipient: next, text });
  }

  function setText(next: string) {
    setTextState(next);
    writeComposeDraft(accountId, { recipient, text: next });
  }

  /** A recipient chosen: the message box is next (and a complaint about the missing recipient goes). */
  function chooseRecipient(next: Recipient | null) {
    setRecipient(next);
    if (next === null) return;
    setError((was) => (was === NO_RECIPIENT ? null : was));
    requestAnimationFrame(() => messageRef.current?.focus());
  }

  const loaded = useMemo(() => conversations.data?.pages.flatMap((p) => p.data ?? []) ?? [], [conversations.data]);
  const names = usePeople(
    accountId,
    useMemo(() => titlePeople(loaded), [loaded]),
  );
  const typed = query.trim() !== '';
  const found = useQuery({ ...userQueries.search(accountId, query, { limit: RECIPIENT_LIMIT }), enabled: typed });
  const options = useMemo(
    () => findRecipients(query, loaded, typed ? (found.data?.data ?? []) : [], names.byId, selfId, RECIPIENT_LIMIT),
    [query, loaded, typed, found.data, names.byId, selfId],
  );

  /** Closed without sending: the recipient and the text stay, here and on this device, for next time. */
  function close(next: boolean) {
    if (!next) {
      setQuery('');
      setError(null);
      setSending(false);
    }
    onOpenChange(next);
  }

  /** Sent, or thrown away on purpose: compose starts empty next time. */
  function finish() {
    setRecipientState(initialRecipient);
    setTextState('');
    writeComposeDraft(accountId, { recipient: null, text: '' });
    close(false);
  }

  const hasDraft = text.trim() !== '' || (recipient !== null && recipient.id !== initialRecipient?.id);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!recipient) return setError(NO_RECIPIENT);
    if (text.trim() === '') return setError('Write a message first.');
    setError(null);
    const content = await withEmoji(text);
    const userId = recipient.kind === 'user' ? recipient.id : null;
    const known =
      recipient.kind === 'conversation'
        ? recipient.id
        : userId
          ? directConversationWith(loaded, selfId, userId)?.id
          : undefined;
    if (known) {
      // The conversation is known: the message shows there at once, pending, and the outbox delivers it.
      outbox.enqueue({ accountId, conversationId: known, recipient: known, content });
      finish();
      focusComposer();
      navigate(paths.conversation(accountId, known));
      return;
    }
    setSending(true);
    const { key, sent } = outbox.enqueue({ accountId, conversationId: null, recipient: recipient.id, content });
    try {
      await sent;
      const fresh = await queryClient.fetchInfiniteQuery(conversationQueries.list(accountId));
      const all = fresh.pages.flatMap((p) => p.data ?? []);
      const person = userId;
      const target = (person ? directConversationWith(all, selfId, person) : undefined) ?? all[0];
      finish();
      if (target?.id) {
        focusComposer();
        navigate(paths.conversation(accountId, target.id));
      }
    } catch (failure) {
      // Nothing was sent: the text stays here to try again, and the outbox lets the entry go.
      outbox.discard(key);
      setSending(false);
      setError(failure instanceof Error ? failure.message : 'The message was not sent.');
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="New message"
      description="Send a message to a conversation or a person."
    >
      <form onSubmit={send} className="flex min-h-0 flex-col gap-3 p-4">
        <RecipientPicker
          recipient={recipient}
          onRecipient={chooseRecipient}
          query={query}
          onQuery={setQuery}
          options={options}
          note={
            looksLikeEmail(query) && options.length === 0 && found.data && !found.isPlaceholderData
              ? `No one in this account has the address “${query.trim()}”. A message can go to a conversation or a person of this account.`
              : undefined
          }
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={messageId} className="text-[13px] font-medium">
            Message
          </label>
          <MessageField
            id={messageId}
            inputRef={messageRef}
            autoFocus={recipient !== null}
            onFocus={(e) => {
              // A kept draft goes on where it stopped, not at its start.
              const end = e.currentTarget.value.length;
              if (e.currentTarget.selectionStart === 0 && e.currentTarget.selectionEnd === 0)
                e.currentTarget.setSelectionRange(end, end);
            }}
            value={text}
            onValueChange={setText}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
            }}
            rows={4}
            aria-describedby={error ? errorId : undefined}
            className="dark:bg-neutral-950"
            textareaClassName="resize-y text-[14px]"
          />
        </div>
        {error ? (
          <p id={errorId} role="alert" className="text-[13px] text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <div className="flex items-center justify-end gap-2">
          {hasDraft ? (
            <p className="mr-auto text-[12px] text-neutral-600 dark:text-neutral-400">Closing keeps this as a draft.</p>
          ) : null}
          {hasDraft ? <Button onClick={finish}>Discard</Button> : <Button onClick={() => close(false)}>Cancel</Button>}
          <Button type="submit" variant="primary" disabled={sending}>
            {sending ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

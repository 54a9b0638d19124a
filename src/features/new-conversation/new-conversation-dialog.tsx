import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateConversation } from '../../api/conversations';
import { usePeople } from '../../api/users';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { useAccount } from '../../lib/account-context';
import { cn } from '../../lib/cn';
import { paths } from '../../lib/paths';
import {
  type DraftErrors,
  describeDraft,
  draftBody,
  isDirectKind,
  MAX_NAME_LENGTH,
  placeServerError,
  validateDraft,
} from './draft';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { PeoplePicker } from './people-picker';
import { personName } from '../../contract/people';

/** The `n` shortcut and the "New conversation" button open this: a channel, a direct or a group message. */
export function NewConversationDialog({
  open,
  onOpenChange,
  initialPeople = NO_PEOPLE,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** People already picked, as "Start a group" opens it. */
  initialPeople?: string[];
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New conversation"
      description="Name a channel, or add people for a direct or group message."
    >
      <NewConversationForm onClose={() => onOpenChange(false)} initialPeople={initialPeople} />
    </Dialog>
  );
}

type Field = 'name' | 'people';

const NO_PEOPLE: string[] = [];

const inputClass =
  'h-9 w-full rounded-md border bg-white px-2.5 text-sm placeholder:text-neutral-500 focus-visible:border-accent-500 focus-visible:outline-offset-0 dark:bg-neutral-950 dark:placeholder:text-neutral-400';

function NewConversationForm({ onClose, initialPeople }: { onClose: () => void; initialPeople: string[] }) {
  const { accountId, selfId } = useAccount();
  const navigate = useNavigate();
  const create = useCreateConversation(accountId);
  const id = useId();
  const [name, setName] = useState('');
  const [participants, setParticipants] = useState<string[]>(initialPeople);
  const [privateChoice, setPrivateChoice] = useState(false);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  // Opened with people picked: adding more of them is next (or a name, which makes it a channel).
  const [focusRequest, setFocusRequest] = useState<{ field: Field } | null>(
    initialPeople.length > 0 ? { field: 'people' } : null,
  );
  /** The Idempotency-Key of the last submission, kept while the same request is sent again. */
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const peopleRef = useRef<HTMLInputElement>(null);
  /** The draft of a channel whose name the person has been asked to check (a channel cannot be renamed or deleted). */
  const [confirming, setConfirming] = useState<string | null>(null);

  const byId = usePeople(accountId, participants).byId;
  const draft = { name, participants, private: privateChoice };
  const draftKey = JSON.stringify(draftBody(draft));
  const direct = isDirectKind(draft);
  const local = validateDraft(draft);
  // Before the first try, only a name that is already too long is worth saying.
  const tooLong = name.trim().length > MAX_NAME_LENGTH;
  const errors: DraftErrors = {
    name: (tried || tooLong ? local.name : undefined) ?? serverErrors.name,
    people: (tried ? local.people : undefined) ?? serverErrors.people,
    form: serverErrors.form,
  };

  // Any change to the draft asks to check the name again.
  useEffect(() => setConfirming(null), [draftKey]);

  // Focus the field to fix once its message is on screen, so it is read with the field.
  useEffect(() => {
    if (!focusRequest) return;
    (focusRequest.field === 'name' ? nameRef : peopleRef).current?.focus();
  }, [focusRequest]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    setTried(true);
    const found = validateDraft(draft);
    if (found.name || found.people) {
      setServerErrors({});
      setFocusRequest({ field: found.name ? 'name' : 'people' });
      return;
    }
    // Text left in the people field is someone the person meant to add: never drop it silently.
    const unmatched = peopleRef.current?.value.trim() ?? '';
    if (unmatched !== '') {
      setServerErrors({ people: `Pick someone for “${unmatched}” from the list, or clear the text.` });
      setFocusRequest({ field: 'people' });
      return;
    }
    const body = draftBody(draft);
    const fingerprint = JSON.stringify(body);
    if (body.name && confirming !== fingerprint) {
      setServerErrors({});
      setConfirming(fingerprint);
      return;
    }
    if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: newIdempotencyKey() };
    setServerErrors({});
    create.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (result) => {
          onClose();
          const newId = result.data.id;
          navigate(newId ? paths.conversation(accountId, newId) : paths.account(accountId));
        },
        onError: (error) => {
          const placed = placeServerError(error, (userId) => {
            const user = byId.get(userId);
            return user ? personName(user) : undefined;
          });
          setServerErrors(placed);
          if (placed.name) setFocusRequest({ field: 'name' });
          else if (placed.people) setFocusRequest({ field: 'people' });
        },
      },
    );
  }

  const checking = confirming !== null && confirming === draftKey;
  const nameHintId = `${id}-name-hint`;
  const nameErrorId = `${id}-name-error`;
  const privateHintId = `${id}-private-hint`;
  const summaryId = `${id}-summary`;
  const names = participants.map((userId) => personName(byId?.get(userId)));

  return (
    <form noValidate onSubmit={submit} className="flex min-h-0 flex-col">
      <div className="flex min-h-0 flex-col gap-4 overflow-y-auto px-4 pt-4 pb-3">
        <div className="flex flex-col gap-1">
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor={`${id}-name`} className="text-[13px] font-medium text-neutral-700 dark:text-neutral-200">
              Name
            </label>
            {name.trim().length > MAX_NAME_LENGTH - 20 ? (
              <span
                aria-hidden="true"
                className={cn(
                  'text-[12px] tabular-nums',
                  tooLong ? 'text-red-700 dark:text-red-400' : 'text-neutral-600 dark:text-neutral-400',
                )}
              >
                {name.trim().length}/{MAX_NAME_LENGTH}
              </span>
            ) : null}
          </div>
          <input
            id={`${id}-name`}
            ref={nameRef}
            // The first thing to type; the dialog keeps a focus that is already inside it.
            autoFocus={initialPeople.length === 0}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setServerErrors((was) => ({ ...was, name: undefined }));
            }}
            onKeyDown={(event) => {
              // Enter goes on to the people, not straight to creating a channel that cannot be undone.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              peopleRef.current?.focus();
            }}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={[errors.name ? nameErrorId : null, nameHintId].filter(Boolean).join(' ')}
            placeholder="e.g. launch-planning"
            autoComplete="off"
            className={cn(
              inputClass,
              errors.name ? 'border-red-600 dark:border-red-400' : 'border-neutral-300 dark:border-neutral-700',
            )}
          />
          {errors.name ? (
            <p id={nameErrorId} className="text-[13px] text-red-700 dark:text-red-400">
              {errors.name}
            </p>
          ) : null}
          <p id={nameHintId} className="text-[12px] text-neutral-600 dark:text-neutral-400">
            Leave it empty for a direct or group message.
          </p>
        </div>

        <PeoplePicker
          accountId={accountId}
          usersById={byId}
          selfId={selfId}
          chosen={participants}
          onAdd={(userId) => {
            setParticipants((was) => (was.includes(userId) ? was : [...was, userId]));
            setServerErrors((was) => ({ ...was, people: undefined }));
          }}
          onRemove={(userId) => {
            setParticipants((was) => was.filter((other) => other !== userId));
            setServerErrors((was) => ({ ...was, people: undefined }));
          }}
          error={errors.people}
          inputRef={peopleRef}
        />

        <div className="flex flex-col gap-0.5">
          <label className="inline-flex items-center gap-2 self-start text-sm font-medium has-disabled:text-neutral-600 dark:has-disabled:text-neutral-400">
            <input
              type="checkbox"
              checked={direct ? true : privateChoice}
              disabled={direct}
              onChange={(event) => setPrivateChoice(event.target.checked)}
              aria-describedby={privateHintId}
              className="h-4 w-4 accent-accent-600"
            />
            Private
          </label>
          <p id={privateHintId} className="pl-6 text-[12px] text-neutral-600 dark:text-neutral-400">
            {direct
              ? 'Direct and group messages are always private.'
              : 'Only the people in it can see it; no one else can find or join it.'}
          </p>
        </div>

        <p id={summaryId} className="text-[13px] text-neutral-700 dark:text-neutral-300">
          {describeDraft(draft, names)}
        </p>

        {checking ? (
          <p
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-[13px] text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            Check the name: “{name.trim()}” cannot be renamed or deleted once it is created. Press Create “{name.trim()}
            ” to go ahead.
          </p>
        ) : null}

        {errors.form ? (
          <p
            role="alert"
            className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {errors.form}
          </p>
        ) : null}
      </div>

      <div className="flex justify-end gap-2 border-t border-neutral-200 px-4 py-3 dark:border-neutral-800">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={create.isPending} aria-describedby={summaryId}>
          {create.isPending ? 'Creating…' : checking ? `Create “${name.trim()}”` : 'Create'}
        </Button>
      </div>
    </form>
  );
}

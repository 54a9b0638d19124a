import { useQuery } from '@tanstack/react-query';
import {
  type KeyboardEvent,
  lazy,
  type ReactNode,
  type RefObject,
  Suspense,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { userQueries } from '../../api/users';
import { handleOrEmail, personName } from '../../contract/people';
import { useAccount } from '../../lib/account-context';
import { cn } from '../../lib/cn';
import { type EmojiSet, loadEmoji, searchEmoji } from './emoji';
import { FormatToolbar } from './format-toolbar';
import { Suggestions, type Suggestion } from './suggestions';
import { completionAt, completionEdit, type Format, formatEdit, type TextEdit } from './text-edit';

const MarkdownPreview = lazy(() => import('./markdown-preview').then((m) => ({ default: m.MarkdownPreview })));
const EmojiPicker = lazy(() => import('./emoji-picker').then((m) => ({ default: m.EmojiPicker })));

const SUGGESTION_LIMIT = 6;
const SHORTCUT_FORMATS: Record<string, Format> = { b: 'bold', i: 'italic', e: 'code', k: 'link' };

export interface MessageFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** Shown at the end of the toolbar (the Send button). */
  actions?: ReactNode;
  className?: string;
  textareaClassName?: string;
}

/** Types text over the box's selection the way a keystroke would, so Undo takes it back; false where it cannot. */
function typeInto(box: HTMLTextAreaElement, text: string, expected: string): boolean {
  try {
    return document.execCommand('insertText', false, text) && box.value === expected;
  } catch {
    return false;
  }
}

/**
 * A message box that writes Markdown: formatting buttons and Ctrl/⌘+B, I, E, K; a preview (Ctrl/⌘+Shift+P) that
 * renders what the thread will show; `@name` to mention someone and `:shortcode` to add an emoji, each from a
 * small list chosen with ↑/↓ and Enter or Tab; and an emoji picker. Keys it does not use go to `onKeyDown`.
 */
export function MessageField({
  value,
  onValueChange,
  inputRef,
  actions,
  className,
  textareaClassName,
  onKeyDown,
  ...textarea
}: MessageFieldProps) {
  const { accountId } = useAccount();
  const [caret, setCaret] = useState(value.length);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [chosen, setChosen] = useState({ at: '', index: 0 });
  const [preview, setPreview] = useState(false);
  const [picker, setPicker] = useState(false);
  const [emoji, setEmoji] = useState<EmojiSet | null>(null);
  const [mentioned, setMentioned] = useState<string[]>([]);
  const pendingSelection = useRef<[number, number] | null>(null);
  const listId = useId();
  const previewId = useId();

  const found = completionAt(value, caret);
  // Escape puts a list away until what is being completed changes.
  const completion = found && `${found.from}:${found.query}` !== dismissed ? found : null;
  const mentionQuery = completion?.kind === 'mention' ? completion.query : '';
  const people = useQuery({
    ...userQueries.search(accountId, mentionQuery, { limit: SUGGESTION_LIMIT }),
    enabled: mentionQuery !== '',
  });

  const wantsEmoji = completion?.kind === 'emoji' || preview || picker;
  useEffect(() => {
    if (wantsEmoji && !emoji) loadEmoji().then(setEmoji, () => undefined);
  }, [wantsEmoji, emoji]);

  const suggestions: Suggestion[] = useMemo(() => {
    if (completion?.kind === 'mention') {
      return (people.data?.data ?? []).flatMap((user) =>
        user.id
          ? [{ key: user.id, label: personName(user), detail: handleOrEmail(user), insert: `@${personName(user)}` }]
          : [],
      );
    }
    if (completion?.kind === 'emoji' && emoji) {
      return searchEmoji(emoji, completion.query, SUGGESTION_LIMIT).map((e) => ({
        key: e.emoji,
        label: `:${e.names[0]}:`,
        detail: e.description,
        glyph: e.emoji,
        insert: e.emoji,
      }));
    }
    return [];
  }, [completion?.kind, completion?.query, people.data, emoji]);
  const listOpen = completion !== null && suggestions.length > 0;
  // The first suggestion is active again whenever what is being completed changes.
  const listKey = completion ? `${completion.kind}:${completion.from}:${completion.query}` : '';
  const activeIndex = chosen.at === listKey ? Math.min(chosen.index, suggestions.length - 1) : 0;
  const setActive = (index: number) => setChosen({ at: listKey, index });

  // A chosen completion or format moves the caret after React has put the new text in the box.
  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (!selection || !inputRef.current) return;
    pendingSelection.current = null;
    inputRef.current.setSelectionRange(...selection);
  }, [value, inputRef]);

  // Escape closes a list or the picker first: before a dialog or the thread hears it.
  useEffect(() => {
    if (!listOpen && !picker) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      if (picker) {
        setPicker(false);
        inputRef.current?.focus();
      } else if (completion) setDismissed(`${completion.from}:${completion.query}`);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [listOpen, picker, completion, inputRef]);

  /** Applies an edit as typing would (so Undo takes it back), or through the state where the browser cannot. */
  function apply(edit: TextEdit) {
    const box = inputRef.current;
    if (!box) return;
    const next = value.slice(0, edit.from) + edit.insert + value.slice(edit.to);
    box.focus();
    box.setSelectionRange(edit.from, edit.to);
    const typed = typeInto(box, edit.insert, next);
    if (typed) box.setSelectionRange(...edit.select);
    else {
      pendingSelection.current = edit.select;
      onValueChange(next);
    }
    setCaret(edit.select[1]);
  }

  function format(kind: Format) {
    const box = inputRef.current;
    if (!box) return;
    apply(formatEdit(box.value, box.selectionStart, box.selectionEnd, kind));
  }

  function choose(suggestion: Suggestion | undefined) {
    if (!suggestion || !completion) return;
    if (completion.kind === 'mention') setMentioned((names) => [...new Set([...names, suggestion.label])]);
    apply(completionEdit(completion, caret, suggestion.insert));
  }

  function insertEmoji(character: string) {
    const box = inputRef.current;
    setPicker(false);
    if (!box) return;
    const at = box.selectionStart + character.length;
    apply({ from: box.selectionStart, to: box.selectionEnd, insert: character, select: [at, at] });
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (listOpen && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
        event.preventDefault();
        choose(suggestions[activeIndex]);
        return;
      }
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const key = event.key.toLowerCase();
      const kind = SHORTCUT_FORMATS[key];
      if (kind && !event.shiftKey) {
        event.preventDefault();
        event.stopPropagation();
        format(kind);
        return;
      }
      if (key === 'p' && event.shiftKey) {
        event.preventDefault();
        event.stopPropagation();
        setPreview((shown) => !shown);
        return;
      }
    }
    onKeyDown?.(event);
  }

  const activeId = listOpen ? `${listId}-${activeIndex}` : undefined;
  return (
    <div
      className={cn(
        'relative flex flex-col rounded-lg border border-neutral-300 bg-white focus-within:border-accent-500 dark:border-neutral-700 dark:bg-neutral-900',
        className,
      )}
    >
      {preview ? (
        <section
          id={previewId}
          aria-label="Preview"
          className="max-h-[40vh] overflow-y-auto border-b border-neutral-200 px-3 py-2 text-[14px] dark:border-neutral-800"
        >
          <Suspense fallback={<p className="text-[13px] text-neutral-600 dark:text-neutral-400">Loading preview…</p>}>
            <MarkdownPreview text={value} mentions={mentioned} emoji={emoji} />
          </Suspense>
        </section>
      ) : null}
      {listOpen ? (
        <Suggestions
          id={listId}
          label={completion.kind === 'mention' ? 'People' : 'Emoji'}
          items={suggestions}
          active={activeIndex}
          onChoose={choose}
          onActive={setActive}
        />
      ) : null}
      <textarea
        {...textarea}
        ref={inputRef}
        value={value}
        onChange={(event) => {
          setCaret(event.target.selectionEnd);
          onValueChange(event.target.value);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionEnd)}
        onKeyDown={keyDown}
        aria-autocomplete="list"
        aria-controls={listOpen ? listId : undefined}
        aria-activedescendant={activeId}
        className={cn(
          'resize-none bg-transparent px-3 py-2 leading-snug placeholder:text-neutral-500 focus:outline-none',
          textareaClassName,
        )}
      />
      <FormatToolbar
        onFormat={format}
        preview={preview}
        onPreview={() => setPreview((shown) => !shown)}
        previewId={previewId}
        picker={picker}
        onPicker={() => setPicker((open) => !open)}
        actions={actions}
      />
      {picker ? (
        <Suspense fallback={null}>
          <EmojiPicker
            onPick={insertEmoji}
            onClose={() => {
              setPicker(false);
              inputRef.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

import { Dialog } from '../../components/ui/dialog';

export const shortcuts: { keys: string[]; does: string }[] = [
  { keys: ['Ctrl', 'K'], does: 'Quick switcher: jump to a conversation or person (⌘K on a Mac)' },
  {
    keys: ['Ctrl', 'F'],
    does: 'Find in the open conversation (⌘F on a Mac); Enter / Shift+Enter: older / newer match',
  },
  { keys: ['Alt', '↑'], does: 'Previous conversation' },
  { keys: ['Alt', '↓'], does: 'Next conversation' },
  { keys: ['/'], does: 'Filter the conversation list' },
  { keys: ['c'], does: 'Compose a message' },
  { keys: ['n'], does: 'New conversation' },
  { keys: ['Enter'], does: 'Send, in the message box (Shift+Enter adds a line; Ctrl/⌘+Enter always sends)' },
  { keys: ['Ctrl', 'B'], does: 'In the message box: bold (I italic, E code, K link; ⌘ on a Mac)' },
  { keys: ['Ctrl', 'Shift', 'P'], does: 'In the message box: show or hide the preview' },
  { keys: ['@', ':'], does: 'In the message box: mention someone, or add an emoji (↑/↓ and Enter or Tab choose)' },
  { keys: ['Esc'], does: 'Close a dialog or panel; in a thread, jump to the latest message' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

/** Every keyboard shortcut of the app, in one dialog. */
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="Keys that work anywhere in the inbox."
    >
      {/* Scrolls on a short window, so it takes the focus to be scrolled by keys. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="Shortcuts"
        className="overflow-y-auto focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600"
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 p-4 text-[13px]">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.does} className="contents">
              <dt className="flex items-start gap-1 whitespace-nowrap">
                {shortcut.keys.map((key) => (
                  <kbd
                    key={key}
                    className="rounded border border-neutral-300 bg-neutral-50 px-1.5 py-0.5 font-mono text-[12px] dark:border-neutral-700 dark:bg-neutral-800"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-neutral-700 dark:text-neutral-300">{shortcut.does}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Dialog>
  );
}

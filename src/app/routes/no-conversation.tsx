import { EmptyState } from '../../components/ui/states';

export function NoConversation() {
  return (
    <div className="hidden flex-1 md:flex">
      <h1 className="sr-only">Inbox</h1>
      <EmptyState title="Pick a conversation">
        Choose one from the list, or press <kbd className="rounded border px-1">Ctrl</kbd>+
        <kbd className="rounded border px-1">K</kbd> to jump to one.
      </EmptyState>
    </div>
  );
}

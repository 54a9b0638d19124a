import { splitFileName } from '../../lib/file-kind';

/** A file name as text, truncated in the middle: the start gets the ellipsis, the extension stays visible. */
export function FileName({ name, className }: { name: string; className?: string }) {
  const { head, tail } = splitFileName(name);
  return (
    <span title={name} data-testid="file-name" className={`flex min-w-0 ${className ?? ''}`}>
      <span className="truncate">{head}</span>
      <span className="shrink-0 whitespace-pre">{tail}</span>
    </span>
  );
}

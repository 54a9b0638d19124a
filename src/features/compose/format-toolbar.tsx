import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { BoldGlyph, CodeGlyph, EyeGlyph, ItalicGlyph, LinkGlyph, SmileGlyph } from './format-icons';
import { shortcutLabel } from './shortcut-label';
import type { Format } from './text-edit';

const FORMATS: { format: Format; label: string; key: string; Glyph: () => ReactNode }[] = [
  { format: 'bold', label: 'Bold', key: 'B', Glyph: BoldGlyph },
  { format: 'italic', label: 'Italic', key: 'I', Glyph: ItalicGlyph },
  { format: 'code', label: 'Code', key: 'E', Glyph: CodeGlyph },
  { format: 'link', label: 'Link', key: 'K', Glyph: LinkGlyph },
];

const toolClass =
  'inline-flex h-7 w-7 items-center justify-center rounded text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-neutral-100';
const pressedClass = 'bg-accent-50 text-accent-700 dark:bg-accent-900/40 dark:text-accent-300';

interface Props {
  onFormat: (format: Format) => void;
  preview: boolean;
  onPreview: () => void;
  previewId: string;
  picker: boolean;
  onPicker: () => void;
  actions?: ReactNode;
}

/** The quiet row under the message box: formatting, emoji and preview, each saying its shortcut. */
export function FormatToolbar({ onFormat, preview, onPreview, previewId, picker, onPicker, actions }: Props) {
  return (
    <div className="flex items-center gap-0.5 px-1.5 pb-1.5">
      <div role="group" aria-label="Formatting" className="flex items-center gap-0.5">
        {FORMATS.map(({ format, label, key, Glyph }) => (
          <button
            key={format}
            type="button"
            aria-label={label}
            title={`${label} (${shortcutLabel(key)})`}
            aria-keyshortcuts={`Control+${key} Meta+${key}`}
            // The box keeps its selection: the button acts on it without taking the focus.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onFormat(format)}
            className={toolClass}
          >
            <Glyph />
          </button>
        ))}
      </div>
      <span aria-hidden="true" className="mx-1 h-4 w-px bg-neutral-200 dark:bg-neutral-700" />
      <button
        type="button"
        aria-label="Emoji"
        title="Emoji (or type : and a name)"
        aria-haspopup="dialog"
        aria-expanded={picker}
        onClick={onPicker}
        className={cn(toolClass, picker && pressedClass)}
      >
        <SmileGlyph />
      </button>
      <button
        type="button"
        aria-label="Preview"
        title={`Preview (${shortcutLabel('P', true)})`}
        aria-keyshortcuts="Control+Shift+P Meta+Shift+P"
        aria-pressed={preview}
        aria-controls={preview ? previewId : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onPreview}
        className={cn(toolClass, preview && pressedClass)}
      >
        <EyeGlyph />
      </button>
      {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
    </div>
  );
}

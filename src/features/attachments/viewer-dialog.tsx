import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { CloseIcon } from '../../components/ui/icons';
import { useReturnFocus } from '../../components/ui/use-return-focus';

function ReturnFocus() {
  useReturnFocus();
  return null;
}

/**
 * The dark, nearly full-screen dialog that shows one file large (the lightbox, the PDF viewer): a title, a line of
 * description, the file's actions and Close, then the file. Escape closes; the focus goes back to the opener.
 */
export function ViewerDialog({
  title,
  description,
  actions,
  onClose,
  testId,
  children,
}: {
  title: string;
  description: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-neutral-950/80" />
        <RadixDialog.Content
          data-testid={testId}
          className="fixed inset-[2vh_2vw] z-50 flex flex-col overflow-hidden rounded-xl border border-neutral-800 bg-neutral-950 text-neutral-100 shadow-2xl outline-none"
        >
          <div className="flex items-center gap-3 border-b border-neutral-800 px-4 py-2">
            <div className="min-w-0 flex-1">
              <RadixDialog.Title className="truncate text-[15px] font-semibold" title={title}>
                {title}
              </RadixDialog.Title>
              <RadixDialog.Description className="text-[12px] text-neutral-300">{description}</RadixDialog.Description>
            </div>
            <div className="flex items-center gap-1 text-[12px] text-neutral-300 [&_button]:text-neutral-100 [&_button:hover]:bg-neutral-800">
              {actions}
              <RadixDialog.Close asChild>
                <Button size="icon" variant="ghost" aria-label="Close">
                  <CloseIcon size={16} />
                </Button>
              </RadixDialog.Close>
            </div>
          </div>
          <ReturnFocus />
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

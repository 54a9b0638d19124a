import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Message } from '../../contract/models';
import { AttachmentList } from '../../features/attachments/attachment-list';
import { ConversationGallery } from '../../features/attachments/conversation-gallery';
import { ConversationDetails } from '../../features/details/conversation-details';
import { RepliesPanel } from '../../features/thread/replies-panel';
import { FILES_BUTTON_ID } from '../../features/thread/thread-header';
import { ThreadView } from '../../features/thread/thread-view';
import { Composer } from '../../features/compose/composer';

// The Files panel (and its zip library) loads when it is first opened.
const FilesPanel = lazy(() =>
  import('../../features/attachments/files-panel').then((module) => ({ default: module.FilesPanel })),
);

// Defined once, so the memoised message rows are not rendered again for a new function.
const renderAttachments = (message: Message) => (
  <AttachmentList messageId={message.id!} attachments={message.attachments ?? []} />
);

/** A conversation, its permalinked message, and the side panel the URL asks for (details, files or replies). */
export function ThreadRoute() {
  const { conversationId, messageId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const panel = search.get('panel');
  const repliesTo = search.get('thread');
  const clearPanel = useCallback(() => navigate({ search: '' }, { replace: false }), [navigate]);
  // The Files panel gives the focus back to the Files button that opens it.
  const closePanel = useCallback(() => {
    clearPanel();
    if (panel === 'files') setTimeout(() => document.getElementById(FILES_BUTTON_ID)?.focus(), 0);
  }, [clearPanel, panel]);

  useEffect(() => {
    if (!panel && !repliesTo) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('[role="dialog"]')) closePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel, repliesTo, closePanel]);

  return (
    <ConversationGallery key={conversationId} conversationId={conversationId!}>
      <div className="relative flex min-h-0 min-w-0 flex-1">
        <ThreadView
          key={conversationId}
          conversationId={conversationId!}
          focusMessageId={messageId ?? null}
          renderAttachments={renderAttachments}
          renderComposer={(label, onSent) => (
            <Composer conversationId={conversationId!} label={label} onSent={onSent} />
          )}
        />
        {panel === 'details' ? <ConversationDetails conversationId={conversationId!} onClose={closePanel} /> : null}
        {panel === 'files' ? (
          <Suspense fallback={null}>
            <FilesPanel key={conversationId} conversationId={conversationId!} onClose={closePanel} />
          </Suspense>
        ) : null}
        {repliesTo && panel !== 'details' && panel !== 'files' ? (
          <RepliesPanel
            conversationId={conversationId!}
            messageId={repliesTo}
            onClose={closePanel}
            renderAttachments={renderAttachments}
          />
        ) : null}
      </div>
    </ConversationGallery>
  );
}

import { useCallback, useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Message } from '../../contract/models';
import { AttachmentList } from '../../features/attachments/attachment-list';
import { ConversationGallery } from '../../features/attachments/conversation-gallery';
import { ConversationDetails } from '../../features/details/conversation-details';
import { RepliesPanel } from '../../features/thread/replies-panel';
import { ThreadView } from '../../features/thread/thread-view';
import { Composer } from '../../features/compose/composer';

// Defined once, so the memoised message rows are not rendered again for a new function.
const renderAttachments = (message: Message) => (
  <AttachmentList messageId={message.id!} attachments={message.attachments ?? []} />
);

/** A conversation, its permalinked message, and the side panel the URL asks for (details or replies). */
export function ThreadRoute() {
  const { conversationId, messageId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const panel = search.get('panel');
  const repliesTo = search.get('thread');
  const closePanel = useCallback(() => navigate({ search: '' }, { replace: false }), [navigate]);

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
        {repliesTo && panel !== 'details' ? (
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

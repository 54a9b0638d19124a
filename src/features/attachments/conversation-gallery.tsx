import { useInfiniteQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { messageQueries } from '../../api/messages';
import type { Message } from '../../contract/models';
import { useAccount } from '../../lib/account-context';
import { Lightbox } from './lightbox';
import { type GalleryImage, galleryKey, wantsThumbnail } from './preview-choice';

interface Gallery {
  open: (image: GalleryImage) => void;
}

const GalleryContext = createContext<Gallery | null>(null);

/** The conversation's lightbox, when the attachments are shown inside one. */
export const useGallery = () => useContext(GalleryContext);

/** How many pages of older messages one step back may load while looking for an older image. */
const OLDER_PAGES_PER_STEP = 10;

/** The images of the loaded messages, oldest first (pages and messages arrive newest first). */
function imagesOf(pages: { data?: (Message | undefined)[] | null }[] | undefined): GalleryImage[] {
  const images: GalleryImage[] = [];
  for (let p = (pages?.length ?? 0) - 1; p >= 0; p--) {
    const messages = pages![p]!.data ?? [];
    for (let m = messages.length - 1; m >= 0; m--) {
      const message = messages[m];
      if (!message?.id) continue;
      for (const attachment of message.attachments ?? []) {
        if (wantsThumbnail(attachment)) {
          images.push({ messageId: message.id, attachment, sender: message.author?.name, sentAt: message.created_at });
        }
      }
    }
  }
  return images;
}

function ConversationLightbox({
  conversationId,
  opened,
  currentKey,
  onCurrentChange,
  onClose,
}: {
  conversationId: string;
  /** The image whose thumbnail opened the lightbox. */
  opened: GalleryImage;
  currentKey: string;
  onCurrentChange: (key: string) => void;
  onClose: () => void;
}) {
  const { accountId } = useAccount();
  const messages = useInfiniteQuery(messageQueries.list(accountId, conversationId));
  const loaded = useMemo(() => imagesOf(messages.data?.pages), [messages.data]);
  // An image whose details came from get_attachment is not among them; it is then shown on its own.
  const openedKey = galleryKey(opened);
  const walkable = loaded.some((image) => galleryKey(image) === openedKey);
  const images = walkable ? loaded : [opened];
  const [loadingOlder, setLoadingOlder] = useState(false);

  // Step back past the oldest loaded image: load older messages until one of them carries an image.
  const loadOlder = async () => {
    if (loadingOlder) return;
    setLoadingOlder(true);
    try {
      for (let page = 0; page < OLDER_PAGES_PER_STEP; page++) {
        const result = await messages.fetchNextPage({ cancelRefetch: false });
        const loaded = imagesOf(result.data?.pages);
        const index = loaded.findIndex((image) => galleryKey(image) === currentKey);
        if (index > 0) return onCurrentChange(galleryKey(loaded[index - 1]!));
        if (!result.hasNextPage || result.isError) return;
      }
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <Lightbox
      images={images}
      currentKey={currentKey}
      onCurrentChange={onCurrentChange}
      onClose={onClose}
      older={walkable && messages.hasNextPage ? { load: () => void loadOlder(), loading: loadingOlder } : undefined}
    />
  );
}

/**
 * One lightbox for a conversation: a thumbnail anywhere in the thread opens it, and ←/→ walk every image of the
 * loaded messages, oldest to newest; stepping back past the oldest loads older messages.
 */
export function ConversationGallery({ conversationId, children }: { conversationId: string; children: ReactNode }) {
  const [opened, setOpened] = useState<GalleryImage | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const gallery = useMemo<Gallery>(
    () => ({
      open: (image) => {
        setOpened(image);
        setCurrent(galleryKey(image));
      },
    }),
    [],
  );
  return (
    <GalleryContext.Provider value={gallery}>
      {children}
      {opened && current ? (
        <ConversationLightbox
          conversationId={conversationId}
          opened={opened}
          currentKey={current}
          onCurrentChange={setCurrent}
          onClose={() => setOpened(null)}
        />
      ) : null}
    </GalleryContext.Provider>
  );
}

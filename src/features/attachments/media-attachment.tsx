import type { Attachment } from '../../contract/models';
import { attachmentName, PreviewCard } from './file-card';
import { useVerifiedPreview } from './use-verified-preview';

export type MediaKind = 'audio' | 'video';

const BOX: Record<MediaKind, string> = {
  audio: 'h-14 px-3',
  video: 'aspect-video bg-black',
};

/**
 * A player that leaves the page stops loading at once: its object URL is revoked right after, and a player still
 * reading from a revoked URL fails its next request.
 */
const stopLoading = (player: HTMLMediaElement | null) => () => {
  if (!player) return;
  player.removeAttribute('src');
  player.load();
};

/**
 * Audio and video with the native players, from an object URL of bytes that proved their type. The box is sized before anything loads, the bytes are
 * fetched only near the viewport, and anything that does not prove its type falls back to a file card.
 */
export function MediaAttachment({
  messageId,
  attachment,
  kind,
}: {
  messageId: string;
  attachment: Attachment;
  kind: MediaKind;
}) {
  const name = attachmentName(attachment);
  const { box, url, failed } = useVerifiedPreview(messageId, attachment, kind);

  return (
    <PreviewCard
      messageId={messageId}
      attachment={attachment}
      box={box}
      failed={failed}
      ready={!!url}
      testId={`${kind}-preview`}
      className={`flex items-center justify-center ${BOX[kind]}`}
    >
      {!url ? null : kind === 'audio' ? (
        <audio
          ref={stopLoading}
          controls
          preload="metadata"
          src={url}
          aria-label={`Play ${name}`}
          className="h-10 w-full"
        />
      ) : (
        <video
          ref={stopLoading}
          controls
          preload="metadata"
          src={url}
          aria-label={`Play ${name}`}
          className="h-full w-full"
        />
      )}
    </PreviewCard>
  );
}

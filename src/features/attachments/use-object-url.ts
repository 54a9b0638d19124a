import { useEffect, useState } from 'react';

/** An object URL for bytes of a proven type, revoked when the bytes change or the component unmounts. */
export function useObjectUrl(
  bytes: Uint8Array<ArrayBuffer> | null | undefined,
  type: string | null | undefined,
): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes || !type) return;
    const next = URL.createObjectURL(new Blob([bytes], { type }));
    setUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setUrl(null);
    };
  }, [bytes, type]);
  return url;
}

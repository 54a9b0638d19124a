import { useCallback, useEffect, useRef, useState } from 'react';
import { useAccount } from '../../lib/account-context';
import { save } from './downloads';
import { type ZipEntry, ZipFileError, zipFiles, type ZipProgress } from './zip-files';

export type ZipState =
  | { status: 'idle' }
  | { status: 'running'; progress: ZipProgress }
  | { status: 'failed'; fileName: string | null; index: number | null; message: string }
  | { status: 'saved'; zipName: string; files: number };

/**
 * A zip of several attachments, built in the browser as their bytes stream in, then saved under `zipName`: its
 * progress, Cancel (aborts the fetches and saves nothing), and after a failed file, Retry or Leave it out.
 * Leaving the panel cancels it.
 */
export function useZipDownload() {
  const { accountId } = useAccount();
  const [state, setState] = useState<ZipState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const last = useRef<{ entries: readonly ZipEntry[]; zipName: string } | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (entries: readonly ZipEntry[], zipName: string) => {
      if (controller.current || entries.length === 0) return;
      const abort = new AbortController();
      controller.current = abort;
      last.current = { entries, zipName };
      const total = entries.every((entry) => entry.size != null)
        ? entries.reduce((sum, entry) => sum + entry.size!, 0)
        : null;
      setState({ status: 'running', progress: { filesDone: 0, files: entries.length, bytes: 0, totalBytes: total } });
      try {
        const zip = await zipFiles(
          accountId,
          entries,
          (progress) => {
            if (!abort.signal.aborted) setState({ status: 'running', progress });
          },
          abort.signal,
        );
        save(zip, zipName);
        setState({ status: 'saved', zipName, files: entries.length });
      } catch (error) {
        if (abort.signal.aborted) setState({ status: 'idle' });
        else if (error instanceof ZipFileError)
          setState({ status: 'failed', fileName: error.fileName, index: error.index, message: error.message });
        else setState({ status: 'failed', fileName: null, index: null, message: String(error) });
      } finally {
        controller.current = null;
      }
    },
    [accountId],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const retry = useCallback(() => {
    if (last.current) void start(last.current.entries, last.current.zipName);
  }, [start]);
  /** Zips the rest again, without the file that failed. */
  const leaveOut = useCallback(() => {
    if (!last.current || state.status !== 'failed' || state.index === null) return;
    const entries = last.current.entries.filter((_, index) => index !== state.index);
    void start(entries, last.current.zipName);
  }, [start, state]);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, retry, leaveOut, dismiss };
}

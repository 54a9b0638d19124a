import { kindFromType } from '../../lib/file-kind';

/** The kinds of file the Files panel filters by. */
export type FileCategory = 'images' | 'pdfs' | 'documents' | 'media' | 'other';

export const FILE_CATEGORIES: { value: FileCategory; label: string }[] = [
  { value: 'images', label: 'Images' },
  { value: 'pdfs', label: 'PDFs' },
  { value: 'documents', label: 'Documents' },
  { value: 'media', label: 'Audio/Video' },
  { value: 'other', label: 'Other' },
];

/** Office and rich-text documents: never previewed, but documents all the same. */
const DOCUMENT_TYPE =
  /^(application\/(msword|rtf|vnd\.ms-(excel|powerpoint)|vnd\.openxmlformats-officedocument\.[\w.]+|vnd\.oasis\.opendocument\.[\w.]+)|text\/(markdown|rtf|tab-separated-values))$/;

/**
 * Which filter a declared type falls under: the preview kinds first, then the type's family, so an SVG counts as an
 * image and a Word file as a document even though neither is ever previewed.
 */
export function categoryOf(mime: string | null | undefined): FileCategory {
  const kind = kindFromType(mime);
  if (kind === 'image') return 'images';
  if (kind === 'pdf') return 'pdfs';
  if (kind === 'text') return 'documents';
  if (kind === 'audio' || kind === 'video') return 'media';
  const type = (mime ?? '').split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return 'images';
  if (type.startsWith('audio/') || type.startsWith('video/')) return 'media';
  if (DOCUMENT_TYPE.test(type)) return 'documents';
  return 'other';
}

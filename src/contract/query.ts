/** StackOne's query parameters (page size, cursors, filters) as the sandbox parses them. */

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface RecordQuery {
  /** Keys to keep in each record; null keeps all. */
  fields: string[] | null;
  raw: boolean;
}

export interface ListQuery extends RecordQuery {
  pageSize: number;
  next: string | null;
  /** ISO instant; only records updated strictly after it. */
  updatedAfter: string | null;
}

export interface DownloadQuery {
  format: 'base64' | null;
  exportFormat: string | null;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function parseRaw(params: URLSearchParams): Parsed<boolean> {
  const raw = params.get('raw');
  if (raw === null || raw === '' || raw === 'false') return { ok: true, value: false };
  if (raw === 'true') return { ok: true, value: true };
  return fail(`raw must be true or false, got "${raw}"`);
}

function parseFields(params: URLSearchParams): Parsed<string[] | null> {
  const value = params.get('fields');
  if (value === null || value.trim() === '') return { ok: true, value: null };
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const bad = names.find((name) => !FIELD_NAME.test(name));
  if (bad !== undefined) return fail(`fields must be a comma-separated list of field names, got "${bad}"`);
  return { ok: true, value: names };
}

export function parseInstant(value: string): string | null {
  if (!ISO_DATE_TIME.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function parseRecordQuery(params: URLSearchParams): Parsed<RecordQuery> {
  const fields = parseFields(params);
  if (!fields.ok) return fields;
  const raw = parseRaw(params);
  if (!raw.ok) return raw;
  return { ok: true, value: { fields: fields.value, raw: raw.value } };
}

export function parseListQuery(params: URLSearchParams): Parsed<ListQuery> {
  const record = parseRecordQuery(params);
  if (!record.ok) return record;

  let pageSize = DEFAULT_PAGE_SIZE;
  const pageSizeText = params.get('page_size');
  if (pageSizeText !== null && pageSizeText !== '') {
    if (!/^\d{1,6}$/.test(pageSizeText) || Number(pageSizeText) < 1 || Number(pageSizeText) > MAX_PAGE_SIZE) {
      return fail(`page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${pageSizeText}"`);
    }
    pageSize = Number(pageSizeText);
  }

  const next = params.get('next');
  const updatedAfterText = params.get('filter[updated_after]') ?? params.get('updated_after');
  let updatedAfter: string | null = null;
  if (updatedAfterText !== null && updatedAfterText !== '') {
    updatedAfter = parseInstant(updatedAfterText);
    if (updatedAfter === null) {
      return fail(`filter[updated_after] must be an ISO-8601 date-time, got "${updatedAfterText}"`);
    }
  }
  return {
    ok: true,
    value: { ...record.value, pageSize, next: next === null || next === '' ? null : next, updatedAfter },
  };
}

export function parseDownloadQuery(params: URLSearchParams): Parsed<DownloadQuery> {
  const format = params.get('format');
  if (format !== null && format !== '' && format !== 'base64') {
    return fail(`format must be "base64" when given, got "${format}"`);
  }
  const exportFormat = params.get('export_format');
  if (exportFormat !== null && exportFormat !== '' && !MIME_TYPE.test(exportFormat)) {
    return fail(`export_format must be a MIME type such as text/plain, got "${exportFormat}"`);
  }
  return {
    ok: true,
    value: { format: format === 'base64' ? 'base64' : null, exportFormat: exportFormat || null },
  };
}

/** Keeps only the named keys of a record (StackOne's `fields` parameter). */
export function pickFields<T extends object>(record: T, fields: string[] | null): Partial<T> {
  if (fields === null) return record;
  const out: Record<string, unknown> = {};
  for (const name of fields) {
    if (Object.hasOwn(record, name)) out[name] = (record as Record<string, unknown>)[name];
  }
  return out as Partial<T>;
}

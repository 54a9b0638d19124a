import Papa from 'papaparse';
import { useMemo } from 'react';
import { cn } from '../../lib/cn';

/** The rows of CSV text; a last row cut off by the end of a sample is left out. */
export function csvRows(text: string, truncated: boolean): string[][] {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  return truncated ? rows.slice(0, -1) : rows;
}

const count = new Intl.NumberFormat();

/**
 * CSV as a table: the first row as column headings, cells as text (never HTML), columns aligned, scrolling sideways
 * when they are wider than the box. Shows up to `maxRows` rows and says how many there are in what was read.
 */
export function CsvTable({
  text,
  truncated,
  maxRows,
  label,
  dense = false,
}: {
  text: string;
  truncated: boolean;
  maxRows: number;
  label: string;
  dense?: boolean;
}) {
  const rows = useMemo(() => csvRows(text, truncated), [text, truncated]);
  const [head = [], ...body] = rows;
  const shown = body.slice(0, maxRows);
  const columns = Math.max(head.length, ...shown.map((row) => row.length));
  const cell = dense ? 'px-2 py-0.5' : 'px-3 py-1';
  return (
    <div className="h-full overflow-auto" tabIndex={0} role="region" aria-label={label} data-testid="csv-table">
      <table
        className={cn(
          'min-w-full border-collapse text-left font-mono tabular-nums',
          dense ? 'text-[11px]' : 'text-[12px]',
        )}
      >
        <thead className="sticky top-0 bg-neutral-100 dark:bg-neutral-800">
          <tr>
            {Array.from({ length: columns }, (_, i) => (
              <th key={i} scope="col" className={cn(cell, 'font-semibold whitespace-nowrap')}>
                {head[i] ?? ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r} className="border-t border-neutral-200 dark:border-neutral-800">
              {Array.from({ length: columns }, (_, i) => (
                <td key={i} className={cn(cell, 'whitespace-nowrap')}>
                  {row[i] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {body.length > shown.length || truncated ? (
        <p className={cn(cell, 'text-neutral-600 dark:text-neutral-400')}>
          {body.length > shown.length
            ? `First ${count.format(shown.length)} of ${count.format(body.length)}${truncated ? '+' : ''} rows`
            : 'More rows follow'}
        </p>
      ) : null}
    </div>
  );
}

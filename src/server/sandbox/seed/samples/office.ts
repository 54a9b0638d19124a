import { utf8 } from './utf8';
import { zip } from './zip';

// ---------------------------------------------------------------------------------------------
// Office Open XML documents (minimal, valid packages built with the ZIP writer above)

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(overrides: Record<string, string>): Buffer {
  return utf8(
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      Object.entries(overrides)
        .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
        .join('') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
  );
}

function rootRels(target: string): Buffer {
  return utf8(
    XML_HEAD +
      `<Relationships xmlns="${REL_NS}">` +
      `<Relationship Id="rId1" Type="${OFFICE_DOC_REL}/officeDocument" Target="${target}"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
  );
}

function coreProps(title: string, creator: string): Buffer {
  return utf8(
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(creator)}</dc:creator>` +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-30T14:00:00Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-02T08:15:00Z</dcterms:modified>' +
      '</cp:coreProperties>',
  );
}

export function projectBriefDocx(): Buffer {
  const run = (text: string, props = '') =>
    `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
  const para = (runs: string, spacingAfter = 160) =>
    `<w:p><w:pPr><w:spacing w:after="${spacingAfter}"/></w:pPr>${runs}</w:p>`;
  const title = (text: string) => para(run(text, '<w:b/><w:color w:val="4338CA"/><w:sz w:val="44"/>'), 240);
  const h = (text: string) => para(run(text, '<w:b/><w:sz w:val="28"/>'), 120);
  const body = [
    title('Project brief: Inbox 2.0 launch'),
    para(
      run('Owner: ', '<w:b/>') + run('Priya Raman') + run('    Status: ', '<w:b/>') + run('Approved, 2 October 2026'),
    ),
    h('Why'),
    para(
      run(
        'Teams told us the inbox feels slow with large conversations and that files get lost in the scroll. ' +
          'Inbox 2.0 fixes both: conversations open up to three times faster and every attachment is one click away in the gallery.',
      ),
    ),
    h('What we ship'),
    para(run('• Faster conversation loading (p95 120 ms).')),
    para(run('• Attachment gallery with previews for images, PDFs, audio and video.')),
    para(run('• Search that understands people, file types and dates.')),
    h('Success metrics'),
    para(run('Weekly active teams +10% within six weeks; support tickets about missing files −30%.')),
    h('Timeline'),
    para(run('5% on 12 October, 50% on 13 October, general availability on 14 October 2026.')),
  ].join('');
  const document =
    XML_HEAD +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>';
  return zip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/word/document.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      }),
    },
    { name: '_rels/.rels', data: rootRels('word/document.xml') },
    { name: 'docProps/core.xml', data: coreProps('Project brief: Inbox 2.0 launch', 'Priya Raman') },
    { name: 'word/document.xml', data: utf8(document) },
  ]);
}

export function budgetXlsx(): Buffer {
  const rows: (string | number)[][] = [
    ['Category', 'Q1', 'Q2', 'Q3', 'Q4 (plan)', 'Total'],
    ['Cloud infrastructure', 48200, 51900, 55400, 58000],
    ['Contractors', 30000, 24000, 18500, 20000],
    ['Design tools & licences', 6400, 6400, 7100, 7100],
    ['Marketing (launch)', 12000, 9500, 26800, 15000],
    ['Travel & offsite', 8300, 4100, 16750, 3500],
    ['Training', 2500, 3000, 1800, 4000],
  ];
  const col = (i: number) => String.fromCharCode(65 + i);
  const cell = (ref: string, value: string | number) =>
    typeof value === 'number'
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
  const formula = (ref: string, f: string, value: number) => `<c r="${ref}"><f>${f}</f><v>${value}</v></c>`;
  let sheetRows = '';
  rows.forEach((row, r) => {
    const n = r + 1;
    let cells = row.map((v, i) => cell(`${col(i)}${n}`, v)).join('');
    if (r > 0) {
      const total = (row.slice(1) as number[]).reduce((a, b) => a + b, 0);
      cells += formula(`F${n}`, `SUM(B${n}:E${n})`, total);
    }
    sheetRows += `<row r="${n}">${cells}</row>`;
  });
  const last = rows.length;
  const totalRow = rows.length + 1;
  let totals = cell(`A${totalRow}`, 'Total');
  for (let i = 1; i <= 5; i++) {
    const sum = rows
      .slice(1)
      .reduce(
        (acc, row) => acc + (i === 5 ? (row.slice(1) as number[]).reduce((a, b) => a + b, 0) : (row[i] as number)),
        0,
      );
    totals += formula(`${col(i)}${totalRow}`, `SUM(${col(i)}2:${col(i)}${last})`, sum);
  }
  sheetRows += `<row r="${totalRow}">${totals}</row>`;
  const sheet =
    XML_HEAD +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<cols><col min="1" max="1" width="26" customWidth="1"/><col min="2" max="6" width="12" customWidth="1"/></cols>' +
    `<sheetData>${sheetRows}</sheetData></worksheet>`;
  const workbook =
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_DOC_REL}">` +
    '<sheets><sheet name="Budget 2026" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${OFFICE_DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    '</Relationships>';
  return zip([
    {
      name: '[Content_Types].xml',
      data: contentTypes({
        '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        '/xl/worksheets/sheet1.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
      }),
    },
    { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
    { name: 'docProps/core.xml', data: coreProps('Team budget 2026', 'Dana Whitfield') },
    { name: 'xl/workbook.xml', data: utf8(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRels) },
    { name: 'xl/worksheets/sheet1.xml', data: utf8(sheet) },
  ]);
}

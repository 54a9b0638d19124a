import type { ReactNode } from 'react';

function glyph(path: ReactNode) {
  return function Glyph() {
    return (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width={16}
        height={16}
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {path}
      </svg>
    );
  };
}

export const BoldGlyph = glyph(<path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" />);
export const ItalicGlyph = glyph(<path d="M14 5h-4M14 19h-4M14 5l-4 14" transform="translate(1 0)" />);
export const CodeGlyph = glyph(<path d="m8 8-4 4 4 4M16 8l4 4-4 4M13.5 6l-3 12" />);
export const LinkGlyph = glyph(
  <path d="M10 13.5a4 4 0 0 0 6 .4l3-3a4 4 0 0 0-5.7-5.7l-1.7 1.7M14 10.5a4 4 0 0 0-6-.4l-3 3a4 4 0 0 0 5.7 5.7l1.7-1.7" />,
);
export const SmileGlyph = glyph(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01" />
  </>,
);
export const EyeGlyph = glyph(
  <>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
    <circle cx="12" cy="12" r="2.5" />
  </>,
);

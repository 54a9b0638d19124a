export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

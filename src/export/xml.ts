/**
 * Text for XML attributes and elements: the five markup characters escaped, line breaks and tabs written as
 * character references (an attribute's value would otherwise be normalised to spaces), and the characters
 * XML 1.0 cannot carry at all dropped.
 */
export function xmlText(value: unknown): string {
  return String(value)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/**
 * Whether a UTF-16 code unit is one the regex class `\s` matches (JavaScript's white space and
 * line terminators), decided from the code: for scans that read text in place.
 *
 * @example isSpace(0xa0) // true: a no-break space
 */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

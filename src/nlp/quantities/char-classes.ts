/** Character tests shared by the quantity readers (Unicode letters, ASCII digits). */

/**
 * A Unicode letter.
 *
 * @example isLetter('é') // true
 */
export const isLetter = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  // ASCII (most characters of most texts) without the regex; others by their Unicode category.
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(c);
};

/**
 * An ASCII digit.
 *
 * @example isDigit('7') // true
 */
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * A letter or a digit.
 *
 * @example isAlnum('-') // false
 */
export const isAlnum = (c: string | undefined): boolean => isLetter(c) || isDigit(c);

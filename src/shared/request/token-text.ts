import { z } from 'zod'

/**
 * What can be a token, checked where it is typed (the contract) and where it is stored (the
 * registry): pasted by people, so trimmed; printable ASCII only, because a Bearer header can
 * carry nothing else and a line break would inject headers.
 */
export const TokenText = z
  .string()
  .trim()
  .min(8, 'the token is too short')
  .max(4096, 'the token is too long')
  .regex(/^[\x21-\x7e]+$/, 'the token must be printable ASCII, without spaces or line breaks: paste the token without the word Bearer')

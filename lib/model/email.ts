import { z } from 'zod';

/**
 * An email address, international ones included ("jürgen.müller@nordvik-antrieb.example"):
 * Zod's default pattern is ASCII-only, which would drop real prospects' addresses.
 */
export const EmailAddress = z.email({ pattern: z.regexes.unicodeEmail }).max(320);

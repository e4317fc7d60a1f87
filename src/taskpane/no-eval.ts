/**
 * The pane's Content Security Policy has no 'unsafe-eval', so zod must neither compile its
 * parsers with `new Function` nor try whether it may (a strict policy reports even a caught
 * attempt). Imported first by the entry, before any schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });

import * as z from 'zod/mini';

// zod/mini loads no locale, so without this every built-in message (users see them in 400 answers, the
// options page and message errors) would read just "Invalid input". Set by whoever words such messages: the
// API's barrel (index.ts: the worker, the extension's pages, the server, the console) and the in-page UI.
// Not by the content scripts, which import the schemas they parse module by module: their parse errors
// never reach a user as words (finish.ts names the failed check by its code), and the locale tables are
// 2.7 KB of a script that must stay under 30 KB gzip (issue 11).
z.config(z.locales.en());

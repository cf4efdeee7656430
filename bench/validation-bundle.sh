#!/bin/sh
# Bundle cost of the schemas on the stream path: `sh bench/validation-bundle.sh`.
# Prints minified and gzipped sizes for zod/mini (as written), the same schemas on classic zod
# (`zod/mini` aliased to `zod`), zod/mini alone, and zod/mini with `zod/compile` installed.
set -e
cd "$(dirname "$0")/.."
out=$(mktemp -d)
entry=bench/validation-bundle-entry.ts
size() { printf '%-40s %7d B min  %6d B gzip\n' "$1" "$(wc -c <"$2")" "$(gzip -9 -c "$2" | wc -c)"; }
b() { npx esbuild --bundle --minify --format=esm --log-level=error "$@"; }
# Entries given on stdin resolve packages from this project.
bs() { printf '%s' "$1" | b --outfile="$2"; }

bs "import * as z from 'zod/mini'; export const s = z.looseObject({ a: z.string() });" "$out/mini.js"
size 'zod/mini, one schema' "$out/mini.js"
bs "import * as z from 'zod'; export const s = z.looseObject({ a: z.string() });" "$out/classic.js"
size 'zod classic, one schema' "$out/classic.js"
b "$entry" --outfile="$out/schemas-mini.js" && size 'schemas on zod/mini' "$out/schemas-mini.js"
b "$entry" --alias:zod/mini=zod --outfile="$out/schemas-classic.js" && size 'schemas on zod classic' "$out/schemas-classic.js"
bs "import 'zod/compile'; export * from './$entry';" "$out/schemas-compile.js"
size 'schemas on zod/mini + zod/compile' "$out/schemas-compile.js"
bs "export { createParser } from 'eventsource-parser';" "$out/esp.js"
size 'eventsource-parser' "$out/esp.js"
rm -rf "$out"

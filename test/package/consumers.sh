#!/usr/bin/env bash
# Installs hwcloud-typed as a user would without a registry copy, into three
# throwaway projects under DIR (made if missing):
#   DIR/consumer-tarball  from `npm pack`'s tarball
#   DIR/consumer-git      from a git URL: npm clones the repo, installs its dev
#                         dependencies and `prepare` builds dist/
#   DIR/consumer-path     from this checkout's path (run `npm ci` here first)
# and type-checks the tarball's consumer (examples/ and test/runtimes/) with
# skipLibCheck off, on the oldest TypeScript the README states and on the
# repo's own, with NodeNext and bundler resolution, and with a `source`
# custom condition as monorepos set it.
#   usage: bash test/package/consumers.sh DIR
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
# The oldest TypeScript that compiles the published types (openapi-fetch's own need 5.4).
OLDEST_TS=5.4

consumer() {
  local dir="$out/$1"
  shift
  rm -rf "$dir" && mkdir -p "$dir"
  printf '{ "name": "%s", "private": true, "type": "module" }\n' "$(basename "$dir")" >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --loglevel=error "$@")
}

echo "== npm pack"
rm -f "$out"/hwcloud-typed-*.tgz
tarball="$out/$(cd "$repo" && npm pack --silent --pack-destination "$out" | tail -n 1)"
listing="$(tar -tzf "$tarball")"
for file in package/LICENSE package/README.md package/dist/src/index.js package/dist/node/index.js package/dist/src/index.d.ts; do
  grep -qx "$file" <<<"$listing" || { echo "$file is missing from $(basename "$tarball")"; exit 1; }
done
echo "$(basename "$tarball"): LICENSE, README.md and dist/ are in it"

echo "== install from the tarball, type-check with TypeScript $OLDEST_TS and $("$repo/node_modules/.bin/tsc" --version)"
consumer consumer-tarball "$tarball" "typescript@$OLDEST_TS" "@types/node@20"
cd "$out/consumer-tarball"
cp "$repo/test/package/tsconfig.consumer.json" tsconfig.json
mkdir -p examples && cp "$repo"/examples/*.ts examples/ && cp "$repo"/test/runtimes/{smoke,faults,cli,browser}.ts .
for tsc in node_modules/.bin/tsc "$repo/node_modules/.bin/tsc"; do
  version="$("$tsc" --version)"
  "$tsc" -p . && echo "$version, NodeNext: no errors"
  "$tsc" -p . --module esnext --moduleResolution bundler && echo "$version, bundler: no errors"
  "$tsc" -p . --module esnext --moduleResolution bundler --customConditions source && echo "$version, bundler with a 'source' condition: no errors"
done

echo "== install from a git URL"
consumer consumer-git "git+file://$repo"
for file in dist/node/index.js dist/src/index.js dist/src/index.d.ts; do
  test -f "$out/consumer-git/node_modules/hwcloud-typed/$file" || { echo "prepare did not build $file"; exit 1; }
done
echo "prepare built dist/"

echo "== install from a local path"
consumer consumer-path "$repo"
echo "linked to $(readlink -f "$out/consumer-path/node_modules/hwcloud-typed")"

#!/usr/bin/env bash
# Builds sqlite3.wasm from the pinned SQLite amalgamation.
#
#   build-wasm.sh [OUTPUT.wasm]      (default: sqlite-wasm/target/wasm/sqlite3.wasm)
#
# The amalgamation is not in this repository: it is fetched from the npm registry inside a pinned
# package, and both the package and sqlite3.c are checked against pinned SHA-256 sums. The compile
# options live in sqlite-wasm/src/main/c/sqlite_config.h, the exported symbols in exports.txt.
# The script is incremental: it does nothing when the inputs' hash matches the last build.
set -euo pipefail

SQLITE_VERSION=3.54.1
NPM_PACKAGE=better-sqlite3@13.2.0            # carries the 3.54.1 amalgamation in deps/sqlite3/
NPM_TARBALL_SHA256=40487589df3496f2ee0079d22b73c63fccebe7db0e8ee9a2c42421861e321e0b
SQLITE3_C_SHA256=75a4760a7b9727a4c4c877aec92eacf39e52a8f2921ce00bd33be6d3a8e8e254
SQLITE3_H_SHA256=d6c84557261893439b341d2e6c35187ae3ea24fbfd843ad94616f72d89242b8c

# Optimisation level, for clang and wasm-opt: chosen by measurement after splitting (see
# wasm-split/README.md). -Os ran scans and GROUP BY faster than -Oz and -O2 and makes a module
# 15% bigger than -Oz's, where -O2's is 75% bigger.
OPT_LEVEL=${SQLITE_WASM_OPT:--Os}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
C_DIR=$ROOT/sqlite-wasm/src/main/c
OUT=${1:-$ROOT/sqlite-wasm/target/wasm/sqlite3.wasm}
CACHE=${SQLITE_JVM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sqlite-jvm}
SRC=$CACHE/sqlite-$SQLITE_VERSION

CLANG=clang-19
WASM_LD=wasm-ld-19
WASI_SYSROOT=/usr
WASI_LIBC=$WASI_SYSROOT/lib/wasm32-wasi/libc.a
RT_BUILTINS=/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a
APT_PACKAGES="clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 binaryen"

log() { echo "[build-wasm] $*" >&2; }

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

verify_sha256() { # file expected
  local actual
  actual=$(sha256_of "$1")
  if [ "$actual" != "$2" ]; then
    log "SHA-256 mismatch for $1: expected $2, got $actual"
    return 1
  fi
}

ensure_toolchain() {
  if command -v "$CLANG" >/dev/null && command -v "$WASM_LD" >/dev/null \
     && [ -f "$WASI_LIBC" ] && [ -f "$RT_BUILTINS" ] && command -v wasm-opt >/dev/null; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing the wasm toolchain: $APT_PACKAGES"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $APT_PACKAGES >/dev/null
  else
    log "the wasm toolchain is missing; install it with:"
    log "  sudo apt-get install -y $APT_PACKAGES"
    exit 1
  fi
}

fetch_amalgamation() {
  if [ -f "$SRC/sqlite3.c" ] && [ "$(sha256_of "$SRC/sqlite3.c")" = "$SQLITE3_C_SHA256" ]; then
    return
  fi
  command -v npm >/dev/null || { log "npm is needed to fetch $NPM_PACKAGE (apt-get install -y npm)"; exit 1; }
  local tmp
  tmp=$(mktemp -d)
  log "fetching SQLite $SQLITE_VERSION amalgamation ($NPM_PACKAGE)"
  (cd "$tmp" && npm pack --silent "$NPM_PACKAGE" >/dev/null 2>&1)
  local tarball
  tarball=$(ls "$tmp"/*.tgz)
  verify_sha256 "$tarball" "$NPM_TARBALL_SHA256"
  tar -xzf "$tarball" -C "$tmp" package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h
  verify_sha256 "$tmp/package/deps/sqlite3/sqlite3.c" "$SQLITE3_C_SHA256"
  verify_sha256 "$tmp/package/deps/sqlite3/sqlite3.h" "$SQLITE3_H_SHA256"
  mkdir -p "$SRC"
  mv "$tmp/package/deps/sqlite3/sqlite3.c" "$tmp/package/deps/sqlite3/sqlite3.h" "$SRC/"
  rm -rf "$tmp"
}

inputs_hash() {
  { echo "$OPT_LEVEL $SQLITE3_C_SHA256"; cat "$0" "$C_DIR"/*; } | sha256sum | cut -d' ' -f1
}

main() {
  local stamp=$OUT.inputs
  local hash
  hash=$(inputs_hash)
  if [ -f "$OUT" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    log "up to date: $OUT"
    return
  fi
  ensure_toolchain
  fetch_amalgamation
  mkdir -p "$(dirname "$OUT")"
  obj=$(mktemp -d)   # global: the EXIT trap runs after main's locals are gone
  trap 'rm -rf "$obj"' EXIT

  local cflags=(--target=wasm32-wasi --sysroot="$WASI_SYSROOT" "$OPT_LEVEL"
    -mbulk-memory -msign-ext -mnontrapping-fptoint -mmutable-globals
    -fno-stack-protector -include "$C_DIR/sqlite_config.h" -I"$SRC" -I"$C_DIR")
  local start=$SECONDS
  log "compiling sqlite3.c ($OPT_LEVEL)"
  "$CLANG" "${cflags[@]}" -c "$SRC/sqlite3.c" -o "$obj/sqlite3.o" &
  local sqlite_pid=$!
  for c in "$C_DIR"/*.c; do
    "$CLANG" "${cflags[@]}" -Wall -Werror -c "$c" -o "$obj/$(basename "$c" .c).o"
  done
  wait "$sqlite_pid"

  local exports=()
  while read -r sym; do
    case "$sym" in ''|'#'*) continue ;; esac
    exports+=("--export=$sym")
  done < "$C_DIR/exports.txt"

  log "linking"
  # Reactor: no main; _initialize runs the C constructors. Memory grows on demand up to 4 GiB;
  # the runtime caps it per connection.
  "$WASM_LD" --no-entry --export=_initialize --export=malloc --export=free --export=realloc \
    "${exports[@]}" -L"$WASI_SYSROOT/lib/wasm32-wasi" "$WASI_SYSROOT/lib/wasm32-wasi/crt1-reactor.o" \
    "$obj"/*.o -lc "$RT_BUILTINS" --initial-memory=1048576 --max-memory=4294967296 \
    --stack-first -z stack-size=524288 --strip-debug -o "$obj/sqlite3.wasm"
  # wasm-opt: keep the feature set we compiled for; measured to shrink the module (see README).
  wasm-opt "$OPT_LEVEL" --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-mutable-globals "$obj/sqlite3.wasm" -o "$OUT" --symbolmap="$OUT.symbols"
  echo "$hash" > "$stamp"
  log "built $OUT ($(stat -c %s "$OUT") bytes) in $((SECONDS - start)) s"
}

main

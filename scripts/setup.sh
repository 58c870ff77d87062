#!/usr/bin/env bash
# Installs what Scholion's builds and tests need, and nothing twice.
#   - Debian packages (apt-get), only those missing;
#   - the Dear ImGui 1.86 source (apt-get source imgui), unpacked in the build tree;
#   - npm packages pinned by package-lock.json (npm ci), only when the lock changed.
# Usage: scripts/setup.sh [BUILD_DIR]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mkdir -p "$build/deps"

packages=(
  cmake g++ make pkg-config
  emscripten
  nlohmann-json3-dev libutfcpp-dev googletest libgtest-dev libbenchmark-dev
  unicode-data
  chromium
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  libstb-dev
  dpkg-dev
)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# deb-src stanzas with the same URIs, suites, components and key as the machine's own
# enabled deb entries (one-line sources.list and deb822 .sources files alike).
derive_deb_src() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" {
      i = 2; opts = ""
      if ($2 ~ /^\[/) { while ($i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
      comps = ""; for (j = i + 2; j <= NF; j++) comps = comps " " $j
      signed = ""; if (match(opts, /signed-by=[^] ]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
      printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:%s\n", $i, $(i + 1), comps
      if (signed != "") printf "Signed-By: %s\n", signed
      print ""
    }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
    {
      deb = 0; enabled = 1; out = ""
      for (k = 1; k <= NF; k++) {
        line = $k
        if (line ~ /^#/) continue
        if (line ~ /^Types:/) { if (line ~ /[ \t]deb([ \t]|$)/) deb = 1; continue }
        if (line ~ /^Enabled:[ \t]*no/) enabled = 0
        out = out line "\n"
      }
      if (deb && enabled) printf "Types: deb-src\n%s\n", out
    }' "$f"
  done
}

apt_updated=
apt_update() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -q
    apt_updated=1
  fi
}

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [ "${status:0:2}" = ii ] || missing+=("$p")
done
# Node.js and npm may come from Debian or from another vendor's nodejs package (which
# bundles npm and conflicts with Debian's npm): only install them when absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  apt_update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Dear ImGui source, exactly the version the code is written against.
imgui_version=1.86
imgui_dir="$build/deps/imgui-$imgui_version"
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "setup: adding deb-src entries derived from this machine's deb entries (for apt-get source)"
    derive_deb_src | as_root tee /etc/apt/sources.list.d/scholion-debsrc.sources >/dev/null
    apt_updated=
  fi
  apt_update
  tmp=$(mktemp -d "$build/deps/imgui-src.XXXXXX")
  (cd "$tmp" && apt-get source -q "imgui=${imgui_version}+ds-1" >/dev/null)
  src=$(find "$tmp" -maxdepth 1 -mindepth 1 -type d -name 'imgui-*' | head -n 1)
  [ -f "$src/imgui.cpp" ] || { echo "setup: apt-get source imgui gave no imgui.cpp" >&2; exit 1; }
  rm -rf "$imgui_dir"
  mv "$src" "$imgui_dir"
  rm -rf "$tmp"
  echo "setup: ImGui $imgui_version source in $imgui_dir"
fi

# npm packages, pinned by the committed lock file.
stamp="$root/node_modules/.scholion-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$root/package-lock.json" "$stamp"; then
  echo "setup: npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$root/package-lock.json" "$stamp"
fi

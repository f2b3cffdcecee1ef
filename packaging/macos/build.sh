#!/usr/bin/env bash
# macOS recipe: PyInstaller .app bundle, self-test, then a compressed .dmg.
# Runs on a native macOS runner (see .github/workflows/release.yml); it cannot run on Linux.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONHASHSEED=0
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
python3 -m venv .venv-mac
.venv-mac/bin/python -m pip install -e '.[package]'
.venv-mac/bin/python -m PyInstaller --noconfirm --clean --distpath build/mac/dist \
  --workpath build/mac/work packaging/macos/jpbrief-macos.spec
QT_QPA_PLATFORM=offscreen build/mac/dist/jpbrief.app/Contents/MacOS/jpbrief self-test
version=$(.venv-mac/bin/python -c 'import jpbrief; print(jpbrief.__version__)')
mkdir -p dist
hdiutil create -volname jpbrief -srcfolder build/mac/dist/jpbrief.app -ov -format UDZO \
  "dist/jpbrief-${version}-macos.dmg"
(cd dist && shasum -a 256 ./*.dmg > SHA256SUMS-macos)

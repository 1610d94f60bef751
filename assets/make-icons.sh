#!/bin/sh
# Regenerates the app icons from assets/logo.svg with ImageMagick (`convert`).
# Shapes in logo.svg are all filled (no stroked curves, no gradients) so ImageMagick's own
# SVG renderer draws them exactly like a browser does.
set -e
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512 1024; do
  convert -background none -density $((96 * s / 128 + 96)) logo.svg -resize "${s}x${s}" "icons/${s}x${s}.png"
done
cp icons/1024x1024.png icon.png
convert icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png icons/256x256.png icon.ico

#!/usr/bin/env bash
# Sets up Microsoft's Open XML SDK 2.8.1 validator from PyPI alone (no dotnet, no NuGet).
#
#   tools/oxsdk/setup.sh [DIR]      DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/nastavnik-oxsdk
#   DIR/venv/bin/python tools/oxsdk/validate.py FILE.docx...
#
# How: the wheel python-redlines-ooxmlpowertools ships a self-contained .NET 8 app together with
# DocumentFormat.OpenXml.dll 2.8.1; its runtime is laid out as a DOTNET_ROOT and loaded in-process
# with pythonnet. A second run with everything in place returns at once.
set -euo pipefail
D=$(realpath -m "${1:-${XDG_CACHE_HOME:-$HOME/.cache}/nastavnik-oxsdk}")
if [ -f "$D/ready" ]; then
  echo "$D"
  exit 0
fi
mkdir -p "$D/dl" "$D/lib"
python3 -m venv "$D/venv"
"$D/venv/bin/pip" install -q pythonnet==3.2.1
"$D/venv/bin/pip" download -q --no-deps python-redlines-ooxmlpowertools==2.0.0 -d "$D/dl"
P="$D/dl/ptools"
mkdir -p "$P"
unzip -p "$D"/dl/python_redlines_ooxmlpowertools-*.whl 'python_redlines_ooxmlpowertools/_binaries/linux-x64.tar.gz' | tar -xz -C "$P"
V=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['runtimeOptions']['includedFrameworks'][0]['version'])" "$P/redlines.runtimeconfig.json")
R="$D/dotnet"
mkdir -p "$R/host/fxr/$V" "$R/shared/Microsoft.NETCore.App/$V"
cp "$P/libhostfxr.so" "$R/host/fxr/$V/"
for f in "$P"/*; do
  b=$(basename "$f")
  case $b in
    redlines*|OpenXmlPowerTools.dll|DocumentFormat.OpenXml.dll|libhostfxr.so) ;;
    *) cp "$f" "$R/shared/Microsoft.NETCore.App/$V/" ;;
  esac
done
cp "$P/DocumentFormat.OpenXml.dll" "$P/System.IO.Packaging.dll" "$D/lib/"
python3 - "$P/redlines.deps.json" "$R/shared/Microsoft.NETCore.App/$V/Microsoft.NETCore.App.deps.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); k = '.NETCoreApp,Version=v8.0/linux-x64'
rp = {n: v for n, v in d['targets'][k].items() if n.startswith('runtimepack')}
json.dump({"runtimeTarget": {"name": k, "signature": ""}, "compilationOptions": {}, "targets": {k: rp},
           "libraries": {n: v for n, v in d['libraries'].items() if n in rp}}, open(sys.argv[2], 'w'))
PY
cat > "$D/rt.runtimeconfig.json" <<JSON
{"runtimeOptions":{"tfm":"net8.0","framework":{"name":"Microsoft.NETCore.App","version":"$V"},"configProperties":{"System.Globalization.Invariant":true}}}
JSON
rm -rf "$P" "$D/dl"
touch "$D/ready"
echo "$D"

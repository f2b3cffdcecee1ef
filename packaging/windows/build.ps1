# Windows recipe: PyInstaller one-folder build, self-test, then an Inno Setup per-user installer.
# Runs on a native Windows runner (see .github/workflows/release.yml); it cannot run on Linux.
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root
$env:PYTHONHASHSEED = "0"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }
python -m venv .venv-win
.\.venv-win\Scripts\python -m pip install -e ".[package]"
.\.venv-win\Scripts\python -m PyInstaller --noconfirm --clean --distpath build\win\dist --workpath build\win\work packaging\jpbrief.spec
$env:QT_QPA_PLATFORM = "offscreen"
& build\win\dist\jpbrief\jpbrief.exe self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed with exit code $LASTEXITCODE" }
$version = (.\.venv-win\Scripts\python -c "import jpbrief; print(jpbrief.__version__)")
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" packaging\windows\jpbrief.iss
New-Item -ItemType Directory -Force dist | Out-Null
Get-ChildItem dist\*.exe | ForEach-Object {
  "{0}  {1}" -f (Get-FileHash $_ -Algorithm SHA256).Hash.ToLower(), $_.Name
} | Out-File -Encoding ascii dist\SHA256SUMS-windows

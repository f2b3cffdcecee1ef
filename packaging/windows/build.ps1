# Windows recipe for a native Windows runner (.github/workflows/release.yml): PyInstaller
# one-folder build, bundle checks, offscreen self-test, Inno Setup per-user installer, then
# silent install, shortcut and .jpbpack association checks, the installed app's self-test,
# silent uninstall and a check that nothing is left. The same steps run under Wine on Linux in
# packaging/windows/wine_build.py (make package-windows); keep the two in step.
# Not run by us on Windows itself: see packaging/README.md for which route was verified where.
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root
$env:PYTHONHASHSEED = "0"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }
python -m venv .venv-win
.\.venv-win\Scripts\python -m pip install -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
.\.venv-win\Scripts\python -m PyInstaller --noconfirm --clean --distpath build\win\dist --workpath build\win\work packaging\jpbrief.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
.\.venv-win\Scripts\python packaging\windows\wine_checks.py bundle build\win\dist\jpbrief
if ($LASTEXITCODE -ne 0) { throw "bundle check failed" }

# Self-tests keep caches and settings out of the runner's profile; strict where the app has it.
$env:JPBRIEF_CACHE_DIR = "$env:RUNNER_TEMP\jpbrief-test\cache"
$env:JPBRIEF_DATA_DIR = "$env:RUNNER_TEMP\jpbrief-test\data"
$env:JPBRIEF_CONFIG_DIR = "$env:RUNNER_TEMP\jpbrief-test\config"
$strict = @()
if ((& build\win\dist\jpbrief\jpbrief.exe self-test --help | Out-String) -match "--strict") { $strict = @("--strict") }
# Offscreen: the self-test points Qt at %WINDIR%\Fonts and proves glyphs are drawn.
$env:QT_QPA_PLATFORM = "offscreen"
& build\win\dist\jpbrief\jpbrief.exe self-test @strict
if ($LASTEXITCODE -ne 0) { throw "bundle self-test failed with exit code $LASTEXITCODE" }
Remove-Item Env:QT_QPA_PLATFORM

$version = (.\.venv-win\Scripts\python -c "import jpbrief; print(jpbrief.__version__)")
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" packaging\windows\jpbrief.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
$setup = "dist\jpbrief-$version-windows-x64-setup.exe"

$installer = Start-Process $setup -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait -PassThru
if ($installer.ExitCode -ne 0) { throw "installer exited $($installer.ExitCode)" }
$app = "$env:LOCALAPPDATA\Programs\jpbrief"
$shortcut = "$env:APPDATA\Microsoft\Windows\Start Menu\Programs\jpbrief.lnk"
if (-not (Test-Path "$app\jpbrief.exe")) { throw "jpbrief.exe not installed in $app" }
if (-not (Test-Path $shortcut)) { throw "no Start-menu shortcut $shortcut" }
$open = (Get-ItemProperty "HKCU:\Software\Classes\jpbrief.ContentPack\shell\open\command").'(default)'
if ($open -ne "`"$app\jpbrief.exe`" `"%1`"") { throw ".jpbpack open command is $open" }
& "$app\jpbrief.exe" self-test @strict
if ($LASTEXITCODE -ne 0) { throw "installed self-test failed with exit code $LASTEXITCODE" }

Start-Process "$app\unins000.exe" -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait | Out-Null
# The uninstaller hands over to a copy of itself in %TEMP%: wait for the folder to go.
for ($i = 0; $i -lt 120 -and (Test-Path $app); $i++) { Start-Sleep -Seconds 1 }
foreach ($left in @($app, $shortcut, "HKCU:\Software\Classes\.jpbpack", "HKCU:\Software\Classes\jpbrief.ContentPack")) {
  if (Test-Path $left) { throw "the uninstaller left $left" }
}

Get-ChildItem dist\*.exe | ForEach-Object {
  "{0}  {1}" -f (Get-FileHash $_ -Algorithm SHA256).Hash.ToLower(), $_.Name
} | Out-File -Encoding ascii dist\SHA256SUMS-windows

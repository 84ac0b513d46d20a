# Build DutyDesk for Windows: the one-folder bundle, its smoke test, and the Chinese installer.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Python "py -3.11"]
#       [-Iscc "C:\Program Files (x86)\Inno Setup 6\ISCC.exe"] [-NoInstall] [-NoSmoke]
#
# Needs: Windows 10/11 x64, Python 3.11 (python.org, "py" launcher), Inno Setup 6 with its
# Simplified Chinese translation (ChineseSimplified.isl, from Inno Setup's translations page,
# into Inno Setup's Languages folder or next to dutydesk.iss), and the network to PyPI (or a
# wheelhouse: set PIP_NO_INDEX=1 and PIP_FIND_LINKS to the folder build.sh --wheelhouse
# --platform win-amd64 made).
#
# Steps (each stops the build when it fails):
#   1. a venv in installer\build\venv-win with installer\requirements-build.lock (--require-hashes)
#      and the project (--no-deps);
#   2. installer\build\dutydesk.ico from resources\icons\dutydesk.svg (installer\make_icon.py);
#   3. PyInstaller with installer\dutydesk.spec: installer\dist\dutydesk\ with dutydesk.exe
#      (console) and dutydesk-gui.exe (windowed), icon and version resource;
#   4. smoke test: dutydesk.exe --version, demo, check, then dutydesk-gui.exe offscreen until the
#      log says "window shown";
#   5. ISCC: installer\dist\DutyDesk-<version>-setup.exe.
# This script has not been run (the project's machines are Linux): installer\README.md lists
# what is untested.
param(
    [string]$Python = "py -3.11",
    [string]$Iscc = "",
    [switch]$NoInstall,
    [switch]$NoSmoke
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Started = Get-Date
function Step($Text) { Write-Host ("== [{0:N0} s] {1}" -f ((Get-Date) - $Started).TotalSeconds, $Text) }
function Run($Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$Venv = Join-Path $Root "installer\build\venv-win"
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not $NoInstall) {
    Step "venv $Venv with installer\requirements-build.lock"
    if (-not (Test-Path $Py)) {
        $launcher, $launcherArgs = $Python -split " ", 2
        Run $launcher @($launcherArgs + @("-m", "venv", $Venv) | Where-Object { $_ })
    }
    Run $Py @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes",
              "--only-binary", ":all:", "-r", "installer\requirements-build.lock")
    Run $Py @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
              "--no-build-isolation", ".")
}
$Version = (& $Py -c "import app; print(app.__version__)").Trim()
Step "DutyDesk $Version"

Step "icon"
Run $Py @("installer\make_icon.py", "installer\build\dutydesk.ico")

Step "pyinstaller"
Run $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
          "installer\dutydesk.spec", "--distpath", "installer\dist",
          "--workpath", "installer\build\pyinstaller")
$Bundle = Join-Path $Root "installer\dist\dutydesk"
$Files = Get-ChildItem $Bundle -Recurse -File
Step ("bundle: {0:N0} MB, {1} files" -f (($Files | Measure-Object Length -Sum).Sum / 1MB), $Files.Count)

if (-not $NoSmoke) {
    Step "smoke test"
    $Tmp = Join-Path ([IO.Path]::GetTempPath()) ("dutydesk-smoke-" + [guid]::NewGuid())
    New-Item -ItemType Directory $Tmp | Out-Null
    $env:DUTYDESK_HOME = Join-Path $Tmp "home"
    $env:QT_QPA_PLATFORM = "offscreen"
    $Db = Join-Path $Tmp "demo.db"
    try {
        $Printed = (& "$Bundle\dutydesk.exe" --version).Trim()
        if ($Printed -ne "dutydesk $Version") { throw "--version printed '$Printed'" }
        Run "$Bundle\dutydesk.exe" @("--db", $Db, "demo")
        Run "$Bundle\dutydesk.exe" @("--db", $Db, "check")
        $Gui = Start-Process "$Bundle\dutydesk-gui.exe" -ArgumentList @("--db", "`"$Db`"") -PassThru
        $Log = Join-Path $env:DUTYDESK_HOME "logs\dutydesk.log"
        $Deadline = (Get-Date).AddSeconds(90)
        while (-not ((Test-Path $Log) -and (Select-String -Path $Log -Pattern "window shown" -Quiet))) {
            if ($Gui.HasExited) { throw "dutydesk-gui.exe ended before showing a window" }
            if ((Get-Date) -gt $Deadline) { throw "no 'window shown' in $Log after 90 s" }
            Start-Sleep -Milliseconds 500
        }
        if (-not (Select-String -Path $Log -Pattern "started v$Version on" -Quiet)) {
            throw "no 'started v$Version on ...' line in $Log"
        }
        Stop-Process -Id $Gui.Id
        Step "smoke test ok"
    } finally {
        Remove-Item Env:\DUTYDESK_HOME, Env:\QT_QPA_PLATFORM -ErrorAction SilentlyContinue
        Start-Sleep -Seconds 1
        Remove-Item $Tmp -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Step "Inno Setup"
if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "ISCC.exe (Inno Setup 6) not found: pass -Iscc" }
$Isl = Join-Path $PSScriptRoot "ChineseSimplified.isl"
if (-not (Test-Path $Isl)) {
    $Found = @("Languages\ChineseSimplified.isl", "Languages\Unofficial\ChineseSimplified.isl") |
        ForEach-Object { Join-Path (Split-Path $Iscc) $_ } | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Found) { throw "ChineseSimplified.isl not found: put Inno Setup's Simplified Chinese translation next to dutydesk.iss" }
    Copy-Item $Found $Isl
}
Run $Iscc @("/Q", "/DAppVersion=$Version", "installer\windows\dutydesk.iss")
$Setup = Join-Path $Root "installer\dist\DutyDesk-$Version-setup.exe"
Step ("done: {0} ({1:N0} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))

<#
.SYNOPSIS
  Generate a synthetic OpenDental practice from PowerShell (Windows PowerShell 5.1, or PowerShell 7 anywhere).

.DESCRIPTION
  Creates a virtual environment in .venv on first use, installs requirements.txt (again whenever it changes),
  then runs main.py with the options given. Every option of main.py has a parameter here, named the
  PowerShell way: --patients-per-office is -PatientsPerOffice, --volume NAME=COUNT is -Volume NAME=COUNT
  (several: -Volume a=1,b=2), and -Verbose (PowerShell's own common parameter) turns on main.py's --verbose.
  `.\generate.ps1 -Help` prints main.py's help with every option and its default.

  The password never goes on a command line, where other users could see it: -PasswordFile names a file
  holding it (readable by you alone); -PromptPassword asks for it without echoing, and -DbPassword takes a
  SecureString (for example from Read-Host -AsSecureString); these two hand it to PostgreSQL's client library
  as the PGPASSWORD environment variable of main.py alone (a password in .env_demo or config.py still takes
  precedence, as DEMO_POSTGRES_PASSWORD always does).

.EXAMPLE
  .\generate.ps1 -Patients 100
  .\generate.ps1 -Patients 5000 -DbHost localhost -DbName opendental_demo -DbUser postgres -PromptPassword -Reset
  .\generate.ps1 -Patients 1000 -Volume commlogs=8000 -FidelityHtml report.html
  .\generate.ps1 -ValidateOnly
  .\generate.ps1 -StopEmbedded
#>
[CmdletBinding()]
param(
    [switch]$Help,
    [string]$Patients,
    [string]$StartDate,
    [string]$EndDate,
    [string]$AsOf,
    [string]$HistoryYears,
    [string]$Seed,
    [string]$Clinics,
    [string]$PatientsPerOffice,
    [string]$Jobs,
    [string[]]$Volume,
    [ValidateSet("realistic", "original")][string]$VolumeProfile,
    [string]$CoverageRate,
    [string]$CompletionRate,
    [string]$FeeMatchRate,
    [string]$DbHost,
    [string]$DbPort,
    [string]$DbName,
    [string]$DbUser,
    [SecureString]$DbPassword,
    [switch]$PromptPassword,
    [string]$PasswordFile,
    [string]$DbUrl,
    [switch]$Embedded,
    [string]$EmbeddedDir,
    [switch]$StopEmbedded,
    [string]$EnvFile,
    [string]$ConfigFile,
    [switch]$Reset,
    [string]$AdvanceTo,
    [switch]$KeepInvalid,
    [string]$LockTimeout,
    [switch]$ConfirmNotProduction,
    [switch]$ValidateOnly,
    [switch]$FidelityOnly,
    [string]$ReportJson,
    [string]$FidelityJson,
    [string]$FidelityHtml,
    [string]$DbtProfile,
    [switch]$Quiet
)
$ErrorActionPreference = "Stop"

# Each parameter and the option of main.py it gives (Verbose is PowerShell's common parameter).
$Flags = [ordered]@{
    Help = "--help"; Patients = "--patients"; StartDate = "--start-date"; EndDate = "--end-date"; AsOf = "--as-of"
    HistoryYears = "--history-years"; Seed = "--seed"
    Clinics = "--clinics"; PatientsPerOffice = "--patients-per-office"; Jobs = "--jobs"; Volume = "--volume"
    VolumeProfile = "--volume-profile"; CoverageRate = "--coverage-rate"; CompletionRate = "--completion-rate"
    FeeMatchRate = "--fee-match-rate"; DbHost = "--db-host"; DbPort = "--db-port"; DbName = "--db-name"
    DbUser = "--db-user"; PasswordFile = "--password-file"; DbUrl = "--db-url"; Embedded = "--embedded"
    EmbeddedDir = "--embedded-dir"
    StopEmbedded = "--stop-embedded"; EnvFile = "--env-file"; ConfigFile = "--config-file"; Reset = "--reset"
    AdvanceTo = "--advance-to"
    KeepInvalid = "--keep-invalid"; LockTimeout = "--lock-timeout"; ConfirmNotProduction = "--confirm-not-production"; ValidateOnly = "--validate-only"
    FidelityOnly = "--fidelity-only"; ReportJson = "--report-json"; FidelityJson = "--fidelity-json"
    FidelityHtml = "--fidelity-html"; DbtProfile = "--dbt-profile"; Quiet = "--quiet"; Verbose = "--verbose"
}
# Parameters whose value reaches main.py through its environment, never its command line.
$ThroughEnvironment = [ordered]@{ DbPassword = "--db-password"; PromptPassword = "--db-password" }

function Find-Python {
    # The Python launcher (py) on Windows, else python or python3: the first that is Python 3.10 or newer.
    $ErrorActionPreference = "Continue"  # a missing launcher's complaint on stderr is not an error here
    $candidates = @(@{ Name = "py"; Arguments = @("-3") }, @{ Name = "python"; Arguments = @() },
                    @{ Name = "python3"; Arguments = @() })
    foreach ($candidate in $candidates) {
        $command = Get-Command $candidate.Name -CommandType Application -ErrorAction SilentlyContinue |
            Select-Object -First 1
        if (-not $command) { continue }
        $arguments = $candidate.Arguments
        & $command.Path @arguments -c "import sys; sys.exit(sys.version_info < (3, 10))" 2>$null
        if ($LASTEXITCODE -eq 0) { return @{ Path = $command.Path; Arguments = $arguments } }
    }
    Write-Host "error: Python 3.10 or newer is needed: none of py, python, python3 on PATH is one" -ForegroundColor Red
    exit 2
}

function Get-VenvPython {
    $venv = Join-Path $PSScriptRoot ".venv"
    $onWindows = $env:OS -eq "Windows_NT"
    $python = if ($onWindows) { Join-Path $venv "Scripts\python.exe" } else { Join-Path $venv "bin/python" }
    if (-not (Test-Path $python)) {
        Write-Host "Creating $venv (first use only)..."
        $base = Find-Python
        $arguments = $base.Arguments
        & $base.Path @arguments -m venv $venv
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
    $requirements = Join-Path $PSScriptRoot "requirements.txt"
    $stamp = Join-Path $venv ".installed-requirements.txt"
    $wanted = Get-Content -Raw $requirements
    if (-not (Test-Path $stamp) -or (Get-Content -Raw $stamp) -ne $wanted) {
        Write-Host "Installing requirements.txt into $venv..."
        & $python -m pip install --quiet --disable-pip-version-check -r $requirements
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        Set-Content -Path $stamp -Value $wanted -NoNewline
    }
    return $python
}

function ConvertTo-Arguments($bound) {
    $arguments = @()
    foreach ($name in $Flags.Keys) {
        if (-not $bound.ContainsKey($name)) { continue }
        $value = $bound[$name]
        if ($value -is [System.Management.Automation.SwitchParameter]) {
            if ($value.IsPresent) { $arguments += $Flags[$name] }
        } else {
            foreach ($item in @($value)) {
                $arguments += @($Flags[$name], [System.Convert]::ToString($item, [cultureinfo]::InvariantCulture))
            }
        }
    }
    return $arguments
}

$python = Get-VenvPython
$arguments = ConvertTo-Arguments $PSBoundParameters
$secret = $DbPassword
if ($PromptPassword) { $secret = Read-Host "PostgreSQL password" -AsSecureString }
$previous = $env:PGPASSWORD
try {
    if ($secret) {
        # NetworkCredential reads a SecureString the same on Windows PowerShell 5.1 and PowerShell 7 on
        # macOS/Linux (Marshal.PtrToStringAuto returns only the first character there).
        $env:PGPASSWORD = [System.Net.NetworkCredential]::new("", $secret).Password
    }
    & $python (Join-Path $PSScriptRoot "main.py") @arguments
    exit $LASTEXITCODE
} finally {
    if ($secret) { $env:PGPASSWORD = $previous }
}

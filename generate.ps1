<#
.SYNOPSIS
  Generate a synthetic OpenDental practice from Windows PowerShell.

.DESCRIPTION
  Creates a virtual environment in .venv on first use, installs requirements.txt, then runs main.py with
  the options given. Every option of main.py works here too; run `.\generate.ps1 -Help` for the list.

.EXAMPLE
  .\generate.ps1 -Patients 100
  .\generate.ps1 -Patients 5000 -DbHost localhost -DbName opendental_demo -DbUser postgres -Reset
  .\generate.ps1 -ValidateOnly
  .\generate.ps1 -StopEmbedded
#>
[CmdletBinding()]
param(
    [int]$Patients,
    [string]$StartDate,
    [string]$EndDate,
    [long]$Seed,
    [int]$Clinics,
    [int]$PatientsPerOffice,
    [string]$DbHost,
    [int]$DbPort,
    [string]$DbName,
    [string]$DbUser,
    [string]$DbUrl,
    [switch]$PromptPassword,
    [switch]$Reset,
    [switch]$ValidateOnly,
    [switch]$StopEmbedded,
    [switch]$Quiet,
    [switch]$Help,
    [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest
)
$ErrorActionPreference = "Stop"
Set-Location -Path $PSScriptRoot

$python = Join-Path $PSScriptRoot ".venv\Scripts\python.exe"
if (-not (Test-Path $python)) {
    Write-Host "Creating .venv and installing requirements (first run only)..."
    py -3 -m venv .venv
    if ($LASTEXITCODE -ne 0) { python -m venv .venv }
    & $python -m pip install --quiet -r requirements.txt
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

$arguments = @()
if ($Help) { $arguments += "--help" }
if ($PSBoundParameters.ContainsKey("Patients")) { $arguments += @("--patients", $Patients) }
if ($StartDate) { $arguments += @("--start-date", $StartDate) }
if ($EndDate) { $arguments += @("--end-date", $EndDate) }
if ($PSBoundParameters.ContainsKey("Seed")) { $arguments += @("--seed", $Seed) }
if ($PSBoundParameters.ContainsKey("Clinics")) { $arguments += @("--clinics", $Clinics) }
if ($PSBoundParameters.ContainsKey("PatientsPerOffice")) { $arguments += @("--patients-per-office", $PatientsPerOffice) }
if ($DbHost) { $arguments += @("--db-host", $DbHost) }
if ($PSBoundParameters.ContainsKey("DbPort")) { $arguments += @("--db-port", $DbPort) }
if ($DbName) { $arguments += @("--db-name", $DbName) }
if ($DbUser) { $arguments += @("--db-user", $DbUser) }
if ($DbUrl) { $arguments += @("--db-url", $DbUrl) }
if ($Reset) { $arguments += "--reset" }
if ($ValidateOnly) { $arguments += "--validate-only" }
if ($StopEmbedded) { $arguments += "--stop-embedded" }
if ($Quiet) { $arguments += "--quiet" }
if ($Rest) { $arguments += $Rest }

if ($PromptPassword) {
    # Read the password without echoing it and hand it over through the environment, never the command line.
    $secure = Read-Host "PostgreSQL password" -AsSecureString
    $env:PGPASSWORD = [Runtime.InteropServices.Marshal]::PtrToStringAuto(
        [Runtime.InteropServices.Marshal]::SecureStringToBSTR($secure))
}
try {
    & $python main.py @arguments
    exit $LASTEXITCODE
} finally {
    if ($PromptPassword) { Remove-Item Env:\PGPASSWORD -ErrorAction SilentlyContinue }
}

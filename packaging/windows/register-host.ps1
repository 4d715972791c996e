<#
.SYNOPSIS
  Registers the Caiji native-messaging host for the current user (no administrator rights).

.DESCRIPTION
  Writes com.caiji.host.json next to caiji.exe and points each browser's per-user registry key
  at it:
    HKCU\Software\Google\Chrome\NativeMessagingHosts\com.caiji.host
    HKCU\Software\Chromium\NativeMessagingHosts\com.caiji.host
    HKCU\Software\Microsoft\Edge\NativeMessagingHosts\com.caiji.host
    HKCU\Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\com.caiji.host
    HKCU\Software\Vivaldi\NativeMessagingHosts\com.caiji.host   (not in Vivaldi's docs; Vivaldi
                                                                   also reads Chrome's key)
  The key's default value is the manifest's full path (Chrome's native-messaging guide).
  -Uninstall removes exactly these keys and the manifest, nothing else.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File register-host.ps1 -Binary "$env:LOCALAPPDATA\Programs\Caiji\caiji.exe"
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File register-host.ps1 -Uninstall
#>
[CmdletBinding()]
param(
  # The caiji.exe the browsers should start. Default: caiji.exe beside this script.
  [string]$Binary = (Join-Path $PSScriptRoot 'caiji.exe'),
  # chrome, chromium, edge, brave, vivaldi; default: all of them.
  [string[]]$Browser = @('chrome', 'chromium', 'edge', 'brave', 'vivaldi'),
  [switch]$Uninstall
)

$ErrorActionPreference = 'Stop'
$HostName = 'com.caiji.host'
# Fixed by packaging/extension-key.txt; `caiji doctor` prints the same id.
$ExtensionId = 'cjcbmiackcjcichmhlabjipcajbpjpcg'

$Keys = @{
  chrome   = 'HKCU:\Software\Google\Chrome\NativeMessagingHosts'
  chromium = 'HKCU:\Software\Chromium\NativeMessagingHosts'
  edge     = 'HKCU:\Software\Microsoft\Edge\NativeMessagingHosts'
  brave    = 'HKCU:\Software\BraveSoftware\Brave-Browser\NativeMessagingHosts'
  vivaldi  = 'HKCU:\Software\Vivaldi\NativeMessagingHosts'
}

foreach ($b in $Browser) {
  if (-not $Keys.ContainsKey($b)) { throw "Unknown browser '$b' (chrome, chromium, edge, brave, vivaldi)" }
}

$BinaryPath = [System.IO.Path]::GetFullPath($Binary)
$ManifestPath = Join-Path (Split-Path $BinaryPath -Parent) "$HostName.json"

if ($Uninstall) {
  foreach ($b in $Browser) {
    $key = Join-Path $Keys[$b] $HostName
    if (Test-Path $key) {
      # Only our key: its default value names our manifest.
      $value = (Get-Item $key).GetValue('')
      if ($value -eq $ManifestPath) {
        Remove-Item $key
        Write-Host "removed $key"
      } else {
        Write-Host "left $key alone: it points at $value, not $ManifestPath"
      }
    }
  }
  $stillUsed = $false
  foreach ($k in $Keys.Values) {
    $key = Join-Path $k $HostName
    if ((Test-Path $key) -and ((Get-Item $key).GetValue('') -eq $ManifestPath)) { $stillUsed = $true }
  }
  if (-not $stillUsed -and (Test-Path $ManifestPath)) {
    Remove-Item $ManifestPath
    Write-Host "removed $ManifestPath"
  }
  exit 0
}

if (-not (Test-Path $BinaryPath)) { throw "No caiji.exe at $BinaryPath; name it with -Binary" }

$manifest = [ordered]@{
  name            = $HostName
  description     = 'Caiji: keeps the products you collect in your own box on this computer'
  path            = $BinaryPath
  type            = 'stdio'
  allowed_origins = @("chrome-extension://$ExtensionId/")
}
# UTF-8 without a byte-order mark: Windows PowerShell 5 adds one with Out-File -Encoding UTF8, and
# a manifest should be plain JSON from its first byte.
$json = $manifest | ConvertTo-Json
[System.IO.File]::WriteAllText($ManifestPath, $json + "`n", (New-Object System.Text.UTF8Encoding $false))
Write-Host "wrote $ManifestPath"

foreach ($b in $Browser) {
  $key = Join-Path $Keys[$b] $HostName
  if (-not (Test-Path $key)) { New-Item -Path $key -Force | Out-Null }
  Set-Item -Path $key -Value $ManifestPath
  Write-Host "registered with $b ($key)"
}
Write-Host "The Caiji extension ($ExtensionId) can now reach $BinaryPath. Restart the browser if it was open."

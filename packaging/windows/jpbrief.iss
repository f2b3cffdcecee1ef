; Inno Setup script: a per-user installer (no administrator rights) with a Start-menu
; shortcut and an uninstaller. Built by packaging/windows/build.ps1 on a Windows runner.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6A0C3E52-5B0E-4E4C-9E71-2B7D7F3A1C11}
AppName=jpbrief
AppVersion={#AppVersion}
AppPublisher=jpbrief trainers
DefaultDirName={localappdata}\Programs\jpbrief
DefaultGroupName=jpbrief
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=jpbrief-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
UninstallDisplayIcon={app}\jpbrief.exe
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\build\win\dist\jpbrief\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\jpbrief"; Filename: "{app}\jpbrief.exe"; Parameters: "read"
Name: "{userprograms}\Uninstall jpbrief"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\jpbrief.exe"; Parameters: "read"; Description: "Open jpbrief"; Flags: nowait postinstall skipifsilent

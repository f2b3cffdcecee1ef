; Inno Setup script: a per-user installer (no administrator rights) with a Start-menu
; shortcut, the .jpbpack content-pack file association and an uninstaller. Built by
; packaging/windows/build.ps1 on a Windows runner, and by packaging/windows/wine_build.py
; (make package-windows) under Wine on Linux, which also installs and uninstalls it.
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
ChangesAssociations=yes

[Files]
Source: "..\..\build\win\dist\jpbrief\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\jpbrief"; Filename: "{app}\jpbrief.exe"; Parameters: "read"
Name: "{userprograms}\Uninstall jpbrief"; Filename: "{uninstallexe}"

[Registry]
; Per user (HKA is HKCU without admin rights): opening a .jpbpack starts jpbrief.exe "file".
Root: HKA; Subkey: "Software\Classes\.jpbpack"; ValueType: string; ValueName: ""; ValueData: "jpbrief.ContentPack"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\.jpbpack\OpenWithProgids"; ValueType: string; ValueName: "jpbrief.ContentPack"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\jpbrief.ContentPack"; ValueType: string; ValueName: ""; ValueData: "jpbrief content pack"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\jpbrief.ContentPack\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\jpbrief.exe,0"
Root: HKA; Subkey: "Software\Classes\jpbrief.ContentPack\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\jpbrief.exe"" ""%1"""

[Run]
Filename: "{app}\jpbrief.exe"; Parameters: "read"; Description: "Open jpbrief"; Flags: nowait postinstall skipifsilent

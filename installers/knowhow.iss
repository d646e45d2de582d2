; Inno Setup definition for the Windows tablet/PC installer (NOT TESTED: see installers/README.md).
; Built by installers\build-windows.ps1 with /DDistDir=<the PyInstaller folder build\installer\dist\knowhow>.
#ifndef DistDir
  #define DistDir "..\build\installer\dist\knowhow"
#endif

[Setup]
AppId={{5B1D3C2E-7F4A-4C1B-9E2D-3A6F0C1B7D42}
AppName=Know-how Capture
AppVersion=0.1.0
DefaultDirName={autopf}\Know-how Capture
DefaultGroupName=Know-how Capture
OutputBaseFilename=knowhow-capture-0.1.0-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
; The library and settings live in the user's data folder, never under Program Files.
UninstallDisplayIcon={app}\knowhow-app.exe

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Know-how Capture"; Filename: "{app}\knowhow-app.exe"
Name: "{autodesktop}\Know-how Capture"; Filename: "{app}\knowhow-app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; Flags: unchecked

[Run]
Filename: "{app}\knowhow-app.exe"; Description: "Start Know-how Capture"; Flags: nowait postinstall skipifsilent

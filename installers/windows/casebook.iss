; Inno Setup script: a Windows installer for the one-folder PyInstaller build of Casebook.
; NOT run on the machine where it was written (Linux, no Windows, no Inno Setup): see README.md.
;
;   1. On Windows, build the app:  .venv\Scripts\python -m PyInstaller --noconfirm
;                                      --distpath dist --workpath build installers\casebook.spec
;   2. Compile this script:         "C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
;                                      /DAppVersion=0.1.0 installers\windows\casebook.iss
;   Result: dist\casebook-<version>-windows-x64-setup.exe
;
; Per-user install by default (no administrator rights needed; the user may choose all users).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Casebook"
#define AppExe "casebook.exe"
#define Root "..\.."

[Setup]
; A fixed, unique AppId: Windows uses it to find the installed copy for upgrades and removal.
AppId={{7C1E6F0A-4B8D-4E9B-9C55-2A6E3F1D8B42}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Casebook team
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=casebook-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\icons\casebook.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile={#Root}\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Binders live wherever the user saved them; uninstalling never touches them.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is an unofficial Inno Setup translation: download ChineseSimplified.isl from
; https://jrsoftware.org/files/istrans/ into Inno Setup's Languages folder before compiling.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build (casebook.exe and its _internal folder).
Source: "{#Root}\dist\casebook\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

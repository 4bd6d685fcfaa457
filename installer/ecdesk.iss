; Inno Setup 6 script: turns the PyInstaller folder dist\ecdesk into one setup.exe with a
; Start-menu entry and an uninstaller. On Windows, from the repository root:
;   pyinstaller --noconfirm build_installer.spec
;   iscc installer\ecdesk.iss            (-> installer\Output\ecdesk-setup-<version>.exe)
; A release passes its version: iscc /DAppVersion=0.2.0 installer\ecdesk.iss
; (tests/unit/test_installer_files.py keeps the default equal to ecdesk.__version__).
;
; The app installs per user (no administrator needed) under %LOCALAPPDATA%\Programs\ecdesk.
; Its data (database, log) lives in %LOCALAPPDATA%\ecdesk and its credentials in the Windows
; Credential Manager: uninstalling keeps both, so a reinstall finds every posted order.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8F3C2B1E-5B7A-4C8D-9E21-6A4F0C3D7B15}
AppName=ecdesk
AppVersion={#AppVersion}
AppVerName=ecdesk {#AppVersion}
AppPublisher=ecdesk
DefaultDirName={autopf}\ecdesk
DefaultGroupName=ecdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=Output
OutputBaseFilename=ecdesk-setup-{#AppVersion}
SetupIconFile=..\resources\ecdesk.ico
UninstallDisplayIcon={app}\ecdesk.exe
UninstallDisplayName=ecdesk
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\ecdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\ecdesk"; Filename: "{app}\ecdesk.exe"; IconFilename: "{app}\ecdesk.exe"
Name: "{group}\{cm:UninstallProgram,ecdesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\ecdesk"; Filename: "{app}\ecdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ecdesk.exe"; Description: "{cm:LaunchProgram,ecdesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself wrote into its program folder (Python's caches); never the data.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

; Inno Setup script for the SilverReel 长辈剧场 Windows installer (docs/packaging.md).
; Needs Inno Setup 6.5 or later, whose compiler ships the Chinese Simplified messages.
; First build the one-folder app from the repository root:
;     pyinstaller --noconfirm --clean packaging\windows\silverreel.spec
; then:
;     iscc /DAppVersion=0.1.0 packaging\windows\silverreel.iss
; The setup lands in dist\SilverReel-<version>-setup.exe.

#if Ver < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or later is needed (Chinese Simplified messages).
#endif
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Relative to this script: where silverreel.spec's COLLECT step leaves the app.
#define BundleDir "..\..\dist\silverreel"
#define AppExe "silverreel.exe"

[Setup]
AppId={{6E8220EC-D016-4CE3-8356-22F5989AAD77}
AppName=SilverReel 长辈剧场
AppVersion={#AppVersion}
AppPublisher=SilverReel
DefaultDirName={autopf}\SilverReel
DefaultGroupName=长辈剧场 SilverReel
DisableProgramGroupPage=yes
; A family member without administrator rights can still install it for the viewer's account.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SilverReel-{#AppVersion}-setup
SetupIconFile={#BundleDir}\_internal\silverreel.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; Chinese first: Setup picks the language of Windows, and falls back to the first listed.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.ShortcutName=长辈剧场
english.ShortcutName=SilverReel
chinesesimplified.TvAutostart=电视模式：登录后自动全屏打开
english.TvAutostart=TV mode: start full screen at login
chinesesimplified.TvGroup=电视：
english.TvGroup=Television:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "tvautostart"; Description: "{cm:TvAutostart}"; GroupDescription: "{cm:TvGroup}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{cm:ShortcutName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon
Name: "{autostartup}\{cm:ShortcutName}"; Filename: "{app}\{#AppExe}"; Parameters: "--fullscreen"; Tasks: tvautostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:ShortcutName}}"; Flags: nowait postinstall skipifsilent

; 应急值守台 DutyDesk: the Windows installer (Inno Setup 6), in Simplified Chinese.
;
; Built by installer\windows\build.ps1 after PyInstaller has made installer\dist\dutydesk\ and
; installer\make_icon.py installer\build\dutydesk.ico; build.ps1 passes the version:
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\dutydesk.iss
;
; What it does:
; - installs the one-folder bundle into Program Files (machine-wide, the default on a shared
;   duty PC) or, when setup is started without administrator rights, into the user's programs;
; - Start-menu shortcut, desktop shortcut (task), start with Windows (task, off by default);
;   the shortcuts start dutydesk-gui.exe, which has no console window;
; - AppMutex: the program holds the named mutex DutyDesk.Running (app.paths.INSTANCE_LOCK_NAME,
;   also as Global\DutyDesk.Running across sessions) for its whole life, so setup and uninstall
;   ask to close a running copy first (CloseApplications asks Windows to close it too);
; - upgrade in place: the same AppId, the previous folder and tasks; the old program files are
;   replaced; the data was never in the program folder;
; - data: each user's %LOCALAPPDATA%\DutyDesk by default; the task "shareddata" (administrator
;   install only) makes one machine-wide database in %ProgramData%\DutyDesk, writable by all
;   users, by writing home=... into dutydesk.ini beside the program (read by app/paths.py);
; - uninstall removes the program and dutydesk.ini, never a data folder: databases, backups
;   and logs stay in %LOCALAPPDATA%\DutyDesk and %ProgramData%\DutyDesk.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build.ps1 does)
#endif
#define AppName "应急值守台"
#define AppExe "dutydesk-gui.exe"

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{90C498DD-B1DD-4CC8-B303-90ADB4AF268A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=DutyDesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName=应急值守台 DutyDesk
VersionInfoDescription=应急值守台 安装程序
DefaultDirName={autopf}\DutyDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
UsePreviousTasks=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
AppMutex=DutyDesk.Running,Global\DutyDesk.Running
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\build\dutydesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=DutyDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
; ChineseSimplified.isl is Inno Setup's (unofficial) translation; build.ps1 finds it.
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："
Name: "autostart"; Description: "开机登录后自动启动应急值守台"; GroupDescription: "启动："; Flags: unchecked
Name: "shareddata"; Description: "本机所有用户共用一个数据库（值班室共用电脑；数据存放在 {commonappdata}\DutyDesk）"; GroupDescription: "数据存放（默认每个 Windows 用户各用自己的数据库）："; Flags: unchecked; Check: IsAdminInstallMode

[InstallDelete]
; Upgrade in place: the previous program files go (a module removed in the new version must not
; linger); the data never lived here.
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
; The machine-wide data folder: every user of the duty PC may write the database and backups.
; Never removed by uninstall.
Name: "{commonappdata}\DutyDesk"; Permissions: users-modify; Tasks: shareddata; Flags: uninsneveruninstall

[Files]
Source: "..\dist\dutydesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[INI]
; app/paths.py reads [paths] home from dutydesk.ini beside the program (INSTALL_CONFIG).
Filename: "{app}\dutydesk.ini"; Section: "paths"; Key: "home"; String: "{commonappdata}\DutyDesk"; Tasks: shareddata

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "值班安排、接报与报送时限、通讯录、值班日志"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{autostartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即启动应急值守台"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what setup wrote itself. Never %LOCALAPPDATA%\DutyDesk or %ProgramData%\DutyDesk.
Type: files; Name: "{app}\dutydesk.ini"

[Code]
// An upgrade without the "shareddata" task after one with it: the machine-wide setting goes,
// the machine-wide data stays (and the user is told where it is).
procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and not WizardIsTaskSelected('shareddata') then
  begin
    if FileExists(ExpandConstant('{app}\dutydesk.ini')) then
    begin
      DeleteFile(ExpandConstant('{app}\dutydesk.ini'));
      if DirExists(ExpandConstant('{commonappdata}\DutyDesk')) and not WizardSilent then
        MsgBox('此前本机共用的数据库仍保存在 ' + ExpandConstant('{commonappdata}\DutyDesk') +
               '，没有删除。如需继续使用，请重新运行安装程序并勾选“本机所有用户共用一个数据库”。',
               mbInformation, MB_OK);
    end;
  end;
end;

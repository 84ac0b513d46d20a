<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/ui/application.py" line="83" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="87" />
        <source>Something went wrong in DutyDesk. What you had saved is safe. The details were written to the log:
%1</source>
        <translation>应急值守台出现意外错误。已保存的内容不受影响。详细信息已写入日志：
%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="103" />
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="105" />
        <source>DutyDesk cannot use this database:
%1

No good backup was found.</source>
        <translation>应急值守台无法使用该数据库：
%1

没有找到完好的备份。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="112" />
        <source>DutyDesk cannot use this database:
%1

The latest good backup is from %2:
%3

Restore it? The damaged file is kept beside the backups.</source>
        <translation>应急值守台无法使用该数据库：
%1

最近的完好备份时间为 %2：
%3

是否恢复该备份？损坏的文件将保留在备份目录中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="117" />
        <source>Restore the backup</source>
        <translation>恢复该备份</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="119" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="140" />
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="36" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="36" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="36" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="37" />
        <source>Record</source>
        <translation>记录对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="37" />
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="98" />
        <source>&amp;Verify the chain</source>
        <translation>校验记录链(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/audit_tab.py" line="100" />
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/settings/audit_tab.py" line="122" />
        <source>The chain is intact: %n entries.</source>
        <translation><numerusform>记录链完整：共 %n 条。</numerusform></translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="33" />
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="34" />
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="40" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="49" />
        <source>Backups (newest first):</source>
        <translation>备份（最新的在前）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="64" />
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="64" />
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="65" />
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="65" />
        <source>replaced by a restore</source>
        <translation>恢复时被替换的文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="86" />
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/database_tab.py" line="97" />
        <source>The database file is damaged: %1</source>
        <translation>数据库文件已损坏：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/settings/database_tab.py" line="101" />
        <source>The database is healthy; the audit trail's %n entries are intact.</source>
        <translation><numerusform>数据库完好；审计记录 %n 条，链路完整。</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="44" />
        <location filename="../../app/ui/main_window.py" line="165" />
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="78" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="96" />
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="125" />
        <source>&amp;Switch operator…</source>
        <translation>切换操作员(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="130" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="135" />
        <source>&amp;About DutyDesk</source>
        <translation>关于应急值守台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154" />
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155" />
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157" />
        <source>%1-%2-%3 %4</source>
        <translation>%1年%2月%3日 %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170" />
        <source>Nobody signed in</source>
        <translation>尚无人登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172" />
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="172" />
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174" />
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180" />
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198" />
        <source>About DutyDesk</source>
        <translation>关于应急值守台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199" />
        <source>DutyDesk: the duty-room desk of an emergency-management office.
Database: %1</source>
        <translation>应急值守台：应急管理部门值班室的值守工作台。
数据库：%1</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="42" />
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="43" />
        <source>&amp;Duty phone:</source>
        <translation>值班电话(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="44" />
        <source>&amp;Fax:</source>
        <translation>传真(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="45" />
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="48" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="75" />
        <source>Only an administrator can change the office.</source>
        <translation>只有管理员可以修改单位信息。</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/office_tab.py" line="92" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="157" />
        <source>Change password: %1</source>
        <translation>修改密码：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="166" />
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="167" />
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="168" />
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="173" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="174" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings/page.py" line="24" />
        <source>&amp;Office</source>
        <translation>单位信息(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/page.py" line="25" />
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/page.py" line="26" />
        <source>&amp;Audit trail</source>
        <translation>审计记录(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/page.py" line="27" />
        <source>Data&amp;base</source>
        <translation>数据库(&amp;B)</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="30" />
        <source>DutyDesk: first-time setup</source>
        <translation>应急值守台：首次设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="33" />
        <source>Welcome. Enter your office and create the first administrator.</source>
        <translation>欢迎使用。请填写本单位信息，并创建首位管理员。</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="36" />
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="38" />
        <source>e.g. Jiangzhou Emergency Management Bureau</source>
        <translation>例如：江州市应急管理局</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="43" />
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="44" />
        <source>&amp;Duty phone:</source>
        <translation>值班电话(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="45" />
        <source>&amp;Fax:</source>
        <translation>传真(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="46" />
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="48" />
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="56" />
        <source>Full na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="57" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="58" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="59" />
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="69" />
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../app/ui/setup_dialog.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/signin_dialog.py" line="31" />
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_dialog.py" line="31" />
        <location filename="../../app/ui/signin_dialog.py" line="52" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_dialog.py" line="34" />
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_dialog.py" line="40" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_dialog.py" line="41" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/signin_dialog.py" line="53" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="92" />
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="92" />
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="100" />
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="107" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="108" />
        <source>Full na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="109" />
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="112" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="113" />
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="119" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="120" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="47" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="47" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="47" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="48" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="48" />
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="81" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="81" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="35" />
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="36" />
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="37" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="207" />
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="208" />
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="209" />
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings/users_tab.py" line="233" />
        <source>Only an administrator can manage users; you can change your own password.</source>
        <translation>只有管理员可以管理用户；您可以修改自己的密码。</translation>
    </message>
</context>
</TS>
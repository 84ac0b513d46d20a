<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DutyDesk</source>
        <translation>关于应急值守台</translation>
    </message>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <source>The duty-room desk of an emergency-management office.</source>
        <translation>应急管理部门值班室的值守工作台。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>构建组件：</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>许可(&amp;L)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the GNU Lesser General Public License 3.0, unmodified; their libraries sit replaceable in the program&apos;s folder. FFmpeg, which Qt&apos;s sound uses, under the LGPL 2.1 or later. The texts follow.</source>
        <translation>本程序使用的 Qt 与 PySide6 遵循 GNU 宽通用公共许可证第 3 版，未作修改，其库文件位于程序文件夹中，可以替换；Qt 播放声音所用的 FFmpeg 遵循 LGPL 2.1 或更高版本。许可证全文如下。</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <source>Every component</source>
        <translation>全部组件</translation>
    </message>
</context>
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Absence notice: %1</source>
        <translation>外出报备：%1</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>出差</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>外出日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To (last day away):</source>
        <translation>返回日期（最后一天）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>去向(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Deputy:</source>
        <translation>代理人(&amp;D)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Withdraw selected notice</source>
        <translation>撤销选中的报备(&amp;R)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Notices on record:</source>
        <translation>已有的外出报备：</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Corrective action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>整改事项(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Owner unit:</source>
        <translation>责任单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>整改期限(&amp;D)：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>DutyDesk cannot use this database:
%1

No good backup was found.</source>
        <translation>应急值守台无法使用该数据库：
%1

没有找到完好的备份。</translation>
    </message>
    <message>
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
        <source>Restore the backup</source>
        <translation>恢复该备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <source>DutyDesk is already running on this database (or it is being restored). Wait a moment and try again.</source>
        <translation>应急值守台已在使用此数据库（或正在恢复备份），请稍候再试。</translation>
    </message>
    <message>
        <source>The database server cannot be reached</source>
        <translation>无法连接数据库服务器</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录对象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>&amp;Verify the chain</source>
        <translation>校验记录链(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>核验记录链</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n entries.</source>
        <translation>
            <numerusform>记录链完整：共 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Enter the year&apos;s &amp;notice…</source>
        <translation>录入全年安排(&amp;N)…</translation>
    </message>
    <message>
        <source>The whole notice of the year in one table</source>
        <translation>在一张表中录入全年的节假日安排</translation>
    </message>
    <message>
        <source>&amp;Set a day…</source>
        <translation>设置日期(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Ordinary day</source>
        <translation>设为普通日(&amp;O)</translation>
    </message>
    <message>
        <source>The selected day is neither a holiday nor a make-up working day</source>
        <translation>所选日期既非节假日也非调休上班日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Leader at least</source>
        <translation>带班领导至少</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>节日首日</translation>
    </message>
    <message>
        <source>File by</source>
        <translation>报备截止</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>已报备</translation>
    </message>
    <message>
        <source>Changed since</source>
        <translation>报备后变更</translation>
    </message>
    <message>
        <source>Filing &amp;date…</source>
        <translation>报备日期(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Mark filed</source>
        <translation>标记已报备(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>Public holidays and make-up working days</source>
        <translation>法定节假日与调休上班日</translation>
    </message>
    <message>
        <source>Sensitive periods</source>
        <translation>敏感时期</translation>
    </message>
    <message>
        <source>Filing the holiday rosters</source>
        <translation>节假日值班表报备</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>entered here</source>
        <translation>本单位录入</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未报备</translation>
    </message>
    <message>
        <source>a swap: file again</source>
        <translation>有调班，需重新报备</translation>
    </message>
    <message>
        <source>The office&apos;s own table (its notice entered whole).</source>
        <translation>本单位自己的节假日表（已录入全年安排）。</translation>
    </message>
    <message>
        <source>The days of %1 entered here are not a whole notice: the year counts as unknown until its whole notice is entered.</source>
        <translation>此处录入的 %1 年日期不构成全年安排：录入全年安排之前，该年仍视为未录入。</translation>
    </message>
    <message>
        <source>%1 has no official schedule here: the roster uses weekends only and guesses no holiday. Enter the State Council&apos;s notice for the whole year.</source>
        <translation>%1 年尚无官方节假日安排：排班只按周末，不推测节假日。请录入国务院通知的全年安排。</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Filing date</source>
        <translation>报备日期</translation>
    </message>
    <message>
        <source>File %1&apos;s roster by:</source>
        <translation>%1值班表报备截止：</translation>
    </message>
    <message>
        <source>State Council notice (built in)</source>
        <translation>国务院通知（内置）</translation>
    </message>
    <message>
        <source>the office&apos;s notice table</source>
        <translation>本单位录入的全年安排</translation>
    </message>
    <message>
        <source>From the State Council&apos;s notices built into DutyDesk. Editing a day makes the year the office&apos;s own.</source>
        <translation>来自软件内置的国务院节假日安排通知。编辑其中任一天后，该年即改为本单位自己的表。</translation>
    </message>
</context>
<context>
    <name>ContactFiles</name>
    <message>
        <source>Import contacts</source>
        <translation>导入通讯录</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Add %1, update %2, leave %3 unchanged, create %4 units.</source>
        <translation>新增 %1 人，更新 %2 人，未变 %3 人，新建单位 %4 个。</translation>
    </message>
    <message>
        <source>Import now?</source>
        <translation>现在导入吗？</translation>
    </message>
    <message>
        <source>Check the contacts workbook</source>
        <translation>检查通讯录工作簿</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>导出通讯录</translation>
    </message>
    <message>
        <source>Exported %1 people to %2</source>
        <translation>已导出 %1 人到 %2</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Template written to %1</source>
        <translation>模板已保存到 %1</translation>
    </message>
    <message>
        <source>Select the people to export first.</source>
        <translation>请先选择要导出的人员。</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>导出名片（vCard）</translation>
    </message>
    <message>
        <source>vCards (*.vcf)</source>
        <translation>名片文件 (*.vcf)</translation>
    </message>
</context>
<context>
    <name>ContactLabels</name>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>住宅电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District or county</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Township or street</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <source>Village or community</source>
        <translation>村社区</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Main number</source>
        <translation>主要号码</translation>
    </message>
    <message>
        <source>Other numbers</source>
        <translation>其他号码</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>(unit)</source>
        <translation>（单位）</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>Reported away today</source>
        <translation>今日已报备外出</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Search: name, pinyin, initials (zs), any digits of a number, or a unit (Ctrl+F)</source>
        <translation>搜索：姓名、拼音、首字母（如 zs）、号码中的任意数字或单位名称（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New contact (Ins)</source>
        <translation>新增联系人(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit (F2)</source>
        <translation>编辑(&amp;E) F2</translation>
    </message>
    <message>
        <source>De&amp;lete (Del)</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Absence notice (F7)</source>
        <translation>外出报备(&amp;A) F7</translation>
    </message>
    <message>
        <source>&amp;Verified (F6)</source>
        <translation>号码已核实(&amp;V) F6</translation>
    </message>
    <message>
        <source>&amp;Import… (Ctrl+I)</source>
        <translation>导入(&amp;I)… Ctrl+I</translation>
    </message>
    <message>
        <source>E&amp;xport… (Ctrl+E)</source>
        <translation>导出(&amp;X)… Ctrl+E</translation>
    </message>
    <message>
        <source>vCar&amp;d… (Ctrl+Shift+V)</source>
        <translation>导出名片(&amp;D)… Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Import &amp;template…</source>
        <translation>下载导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>通讯录(&amp;C)</translation>
    </message>
    <message>
        <source>Numbers to verif&amp;y</source>
        <translation>待核实号码(&amp;Y)</translation>
    </message>
    <message>
        <source>Experts and tea&amp;ms</source>
        <translation>专家和救援队伍(&amp;M)</translation>
    </message>
    <message>
        <source>Only an administrator can import.</source>
        <translation>只有管理员可以导入。</translation>
    </message>
    <message>
        <source>Only an administrator can delete contacts.</source>
        <translation>只有管理员可以删除联系人。</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1 (%2)</source>
        <translation>已复制 %1（%2）</translation>
    </message>
</context>
<context>
    <name>CountdownStrip</name>
    <message>
        <source>Deadlines</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <source>No open deadlines</source>
        <translation>暂无未办结的报送时限</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n later</source>
        <translation>
            <numerusform>另有 %n 项较远</numerusform>
        </translation>
    </message>
    <message>
        <source>Due more than 7 days from now</source>
        <translation>7 天以后才到期</translation>
    </message>
</context>
<context>
    <name>DailyReportTab</name>
    <message>
        <source>C&amp;ompose</source>
        <translation>生成报告(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>复制文本(&amp;C)</translation>
    </message>
    <message>
        <source>Mark &amp;sent</source>
        <translation>标记已报送(&amp;S)</translation>
    </message>
    <message>
        <source>Report of:</source>
        <translation>报告日期：</translation>
    </message>
    <message>
        <source>Sent by:</source>
        <translation>报送方式：</translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation>法定节假日：%1</translation>
    </message>
    <message>
        <source>Not a public holiday.</source>
        <translation>不是法定节假日。</translation>
    </message>
    <message>
        <source>Deadline %1: %2</source>
        <translation>时限 %1：%2</translation>
    </message>
    <message>
        <source>No daily-report deadline that day.</source>
        <translation>当天没有日报告时限。</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) in the period.</source>
        <translation>
            <numerusform>期间共接报突发事件 %n 起。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing happened: a nil report.</source>
        <translation>期间无事：零报告。</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Text of the daily report</source>
        <translation>日报告正文</translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Backups (newest first):</source>
        <translation>备份（最新的在前）：</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>replaced by a restore</source>
        <translation>恢复时被替换的文件</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>The database file is damaged: %1</source>
        <translation>数据库文件已损坏：%1</translation>
    </message>
    <message numerus="yes">
        <source>The database is healthy; the audit trail&apos;s %n entries are intact.</source>
        <translation>
            <numerusform>数据库完好；审计记录 %n 条，链路完整。</numerusform>
        </translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>digits: 0840, 11300840 or 202611300840</source>
        <translation>输入数字：0840、11300840 或 202611300840</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法识别</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>Calendar day</source>
        <translation>节假日设置</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Holiday:</source>
        <translation>节日(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>DayListModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车键</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除键</translation>
    </message>
    <message>
        <source>&amp;Lock / unlock</source>
        <translation>锁定 / 解锁(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Ask for a s&amp;wap…</source>
        <translation>申请调班(&amp;W)…</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>值班安排</translation>
    </message>
</context>
<context>
    <name>DeadlineAlarms</name>
    <message>
        <source>Reporting deadline approaching</source>
        <translation>报送时限临近</translation>
    </message>
    <message>
        <source>Reporting deadline close</source>
        <translation>报送时限紧急</translation>
    </message>
    <message>
        <source>Reporting deadline due now</source>
        <translation>报送时限已到</translation>
    </message>
    <message>
        <source>Reporting deadline OVERDUE</source>
        <translation>报送已超时</translation>
    </message>
    <message>
        <source>Reporting deadline</source>
        <translation>报送时限</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) have not been acknowledged. If DutyDesk closes, nobody hears them. Quit anyway?</source>
        <translation>
            <numerusform>还有 %n 个报警未确认。关闭应急值守台后将无人听到报警。仍要退出吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlineChip</name>
    <message>
        <source>%1
Due %2 (office time) · %3</source>
        <translation>%1
截止 %2（本单位时间）· %3</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Deadline</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>事项：</translation>
    </message>
    <message>
        <source>Asks for:</source>
        <translation>报送要求：</translation>
    </message>
    <message>
        <source>Incident:</source>
        <translation>事件编号：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>截止时间：</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>剩余时间：</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>提醒阶段：</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>办理结果：</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>报送情况：</translation>
    </message>
    <message>
        <source>Seen by:</source>
        <translation>确认人：</translation>
    </message>
    <message>
        <source>By phone to the city emergency office</source>
        <translation>电话报市应急办</translation>
    </message>
    <message>
        <source>By fax</source>
        <translation>传真报送</translation>
    </message>
    <message>
        <source>Through the reporting system</source>
        <translation>信息报送系统报送</translation>
    </message>
    <message>
        <source>By official document</source>
        <translation>公文报送</translation>
    </message>
    <message>
        <source>How it was sent:</source>
        <translation>报送方式：</translation>
    </message>
    <message>
        <source>&amp;Sent</source>
        <translation>已报送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge alarm</source>
        <translation>确认提醒(&amp;A)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel deadline…</source>
        <translation>取消时限(&amp;N)…</translation>
    </message>
    <message>
        <source>Record as &amp;missed…</source>
        <translation>记为漏报(&amp;M)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel deadline</source>
        <translation>取消时限</translation>
    </message>
    <message>
        <source>Record as missed</source>
        <translation>记为漏报</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>DeadlineModel</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>报送要求</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Deadlines</name>
    <message>
        <source>not yet</source>
        <translation>未到提醒</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>预先提醒</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Acknowledge an overdue alarm</source>
        <translation>确认超时提醒</translation>
    </message>
    <message>
        <source>Why is it overdue, and what is being done?</source>
        <translation>超时原因及正在采取的措施：</translation>
    </message>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>On-time rate by month and kind</source>
        <translation>按月份和类别的按时报送率</translation>
    </message>
    <message>
        <source>Late and missed reports</source>
        <translation>迟报、漏报明细</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;New deadline…</source>
        <translation>新建时限(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Export the record</source>
        <translation>导出报送记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Away</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>Num&amp;ber history (F8)</source>
        <translation>号码变更记录(&amp;B) F8</translation>
    </message>
    <message>
        <source>Numbers (F6: verified):</source>
        <translation>号码（F6：标记已核实）：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>(verified %1)</source>
        <translation>（核实：%1）</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Away %1 to %2</source>
        <translation>外出 %1 至 %2</translation>
    </message>
    <message>
        <source>, deputy: %1</source>
        <translation>，代理人：%1</translation>
    </message>
    <message>
        <source>Specialties: %1</source>
        <translation>专长：%1</translation>
    </message>
    <message>
        <source>Unit duty phone: %1</source>
        <translation>单位值班电话：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Action done</source>
        <translation>整改完成</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>整改事项：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <source>&amp;Done on:</source>
        <translation>完成日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Record a drill</source>
        <translation>登记演练</translation>
    </message>
    <message>
        <source>Units of the contact book, separated by 、</source>
        <translation>通讯录中的单位，用“、”分隔</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>整改期限（年-月-日）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>&amp;Add action</source>
        <translation>添加整改(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move action</source>
        <translation>删除整改(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>预案(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>演练日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>演练类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Pla&amp;ce:</source>
        <translation>演练地点(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Organizer:</source>
        <translation>组织单位(&amp;O)：</translation>
    </message>
    <message>
        <source>Participating &amp;units:</source>
        <translation>参演单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Participa&amp;nts:</source>
        <translation>参演人数(&amp;N)：</translation>
    </message>
    <message>
        <source>Drill &amp;incident:</source>
        <translation>演练事件(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Scenario:</source>
        <translation>演练情景(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Evaluation:</source>
        <translation>演练评估(&amp;E)：</translation>
    </message>
    <message>
        <source>Problems &amp;found:</source>
        <translation>发现的问题(&amp;F)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>DrillsTab</name>
    <message>
        <source>Date</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>演练类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>演练地点</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参演人数</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Owner unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Re&amp;cord drill (Ins)</source>
        <translation>登记演练(&amp;C)</translation>
    </message>
    <message>
        <source>Action do&amp;ne (F6)</source>
        <translation>整改完成(&amp;N) F6</translation>
    </message>
    <message>
        <source>Add &amp;action (Ctrl+Shift+N)</source>
        <translation>添加整改(&amp;A) Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>No drills recorded yet.</source>
        <translation>还没有登记演练。</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>组织单位：%1</translation>
    </message>
    <message>
        <source>Units: %1</source>
        <translation>参演单位：%1</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>演练情景：%1</translation>
    </message>
    <message>
        <source>Evaluation: %1</source>
        <translation>演练评估：%1</translation>
    </message>
    <message>
        <source>Problems found: %1</source>
        <translation>发现的问题：%1</translation>
    </message>
    <message>
        <source>Drill incident: %1</source>
        <translation>演练事件：%1</translation>
    </message>
</context>
<context>
    <name>DutyLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>来电方</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>[Corrects %1] </source>
        <translation>［更正第 %1 条］</translation>
    </message>
    <message>
        <source> (corrected by %1)</source>
        <translation>（已由第 %1 条更正）</translation>
    </message>
    <message>
        <source>Recorded %1 by %2</source>
        <translation>%2 记录于 %1</translation>
    </message>
</context>
<context>
    <name>DutyLogPage</name>
    <message>
        <source>&amp;Log</source>
        <translation>值班日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Handover</source>
        <translation>交接班(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Presence checks</source>
        <translation>查岗(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Daily report</source>
        <translation>节假日日报告(&amp;D)</translation>
    </message>
    <message>
        <source>Duty &amp;log entry…</source>
        <translation>记值班日志(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Handover…</source>
        <translation>交接班(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>DutyTab</name>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>&amp;Add shift…</source>
        <translation>添加班次(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit shift…</source>
        <translation>编辑班次(&amp;E)…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Leader tier</source>
        <translation>领导级别</translation>
    </message>
    <message>
        <source>In pool</source>
        <translation>在名单中</translation>
    </message>
    <message>
        <source>Find a person by name, title or mobile</source>
        <translation>按姓名、职务或手机查找人员</translation>
    </message>
    <message>
        <source>Add to the &amp;pool</source>
        <translation>加入名单(&amp;P)</translation>
    </message>
    <message>
        <source>Set &amp;tier</source>
        <translation>设置级别(&amp;T)</translation>
    </message>
    <message>
        <source>Pause / &amp;resume</source>
        <translation>暂停 / 恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移出(&amp;X)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Approves s&amp;waps</source>
        <translation>设为审批人(&amp;W)</translation>
    </message>
    <message>
        <source>The person found below approves swaps too</source>
        <translation>下方找到的人员也可审批调班</translation>
    </message>
    <message>
        <source>No longer appro&amp;ves</source>
        <translation>取消审批人(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Rules of the generator</source>
        <translation>排班规则</translation>
    </message>
    <message>
        <source>Minimum rest between shifts:</source>
        <translation>两班之间最短休息：</translation>
    </message>
    <message>
        <source>Most duties per person and month:</source>
        <translation>每人每月最多值班：</translation>
    </message>
    <message>
        <source>Leader on holidays at least:</source>
        <translation>节假日带班领导至少：</translation>
    </message>
    <message>
        <source>File a holiday&apos;s roster (days before):</source>
        <translation>节前报备值班表（提前天数）：</translation>
    </message>
    <message>
        <source>Who approves swaps</source>
        <translation>调班审批人</translation>
    </message>
    <message>
        <source>The chief leader on duty that day approves a swap; so do the people named here.</source>
        <translation>调班由当日总带班领导审批；此处指定的人员也可审批。</translation>
    </message>
    <message>
        <source>Pools: who may fill each role</source>
        <translation>值班名单：各岗位可排人员</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>岗位：</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值班设置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ElementsTab</name>
    <message>
        <source>&amp;Save required elements</source>
        <translation>保存必报要素(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Restore the defaults</source>
        <translation>恢复默认(&amp;R)</translation>
    </message>
    <message>
        <source>Ticked elements must be filled in before a report of that kind goes (a flash report may go first without them).</source>
        <translation>勾选的要素在报送该类报告前必须填写（先报可以先行报送，随后补报）。</translation>
    </message>
    <message>
        <source>The initial report must at least require its title.</source>
        <translation>首报至少须要求填写事件标题。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Correct entry %1</source>
        <translation>更正第 %1 条日志</translation>
    </message>
    <message>
        <source>Duty log entry</source>
        <translation>记值班日志</translation>
    </message>
    <message>
        <source>What happened, what was done (Ctrl+Enter saves)</source>
        <translation>发生了什么、做了什么（Ctrl+Enter 保存）</translation>
    </message>
    <message>
        <source>(no incident)</source>
        <translation>（不关联事件）</translation>
    </message>
    <message>
        <source>Whom the caller has already told</source>
        <translation>来电方已通报的单位或人员</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;unit:</source>
        <translation>来电单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;name:</source>
        <translation>来电人(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>地点(&amp;L)：</translation>
    </message>
    <message>
        <source>Al&amp;ready told:</source>
        <translation>已通报(&amp;R)：</translation>
    </message>
    <message>
        <source>Told at:</source>
        <translation>通报时间：</translation>
    </message>
    <message>
        <source>Call record</source>
        <translation>电话记录</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类别(&amp;K)：</translation>
    </message>
    <message>
        <source>Ti&amp;me:</source>
        <translation>时间(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>内容(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Incident:</source>
        <translation>关联事件(&amp;I)：</translation>
    </message>
    <message>
        <source>Record correction</source>
        <translation>记录更正</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>R&amp;ecord as incident…</source>
        <translation>登记为突发事件(&amp;E)…</translation>
    </message>
    <message>
        <source>Open the intake form with this call&apos;s details</source>
        <translation>用本次来电信息打开接报表</translation>
    </message>
    <message>
        <source>The entry of %1 stays as it was; the correction is written now and points back at it.</source>
        <translation>%1 的原记录保持不变；更正作为新记录写入本班，并指向原记录。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full; the file was not written. Free some space and try again.</source>
        <translation>磁盘已满，文件没有写入。请清理磁盘空间后重试。</translation>
    </message>
    <message>
        <source>This place cannot be written (no permission, or read-only). Choose another.</source>
        <translation>此位置无法写入（没有权限或只读），请换一个位置。</translation>
    </message>
    <message>
        <source>The file or its folder does not exist.</source>
        <translation>文件或其所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>无法读取或写入该文件。</translation>
    </message>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <source>Nothing was written. Fix these and try again:</source>
        <translation>没有写入任何内容。请修改以下问题后重试：</translation>
    </message>
    <message>
        <source>The database cannot be used right now.</source>
        <translation>现在无法使用数据库。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong in DutyDesk. What you had saved is safe. The details were written to the log:
%1</source>
        <translation>应急值守台出现了意外错误。已保存的内容不受影响。详情已写入日志：
%1</translation>
    </message>
</context>
<context>
    <name>ExpertsTab</name>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>专长</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>擅长的事件子类</translation>
    </message>
    <message>
        <source>Main number</source>
        <translation>主要号码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Leader&apos;s mobile</source>
        <translation>负责人手机</translation>
    </message>
    <message>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>主要装备</translation>
    </message>
    <message>
        <source>Enter: copy the number · F9: team ready / deployed</source>
        <translation>回车：复制号码 · F9：队伍待命 / 出动切换</translation>
    </message>
    <message>
        <source>Incident:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Rescue teams</source>
        <translation>救援队伍</translation>
    </message>
    <message>
        <source>All sub-types</source>
        <translation>全部子类</translation>
    </message>
    <message>
        <source>Copied %1 (%2)</source>
        <translation>已复制 %1（%2）</translation>
    </message>
</context>
<context>
    <name>ExportNotice</name>
    <message>
        <source>Last export</source>
        <translation>最近一次导出</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>%1: saved %2</source>
        <translation>%1：已保存 %2</translation>
    </message>
</context>
<context>
    <name>FinalDialog</name>
    <message>
        <source>Final report: %1</source>
        <translation>终报：%1</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>处置结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Aftermath:</source>
        <translation>善后情况(&amp;A)：</translation>
    </message>
    <message>
        <source>A&amp;ssessment:</source>
        <translation>评估意见(&amp;S)：</translation>
    </message>
    <message>
        <source>The final report closes the incident: its follow-up clock stops and what it still owes is cancelled.</source>
        <translation>终报后事件办结：续报计时停止，尚未办结的报送时限一并取消。</translation>
    </message>
    <message>
        <source>Write the final report</source>
        <translation>拟写终报</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>New follow-up: %1</source>
        <translation>新建续报：%1</translation>
    </message>
    <message>
        <source>Figures &amp;as of:</source>
        <translation>数据截至(&amp;Z)：</translation>
    </message>
    <message>
        <source>Write the follow-up</source>
        <translation>拟写续报</translation>
    </message>
    <message>
        <source>Changed since the last report sent: %1</source>
        <translation>与上次报送的报告相比，以下情况有变化：%1</translation>
    </message>
    <message>
        <source>Nothing has changed yet: a follow-up gives what changed.</source>
        <translation>尚无变化：续报只报变化情况，请修改有变化的情况。</translation>
    </message>
</context>
<context>
    <name>FreshnessTab</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Enter: copy the number to dial · Space or F6: verified, next</source>
        <translation>回车：复制号码以便拨打 · 空格或 F6：已核实并转到下一个</translation>
    </message>
    <message>
        <source>&amp;Not verified for more than</source>
        <translation>超过多少天未核实(&amp;N)：</translation>
    </message>
    <message numerus="yes">
        <source>%n numbers</source>
        <translation>
            <numerusform>%n 个号码</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>Generate the roster</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>&amp;Rewrite what is not locked by hand</source>
        <translation>重排未手工锁定的安排(&amp;R)</translation>
    </message>
    <message>
        <source>Without it only empty places are filled. Places locked by hand always stay.</source>
        <translation>不勾选则只填补空缺。手工锁定的安排始终保留。</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <source>Shift to hand &amp;over</source>
        <translation>待交接班次(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>添加事项(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;lear item…</source>
        <translation>办结事项(&amp;B)…</translation>
    </message>
    <message>
        <source>Anything else the next officer must know</source>
        <translation>接班人还须知道的其他事项</translation>
    </message>
    <message>
        <source>Only when the incoming officer is not on the roster</source>
        <translation>仅当接班人不在值班表上时填写</translation>
    </message>
    <message>
        <source>&amp;Confirm handover and lock the log</source>
        <translation>确认交接并锁定日志(&amp;C)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Items carried forward</source>
        <translation>交办事项</translation>
    </message>
    <message>
        <source>Face-to-face confirmation</source>
        <translation>当面交接确认</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>其他事项：</translation>
    </message>
    <message>
        <source>Outgoing officer:</source>
        <translation>交班人：</translation>
    </message>
    <message>
        <source>Incoming officer:</source>
        <translation>接班人：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Duty day:</source>
        <translation>值班日：</translation>
    </message>
    <message>
        <source>Handed over: %1 to %2 at %3; the log is locked.</source>
        <translation>已交接：%1 交班，%2 接班（%3），日志已锁定。</translation>
    </message>
    <message>
        <source>Not handed over yet (shift %1 to %2).</source>
        <translation>尚未交接（班次 %1 至 %2）。</translation>
    </message>
    <message>
        <source>Carry forward</source>
        <translation>交办事项</translation>
    </message>
    <message>
        <source>What the next shifts must see (until cleared):</source>
        <translation>需要后续各班关注的事项（办结前每次交接都会列出）：</translation>
    </message>
    <message>
        <source>Select the item to clear.</source>
        <translation>请先选择要办结的事项。</translation>
    </message>
    <message>
        <source>Clear item</source>
        <translation>办结事项</translation>
    </message>
    <message>
        <source>How it was dealt with:</source>
        <translation>办理情况：</translation>
    </message>
    <message>
        <source>Handed over. The shift&apos;s log is locked.</source>
        <translation>交接完成，本班值班日志已锁定。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Outgoing officer&apos;s pass&amp;word:</source>
        <translation>交班人密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Incoming officer&apos;s pa&amp;ssword:</source>
        <translation>接班人密码(&amp;S)：</translation>
    </message>
    <message>
        <source>Hand over early?</source>
        <translation>提前交接班？</translation>
    </message>
    <message>
        <source>The shift ends at %1, in %2 h %3 min. Why hand over now?</source>
        <translation>本班次 %1 结束，还有 %2 小时 %3 分。为何现在交接班？</translation>
    </message>
    <message>
        <source>Not handed over: the shift is not over yet.</source>
        <translation>未交接：本班次尚未结束。</translation>
    </message>
    <message>
        <source>Handed over early: %1</source>
        <translation>提前交接班：%1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Roster generated</source>
        <translation>自动排班</translation>
    </message>
    <message>
        <source>Workbook imported</source>
        <translation>导入值班表</translation>
    </message>
    <message>
        <source>Duty assigned</source>
        <translation>安排值班</translation>
    </message>
    <message>
        <source>Duty changed</source>
        <translation>修改值班</translation>
    </message>
    <message>
        <source>Duty removed</source>
        <translation>撤销值班</translation>
    </message>
    <message>
        <source>Duty swapped</source>
        <translation>调班</translation>
    </message>
    <message>
        <source>Swap asked</source>
        <translation>申请调班</translation>
    </message>
    <message>
        <source>Swap approved</source>
        <translation>批准调班</translation>
    </message>
    <message>
        <source>Swap rejected</source>
        <translation>驳回调班</translation>
    </message>
    <message>
        <source>Swap withdrawn</source>
        <translation>撤回调班</translation>
    </message>
    <message>
        <source>Roster filed</source>
        <translation>值班表已报备</translation>
    </message>
    <message>
        <source>%1 to %2: %3 assigned, %4 removed</source>
        <translation>%1 至 %2：新排 %3 人次，删除 %4 人次</translation>
    </message>
    <message>
        <source>%1: %2 duties</source>
        <translation>%1：%2 人次</translation>
    </message>
</context>
<context>
    <name>HorizonDialog</name>
    <message>
        <source>Plan reminders</source>
        <translation>预案提醒设置</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Deadline created before it is due:</source>
        <translation>提前生成时限(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Countdown strip shows it within:</source>
        <translation>倒计时条提前显示(&amp;C)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>&amp;Copy text</source>
        <translation>复制文本(&amp;C)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Ve&amp;rified report</source>
        <translation>核报(&amp;R)</translation>
    </message>
    <message>
        <source>De&amp;lete unsent report</source>
        <translation>删除未报送的报告(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Update facts / regrade…</source>
        <translation>更新情况/重新定级(&amp;U)…</translation>
    </message>
    <message>
        <source>Leader&apos;s &amp;instruction…</source>
        <translation>领导批示(&amp;I)…</translation>
    </message>
    <message>
        <source>Instruction &amp;done…</source>
        <translation>批示已落实(&amp;D)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Leaders&apos; instructions</source>
        <translation>领导批示</translation>
    </message>
    <message>
        <source>no level</source>
        <translation>未定级</translation>
    </message>
    <message>
        <source>open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未报送</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>已落实：%1</translation>
    </message>
    <message>
        <source>pending feedback</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Update facts: %1</source>
        <translation>更新情况：%1</translation>
    </message>
    <message>
        <source>&amp;Send…</source>
        <translation>报送(&amp;S)…</translation>
    </message>
    <message>
        <source>New &amp;follow-up…</source>
        <translation>新建续报(&amp;F)…</translation>
    </message>
    <message>
        <source>Fi&amp;nal report…</source>
        <translation>终报(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Word…</source>
        <translation>导出可编辑文档(&amp;W)…</translation>
    </message>
    <message>
        <source>Report chain and sendings</source>
        <translation>报告链及报送记录</translation>
    </message>
    <message>
        <source>, signed off by %1</source>
        <translation>，签发人：%1</translation>
    </message>
    <message>
        <source>%1 %2 to %3%4</source>
        <translation>%1 %2 报送%3%4</translation>
    </message>
    <message numerus="yes">
        <source>sent %n time(s)</source>
        <translation>
            <numerusform>已报送 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete unsent report</source>
        <translation>删除未报送的报告</translation>
    </message>
    <message>
        <source>Delete the unsent %1?</source>
        <translation>删除未报送的%1？</translation>
    </message>
    <message>
        <source>Instruction done</source>
        <translation>批示落实情况</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>落实情况：</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Editable document (*.docx)</source>
        <translation>可编辑文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>IncidentListModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>事件标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>事件级别</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>事发地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>[Warning] </source>
        <translation>【预警】</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>IncidentListPage</name>
    <message>
        <source>Search title, place or number</source>
        <translation>搜索标题、地点或编号</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>近一年</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s)</source>
        <translation>
            <numerusform>共 %n 起</numerusform>
        </translation>
    </message>
    <message>
        <source>Export incidents</source>
        <translation>导出事件台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Open the incident chosen in the list</source>
        <translation>打开列表中选中的事件</translation>
    </message>
</context>
<context>
    <name>IncidentTypes</name>
    <message>
        <source>Natural disaster</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <source>Accident</source>
        <translation>事故灾难</translation>
    </message>
    <message>
        <source>Public health</source>
        <translation>公共卫生事件</translation>
    </message>
    <message>
        <source>Social security</source>
        <translation>社会安全事件</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待命</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>出动中</translation>
    </message>
    <message>
        <source>Resting</source>
        <translation>休整</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <source>Leader&apos;s instruction</source>
        <translation>领导批示</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Instruction:</source>
        <translation>批示内容(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>批示领导(&amp;F)：</translation>
    </message>
    <message>
        <source>Feedback &amp;within:</source>
        <translation>反馈时限(&amp;W)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>IntakeFields</name>
    <message>
        <source>Incid&amp;ent</source>
        <translation>突发事件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Warning information</source>
        <translation>预警信息(&amp;W)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source> CNY</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>D&amp;rill</source>
        <translation>演练(&amp;D)</translation>
    </message>
    <message>
        <source>Sensiti&amp;ve (reported whatever its level)</source>
        <translation>敏感事件(&amp;Q)（不论级别均须报告）</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>事件标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Time recei&amp;ved:</source>
        <translation>接报时间：</translation>
    </message>
    <message>
        <source>Time of &amp;occurrence:</source>
        <translation>事发时间(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Source (unit):</source>
        <translation>信息来源（单位）(&amp;U)：</translation>
    </message>
    <message>
        <source>Caller&apos;s na&amp;me:</source>
        <translation>报告人姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>Caller&apos;s title:</source>
        <translation>报告人职务：</translation>
    </message>
    <message>
        <source>Caller&apos;s p&amp;hone:</source>
        <translation>报告人电话(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>事发地点(&amp;L)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>事件类别(&amp;G)：</translation>
    </message>
    <message>
        <source>Sub-t&amp;ype:</source>
        <translation>事件子类(&amp;Y)：</translation>
    </message>
    <message>
        <source>Le&amp;vel:</source>
        <translation>事件级别(&amp;V)：</translation>
    </message>
    <message>
        <source>Why this level:</source>
        <translation>定级说明：</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>接报人：</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Seriously injured</source>
        <translation>重伤</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>受伤</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>失踪</translation>
    </message>
    <message>
        <source>Trapped</source>
        <translation>被困</translation>
    </message>
    <message>
        <source>Direct loss:</source>
        <translation>直接经济损失：</translation>
    </message>
    <message>
        <source>Reading the contact book</source>
        <translation>正在读取通讯录</translation>
    </message>
    <message>
        <source>&amp;Nature:</source>
        <translation>事件性质(&amp;B)：</translation>
    </message>
    <message>
        <source>Sco&amp;pe of impact:</source>
        <translation>影响范围(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Trend:</source>
        <translation>发展趋势(&amp;J)：</translation>
    </message>
    <message>
        <source>Measures taken &amp;&amp; effect:</source>
        <translation>已采取措施及效果：</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps:</source>
        <translation>下一步措施(&amp;X)：</translation>
    </message>
    <message>
        <source>Leaders on site:</source>
        <translation>领导到场情况：</translation>
    </message>
    <message>
        <source>Already told (whom, when):</source>
        <translation>已通报单位及时间：</translation>
    </message>
    <message>
        <source>Experts and teams:</source>
        <translation>专家和救援队伍：</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>&amp;Record and start the clocks (Ctrl+Enter)</source>
        <translation>保存并开始计时(&amp;R)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Flash report: record what is known</source>
        <translation>先报(&amp;K)：按已掌握情况保存</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save changes (Ctrl+Enter)</source>
        <translation>保存更改(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Restored the unsaved intake from %1.</source>
        <translation>已恢复 %1 未保存的接报草稿。</translation>
    </message>
    <message>
        <source>Recorded as %1; its deadlines are running.</source>
        <translation>已登记为 %1，报送时限开始计时。</translation>
    </message>
    <message>
        <source> Still to report: %1.</source>
        <translation> 待补报：%1。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Filled in from the call record; complete and record it.</source>
        <translation>已按电话记录填入来电信息，请补全后登记。</translation>
    </message>
    <message>
        <source>Open the report just recorded</source>
        <translation>打开刚登记事件的报告</translation>
    </message>
    <message>
        <source>Clear the form?</source>
        <translation>清空此表？</translation>
    </message>
    <message>
        <source>Everything typed in this intake will be removed, its saved draft too.</source>
        <translation>本次接报已填写的内容将全部清除，已保存的草稿也一并删除。</translation>
    </message>
    <message>
        <source>Open %1&apos;s report (Ctrl+O)</source>
        <translation>打开 %1 的报告（Ctrl+O）</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>A time cannot be read: type digits such as 0840, 11300840 or 202611300840.</source>
        <translation>有时间无法识别：请输入数字，如 0840、11300840 或 202611300840。</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Enter records and copies the report&apos;s text</source>
        <translation>Ctrl+Shift+Enter：登记并复制报告文本</translation>
    </message>
    <message>
        <source>Record and copy the report text</source>
        <translation>登记并复制报告文本</translation>
    </message>
    <message>
        <source> The report&apos;s text is on the clipboard.</source>
        <translation>报告文本已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>IntakeGuide</name>
    <message>
        <source>Choose a category to see suggestions.</source>
        <translation>选择事件类别后显示建议的专家和救援队伍。</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source> (away)</source>
        <translation>（外出）</translation>
    </message>
    <message>
        <source>No expert or team is registered for this kind.</source>
        <translation>通讯录中没有适合此类事件的专家或队伍。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>below what the figures reach: give the reason</source>
        <translation>低于伤亡数字达到的级别，须填写定级说明</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>不能晚于现在</translation>
    </message>
    <message>
        <source>after the time received</source>
        <translation>晚于接报时间</translation>
    </message>
    <message>
        <source>not a phone number one can dial</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Figures reach: %1 (%2)</source>
        <translation>按伤亡损失数字应为：%1（%2）</translation>
    </message>
    <message>
        <source> — differs from the chosen level</source>
        <translation> —— 与所选级别不一致</translation>
    </message>
    <message>
        <source> Sensitive: reported whatever its level.</source>
        <translation> 敏感事件：不论级别均须报告。</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>&amp;New intake</source>
        <translation>新接报(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>事件列表(&amp;I)</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1: working…</source>
        <translation>%1：正在处理…</translation>
    </message>
    <message>
        <source>%1: %2 rows done</source>
        <translation>%1：已完成 %2 行</translation>
    </message>
    <message>
        <source>%1: %2 of %3 rows</source>
        <translation>%1：%2 / %3 行</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>◀ Previous day</source>
        <translation>◀ 前一天</translation>
    </message>
    <message>
        <source>Next day ▶</source>
        <translation>后一天 ▶</translation>
    </message>
    <message>
        <source>&amp;Current shift</source>
        <translation>本班(&amp;C)</translation>
    </message>
    <message>
        <source>Sign &amp;in for duty</source>
        <translation>接班签到(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;New entry… (F2)</source>
        <translation>记日志(&amp;N)…（F2）</translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation>更正(&amp;O)…</translation>
    </message>
    <message>
        <source>Carry &amp;forward…</source>
        <translation>列为交办事项(&amp;G)…</translation>
    </message>
    <message>
        <source>Search the whole log</source>
        <translation>搜索全部值班日志</translation>
    </message>
    <message>
        <source>Duty day:</source>
        <translation>值班日：</translation>
    </message>
    <message numerus="yes">
        <source>%n entries found in the whole log</source>
        <translation>
            <numerusform>全部值班日志中找到 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 · %n entries</source>
        <translation>
            <numerusform>%1 至 %2 · 共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source> · handed over and locked at %1</source>
        <translation> · 已于 %1 交接锁定</translation>
    </message>
    <message>
        <source> (late, %1 min)</source>
        <translation>（迟到 %1 分钟）</translation>
    </message>
    <message>
        <source>Signed in: %1</source>
        <translation>已签到：%1</translation>
    </message>
    <message>
        <source>Nobody has signed in for this shift.</source>
        <translation>本班尚无人签到。</translation>
    </message>
    <message>
        <source>Signed in at %1 (late).</source>
        <translation>已于 %1 签到（迟到）。</translation>
    </message>
    <message>
        <source>Signed in at %1.</source>
        <translation>已于 %1 签到。</translation>
    </message>
    <message>
        <source>Select the entry to correct.</source>
        <translation>请先选择要更正的日志。</translation>
    </message>
    <message>
        <source>Correction recorded as entry %1 in the shift of %2.</source>
        <translation>更正已记为第 %1 条（%2 班）。</translation>
    </message>
    <message>
        <source>Carry forward</source>
        <translation>列为交办事项</translation>
    </message>
    <message>
        <source>What the next shifts must see (until someone clears it):</source>
        <translation>需要后续各班关注的事项（办结前每次交接都会列出）：</translation>
    </message>
    <message>
        <source>Carried forward: it shows at every handover until cleared.</source>
        <translation>已列为交办事项：办结前每次交接都会列出。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>值班安排</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>接报</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>通讯录</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Switch operator…</source>
        <translation>切换操作员(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Find contact…</source>
        <translation>查找联系人(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Duty</source>
        <translation>值守(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge the top alarm</source>
        <translation>确认最紧急的提醒(&amp;A)</translation>
    </message>
    <message>
        <source>New &amp;intake</source>
        <translation>新接报(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;New deadline…</source>
        <translation>新建时限(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About DutyDesk</source>
        <translation>关于应急值守台(&amp;A)</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>尚无人登录</translation>
    </message>
    <message>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>DutyDesk keeps running</source>
        <translation>应急值守台仍在运行</translation>
    </message>
    <message>
        <source>Alarms are still ringing. DutyDesk stays in the tray; quit from its menu.</source>
        <translation>仍有报警未确认。应急值守台留在系统托盘中；如需退出，请使用托盘菜单。</translation>
    </message>
    <message>
        <source>Alarms are ringing</source>
        <translation>仍有报警</translation>
    </message>
    <message>
        <source>A job is still running</source>
        <translation>仍有任务在运行</translation>
    </message>
    <message>
        <source>%1 is still running. Cancel it and quit? Nothing of it will be kept.</source>
        <translation>“%1”仍在运行。取消它并退出吗？该任务的结果不会保留。</translation>
    </message>
    <message>
        <source>Plans and drills</source>
        <translation>预案演练</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>带班</translation>
    </message>
</context>
<context>
    <name>NewDeadlineDialog</name>
    <message>
        <source>New deadline</source>
        <translation>新建报送时限</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>事项(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>报送要求(&amp;K)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>截止时间(&amp;D)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>NumberHistoryDialog</name>
    <message>
        <source>Number history: %1</source>
        <translation>号码变更记录：%1</translation>
    </message>
    <message>
        <source>No number of %1 has changed since it was entered.</source>
        <translation>“%1”的号码录入以来没有变更过。</translation>
    </message>
</context>
<context>
    <name>NumberHistoryModel</name>
    <message>
        <source>When</source>
        <translation>变更时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Old number</source>
        <translation>原号码</translation>
    </message>
    <message>
        <source>New number</source>
        <translation>新号码</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>变更人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Duty phone:</source>
        <translation>值班电话(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Fax:</source>
        <translation>传真(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Only an administrator can change the office.</source>
        <translation>只有管理员可以修改单位信息。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>OnDutyWidget</name>
    <message>
        <source>Copy the leader&apos;s number</source>
        <translation>复制带班领导电话</translation>
    </message>
    <message>
        <source>On duty: no shift now</source>
        <translation>当前值班：此时没有班次</translation>
    </message>
    <message>
        <source>On duty: nobody assigned</source>
        <translation>当前值班：未排班</translation>
    </message>
    <message>
        <source>On duty: %1</source>
        <translation>当前值班：%1</translation>
    </message>
    <message>
        <source>nobody assigned</source>
        <translation>未排班</translation>
    </message>
    <message>
        <source>Next %1 %2: %3</source>
        <translation>下一班 %1 %2：%3</translation>
    </message>
    <message>
        <source>Chief leader</source>
        <translation>总带班</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带班</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>备班</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一班</translation>
    </message>
    <message>
        <source>%1 copies the leader&apos;s number; right-click for the others.</source>
        <translation>%1 复制带班领导电话；右键可复制其他人的电话。</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Copy %1&apos;s number (%2)</source>
        <translation>复制%1的电话（%2）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>OutgoingModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Duty phone</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rings</source>
        <translation>响铃</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>接听人</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未接听</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password: %1</source>
        <translation>修改密码：%1</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Sensitive period</source>
        <translation>敏感时期</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>结束(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Leader at least:</source>
        <translation>带班领导至少(&amp;L)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>PersonActions</name>
    <message>
        <source>De&amp;lete contact</source>
        <translation>删除联系人(&amp;L)</translation>
    </message>
    <message>
        <source>Number &amp;history…</source>
        <translation>号码变更记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Only an administrator can delete contacts.</source>
        <translation>只有管理员可以删除联系人。</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Delete %1 from the contact book? Their numbers go with them; the history of changed numbers stays.</source>
        <translation>从通讯录中删除“%1”？其号码一并删除，号码变更记录保留。</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Marked as verified today.</source>
        <translation>已标记为今日核实。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>新增联系人</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <source>Several numbers: separate with 、</source>
        <translation>多个号码用“、”分隔</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>For the expert pool, e.g. 危险化学品、消防</source>
        <translation>列入专家库时填写，如：危险化学品、消防</translation>
    </message>
    <message>
        <source>&amp;Specialties:</source>
        <translation>专长(&amp;S)：</translation>
    </message>
    <message>
        <source>Helps with:</source>
        <translation>擅长的事件：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>Edit duty</source>
        <translation>编辑值班安排</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>Duty:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>The place is locked: generating again keeps it.</source>
        <translation>该安排将被锁定：重新排班时保留。</translation>
    </message>
</context>
<context>
    <name>PlacesModel</name>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空缺）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>PlanDetails</name>
    <message>
        <source>Type:</source>
        <translation>预案类型：</translation>
    </message>
    <message>
        <source>Owner unit:</source>
        <translation>编制单位：</translation>
    </message>
    <message>
        <source>Approved:</source>
        <translation>批准：</translation>
    </message>
    <message>
        <source>Filed:</source>
        <translation>备案：</translation>
    </message>
    <message>
        <source>Cycles:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Next review:</source>
        <translation>下次评估：</translation>
    </message>
    <message>
        <source>Next drill:</source>
        <translation>下次演练：</translation>
    </message>
    <message>
        <source>Plan text:</source>
        <translation>预案文本：</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>评估意见</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>演练类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>演练地点</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成整改</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>事件标题</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应级别</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>预案评估</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>预案演练</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>启动记录</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Choose a plan in the list.</source>
        <translation>请在列表中选择一个预案。</translation>
    </message>
    <message>
        <source>Not filed</source>
        <translation>未备案</translation>
    </message>
    <message>
        <source>review every %1 years, drill every %2 months</source>
        <translation>每 %1 年评估，每 %2 个月演练</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Edit plan</source>
        <translation>编辑预案</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>登记预案</translation>
    </message>
    <message>
        <source>e.g. 江政办发〔2024〕12号</source>
        <translation>如 江政办发〔2024〕12号</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>已备案，日期</translation>
    </message>
    <message>
        <source>A file, or where the paper copy is kept</source>
        <translation>文件路径，或纸质文本存放位置</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Plan &amp;name:</source>
        <translation>预案名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>预案类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Owner &amp;unit:</source>
        <translation>编制单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Approved on:</source>
        <translation>批准日期(&amp;A)：</translation>
    </message>
    <message>
        <source>Document n&amp;umber:</source>
        <translation>文号(&amp;M)：</translation>
    </message>
    <message>
        <source>Filing:</source>
        <translation>备案：</translation>
    </message>
    <message>
        <source>Filed &amp;with:</source>
        <translation>备案单位(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Review every (years):</source>
        <translation>评估周期（年）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Drill every (months):</source>
        <translation>演练周期（月）(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Plan te&amp;xt:</source>
        <translation>预案文本(&amp;X)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Plan text</source>
        <translation>预案文本</translation>
    </message>
</context>
<context>
    <name>PlanFields</name>
    <message>
        <source>none: type to find a plan</source>
        <translation>未启动（输入名称查找预案）</translation>
    </message>
    <message>
        <source>Plan activated:</source>
        <translation>启动预案：</translation>
    </message>
    <message>
        <source>Response level:</source>
        <translation>响应级别：</translation>
    </message>
    <message>
        <source>Plan activated: %1</source>
        <translation>启动预案：%1</translation>
    </message>
    <message>
        <source>Drill: no drill record names it yet</source>
        <translation>演练：尚无演练记录关联本事件</translation>
    </message>
    <message>
        <source>Drill record: %1 %2 of 《%3》</source>
        <translation>演练记录：%1 %2（《%3》）</translation>
    </message>
</context>
<context>
    <name>PlanFiles</name>
    <message>
        <source>Import plans</source>
        <translation>导入预案</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import now?</source>
        <translation>现在导入吗？</translation>
    </message>
    <message>
        <source>Importing plans…</source>
        <translation>正在导入预案…</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>正在检查工作簿…</translation>
    </message>
    <message>
        <source>Add %1 plans, update %2, leave %3 unchanged, create %4 units.</source>
        <translation>将新增预案 %1 个，更新 %2 个，%3 个不变，新建单位 %4 个。</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <source>Export plans</source>
        <translation>导出预案台账</translation>
    </message>
    <message>
        <source>Exported %1 plans to %2</source>
        <translation>已导出 %1 个预案到 %2</translation>
    </message>
    <message>
        <source>Exporting plans…</source>
        <translation>正在导出预案台账…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>已取消，未保留任何内容。</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <source>Nothing was written. Fix these and import again:</source>
        <translation>没有写入任何数据。请改正以下问题后重新导入：</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>预案演练</translation>
    </message>
</context>
<context>
    <name>PlanTerms</name>
    <message>
        <source>Overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>Special</source>
        <translation>专项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇(街道)</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企事业单位</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>现场处置方案</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Under revision</source>
        <translation>修订中</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已废止</translation>
    </message>
    <message>
        <source>Tabletop</source>
        <translation>桌面推演</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实战演练</translation>
    </message>
    <message>
        <source>Combined</source>
        <translation>综合演练</translation>
    </message>
    <message>
        <source>Remains valid</source>
        <translation>继续有效</translation>
    </message>
    <message>
        <source>To be revised</source>
        <translation>需要修订</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>未办</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Level I</source>
        <translation>Ⅰ级</translation>
    </message>
    <message>
        <source>Level II</source>
        <translation>Ⅱ级</translation>
    </message>
    <message>
        <source>Level III</source>
        <translation>Ⅲ级</translation>
    </message>
    <message>
        <source>Level IV</source>
        <translation>Ⅳ级</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>&amp;Plans</source>
        <translation>预案(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;rills</source>
        <translation>演练(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>培训(&amp;T)</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Plan name or unit</source>
        <translation>预案名称或单位</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>只看逾期(&amp;O)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>预案名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>预案类型</translation>
    </message>
    <message>
        <source>Owner unit</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次评估</translation>
    </message>
    <message>
        <source>Next drill</source>
        <translation>下次演练</translation>
    </message>
    <message>
        <source>&amp;New plan (Ins)</source>
        <translation>登记预案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit (Enter)</source>
        <translation>编辑(&amp;E) Enter</translation>
    </message>
    <message>
        <source>Dri&amp;ll (F7)</source>
        <translation>登记演练(&amp;L) F7</translation>
    </message>
    <message>
        <source>Re&amp;view (F6)</source>
        <translation>登记评估(&amp;V) F6</translation>
    </message>
    <message>
        <source>&amp;Import… (Ctrl+I)</source>
        <translation>导入(&amp;I)… Ctrl+I</translation>
    </message>
    <message>
        <source>E&amp;xport… (Ctrl+E)</source>
        <translation>导出(&amp;X)… Ctrl+E</translation>
    </message>
    <message>
        <source>Re&amp;minders…</source>
        <translation>提醒设置(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>筛选(&amp;S)：</translation>
    </message>
    <message>
        <source>%1 plans in force, %2 overdue · this year: %3 drills, %4 corrective actions open (%5 overdue), %6 training sessions, %7 hours</source>
        <translation>在用预案 %1 个，逾期 %2 个 · 本年：演练 %3 次，整改未完成 %4 项（逾期 %5 项），培训 %6 次 %7 学时</translation>
    </message>
</context>
<context>
    <name>PresenceTab</name>
    <message>
        <source>&amp;Record spot check</source>
        <translation>记录查岗(&amp;R)</translation>
    </message>
    <message>
        <source>Spot check of our duty phone</source>
        <translation>上级查岗（来电）</translation>
    </message>
    <message>
        <source>Caller&apos;s unit:</source>
        <translation>查岗单位：</translation>
    </message>
    <message>
        <source>Rings before answering:</source>
        <translation>响铃声数：</translation>
    </message>
    <message>
        <source>Answered by:</source>
        <translation>接听人：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Who answered at the unit (optional)</source>
        <translation>对方接听人（可不填）</translation>
    </message>
    <message>
        <source>New &amp;round</source>
        <translation>新一轮(&amp;N)</translation>
    </message>
    <message>
        <source>Call the selected unit, then press Y (answered), 1–9 (answered after that many rings) or N (not answered); the next unit is selected.</source>
        <translation>拨打选中单位的值班电话，然后按 Y（已接听）、1–9（响铃几声后接听）或 N（未接听），自动转到下一个单位。</translation>
    </message>
    <message>
        <source>Check the units&apos; duty phones</source>
        <translation>向下级单位查岗（去电）</translation>
    </message>
    <message>
        <source>Our checks of the units</source>
        <translation>向下级单位查岗</translation>
    </message>
    <message>
        <source>Spot checks of our phone</source>
        <translation>上级向我单位查岗</translation>
    </message>
    <message>
        <source>Statistics per unit</source>
        <translation>按单位统计</translation>
    </message>
    <message>
        <source>Checked %1 of %2 units; %3 not answered.</source>
        <translation>已查 %1 / %2 个单位，未接听 %3 个。</translation>
    </message>
    <message>
        <source>Spot check recorded in the duty log.</source>
        <translation>查岗已记录，并已记入值班日志。</translation>
    </message>
</context>
<context>
    <name>QuarterDialog</name>
    <message>
        <source>Quarterly work report filed</source>
        <translation>季度工作报告已报送</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>第 %1 季度</translation>
    </message>
    <message>
        <source>The report went up now; its deadline is met.</source>
        <translation>报告已于此时报送，其报送时限随之办结。</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
</context>
<context>
    <name>RangeDialog</name>
    <message>
        <source>&amp;From:</source>
        <translation>开始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>结束(&amp;T)：</translation>
    </message>
    <message>
        <source>Default: unit, period, then 值班安排表</source>
        <translation>默认：单位＋期间＋值班安排表</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>标题(&amp;I)：</translation>
    </message>
    <message>
        <source>Everyone (the whole roster)</source>
        <translation>全部（整个值班表）</translation>
    </message>
    <message>
        <source>&amp;Whose shifts:</source>
        <translation>谁的班次(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Roster generated: quality report</source>
        <translation>排班完成：质量报告</translation>
    </message>
    <message>
        <source>Quarterly report and annual summary</source>
        <translation>季度工作报告和年度总结</translation>
    </message>
    <message>
        <source>Quarterly work report</source>
        <translation>季度工作报告</translation>
    </message>
    <message>
        <source>Annual duty-work summary</source>
        <translation>年度值守工作总结</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>第 %1 季度</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>保存为 Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>保存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;File it (meets the quarter&apos;s deadline)…</source>
        <translation>报送并计入本季度时限(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>文件(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Drafting from the records…</source>
        <translation>正在根据记录起草……</translation>
    </message>
    <message>
        <source>Draft the report</source>
        <translation>起草报告</translation>
    </message>
    <message>
        <source>Drafted from the records: the highlighted 【请填写：……】 passages are for the office to write before it is sent.</source>
        <translation>已根据记录起草：标黄的【请填写：……】处由本单位补写后再报送。</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Save as Word</source>
        <translation>保存为 Word</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>File the quarterly report</source>
        <translation>报送季度工作报告</translation>
    </message>
    <message>
        <source>Record that the report of quarter %1 of %2 went up now? This meets its deadline.</source>
        <translation>登记 %2 年第 %1 季度工作报告已于现在报送？这将完成其报送时限。</translation>
    </message>
    <message>
        <source>Quarter %1 of %2 filed: %3 (due %4).</source>
        <translation>%2 年第 %1 季度工作报告已报送：%3（时限 %4）。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>E&amp;xport and preview</source>
        <translation>导出并预览(&amp;X)</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review: %1</source>
        <translation>登记评估：%1</translation>
    </message>
    <message>
        <source>Reviewed &amp;on:</source>
        <translation>评估日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Conclusion:</source>
        <translation>评估结论(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>评估意见(&amp;N)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Chief leader</source>
        <translation>总带班领导</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>备班</translation>
    </message>
    <message>
        <source>middle manager</source>
        <translation>中层干部</translation>
    </message>
    <message>
        <source>leadership member</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>head of office</source>
        <translation>主要负责人</translation>
    </message>
</context>
<context>
    <name>RosterDocuments</name>
    <message>
        <source>Export the roster for filing</source>
        <translation>导出报备用值班安排表</translation>
    </message>
    <message>
        <source>Export the roster</source>
        <translation>导出值班安排表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import a roster workbook</source>
        <translation>导入值班安排表</translation>
    </message>
    <message>
        <source>Import the roster?</source>
        <translation>导入值班表？</translation>
    </message>
    <message>
        <source>%1 days with %2 duties; they replace the %3 duties held for those days.</source>
        <translation>共 %1 天、%2 人次；将替换这些日期原有的 %3 人次。</translation>
    </message>
    <message>
        <source>Check the roster workbook</source>
        <translation>检查值班安排表</translation>
    </message>
    <message>
        <source>Print the roster</source>
        <translation>打印值班安排表</translation>
    </message>
    <message>
        <source>Roster as PDF</source>
        <translation>值班安排表 PDF</translation>
    </message>
    <message>
        <source>Save the roster as PDF</source>
        <translation>将值班安排表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export shifts to a calendar (.ics)</source>
        <translation>导出班次到日历（.ics）</translation>
    </message>
    <message>
        <source>Save the calendar</source>
        <translation>保存日历文件</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>iCalendar</source>
        <translation>日历文件</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Previous month (Ctrl+PgUp)</source>
        <translation>上个月（Ctrl+上翻页键）</translation>
    </message>
    <message>
        <source>Next month (Ctrl+PgDown)</source>
        <translation>下个月（Ctrl+下翻页键）</translation>
    </message>
    <message>
        <source>T&amp;oday</source>
        <translation>今天(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>排班(&amp;G)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>P&amp;DF…</source>
        <translation>P&amp;DF…</translation>
    </message>
    <message>
        <source>iCa&amp;lendar…</source>
        <translation>日历文件(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月历(&amp;M)</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>列表(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;waps</source>
        <translation>调班(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>变更记录(&amp;R)</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>The public holidays of %1 are not known yet (no State Council notice entered): only weekends are marked, no holiday is guessed. Enter the notice under Settings → Calendar.</source>
        <translation>%1 年的法定节假日尚未录入（国务院通知未公布或未录入）：只标出周末，不推测节假日。请在“设置 → 节假日”中录入。</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>值班安排</translation>
    </message>
    <message>
        <source>Rewrite the past?</source>
        <translation>改写过去的值班安排？</translation>
    </message>
    <message>
        <source>The range starts on %1, before today: the roster of days already worked will change. Go on?</source>
        <translation>所选范围从 %1 开始，早于今天：已经过去的值班安排将被改动。继续吗？</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
</context>
<context>
    <name>RuleCells</name>
    <message>
        <source>Within a time limit</source>
        <translation>限时报送</translation>
    </message>
    <message>
        <source>By a time of day</source>
        <translation>每日定时</translation>
    </message>
    <message>
        <source>On a calendar date</source>
        <translation>按日历日期</translation>
    </message>
    <message>
        <source>after receipt</source>
        <translation>接报后</translation>
    </message>
    <message>
        <source>after occurrence</source>
        <translation>事发后</translation>
    </message>
    <message>
        <source>after the quarter ends</source>
        <translation>季度结束后</translation>
    </message>
    <message>
        <source>each holiday</source>
        <translation>节假日每天</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no level yet</source>
        <translation>尚未定级</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>Use this &amp;profile</source>
        <translation>采用此方案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Copy as our own…</source>
        <translation>复制为本单位方案(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <source>Add &amp;rule</source>
        <translation>添加规则(&amp;R)</translation>
    </message>
    <message>
        <source>Rule kind</source>
        <translation>规则类型</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报送类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Incident or warning</source>
        <translation>事件/预警</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>事件类别</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感事件</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时限（分钟）</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时起点</translation>
    </message>
    <message>
        <source>Times of day</source>
        <translation>每日时刻</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历事项</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Save &amp;alarm stages</source>
        <translation>保存提醒设置(&amp;A)</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>规则方案：</translation>
    </message>
    <message>
        <source>Notice before the deadline:</source>
        <translation>截止前预先提醒：</translation>
    </message>
    <message>
        <source>Urgent before the deadline:</source>
        <translation>截止前紧急提醒：</translation>
    </message>
    <message>
        <source>Repeat when overdue every:</source>
        <translation>超时后重复提醒间隔：</translation>
    </message>
    <message>
        <source> (in force)</source>
        <translation>（当前采用）</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Built in, read-only: copy it to change it.</source>
        <translation>内置方案，只读；如需修改请先复制。</translation>
    </message>
    <message>
        <source>The office&apos;s own profile.</source>
        <translation>本单位自定方案。</translation>
    </message>
    <message>
        <source>Now in force: %1</source>
        <translation>当前采用：%1</translation>
    </message>
    <message>
        <source>Copy profile</source>
        <translation>复制规则方案</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <source> (ours)</source>
        <translation>（本单位）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>&amp;Channel:</source>
        <translation>报送方式(&amp;C)：</translation>
    </message>
    <message>
        <source>Send: %1</source>
        <translation>报送：%1</translation>
    </message>
    <message>
        <source> (deadline open)</source>
        <translation>（尚有时限）</translation>
    </message>
    <message>
        <source>&amp;Means:</source>
        <translation>报送途径(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>主送机关(&amp;T)：</translation>
    </message>
    <message>
        <source>Signed off &amp;by:</source>
        <translation>签发人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Sent at:</source>
        <translation>报送时间(&amp;S)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&amp;Office</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Dut&amp;y</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Deadline &amp;rules</source>
        <translation>时限规则</translation>
    </message>
    <message>
        <source>Required &amp;elements</source>
        <translation>必报要素</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>DutyDesk: first-time setup</source>
        <translation>应急值守台：首次设置</translation>
    </message>
    <message>
        <source>Welcome. Enter your office and create the first administrator.</source>
        <translation>欢迎使用。请填写本单位信息，并创建首位管理员。</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>e.g. Jiangzhou Emergency Management Bureau</source>
        <translation>例如：江州市应急管理局</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Duty phone:</source>
        <translation>值班电话(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Fax:</source>
        <translation>传真(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>SharedOfficeStatus</name>
    <message>
        <source>nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <source> (this one)</source>
        <translation>（本机）</translation>
    </message>
    <message>
        <source>%1%2: %3</source>
        <translation>%1%2：%3</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>在线工作站：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>&amp;In use</source>
        <translation>启用(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>开始时间(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>时长(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Besides these, Alt with the underlined letter presses a button or opens a menu; Tab moves between fields.</source>
        <translation>此外，Alt 加带下划线的字母可按下对应按钮或打开菜单；Tab 键在各栏之间移动。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>StaleNumbersModel</name>
    <message>
        <source>Name or unit</source>
        <translation>姓名或单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>号码类别</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>上次核实</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未核实</translation>
    </message>
</context>
<context>
    <name>StatsCharts</name>
    <message>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Incidents by month</source>
        <translation>各月突发事件</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>按时率（%）</translation>
    </message>
    <message>
        <source>On-time rate by kind</source>
        <translation>各类报送按时率</translation>
    </message>
    <message>
        <source>Nothing decided</source>
        <translation>暂无已办结时限</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>报送要求</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>应报</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>漏报</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>接听</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>接听率</translation>
    </message>
    <message>
        <source>Within %1 rings</source>
        <translation>%1 声内接听</translation>
    </message>
    <message>
        <source>Average rings</source>
        <translation>平均响铃</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>上一年</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>其他日期</translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation>统计(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport tables…</source>
        <translation>导出表格(&amp;X)…</translation>
    </message>
    <message>
        <source>File the &amp;quarterly report…</source>
        <translation>报送季度工作报告(&amp;Q)…</translation>
    </message>
    <message>
        <source>Dr&amp;aft the report…</source>
        <translation>起草报告(&amp;A)…</translation>
    </message>
    <message>
        <source>The quarterly work report or the annual summary of the chosen period, as Word or PDF</source>
        <translation>所选期间的季度工作报告或年度值守工作总结，可存为 Word 或 PDF</translation>
    </message>
    <message>
        <source>Save the &amp;month chart…</source>
        <translation>保存月度图(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the &amp;rate chart…</source>
        <translation>保存按时率图(&amp;R)…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <source>Reporting deadlines</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值守</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>Fr&amp;om:</source>
        <translation>开始(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>结束(&amp;T)：</translation>
    </message>
    <message>
        <source>Counted %1 to %2.</source>
        <translation>已统计 %1 至 %2。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Quarterly work report</source>
        <translation>季度工作报告</translation>
    </message>
    <message>
        <source>Quarter %1 of %2 filed: %3 (due %4).</source>
        <translation>%2 年第 %1 季度工作报告已报送：%3（时限 %4）。</translation>
    </message>
    <message>
        <source>Export the tables</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>图片 (*.png)</translation>
    </message>
    <message>
        <source>Table %1  %2</source>
        <translation>表%1&#x3000;%2</translation>
    </message>
</context>
<context>
    <name>SwapDialog</name>
    <message>
        <source>Ask for a swap</source>
        <translation>申请调班</translation>
    </message>
    <message>
        <source>Duty:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <source>&amp;Colleague:</source>
        <translation>同事(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;In exchange:</source>
        <translation>交换(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>nothing (they take it over)</source>
        <translation>不交换（由其替班）</translation>
    </message>
    <message>
        <source>their duty of %1</source>
        <translation>其 %1 的班次</translation>
    </message>
</context>
<context>
    <name>SwapsModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值班人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>替班人</translation>
    </message>
    <message>
        <source>Traded duty</source>
        <translation>交换的班次</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>SwapsPanel</name>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;T)</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>值班安排</translation>
    </message>
</context>
<context>
    <name>TimezoneBox</name>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Xinjiang time (Urumqi)</source>
        <translation>新疆时间（乌鲁木齐）</translation>
    </message>
    <message>
        <source>Hong Kong time</source>
        <translation>香港时间</translation>
    </message>
    <message>
        <source>Macao time</source>
        <translation>澳门时间</translation>
    </message>
    <message>
        <source>Taipei time</source>
        <translation>台北时间</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <source>Edit training</source>
        <translation>更正培训记录</translation>
    </message>
    <message>
        <source>Record training</source>
        <translation>登记培训</translation>
    </message>
    <message>
        <source>Names from the contact book, separated by 、</source>
        <translation>通讯录中的姓名，用“、”分隔；重名写成“姓名（单位）”</translation>
    </message>
    <message>
        <source>Counted as a drill</source>
        <translation>计为演练</translation>
    </message>
    <message>
        <source>&amp;Course:</source>
        <translation>培训课程(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>培训日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>学时(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Organizer:</source>
        <translation>组织单位(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Participants:</source>
        <translation>参训人员(&amp;P)：</translation>
    </message>
    <message>
        <source>Or their &amp;number:</source>
        <translation>或参训人数(&amp;U)：</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Date</source>
        <translation>培训日期</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>培训课程</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <source>As a drill</source>
        <translation>计为演练</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Record trainin&amp;g (Ins)</source>
        <translation>登记培训(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Correct (Enter)</source>
        <translation>更正(&amp;C) Enter</translation>
    </message>
    <message>
        <source>%1 sessions, %2 hours</source>
        <translation>共 %1 次，%2 学时</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show DutyDesk</source>
        <translation>显示应急值守台</translation>
    </message>
    <message>
        <source>Quit DutyDesk</source>
        <translation>退出应急值守台</translation>
    </message>
    <message>
        <source>DutyDesk</source>
        <translation>应急值守台</translation>
    </message>
</context>
<context>
    <name>UnitActions</name>
    <message>
        <source>&amp;New unit here</source>
        <translation>在此新增下级单位(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit unit…</source>
        <translation>编辑单位(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete unit</source>
        <translation>删除单位(&amp;D)</translation>
    </message>
    <message>
        <source>Only an administrator can change the units.</source>
        <translation>只有管理员可以修改单位。</translation>
    </message>
    <message>
        <source>Unit %1 added.</source>
        <translation>已新增单位“%1”。</translation>
    </message>
    <message>
        <source>Unit %1 saved.</source>
        <translation>已保存单位“%1”。</translation>
    </message>
    <message>
        <source>Delete unit</source>
        <translation>删除单位</translation>
    </message>
    <message>
        <source>Delete the unit %1 from the contact book?</source>
        <translation>从通讯录中删除单位“%1”？</translation>
    </message>
    <message>
        <source>Unit %1 deleted.</source>
        <translation>已删除单位“%1”。</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Under:</source>
        <translation>上级单位：</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶级）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>单位名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>单位类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Duty phone:</source>
        <translation>值班电话(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Fax:</source>
        <translation>传真(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>UnitTree</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Duty officer</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Only an administrator can manage users; you can change your own password.</source>
        <translation>只有管理员可以管理用户；您可以修改自己的密码。</translation>
    </message>
</context>
<context>
    <name>YearNoticeDialog</name>
    <message>
        <source>Holiday notice of %1</source>
        <translation>%1 年节假日安排</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>One row per day: date (2027-10-01), kind, holiday name. Paste rows copied from a spreadsheet with Ctrl+V. Saving replaces the whole year and makes it known.</source>
        <translation>每天一行：日期（如 2027-10-01）、类型、节日名称。可用 Ctrl+V 粘贴从表格中复制的行。保存后替换该年全部安排，该年即视为已录入。</translation>
    </message>
    <message>
        <source>&amp;Add a day</source>
        <translation>添加一天(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove the day</source>
        <translation>删除此天(&amp;R)</translation>
    </message>
    <message>
        <source>Fill from a &amp;file…</source>
        <translation>从文件填入(&amp;F)…</translation>
    </message>
    <message>
        <source>A holiday notice</source>
        <translation>节假日安排文件</translation>
    </message>
    <message>
        <source>Workbook or CSV (*.xlsx *.csv)</source>
        <translation>工作簿或逗号分隔文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
</context>
</TS>

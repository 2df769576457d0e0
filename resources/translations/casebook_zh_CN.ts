<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Casebook</source>
        <translation>关于 Casebook</translation>
    </message>
    <message>
        <source>Casebook {version}</source>
        <translation>Casebook {version}</translation>
    </message>
    <message>
        <source>Casebook helps families collect medical records in an encrypted binder and send them for a second opinion.

Casebook organises records; it gives no medical advice.

Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later).</source>
        <translation>Casebook 帮助家属把病历资料收集到一个加密的病历夹里，并发送给医院，申请第二诊疗意见。

Casebook 只帮您整理资料，不提供任何医疗建议。

本软件为自由软件，按 GNU 通用公共许可证第 3 版或更高版本（GPL-3.0-or-later）发布。</translation>
    </message>
</context>
<context>
    <name>AllergiesModel</name>
    <message>
        <source>To what</source>
        <translation>过敏原</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
</context>
<context>
    <name>AllergiesPanel</name>
    <message>
        <source>⚠  Allergies and serious past reactions</source>
        <translation>⚠  过敏和严重的不良反应</translation>
    </message>
    <message>
        <source>Allergies and serious reactions</source>
        <translation>过敏和严重不良反应</translation>
    </message>
    <message>
        <source>No allergies or serious reactions written down.</source>
        <translation>未记录过敏或严重不良反应。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add an allergy</source>
        <translation>添加过敏</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the allergy</source>
        <translation>编辑过敏记录</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the allergy</source>
        <translation>移除过敏记录</translation>
    </message>
</context>
<context>
    <name>AllergyDialog</name>
    <message>
        <source>Allergy or serious reaction</source>
        <translation>过敏或严重不良反应</translation>
    </message>
    <message>
        <source>Add an allergy</source>
        <translation>添加过敏</translation>
    </message>
    <message>
        <source>e.g. penicillin, contrast dye, peanuts</source>
        <translation>例如：青霉素、造影剂、花生</translation>
    </message>
    <message>
        <source>what happened, e.g. rash, swollen lips</source>
        <translation>发生了什么，例如：皮疹、嘴唇肿</translation>
    </message>
    <message>
        <source>To what</source>
        <translation>过敏原</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Please write what it is an allergy to.</source>
        <translation>请写下对什么过敏。</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>新预约</translation>
    </message>
    <message>
        <source>e.g. CT scan of the chest</source>
        <translation>例如：胸部 CT 检查</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>at</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>The time is known</source>
        <translation>已知具体时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>How long, in minutes</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. Radiology, building 3</source>
        <translation>例如：3 号楼放射科</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>anything else to bring</source>
        <translation>其他要带的东西</translation>
    </message>
    <message>
        <source>Anything else to bring</source>
        <translation>其他要带的东西</translation>
    </message>
    <message>
        <source>e.g. nothing to eat for 4 hours before</source>
        <translation>例如：检查前 4 小时禁食</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Questions from</source>
        <translation>带哪次就诊的问题</translation>
    </message>
    <message>
        <source>Bring</source>
        <translation>要带的东西</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>提醒我</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Please say what the appointment is for.</source>
        <translation>请写下这次预约是做什么的。</translation>
    </message>
    <message>
        <source>This appointment could not be saved.</source>
        <translation>无法保存这个预约。</translation>
    </message>
</context>
<context>
    <name>AppointmentWords</name>
    <message>
        <source>Consultation</source>
        <translation>门诊或会诊</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>影像检查</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>化验检查</translation>
    </message>
    <message>
        <source>Picking up records</source>
        <translation>领取病历资料</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>the questions list</source>
        <translation>问题清单</translation>
    </message>
    <message>
        <source>the documents</source>
        <translation>病历资料</translation>
    </message>
    <message>
        <source>the imaging CD</source>
        <translation>影像光盘</translation>
    </message>
    <message>
        <source>the medicine list</source>
        <translation>用药清单</translation>
    </message>
    <message>
        <source>ID and insurance card</source>
        <translation>身份证和医保卡</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>An hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>A week before</source>
        <translation>提前 1 周</translation>
    </message>
    <message>
        <source>A day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>{count} hours before</source>
        <translation>提前 {count} 小时</translation>
    </message>
    <message>
        <source>{count} days before</source>
        <translation>提前 {count} 天</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Where and with whom</source>
        <translation>地点和联系人</translation>
    </message>
    <message>
        <source>Bring</source>
        <translation>要带的东西</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Consultations, scans, treatments and record pick-ups still to come, with what to bring. Casebook reminds you while it is open, and can put them in your phone&apos;s calendar.</source>
        <translation>即将到来的就诊、检查、治疗和领取病历，以及要带的东西。Casebook 打开时会提醒您，也可以把它们加到手机日历中。</translation>
    </message>
    <message>
        <source>New appointment…</source>
        <translation>新预约…</translation>
    </message>
    <message>
        <source>Add an appointment</source>
        <translation>添加预约</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the appointment</source>
        <translation>编辑这个预约</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Mark the appointment as done</source>
        <translation>将预约标记为已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Mark the appointment as cancelled</source>
        <translation>将预约标记为已取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the appointment</source>
        <translation>删除这个预约</translation>
    </message>
    <message>
        <source>Show past and cancelled</source>
        <translation>显示过去的和已取消的</translation>
    </message>
    <message>
        <source>No appointments to come. Add one with New appointment…</source>
        <translation>暂无即将到来的预约。可用“新预约…”添加。</translation>
    </message>
    <message>
        <source>Phone calendar (.ics):</source>
        <translation>手机日历文件：</translation>
    </message>
    <message>
        <source>Language of the calendar file</source>
        <translation>日历文件的语言</translation>
    </message>
    <message>
        <source>This appointment…</source>
        <translation>这个预约…</translation>
    </message>
    <message>
        <source>Save the chosen appointment as a calendar file</source>
        <translation>将选中的预约保存为日历文件</translation>
    </message>
    <message>
        <source>All upcoming…</source>
        <translation>所有即将到来的…</translation>
    </message>
    <message>
        <source>Save every upcoming appointment as a calendar file</source>
        <translation>将所有即将到来的预约保存为日历文件</translation>
    </message>
    <message>
        <source>Save for the phone&apos;s calendar</source>
        <translation>保存到手机日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>Saved {name} ({count} appointment). Open it on the phone, or send it to yourself by e-mail, to add it to the calendar.</source>
        <translation>已保存 {name}（{count} 个预约）。在手机上打开它，或用电子邮件发给自己，即可加入日历。</translation>
    </message>
    <message>
        <source>Saved {name} ({count} appointments). Open it on the phone, or send it to yourself by e-mail, to add it to the calendar.</source>
        <translation>已保存 {name}（{count} 个预约）。在手机上打开它，或用电子邮件发给自己，即可加入日历。</translation>
    </message>
</context>
<context>
    <name>BankModel</name>
    <message>
        <source>✓ on our list · </source>
        <translation>✓ 已在问题清单中 · </translation>
    </message>
</context>
<context>
    <name>BankPanel</name>
    <message>
        <source>Suggested questions</source>
        <translation>推荐的问题</translation>
    </message>
    <message>
        <source>Add to our questions</source>
        <translation>加入我们的问题</translation>
    </message>
    <message>
        <source>Questions other families have found useful, in our plain words. Those that suit where you are now ({moment}) come first. Casebook does not answer them: the doctors do.</source>
        <translation>这些是其他家庭觉得有用的问题，用通俗易懂的话写成。适合您现在处境（{moment}）的问题排在前面。Casebook 不回答这些问题，答案要由医生给出。</translation>
    </message>
    <message>
        <source>Questions other families have found useful, in our plain words. Say where you are now on the Timeline page and the ones that suit it come first.</source>
        <translation>这些是其他家庭觉得有用的问题，用通俗易懂的话写成。在“病程时间线”页面选好您现在所处的阶段，适合的问题就会排在前面。</translation>
    </message>
    <message>
        <source>For where you are now</source>
        <translation>适合现在的问题</translation>
    </message>
</context>
<context>
    <name>BinderKeyActions</name>
    <message>
        <source>Re-&amp;encrypt the binder with a new key…</source>
        <translation>用新密钥重新加密病历夹(&amp;E)…</translation>
    </message>
    <message>
        <source>Make a new &amp;recovery code…</source>
        <translation>生成新的恢复码(&amp;R)…</translation>
    </message>
    <message>
        <source>Re-encrypting the binder</source>
        <translation>正在重新加密病历夹</translation>
    </message>
    <message>
        <source>Re-encrypting…</source>
        <translation>正在重新加密…</translation>
    </message>
    <message>
        <source>Saving the new key…</source>
        <translation>正在保存新密钥…</translation>
    </message>
    <message>
        <source>The binder was not re-encrypted</source>
        <translation>病历夹没有重新加密</translation>
    </message>
    <message>
        <source>Nothing was changed: the binder opens with its old password.</source>
        <translation>什么都没有改变：病历夹仍然用原来的密码打开。</translation>
    </message>
    <message>
        <source>No new recovery code</source>
        <translation>没有生成新的恢复码</translation>
    </message>
</context>
<context>
    <name>BinderMaintenance</name>
    <message>
        <source>&amp;Back up the binder…</source>
        <translation>备份病历夹(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Check the binder for damage…</source>
        <translation>检查病历夹是否损坏(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose where to keep the backup (another disk is best)</source>
        <translation>选择备份的保存位置（最好是另一个磁盘）</translation>
    </message>
    <message>
        <source>Making a backup</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Checking the binder</source>
        <translation>正在检查病历夹</translation>
    </message>
    <message>
        <source>Casebook</source>
        <translation>Casebook</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>备份已完成</translation>
    </message>
    <message>
        <source>The backup was written and checked:
{folder}

It is encrypted and opens with the same password. Keep it on another disk or USB stick.</source>
        <translation>备份已写入并检查完毕：
{folder}

备份是加密的，用同一个密码打开。请把它保存在另一个磁盘或U盘上。</translation>
    </message>
    <message>
        <source>Unfinished backup copies left by an interrupted backup were removed: {count}.</source>
        <translation>已删除中断的备份留下的未完成副本：{count} 个。</translation>
    </message>
    <message>
        <source>The binder is healthy</source>
        <translation>病历夹完好</translation>
    </message>
    <message>
        <source>Every page and every stored file ({count}) was checked.</source>
        <translation>已检查每一页和每一个保存的文件（共 {count} 个）。</translation>
    </message>
    <message>
        <source>The binder is damaged</source>
        <translation>病历夹已损坏</translation>
    </message>
    <message>
        <source>Some of the binder&apos;s data is damaged. Open your most recent backup, and keep this binder folder as it is in case it is needed.

Details: {details}</source>
        <translation>病历夹中的部分数据已损坏。请打开您最近的一份备份，并保留这个病历夹文件夹原样，以备需要。

详情：{details}</translation>
    </message>
</context>
<context>
    <name>CancelledImportDialog</name>
    <message>
        <source>Adding images was stopped</source>
        <translation>添加影像已停止</translation>
    </message>
    <message numerus="yes">
        <source>The images added before you stopped are kept: {images} in %n series.</source>
        <translation>
            <numerusform>停止前已添加的影像已保留：共 %n 个序列，{images}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series are incomplete. A doctor looking at an incomplete series may miss what matters, so they are ticked below for removal. You can add the disc again later to complete them.</source>
        <translation>
            <numerusform>有 %n 个序列不完整。医生看不完整的序列可能会漏掉关键内容，所以下面已勾选它们以便移除。您可以稍后重新添加光盘来补全。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every series that was started is complete. You can keep them.</source>
        <translation>已开始导入的序列都是完整的，可以保留。</translation>
    </message>
    <message>
        <source>Series kept from the stopped import</source>
        <translation>停止导入后保留的序列</translation>
    </message>
    <message>
        <source>Series without a name</source>
        <translation>未命名的序列</translation>
    </message>
    <message>
        <source>{name} — {kept} of {listed} images</source>
        <translation>{name} — {listed} 张中的 {kept} 张</translation>
    </message>
    <message>
        <source>Remove the ticked series</source>
        <translation>移除勾选的序列</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>Removed series go to the trash; you can bring them back.</source>
        <translation>移除的序列会进入回收站，之后可以恢复。</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Topic</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Same or different?</source>
        <translation>相同还是不同？</translation>
    </message>
    <message>
        <source>Team (MDT)</source>
        <translation>团队（MDT）</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>The opinions side by side</source>
        <translation>并排对照的各份意见</translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message>
        <source>What is still missing before we can decide?</source>
        <translation>做决定之前，还缺什么？</translation>
    </message>
    <message>
        <source>✓  Nothing is missing: every record is in or not needed.</source>
        <translation>✓  什么都不缺：每类资料都已收到或不需要。</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 项</translation>
    </message>
    <message>
        <source>✗  Not collected yet: {names}</source>
        <translation>✗  还没收集：{names}</translation>
    </message>
    <message>
        <source>?  Documents without a date: {titles}</source>
        <translation>?  没有日期的文件：{titles}</translation>
    </message>
    <message>
        <source>⚠  Imaging studies without their report: {studies}</source>
        <translation>⚠  缺少报告的影像检查：{studies}</translation>
    </message>
    <message>
        <source>⚠  Imaging reports without their images: {titles}</source>
        <translation>⚠  缺少影像的影像报告：{titles}</translation>
    </message>
    <message>
        <source>✗  {count} kind of record not collected yet</source>
        <translation>✗  {count} 类资料还没收集</translation>
    </message>
    <message>
        <source>✗  {count} kinds of record not collected yet</source>
        <translation>✗  {count} 类资料还没收集</translation>
    </message>
    <message>
        <source>…  {count} requested, not received yet</source>
        <translation>…  {count} 项已索取，尚未收到</translation>
    </message>
    <message>
        <source>?  {count} document without a date</source>
        <translation>?  {count} 份文件没有日期</translation>
    </message>
    <message>
        <source>?  {count} documents without a date</source>
        <translation>?  {count} 份文件没有日期</translation>
    </message>
    <message>
        <source>⚠  {count} imaging study without its report</source>
        <translation>⚠  {count} 次影像检查缺少报告</translation>
    </message>
    <message>
        <source>⚠  {count} imaging studies without their report</source>
        <translation>⚠  {count} 次影像检查缺少报告</translation>
    </message>
    <message>
        <source>⚠  {count} imaging report without its images</source>
        <translation>⚠  {count} 份影像报告缺少影像</translation>
    </message>
    <message>
        <source>⚠  {count} imaging reports without their images</source>
        <translation>⚠  {count} 份影像报告缺少影像</translation>
    </message>
</context>
<context>
    <name>ConsultationDetail</name>
    <message>
        <source>Names, separated by commas</source>
        <translation>姓名，用逗号隔开</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Hospital or clinic</source>
        <translation>医院或诊所</translation>
    </message>
    <message>
        <source>Who attended</source>
        <translation>参加的人</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>保存信息</translation>
    </message>
    <message>
        <source>Take notes now</source>
        <translation>现在开始记笔记</translation>
    </message>
    <message>
        <source>Print in</source>
        <translation>打印语言</translation>
    </message>
    <message>
        <source>the questions to bring</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Print questions to bring…</source>
        <translation>打印要问的问题…</translation>
    </message>
    <message>
        <source>the summary of this consultation</source>
        <translation>本次就诊小结</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>打印小结…</translation>
    </message>
    <message>
        <source>Print in:</source>
        <translation>打印语言：</translation>
    </message>
    <message>
        <source>Timeline event to link</source>
        <translation>要关联的时间线事件</translation>
    </message>
    <message>
        <source>Link to this timeline event</source>
        <translation>关联到这个时间线事件</translation>
    </message>
    <message>
        <source>Summary of this consultation</source>
        <translation>本次就诊小结</translation>
    </message>
    <message>
        <source>On the timeline: {events}</source>
        <translation>在时间线上：{events}</translation>
    </message>
    <message>
        <source>Not linked to the timeline yet.</source>
        <translation>还没有关联到时间线。</translation>
    </message>
</context>
<context>
    <name>ConsultationWords</name>
    <message>
        <source>★ Must ask</source>
        <translation>★ 一定要问</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>If there is time</source>
        <translation>有时间再问</translation>
    </message>
    <message>
        <source>○ Open</source>
        <translation>○ 未回答</translation>
    </message>
    <message>
        <source>✓ Answered</source>
        <translation>✓ 已回答</translation>
    </message>
    <message>
        <source>– Not needed</source>
        <translation>– 不需要了</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续跟进</translation>
    </message>
    <message>
        <source>Test ordered</source>
        <translation>开了检查</translation>
    </message>
    <message>
        <source>Medication change</source>
        <translation>用药调整</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新问题</translation>
    </message>
</context>
<context>
    <name>ConsultationsModel</name>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <source>Consultations</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Each appointment with its questions and notes. Questions left unanswered move to the next consultation by themselves.</source>
        <translation>每次就诊的问题和笔记都在这里。没有得到回答的问题会自动转到下一次就诊。</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>新建就诊</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Questions to bring.pdf</source>
        <translation>要问的问题.pdf</translation>
    </message>
    <message>
        <source>Consultation summary.pdf</source>
        <translation>就诊小结.pdf</translation>
    </message>
    <message>
        <source>Add a consultation to start its question list.</source>
        <translation>添加一次就诊，开始准备要问的问题。</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>就诊</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新联系人</translation>
    </message>
    <message>
        <source>e.g. Dr. Wang Li, or 病案室</source>
        <translation>例如：王立医生，或病案室</translation>
    </message>
    <message>
        <source>e.g. oncologist, chemotherapy nurse</source>
        <translation>例如：肿瘤内科医生、化疗护士</translation>
    </message>
    <message>
        <source>e.g. Mon–Fri 8:00–11:30</source>
        <translation>例如：周一至周五 8:00–11:30</translation>
    </message>
    <message>
        <source>e.g. Chinese, English</source>
        <translation>例如：中文、英文</translation>
    </message>
    <message>
        <source>Show on the case at a glance</source>
        <translation>显示在病情概要中</translation>
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
        <source>Hospital or clinic</source>
        <translation>医院或诊所</translation>
    </message>
    <message>
        <source>Role or department</source>
        <translation>职务或科室</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>使用的语言</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>That e-mail address does not look complete.</source>
        <translation>这个电子邮件地址好像不完整。</translation>
    </message>
    <message>
        <source>Please write a name.</source>
        <translation>请写下名称。</translation>
    </message>
    <message>
        <source>This contact could not be saved.</source>
        <translation>无法保存这个联系人。</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>— nobody chosen —</source>
        <translation>— 未选择 —</translation>
    </message>
</context>
<context>
    <name>ContactWords</name>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>护士</translation>
    </message>
    <message>
        <source>Hospital or clinic</source>
        <translation>医院或诊所</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Medical records office</source>
        <translation>病案室</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>药房</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Gave an opinion</source>
        <translation>给出了意见</translation>
    </message>
    <message>
        <source>At a consultation</source>
        <translation>参加了就诊</translation>
    </message>
    <message>
        <source>Bundle sent to</source>
        <translation>资料包发送给</translation>
    </message>
    <message>
        <source>Records asked for</source>
        <translation>申请过病历</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>开了药</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Hospital or clinic</source>
        <translation>医院或诊所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Doctors, nurses, hospitals, records offices and pharmacies, with how to reach them. Choose one to see everything it is linked to.</source>
        <translation>医生、护士、医院、病案室和药房，以及联系方式。选择一个，查看与其相关的所有内容。</translation>
    </message>
    <message>
        <source>New contact…</source>
        <translation>新联系人…</translation>
    </message>
    <message>
        <source>Add a new contact</source>
        <translation>添加新联系人</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>搜索联系人</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit this contact</source>
        <translation>编辑这个联系人</translation>
    </message>
    <message>
        <source>Link to…</source>
        <translation>关联到…</translation>
    </message>
    <message>
        <source>Link this contact to opinions, consultations or bundles sent</source>
        <translation>把这个联系人关联到意见、就诊或已发送的资料包</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this contact</source>
        <translation>删除这个联系人</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联的内容</translation>
    </message>
    <message>
        <source>Everything linked to this contact</source>
        <translation>与这个联系人相关的所有内容</translation>
    </message>
    <message>
        <source>Nothing is linked to this contact yet.</source>
        <translation>这个联系人还没有关联任何内容。</translation>
    </message>
    <message>
        <source>Add a contact, or choose one from the list.</source>
        <translation>添加一个联系人，或从列表中选择。</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>使用的语言</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>No phone, e-mail or address yet.</source>
        <translation>还没有电话、电子邮件或地址。</translation>
    </message>
</context>
<context>
    <name>ContentsModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>{count} study</source>
        <translation>{count} 次检查</translation>
    </message>
    <message>
        <source>{count} studies</source>
        <translation>{count} 次检查</translation>
    </message>
    <message>
        <source>{count} document</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>Imaging studies</source>
        <translation>影像检查</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>⚑ {title} (not confirmed yet)</source>
        <translation>⚑ {title}（尚未确认）</translation>
    </message>
    <message>
        <source>{count} image</source>
        <translation>{count} 幅图像</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 幅图像</translation>
    </message>
</context>
<context>
    <name>ContentsStep</name>
    <message>
        <source>What should the bundle contain?</source>
        <translation>资料包里要放哪些内容？</translation>
    </message>
    <message>
        <source>Everything in the binder (recommended)</source>
        <translation>病历夹里的全部内容（推荐）</translation>
    </message>
    <message>
        <source>Let me choose</source>
        <translation>我自己选</translation>
    </message>
    <message>
        <source>Items to put in the bundle</source>
        <translation>要放进资料包的内容</translation>
    </message>
    <message>
        <source>Language of the case summary</source>
        <translation>病情摘要的语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两种都要</translation>
    </message>
    <message>
        <source>⚑ {count} document has a kind or date Casebook suggested that nobody has confirmed yet. You can check it on the Records page first.</source>
        <translation>⚑ 有 {count} 份文件的类别或日期是 Casebook 推荐的，还没有人确认。您可以先到“病历资料”页面核对。</translation>
    </message>
    <message>
        <source>⚑ {count} documents have a kind or date Casebook suggested that nobody has confirmed yet. You can check them on the Records page first.</source>
        <translation>⚑ 有 {count} 份文件的类别或日期是 Casebook 推荐的，还没有人确认。您可以先到“病历资料”页面核对。</translation>
    </message>
    <message>
        <source>🎙 {count} recording of a consultation goes with the bundle, as ticked on the Consultations page.</source>
        <translation>🎙 {count} 段就诊录音会随资料包发送（在“就诊”页上勾选的）。</translation>
    </message>
    <message>
        <source>🎙 {count} recordings of consultations go with the bundle, as ticked on the Consultations page.</source>
        <translation>🎙 {count} 段就诊录音会随资料包发送（在“就诊”页上勾选的）。</translation>
    </message>
    <message>
        <source>🎙 Recordings of consultations stay in the binder. To send one, tick it on the Consultations page.</source>
        <translation>🎙 就诊录音留在病历夹里，不会发送。要发送某段录音，请在“就诊”页上勾选它。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Casebook ran into a problem</source>
        <translation>Casebook 出了点问题</translation>
    </message>
    <message>
        <source>Something went wrong inside Casebook.</source>
        <translation>Casebook 内部出了错。</translation>
    </message>
    <message>
        <source>This is a mistake in Casebook, not something you did. Your binder is stored safely; if an action did not finish, you can try it again.

If you want to report the problem, copy the details below and send them to the Casebook team. They contain no patient records, but please read them before sending.</source>
        <translation>这是 Casebook 自身的错误，不是您操作不当。您的病历夹已安全保存；如果某个操作没有完成，可以再试一次。

如果想报告这个问题，请复制下面的详细信息，发送给 Casebook 团队。其中不含病历内容，但发送前请先看一遍。</translation>
    </message>
    <message>
        <source>Technical details of the problem</source>
        <translation>问题的技术细节</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>CreateBinderDialog</name>
    <message>
        <source>Create a new binder</source>
        <translation>新建病历夹</translation>
    </message>
    <message>
        <source>A binder is an encrypted folder that holds one person&apos;s medical records. Only someone with the password can open it. In the next step you will get a recovery code, in case the password is ever forgotten.</source>
        <translation>病历夹是一个加密的文件夹，存放一个人的病历资料。只有知道密码的人才能打开。下一步您会拿到一个恢复码，万一忘了密码可以用它打开。</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Full name, as on the medical records</source>
        <translation>全名，与病历上的一致</translation>
    </message>
    <message>
        <source>Binder folder:</source>
        <translation>病历夹位置：</translation>
    </message>
    <message>
        <source>Patient&apos;s name:</source>
        <translation>患者姓名：</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Create binder</source>
        <translation>创建病历夹</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Casebook binder {date}</source>
        <translation>Casebook 病历夹 {date}</translation>
    </message>
    <message>
        <source>Where should the binder be kept?</source>
        <translation>病历夹要放在哪里？</translation>
    </message>
    <message>
        <source>✓ The two passwords match.</source>
        <translation>✓ 两次输入的密码一致。</translation>
    </message>
    <message>
        <source>✗ The two passwords are not the same yet.</source>
        <translation>✗ 两次输入的密码还不一样。</translation>
    </message>
    <message>
        <source>Creating the binder and protecting it with your password…</source>
        <translation>正在创建病历夹，并用您的密码加密保护…</translation>
    </message>
</context>
<context>
    <name>DailyCard</name>
    <message>
        <source>Appointments and medicines</source>
        <translation>预约和用药</translation>
    </message>
    <message>
        <source>Open Appointments</source>
        <translation>打开“预约”</translation>
    </message>
    <message>
        <source>Open Medicines</source>
        <translation>打开“用药”</translation>
    </message>
    <message>
        <source>Open the Diary</source>
        <translation>打开“症状日记”</translation>
    </message>
    <message>
        <source>the case at a glance</source>
        <translation>病情概要</translation>
    </message>
    <message>
        <source>Case at a glance.pdf</source>
        <translation>病情概要.pdf</translation>
    </message>
    <message>
        <source>The case at a glance, on one page:</source>
        <translation>一页纸的病情概要：</translation>
    </message>
    <message>
        <source>No appointment planned.</source>
        <translation>暂无预约。</translation>
    </message>
    <message>
        <source>Next: {when} — {what}</source>
        <translation>下一个：{when} — {what}</translation>
    </message>
    <message>
        <source>⚠  {count} request for records is due to be chased.</source>
        <translation>⚠  有 {count} 份病历申请该催问了。</translation>
    </message>
    <message>
        <source>⚠  {count} requests for records are due to be chased.</source>
        <translation>⚠  有 {count} 份病历申请该催问了。</translation>
    </message>
    <message>
        <source>⚠  Allergies: {names}</source>
        <translation>⚠  过敏：{names}</translation>
    </message>
    <message>
        <source>No allergies written down.</source>
        <translation>未记录过敏。</translation>
    </message>
    <message>
        <source>No current medicines written down.</source>
        <translation>未记录目前用药。</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 项</translation>
    </message>
    <message>
        <source>{count} current medicine: {names}</source>
        <translation>目前用药 {count} 种：{names}</translation>
    </message>
    <message>
        <source>{count} current medicines: {names}</source>
        <translation>目前用药 {count} 种：{names}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Edit the decision</source>
        <translation>修改决定</translation>
    </message>
    <message>
        <source>A decision</source>
        <translation>一个决定</translation>
    </message>
    <message>
        <source>What you chose, in your words</source>
        <translation>你们的选择（用自己的话写）</translation>
    </message>
    <message>
        <source>e.g. to stay at home as long as possible; to keep working; to avoid long stays</source>
        <translation>例如：尽量在家里生活；继续工作；避免长期住院</translation>
    </message>
    <message>
        <source>e.g. Mum, Li, Dr Chen</source>
        <translation>例如：妈妈、小李、陈医生</translation>
    </message>
    <message>
        <source>What we chose</source>
        <translation>我们的选择</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What matters most to the patient</source>
        <translation>患者自己最看重什么</translation>
    </message>
    <message>
        <source>Our reasons</source>
        <translation>我们的理由</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>参与讨论的人</translation>
    </message>
    <message>
        <source>We would think again if</source>
        <translation>出现以下情况时，我们会重新考虑</translation>
    </message>
    <message>
        <source>Opinions we weighed</source>
        <translation>考虑过的诊疗意见</translation>
    </message>
    <message>
        <source>Saving an edit keeps the earlier version in the log.</source>
        <translation>保存修改时，之前的版本会保留在记录中。</translation>
    </message>
    <message>
        <source>You can edit this later; every version is kept.</source>
        <translation>以后还可以修改；每个版本都会保留。</translation>
    </message>
    <message>
        <source>That date does not exist. Please check the day.</source>
        <translation>这个日期不存在，请核对日期。</translation>
    </message>
    <message>
        <source>Please write what you chose.</source>
        <translation>请写下你们的选择。</translation>
    </message>
</context>
<context>
    <name>DecisionMomentBox</name>
    <message>
        <source>Where are we now?</source>
        <translation>我们现在处于哪个阶段？</translation>
    </message>
    <message>
        <source>Choose the moment that fits best. It changes what Casebook shows first.</source>
        <translation>选择最符合的阶段。Casebook 会据此调整优先显示的内容。</translation>
    </message>
    <message>
        <source>Records that matter most now: {names}</source>
        <translation>现阶段最重要的资料：{names}</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Write down what you decided and why, in your own words. Editing a decision keeps every earlier version, so you can see how your thinking changed.</source>
        <translation>用自己的话写下你们做了什么决定、为什么。修改决定时，之前的每个版本都会保留，方便回看想法的变化。</translation>
    </message>
    <message>
        <source>Record a decision…</source>
        <translation>记录一个决定…</translation>
    </message>
    <message>
        <source>Edit the selected decision…</source>
        <translation>修改所选的决定…</translation>
    </message>
    <message>
        <source>Decisions logged</source>
        <translation>已记录的决定</translation>
    </message>
    <message>
        <source>No decision recorded yet.</source>
        <translation>还没有记录任何决定。</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>DecisionsModel</name>
    <message>
        <source>Earlier versions ({count})</source>
        <translation>之前的版本（{count}）</translation>
    </message>
    <message>
        <source>Version {n}: {option}</source>
        <translation>第 {n} 版：{option}</translation>
    </message>
    <message>
        <source>saved {when}</source>
        <translation>保存于 {when}</translation>
    </message>
    <message>
        <source>What matters most to the patient</source>
        <translation>患者自己最看重什么</translation>
    </message>
    <message>
        <source>Our reasons</source>
        <translation>我们的理由</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>参与讨论的人</translation>
    </message>
    <message>
        <source>We would think again if</source>
        <translation>出现以下情况时，我们会重新考虑</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>DeletedElsewhereModel</name>
    <message>
        <source>The question “{label}”</source>
        <translation>问题“{label}”</translation>
    </message>
    <message>
        <source>The consultation “{label}”</source>
        <translation>就诊“{label}”</translation>
    </message>
    <message>
        <source>The timeline event “{label}”</source>
        <translation>时间线事件“{label}”</translation>
    </message>
    <message>
        <source>The opinion of {label}</source>
        <translation>{label} 的诊疗意见</translation>
    </message>
    <message>
        <source>The appointment “{label}”</source>
        <translation>预约“{label}”</translation>
    </message>
    <message>
        <source>The medicine “{label}”</source>
        <translation>药物“{label}”</translation>
    </message>
    <message>
        <source>The allergy to “{label}”</source>
        <translation>对“{label}”的过敏记录</translation>
    </message>
    <message>
        <source>The contact “{label}”</source>
        <translation>联系人“{label}”</translation>
    </message>
    <message>
        <source>The diary entry “{label}”</source>
        <translation>症状日记“{label}”</translation>
    </message>
</context>
<context>
    <name>DeliveryStep</name>
    <message>
        <source>Largest part, in megabytes</source>
        <translation>每部分最大多少 MB</translation>
    </message>
    <message>
        <source>Most web mail: limit 20 MB</source>
        <translation>大多数网页邮箱：上限 20 MB</translation>
    </message>
    <message>
        <source>Gmail or Outlook: limit 25 MB</source>
        <translation>Gmail 或 Outlook：上限 25 MB</translation>
    </message>
    <message>
        <source>Some hospital mail: limit 10 MB</source>
        <translation>部分医院邮箱：上限 10 MB</translation>
    </message>
    <message>
        <source>How will the bundle travel?</source>
        <translation>资料包怎样送到医院？</translation>
    </message>
    <message>
        <source>By e-mail, in parts: one part in each message</source>
        <translation>通过电子邮件分卷发送：每封邮件一个分卷</translation>
    </message>
    <message>
        <source>On a USB stick or a disc: one file</source>
        <translation>用 U 盘或光盘：一个文件</translation>
    </message>
    <message>
        <source>Through a shared folder or a cloud link: one file</source>
        <translation>通过共享文件夹或网盘链接：一个文件</translation>
    </message>
    <message>
        <source>Attachment limit of the e-mail</source>
        <translation>邮箱的附件大小上限</translation>
    </message>
    <message>
        <source>Another part size</source>
        <translation>其他分卷大小</translation>
    </message>
    <message>
        <source>E-mail service:</source>
        <translation>邮箱服务：</translation>
    </message>
    <message>
        <source>Parts of at most</source>
        <translation>每个分卷最大</translation>
    </message>
    <message>
        <source>Each part is smaller than the limit: e-mail makes attachments about a third bigger on the way. If the hospital says its limit is smaller, choose that.</source>
        <translation>每个分卷都比上限小一些：附件在邮件传送中会变大约三分之一。如果医院告诉您他们的上限更小，请按医院的来选。</translation>
    </message>
    <message>
        <source>Where should Casebook write the bundle?</source>
        <translation>Casebook 要把资料包写到哪里？</translation>
    </message>
    <message>
        <source>Choose a folder or a USB stick</source>
        <translation>选择一个文件夹或 U 盘</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>The file names never contain the patient&apos;s name. Everything inside is encrypted.</source>
        <translation>文件名里不会出现患者姓名。里面的内容全部加密。</translation>
    </message>
    <message>
        <source>Measuring the bundle…</source>
        <translation>正在计算资料包大小…</translation>
    </message>
    <message>
        <source>{size} in all: it fits in one e-mail.</source>
        <translation>共 {size}：一封邮件就能发完。</translation>
    </message>
    <message>
        <source>{size} in all: {count} e-mails, one part in each.</source>
        <translation>共 {size}：需要 {count} 封邮件，每封一个分卷。</translation>
    </message>
    <message>
        <source>{size} in all, as one file.</source>
        <translation>共 {size}，为一个文件。</translation>
    </message>
    <message>
        <source>{size} in all: {count} files of at most {mb} MB.</source>
        <translation>共 {size}：{count} 个文件，每个最大 {mb} MB。</translation>
    </message>
    <message>
        <source>Folder for the bundle</source>
        <translation>存放资料包的文件夹</translation>
    </message>
</context>
<context>
    <name>DetailsStep</name>
    <message>
        <source>e.g. City Cancer Centre</source>
        <translation>例如：市肿瘤医院</translation>
    </message>
    <message>
        <source>e.g. International Patient Office</source>
        <translation>例如：国际医疗部</translation>
    </message>
    <message>
        <source>a person, an email or a phone number</source>
        <translation>联系人、电子邮箱或电话号码</translation>
    </message>
    <message>
        <source>e.g. China</source>
        <translation>例如：中国</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>e.g. daughter, husband, the patient</source>
        <translation>例如：女儿、丈夫、患者本人</translation>
    </message>
    <message>
        <source>how the hospital can reach you</source>
        <translation>医院怎样联系您</translation>
    </message>
    <message>
        <source>Who will receive the bundle?</source>
        <translation>资料包发给谁？</translation>
    </message>
    <message>
        <source>Hospital or institution *</source>
        <translation>医院或机构 *</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Who is sending it?</source>
        <translation>由谁发送？</translation>
    </message>
    <message>
        <source>Optional. It is printed on the cover letter so the hospital can reply.</source>
        <translation>选填。会印在附信上，方便医院回复您。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Relationship to the patient</source>
        <translation>与患者的关系</translation>
    </message>
    <message>
        <source>Your contact</source>
        <translation>您的联系方式</translation>
    </message>
</context>
<context>
    <name>DiaryChartView</name>
    <message>
        <source>Chart of the diary entries over time</source>
        <translation>症状日记随时间变化的图表</translation>
    </message>
</context>
<context>
    <name>DiaryModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>What helped</source>
        <translation>什么有帮助</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>Symptom diary</source>
        <translation>症状日记</translation>
    </message>
    <message>
        <source>A few words a day about how the patient feels and what helped, to show the doctors at the next consultation. The diary only records: it gives no advice. If something worries you, call the care team.</source>
        <translation>每天简单记下患者的感受和什么有帮助，下次就诊时给医生看。日记只做记录，不提供任何建议。如有担心，请联系医护团队。</translation>
    </message>
    <message>
        <source>Over time, next to the treatments</source>
        <translation>随时间变化，与治疗对照</translation>
    </message>
    <message>
        <source>Period the chart shows</source>
        <translation>图表显示的时间段</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>最近 4 周</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>最近一年</translation>
    </message>
    <message>
        <source>Diary entries</source>
        <translation>日记记录</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Change the chosen entry</source>
        <translation>修改选中的记录</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the chosen entry</source>
        <translation>删除选中的记录</translation>
    </message>
    <message>
        <source>the diary</source>
        <translation>症状日记</translation>
    </message>
    <message>
        <source>Symptom diary.pdf</source>
        <translation>症状日记.pdf</translation>
    </message>
    <message>
        <source>For the next consultation:</source>
        <translation>供下次就诊使用：</translation>
    </message>
</context>
<context>
    <name>DiaryWords</name>
    <message>
        <source>Mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>Tiredness</source>
        <translation>乏力</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>恶心</translation>
    </message>
    <message>
        <source>Vomiting</source>
        <translation>呕吐</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>疼痛</translation>
    </message>
    <message>
        <source>Poor appetite</source>
        <translation>食欲差</translation>
    </message>
    <message>
        <source>Diarrhoea</source>
        <translation>腹泻</translation>
    </message>
    <message>
        <source>Constipation</source>
        <translation>便秘</translation>
    </message>
    <message>
        <source>Mouth sores</source>
        <translation>口腔溃疡</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>发热</translation>
    </message>
    <message>
        <source>Short of breath</source>
        <translation>气短</translation>
    </message>
    <message>
        <source>Cough</source>
        <translation>咳嗽</translation>
    </message>
    <message>
        <source>Rash</source>
        <translation>皮疹</translation>
    </message>
    <message>
        <source>Numbness or tingling</source>
        <translation>麻木或刺痛</translation>
    </message>
    <message>
        <source>Poor sleep</source>
        <translation>睡眠差</translation>
    </message>
    <message>
        <source>Low mood</source>
        <translation>情绪低落</translation>
    </message>
</context>
<context>
    <name>DicomViewer</name>
    <message>
        <source>{description} — Casebook</source>
        <translation>{description} — Casebook</translation>
    </message>
    <message>
        <source>Preparing image…</source>
        <translation>正在准备图像…</translation>
    </message>
    <message>
        <source>This series holds no images.</source>
        <translation>这个序列里没有图像。</translation>
    </message>
    <message>
        <source>The original file is kept in the binder.</source>
        <translation>原始文件保存在病历夹里。</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第 {n} / {total} 幅</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>Series {n} of {total}</source>
        <translation>第 {n} 个序列，共 {total} 个</translation>
    </message>
    <message>
        <source>Image {n} / {total}</source>
        <translation>图像 {n} / {total}</translation>
    </message>
    <message>
        <source>Frame {n} / {total}</source>
        <translation>帧 {n} / {total}</translation>
    </message>
    <message>
        <source>Position {mm:.1f} mm</source>
        <translation>位置 {mm:.1f} mm</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>缩放 {percent}%</translation>
    </message>
    <message>
        <source>W {width:.0f}  L {level:.0f}</source>
        <translation>窗宽 {width:.0f}  窗位 {level:.0f}</translation>
    </message>
    <message>
        <source>★ Key image</source>
        <translation>★ 关键图像</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>已反色</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>discharge</source>
        <translation>出院</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>入院</translation>
    </message>
    <message>
        <source>report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>operation or procedure</source>
        <translation>手术或操作</translation>
    </message>
    <message>
        <source>examination</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>sample taken or received</source>
        <translation>标本采集或接收</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>文件详情</translation>
    </message>
    <message>
        <source>Casebook suggested the record and the date from what the document says. Please check them, then press “Confirm suggestion”.</source>
        <translation>Casebook 根据文件内容推荐了资料类别和日期。请核对，然后点“✓ 确认推荐”。</translation>
    </message>
    <message>
        <source>Other dates in this document; choose one to use it:</source>
        <translation>文件里的其他日期（点一下即可改用）：</translation>
    </message>
    <message>
        <source>Hospital or laboratory</source>
        <translation>医院或检验机构</translation>
    </message>
    <message>
        <source>Doctor or department</source>
        <translation>医生或科室</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Another language</source>
        <translation>其他语言</translation>
    </message>
    <message>
        <source>Not a translation</source>
        <translation>不是译文</translation>
    </message>
    <message>
        <source>{name} · {size}</source>
        <translation>{name} · {size}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>资料类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>出具者</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Translation of</source>
        <translation>译自</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>You can restore it from the trash later.</source>
        <translation>以后可以从回收站恢复。</translation>
    </message>
    <message>
        <source>Hide parts…</source>
        <translation>遮盖部分内容…</translation>
    </message>
    <message>
        <source>Make a copy with names, numbers or addresses hidden; the original is kept.</source>
        <translation>另做一份遮盖了姓名、号码或地址的副本；原件保持不变。</translation>
    </message>
    <message>
        <source>✓ Confirm suggestion</source>
        <translation>✓ 确认推荐</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>{date} ({what})</source>
        <translation>{date}（{what}）</translation>
    </message>
    <message>
        <source>Please give the document a title.</source>
        <translation>请给文件起个标题。</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>{title} — Casebook</source>
        <translation>{title} — Casebook</translation>
    </message>
    <message>
        <source>Unencrypted copy saved: {path}</source>
        <translation>未加密的副本已保存：{path}</translation>
    </message>
    <message>
        <source>Opened in another program. The copy is deleted when you lock.</source>
        <translation>已用其他程序打开。锁定时会删除这份副本。</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>− Smaller</source>
        <translation>− 缩小</translation>
    </message>
    <message>
        <source>+ Larger</source>
        <translation>+ 放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <source>↻ Turn</source>
        <translation>↻ 旋转</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Save an unencrypted copy of the original file</source>
        <translation>把原始文件另存为未加密的副本</translation>
    </message>
    <message>
        <source>Open with another program…</source>
        <translation>用其他程序打开…</translation>
    </message>
    <message>
        <source>Open an unencrypted copy in another program</source>
        <translation>用其他程序打开一份未加密的副本</translation>
    </message>
    <message>
        <source>Show text</source>
        <translation>显示文字</translation>
    </message>
    <message>
        <source>Show the text read from the page</source>
        <translation>显示从这一页读出的文字</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <source>Copy the selected lines, or all the text (Ctrl+C)</source>
        <translation>复制选中的行；没有选中时复制全部文字（Ctrl+C）</translation>
    </message>
    <message>
        <source>Correct the text…</source>
        <translation>更正文字…</translation>
    </message>
    <message>
        <source>Fix what was misread: your text is what search finds</source>
        <translation>改正读错的地方：搜索时找的是您改过的文字</translation>
    </message>
    <message>
        <source>Read the text</source>
        <translation>读取文字</translation>
    </message>
    <message>
        <source>Read the text of this photo or scan, on this computer</source>
        <translation>在这台电脑上读取这张照片或扫描件里的文字</translation>
    </message>
    <message>
        <source>Copies made outside Casebook are not encrypted.</source>
        <translation>在 Casebook 之外生成的副本不加密。</translation>
    </message>
    <message>
        <source>The text of this page has not been read yet.</source>
        <translation>这一页的文字还没有读取。</translation>
    </message>
    <message>
        <source>No text was found on this page.</source>
        <translation>这一页上没有找到文字。</translation>
    </message>
    <message>
        <source>Text corrected by you.</source>
        <translation>文字已由您更正。</translation>
    </message>
    <message>
        <source>Text read by Casebook; it may contain mistakes.</source>
        <translation>文字由 Casebook 读出，可能有错。</translation>
    </message>
    <message>
        <source>Text copied.</source>
        <translation>文字已复制。</translation>
    </message>
    <message>
        <source>Reading the text… this can take a minute.</source>
        <translation>正在读取文字…可能需要一分钟。</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>Preparing page {page}…</source>
        <translation>正在准备第 {page} 页…</translation>
    </message>
    <message>
        <source>This page cannot be shown. {reason}
You can still save a copy.</source>
        <translation>这一页无法显示。{reason}
您仍然可以另存一份副本。</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>资料类别</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Casebook suggested the record and date from the content. Please check them and confirm.</source>
        <translation>Casebook 根据内容推荐了资料类别和日期。请核对并确认。</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>⚑ Please confirm</source>
        <translation>⚑ 请确认</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>✓ Confirm</source>
        <translation>✓ 确认</translation>
    </message>
    <message>
        <source>The suggested record and date are right</source>
        <translation>推荐的资料类别和日期是对的</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>⚑  Casebook chose the record and date of {count} document. Please check it and press “Confirm”.</source>
        <translation>⚑  Casebook 为 {count} 份文件选了资料类别和日期。请核对，然后点“✓ 确认”。</translation>
    </message>
    <message>
        <source>⚑  Casebook chose the record and date of {count} documents. Please check them and press “Confirm”.</source>
        <translation>⚑  Casebook 为 {count} 份文件选了资料类别和日期。请核对，然后点“✓ 确认”。</translation>
    </message>
    <message>
        <source>{count} document</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} 份文件</translation>
    </message>
</context>
<context>
    <name>EmergencyKit</name>
    <message>
        <source>Casebook emergency kit</source>
        <translation>Casebook 应急卡</translation>
    </message>
    <message>
        <source>Keep this sheet somewhere safe, away from the computer.</source>
        <translation>请把这张纸放在安全的地方，不要和电脑放在一起。</translation>
    </message>
    <message>
        <source>If the binder&apos;s password is forgotten, open Casebook, choose the binder, click “I forgot my password” and type this recovery code. You will then choose a new password.</source>
        <translation>如果忘了病历夹的密码：打开 Casebook，选择这个病历夹，点“我忘了密码”，然后输入这个恢复码，再设一个新密码。</translation>
    </message>
    <message>
        <source>Anyone who has this code and the binder folder can read the binder.</source>
        <translation>任何人只要有这个恢复码和病历夹文件夹，就能看到病历夹里的内容。</translation>
    </message>
    <message>
        <source>Binder folder:</source>
        <translation>病历夹位置：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建日期：</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What was felt</source>
        <translation>感受到的症状</translation>
    </message>
    <message>
        <source>choose or write in your words</source>
        <translation>选择，或用自己的话写</translation>
    </message>
    <message>
        <source>What helped</source>
        <translation>什么有帮助</translation>
    </message>
    <message>
        <source>e.g. rest, ginger tea, a medicine</source>
        <translation>例如：休息、姜茶、某种药</translation>
    </message>
    <message>
        <source>More about it</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <source>more about it, if you like</source>
        <translation>如愿意，可补充说明</translation>
    </message>
    <message>
        <source>Add to the diary</source>
        <translation>加入日记</translation>
    </message>
    <message>
        <source>Cancel the change</source>
        <translation>取消修改</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save the change</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Please say what was felt.</source>
        <translation>请写下感受到的症状。</translation>
    </message>
    <message>
        <source>Please choose how bad it was.</source>
        <translation>请选择严重程度。</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Add an event</source>
        <translation>添加事件</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>修改事件</translation>
    </message>
    <message>
        <source>In a few words, e.g. “CT of chest and abdomen”</source>
        <translation>简单几个字，例如“胸腹部 CT”</translation>
    </message>
    <message>
        <source>Ended (if it lasted)</source>
        <translation>结束日期（如果持续了一段时间）</translation>
    </message>
    <message>
        <source>If you only know the year or the month, leave the rest out.</source>
        <translation>如果只知道年份或月份，其余的可以不填。</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date (or start)</source>
        <translation>日期（或开始日期）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Treatment details</source>
        <translation>治疗详情</translation>
    </message>
    <message>
        <source>The drugs or treatment given, as written</source>
        <translation>所用的药物或治疗，照原文填写</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不清楚</translation>
    </message>
    <message>
        <source>Number of cycles</source>
        <translation>周期数</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>疗效</translation>
    </message>
    <message>
        <source>Why it stopped</source>
        <translation>停止的原因</translation>
    </message>
    <message>
        <source>More about why</source>
        <translation>关于原因的补充</translation>
    </message>
    <message>
        <source>Linked records (documents, imaging, consultations)</source>
        <translation>关联的资料（文件、影像、就诊）</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>关联的资料</translation>
    </message>
    <message>
        <source>Imaging: {when} {what}</source>
        <translation>影像：{when} {what}</translation>
    </message>
    <message>
        <source>Document: {when} {title}</source>
        <translation>文件：{when} {title}</translation>
    </message>
    <message>
        <source>Consultation: {when} {title}</source>
        <translation>就诊：{when} {title}</translation>
    </message>
    <message>
        <source>Nothing to link yet: add documents or imaging first.</source>
        <translation>暂时没有可关联的内容：请先添加文件或影像。</translation>
    </message>
    <message>
        <source>One of the dates does not exist in the calendar.</source>
        <translation>其中一个日期在日历上不存在。</translation>
    </message>
    <message>
        <source>Please give a start date as well as an end.</source>
        <translation>请在结束日期之外也填上开始日期。</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>Exchange with the family</source>
        <translation>与家人交换</translation>
    </message>
    <message>
        <source>Casebook reads the changes your family left in a folder, and leaves yours there for them. Use a folder you can all reach: a USB stick you pass around, or a folder that a cloud drive or Syncthing keeps in step. Everything in it is encrypted; Casebook itself never goes on the internet.</source>
        <translation>Casebook 会读取家人放在一个文件夹里的更改，并把您的更改留在那里给他们。请用一个大家都能拿到的文件夹：轮流传递的 U 盘，或者由网盘、Syncthing 自动同步的文件夹。里面的内容都是加密的；Casebook 本身从不上网。</translation>
    </message>
    <message>
        <source>No folder chosen yet</source>
        <translation>还没有选择文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Exchange now</source>
        <translation>现在交换</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>交换结果</translation>
    </message>
    <message>
        <source>Choose between the versions…</source>
        <translation>在两个版本中选择…</translation>
    </message>
    <message>
        <source>Deleted on another computer</source>
        <translation>在另一台电脑上删除的内容</translation>
    </message>
    <message>
        <source>Bring back the selected one</source>
        <translation>恢复选中的这一项</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the folder you share with your family</source>
        <translation>选择您和家人共用的文件夹</translation>
    </message>
    <message>
        <source>Exchanging</source>
        <translation>正在交换</translation>
    </message>
    <message>
        <source>Reading and writing the news…</source>
        <translation>正在读取和写入更新…</translation>
    </message>
    <message>
        <source>Stopped. What was read completely is kept; the rest comes next time.</source>
        <translation>已停止。已经完整读取的内容会保留，其余的下次再来。</translation>
    </message>
    <message>
        <source>The others&apos; files held nothing new for this copy.</source>
        <translation>家人的文件里没有这台电脑还没有的内容。</translation>
    </message>
    <message>
        <source>No new files from the family in this folder.</source>
        <translation>这个文件夹里没有家人新放的文件。</translation>
    </message>
    <message>
        <source>Not read: {file}. {reason}</source>
        <translation>未读取：{file}。{reason}</translation>
    </message>
    <message>
        <source>This computer was removed from the family binder, so nothing was left in the folder for the others.</source>
        <translation>这台电脑已被移出家人共用的病历夹，所以没有给其他人留下任何内容。</translation>
    </message>
    <message>
        <source>Your news was left in the folder for the others.</source>
        <translation>您的更新已经留在文件夹里给其他人。</translation>
    </message>
    <message>
        <source>You had nothing new to leave for the others.</source>
        <translation>您没有新的内容需要留给其他人。</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Send the records to a hospital</source>
        <translation>把资料发送给医院</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sealing the bundle…</source>
        <translation>正在封装资料包…</translation>
    </message>
    <message>
        <source>Casebook encrypts every file, writes the bundle, then reads it back to check each file. Nothing appears under the final name until the check has passed.</source>
        <translation>Casebook 会加密每个文件、写出资料包，然后重新读取并逐个核对。只有核对通过后，资料包才会以正式名称出现。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Step 1 of 5 — Reader</source>
        <translation>第 1 步，共 5 步 — 谁来看</translation>
    </message>
    <message>
        <source>Step 2 of 5 — Recipient</source>
        <translation>第 2 步，共 5 步 — 收件方</translation>
    </message>
    <message>
        <source>Step 3 of 5 — Contents</source>
        <translation>第 3 步，共 5 步 — 内容</translation>
    </message>
    <message>
        <source>Step 4 of 5 — Delivery</source>
        <translation>第 4 步，共 5 步 — 发送方式</translation>
    </message>
    <message>
        <source>Step 5 of 5 — Review</source>
        <translation>第 5 步，共 5 步 — 检查</translation>
    </message>
    <message>
        <source>Sealing</source>
        <translation>正在封装</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Done — how to send it</source>
        <translation>完成——怎样发送</translation>
    </message>
    <message>
        <source>Seal and write the bundle</source>
        <translation>封装并写出资料包</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>Checking what was written</source>
        <translation>正在核对写入的内容</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>The bundle checked out. Its password: {password}</source>
        <translation>资料包已检查无误。它的密码是：{password}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>FamilySharing</name>
    <message>
        <source>&amp;Share with a family member…</source>
        <translation>与家人共用(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Exchange with the family…</source>
        <translation>与家人交换(&amp;E)…</translation>
    </message>
    <message>
        <source>Bring in your family&apos;s changes and leave yours for them</source>
        <translation>取回家人的更改，并把您的更改留给他们</translation>
    </message>
    <message>
        <source>&amp;Two versions…</source>
        <translation>两个版本(&amp;T)…</translation>
    </message>
    <message>
        <source>Family &amp;members…</source>
        <translation>家庭成员(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Join a family binder…</source>
        <translation>加入家人共用的病历夹(&amp;J)…</translation>
    </message>
    <message>
        <source>Not shared yet</source>
        <translation>尚未共用</translation>
    </message>
    <message>
        <source>This binder is not shared with anyone yet. Use “Share with a family member” to invite someone; then you can exchange changes.</source>
        <translation>这个病历夹还没有和任何人共用。请用“与家人共用”邀请一位家人，之后就可以交换更改了。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Open the place where this is fixed</source>
        <translation>打开可以修正此处的位置</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>The scans “{name}” are labelled with another name: {patient}. Are they this patient&apos;s?</source>
        <translation>影像“{name}”上写的是另一个名字：{patient}。这是这位患者的吗？</translation>
    </message>
    <message>
        <source>The series “{name}” holds {count} of its {expected} images: part of it is missing.</source>
        <translation>序列“{name}”只有 {expected} 张中的 {count} 张：缺了一部分。</translation>
    </message>
    <message numerus="yes">
        <source>{record}: marked as requested, and %n file(s) have arrived. Is everything there?</source>
        <translation>
            <numerusform>{record}：标记为“已申请”，现已收到 %n 个文件。是否已经齐全？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{record}: marked as not needed, but it holds %n file(s).</source>
        <translation>
            <numerusform>{record}：标记为“不需要”，但里面有 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>{record}: still missing.</source>
        <translation>{record}：仍然缺少。</translation>
    </message>
    <message>
        <source>“{name}”: Casebook guessed its kind and date. Please check them.</source>
        <translation>“{name}”：类别和日期是 Casebook 推测的，请核对。</translation>
    </message>
    <message>
        <source>“{name}” has no date.</source>
        <translation>“{name}”没有日期。</translation>
    </message>
    <message>
        <source>The scans “{name}” have no report linked.</source>
        <translation>影像“{name}”还没有关联报告。</translation>
    </message>
    <message>
        <source>{record}: this reader needs it, and it is still missing.</source>
        <translation>{record}：对方需要这类资料，但现在还缺。</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>“{name}” is in {language}: add a translation the reader can read.</source>
        <translation>“{name}”是{language}的：请添加对方能看懂的译文。</translation>
    </message>
    <message>
        <source>The identity document “{name}” does not show the patient&apos;s name or date of birth as the case gives them. Please compare them.</source>
        <translation>身份证件“{name}”上的姓名或出生日期与病历夹中登记的不一致。请核对一下。</translation>
    </message>
    <message>
        <source>“{name}” shows who the patient is. Hide those parts, or it stays out.</source>
        <translation>“{name}”能看出患者是谁。请遮盖这些部分，否则它不会被发送。</translation>
    </message>
    <message>
        <source>“{name}”: look at it and hide what shows the patient, or confirm it shows nothing. Until then it stays out.</source>
        <translation>“{name}”：请查看一下，遮盖能看出患者身份的部分，或确认其中没有这类信息。在此之前它不会被发送。</translation>
    </message>
    <message>
        <source>The scans “{name}” may show text in the pictures themselves, such as a name. Look at them before sending.</source>
        <translation>影像“{name}”的图像本身可能带有文字，例如姓名。发送前请查看。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Questions about the differences</source>
        <translation>关于意见分歧的问题</translation>
    </message>
    <message>
        <source>Where the opinions differ, these questions could help at the next consultation. Untick any you would not ask; the ticked ones go to your list.</source>
        <translation>在意见不同的地方，下面这些问题可能对下次就诊有帮助。不想问的请取消勾选；勾选的问题会加入您的问题清单。</translation>
    </message>
    <message>
        <source>Questions to add</source>
        <translation>要添加的问题</translation>
    </message>
    <message>
        <source>{question} (already on your list)</source>
        <translation>{question}（已在您的清单上）</translation>
    </message>
    <message>
        <source>Add one question</source>
        <translation>添加 1 个问题</translation>
    </message>
    <message>
        <source>Add {count} questions</source>
        <translation>添加 {count} 个问题</translation>
    </message>
</context>
<context>
    <name>GapsPanel</name>
    <message>
        <source>Worth checking</source>
        <translation>值得核对</translation>
    </message>
    <message>
        <source>Questions an MDT is likely to ask about this timeline.</source>
        <translation>多学科会诊（MDT）很可能会就这条时间线问到的问题。</translation>
    </message>
    <message>
        <source>✓  Nothing obvious is missing from the timeline.</source>
        <translation>✓  时间线上没有明显缺漏。</translation>
    </message>
    <message>
        <source>Double-click the event on the timeline to edit it.</source>
        <translation>在时间线上双击该事件即可修改。</translation>
    </message>
</context>
<context>
    <name>GuidanceDialog</name>
    <message>
        <source>Guidance</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Guidance topics</source>
        <translation>指南主题</translation>
    </message>
    <message>
        <source>Guidance page</source>
        <translation>指南页面</translation>
    </message>
    <message>
        <source>Close guidance</source>
        <translation>关闭指南</translation>
    </message>
</context>
<context>
    <name>GuidanceLinkButton</name>
    <message>
        <source>Opens a short guidance page</source>
        <translation>打开一页简短的指南</translation>
    </message>
</context>
<context>
    <name>HeldBackDialog</name>
    <message>
        <source>Images of someone else?</source>
        <translation>是别人的影像吗？</translation>
    </message>
    <message>
        <source>⚠  Some scan images may belong to someone else</source>
        <translation>⚠  有些影像可能是别人的</translation>
    </message>
    <message>
        <source>These scan images are for:
{people}

This binder is for {case}.

They have not been added. Check the name on the disc or in the file. Add them only if you are sure they belong to this case.</source>
        <translation>这些影像属于：
{people}

这个病历夹属于 {case}。

这些影像还没有加入。请核对光盘或文件上的姓名。只有确定它们属于这位病人时，才加入。</translation>
    </message>
    <message>
        <source>Everything else you chose has been added.</source>
        <translation>您选择的其他文件都已加入。</translation>
    </message>
    <message>
        <source>Add them anyway</source>
        <translation>仍然加入</translation>
    </message>
    <message>
        <source>Leave them out</source>
        <translation>不加入</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of {name}</source>
        <translation>{name} 的历史记录</translation>
    </message>
    <message>
        <source>Each change was saved as a new version; nothing earlier was overwritten.</source>
        <translation>每次修改都保存为新版本，之前的内容都没有被覆盖。</translation>
    </message>
    <message>
        <source>Versions of this medicine</source>
        <translation>这种药的各个版本</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>改了什么</translation>
    </message>
    <message>
        <source>First written down</source>
        <translation>首次记录</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>没有改动</translation>
    </message>
</context>
<context>
    <name>IdentityWarning</name>
    <message>
        <source>no name</source>
        <translation>没有姓名</translation>
    </message>
    <message>
        <source>“{name}”, born {birth}</source>
        <translation>“{name}”，出生日期 {birth}</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>•  {person} ({images})</source>
        <translation>•  {person}（{images}）</translation>
    </message>
    <message>
        <source>a different date of birth</source>
        <translation>出生日期不同</translation>
    </message>
</context>
<context>
    <name>ImagingImportFlow</name>
    <message>
        <source>Looking at the disc</source>
        <translation>正在查看光盘</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>正在查找图像…</translation>
    </message>
    <message>
        <source>Looking at “{name}”</source>
        <translation>正在查看“{name}”</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>处理完当前文件后停止…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Adding images</source>
        <translation>正在添加图像</translation>
    </message>
    <message>
        <source>Adding images…</source>
        <translation>正在添加图像…</translation>
    </message>
    <message>
        <source>Adding “{name}”</source>
        <translation>正在添加“{name}”</translation>
    </message>
    <message>
        <source>Added to the binder: {images}.</source>
        <translation>已加入病历夹：{images}。</translation>
    </message>
    <message>
        <source>Already in the binder: {images}.</source>
        <translation>病历夹中已有：{images}。</translation>
    </message>
    <message>
        <source>Could not be read from the disc: {files}.</source>
        <translation>无法从光盘读取：{files}。</translation>
    </message>
    <message>
        <source>Images added</source>
        <translation>图像已添加</translation>
    </message>
    <message>
        <source>The images could not be added</source>
        <translation>图像没能添加</translation>
    </message>
</context>
<context>
    <name>ImagingPage</name>
    <message>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>Scans from hospital discs and USB sticks (CT, MRI, PET, ultrasound). The original files are kept unchanged and encrypted inside the binder.</source>
        <translation>来自医院光盘和 U 盘的影像（CT、MRI、PET、超声）。原始文件原样加密保存在病历夹里。</translation>
    </message>
    <message>
        <source>Add a disc or folder…</source>
        <translation>添加光盘或文件夹…</translation>
    </message>
    <message>
        <source>Add a .zip or DICOMDIR file…</source>
        <translation>添加 .zip 或 DICOMDIR 文件…</translation>
    </message>
    <message>
        <source>Removed imaging…</source>
        <translation>已移除的影像…</translation>
    </message>
    <message>
        <source>No images yet. Put the hospital&apos;s CD in the drive (or plug in the USB stick), then press “Add a disc or folder…” and choose the disc.</source>
        <translation>还没有影像。请把医院给的光盘放进光驱（或插上 U 盘），然后点“添加光盘或文件夹…”，选择这张光盘。</translation>
    </message>
    <message>
        <source>Imaging studies</source>
        <translation>影像检查</translation>
    </message>
    <message>
        <source>Link the report…</source>
        <translation>关联报告…</translation>
    </message>
    <message>
        <source>Remove this study</source>
        <translation>移除这次检查</translation>
    </message>
    <message>
        <source>Moves the whole study to the trash; you can bring it back.</source>
        <translation>把整次检查移到回收站，之后可以恢复。</translation>
    </message>
    <message>
        <source>Double-click a series to look through its images. Select series to remove ones that do not belong to this case.</source>
        <translation>双击一个序列可以逐张查看影像。选中序列可以移除不属于本病例的序列。</translation>
    </message>
    <message>
        <source>Remove the selected series</source>
        <translation>移除选中的序列</translation>
    </message>
    <message>
        <source>The study “{name}” was moved to the trash.</source>
        <translation>检查“{name}”已移到回收站。</translation>
    </message>
    <message numerus="yes">
        <source>%n series moved to the trash.</source>
        <translation>
            <numerusform>已将 %n 个序列移到回收站。</numerusform>
        </translation>
    </message>
    <message>
        <source>Series of the chosen study</source>
        <translation>所选检查的序列</translation>
    </message>
    <message>
        <source>Report: {title}</source>
        <translation>报告：{title}</translation>
    </message>
    <message>
        <source>Report: not linked yet</source>
        <translation>报告：尚未关联</translation>
    </message>
    <message>
        <source>Choose the disc or folder</source>
        <translation>选择光盘或文件夹</translation>
    </message>
    <message>
        <source>Choose a .zip or DICOMDIR file</source>
        <translation>选择 .zip 或 DICOMDIR 文件</translation>
    </message>
    <message>
        <source>Disc contents (*.zip DICOMDIR *.dcm);;All files (*)</source>
        <translation>光盘内容 (*.zip DICOMDIR *.dcm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Please wait until the current disc is done.</source>
        <translation>请等当前这张光盘处理完。</translation>
    </message>
</context>
<context>
    <name>ImagingTexts</name>
    <message>
        <source>programs and autorun files (the disc&apos;s own viewer)</source>
        <translation>程序和自动运行文件（光盘自带的看图软件）</translation>
    </message>
    <message>
        <source>web pages</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>pictures (JPEG, PNG) — these are not the original images</source>
        <translation>图片（JPEG、PNG）——这些不是原始影像</translation>
    </message>
    <message>
        <source>documents (PDF, text) — add them on the Records page</source>
        <translation>文档（PDF、文本）——请在“病历资料”页面添加</translation>
    </message>
    <message>
        <source>the disc&apos;s index (DICOMDIR)</source>
        <translation>光盘的索引（DICOMDIR）</translation>
    </message>
    <message>
        <source>damaged or unreadable files</source>
        <translation>损坏或无法读取的文件</translation>
    </message>
    <message>
        <source>other files</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺窗</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>纵隔窗</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>腹部窗</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨窗</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑窗</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>{count} image</source>
        <translation>{count} 幅图像</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 幅图像</translation>
    </message>
    <message>
        <source>{count} file</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <source>{count} files</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <source>{count} study</source>
        <translation>{count} 次检查</translation>
    </message>
    <message>
        <source>{count} studies</source>
        <translation>{count} 次检查</translation>
    </message>
    <message>
        <source>{count} series</source>
        <translation>{count} 个序列</translation>
    </message>
    <message>
        <source>{count} picture</source>
        <translation>{count} 张图片</translation>
    </message>
    <message>
        <source>{count} pictures</source>
        <translation>{count} 张图片</translation>
    </message>
</context>
<context>
    <name>ImagingTrashDialog</name>
    <message>
        <source>Removed imaging</source>
        <translation>已移除的影像</translation>
    </message>
    <message>
        <source>Studies, series and images you removed stay here until you empty the trash on the Records page.</source>
        <translation>您移除的检查、序列和影像会保留在这里，直到您在“病历资料”页面清空回收站。</translation>
    </message>
    <message>
        <source>Removed studies, series and images</source>
        <translation>已移除的检查、序列和影像</translation>
    </message>
    <message>
        <source>Nothing has been removed.</source>
        <translation>没有移除任何内容。</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ImagingTrashModel</name>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>without a name</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{kind}: {name} ({images}), removed {when}</source>
        <translation>{kind}：{name}（{images}），移除于 {when}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Getting ready…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Adding files</source>
        <translation>正在添加文件</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>处理完当前文件后停止…</translation>
    </message>
    <message>
        <source>Adding “{name}”</source>
        <translation>正在添加“{name}”</translation>
    </message>
    <message>
        <source>Adding files stopped</source>
        <translation>已停止添加文件</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Files added</source>
        <translation>文件已添加</translation>
    </message>
    <message>
        <source>Adding files is finished</source>
        <translation>文件添加完毕</translation>
    </message>
    <message>
        <source>✓  Added to the binder: {count} file</source>
        <translation>✓  已加入病历夹：{count} 个文件</translation>
    </message>
    <message>
        <source>✓  Added to the binder: {count} files</source>
        <translation>✓  已加入病历夹：{count} 个文件</translation>
    </message>
    <message>
        <source>=  Already in the binder: {count} file</source>
        <translation>=  病历夹中已有：{count} 个文件</translation>
    </message>
    <message>
        <source>=  Already in the binder: {count} files</source>
        <translation>=  病历夹中已有：{count} 个文件</translation>
    </message>
    <message>
        <source>✓  Scan images filed under Imaging: {count} image</source>
        <translation>✓  已归入“影像”的扫描图像：{count} 幅</translation>
    </message>
    <message>
        <source>✓  Scan images filed under Imaging: {count} images</source>
        <translation>✓  已归入“影像”的扫描图像：{count} 幅</translation>
    </message>
    <message>
        <source>=  Scan images already in the binder: {count} image</source>
        <translation>=  病历夹中已有的扫描图像：{count} 幅</translation>
    </message>
    <message>
        <source>=  Scan images already in the binder: {count} images</source>
        <translation>=  病历夹中已有的扫描图像：{count} 幅</translation>
    </message>
    <message>
        <source>✗  Could not be added: {count} file</source>
        <translation>✗  未能添加：{count} 个文件</translation>
    </message>
    <message>
        <source>✗  Could not be added: {count} files</source>
        <translation>✗  未能添加：{count} 个文件</translation>
    </message>
    <message>
        <source>–  Left out, not medical records: {count} file</source>
        <translation>–  未加入（不是病历资料）：{count} 个文件</translation>
    </message>
    <message>
        <source>–  Left out, not medical records: {count} files</source>
        <translation>–  未加入（不是病历资料）：{count} 个文件</translation>
    </message>
    <message>
        <source>–  Left out, someone else&apos;s scan: {count} image</source>
        <translation>–  未加入（别人的影像）：{count} 张图像</translation>
    </message>
    <message>
        <source>–  Left out, someone else&apos;s scan: {count} images</source>
        <translation>–  未加入（别人的影像）：{count} 张图像</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>{name}: protected by a password. It was kept as it is; the hospital will need the password to open it, so send it separately.</source>
        <translation>{name}：有密码保护。已按原样保存；医院需要密码才能打开，请另外单独发送密码。</translation>
    </message>
    <message>
        <source>{what}: {count} left out</source>
        <translation>{what}：{count} 个未加入</translation>
    </message>
    <message>
        <source>{count} damaged file stopped the file reader; Casebook restarted it and carried on</source>
        <translation>有 {count} 个损坏的文件让读取程序停止了；Casebook 已重新启动它并继续</translation>
    </message>
    <message>
        <source>{count} damaged files stopped the file reader; Casebook restarted it and carried on</source>
        <translation>有 {count} 个损坏的文件让读取程序停止了；Casebook 已重新启动它并继续</translation>
    </message>
    <message>
        <source>{name}: already in the binder as “{title}”</source>
        <translation>{name}：病历夹中已有，名为“{title}”</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>详细信息：</translation>
    </message>
    <message>
        <source>Programs (such as a disc&apos;s viewer)</source>
        <translation>程序（例如光盘自带的看图软件）</translation>
    </message>
    <message>
        <source>Autorun files of a disc</source>
        <translation>光盘的自动运行文件</translation>
    </message>
    <message>
        <source>The disc&apos;s index (DICOMDIR)</source>
        <translation>光盘的目录文件（DICOMDIR）</translation>
    </message>
    <message>
        <source>The disc&apos;s web pages</source>
        <translation>光盘里的网页</translation>
    </message>
    <message>
        <source>The disc&apos;s read-me file</source>
        <translation>光盘的说明文件</translation>
    </message>
    <message>
        <source>Hidden system files (.DS_Store, Thumbs.db)</source>
        <translation>隐藏的系统文件（.DS_Store、Thumbs.db）</translation>
    </message>
    <message>
        <source>Lock files of open documents</source>
        <translation>打开文档时产生的锁定文件</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Share with a family member</source>
        <translation>与家人共用</translation>
    </message>
    <message>
        <source>Your family member gets their own copy of this binder on their computer, protected by their own password. Afterwards each of you can add and change things, and “Exchange” brings the changes together — through a folder you can all reach: a USB stick, an e-mail attachment, or a shared cloud folder.</source>
        <translation>您的家人会在自己的电脑上得到这个病历夹的一份副本，用他们自己的密码保护。之后你们都可以添加和修改内容，用“交换”把更改合到一起——通过一个大家都能拿到的文件夹：U 盘、电子邮件附件，或共享的网盘文件夹。</translation>
    </message>
    <message>
        <source>For example: Wei (son)</source>
        <translation>例如：伟（儿子）</translation>
    </message>
    <message>
        <source>For example: Li (daughter)</source>
        <translation>例如：丽（女儿）</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Who are you inviting?</source>
        <translation>您要邀请谁？</translation>
    </message>
    <message>
        <source>Your name, as the family sees it:</source>
        <translation>您的名字（家人看到的）：</translation>
    </message>
    <message>
        <source>Save the invitation as:</source>
        <translation>邀请文件保存为：</translation>
    </message>
    <message>
        <source>Make the invitation</source>
        <translation>生成邀请</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Casebook invitation {who} {date}</source>
        <translation>Casebook 邀请 {who} {date}</translation>
    </message>
    <message>
        <source>Where should the invitation file go?</source>
        <translation>邀请文件要放在哪里？</translation>
    </message>
    <message>
        <source>Making the invitation</source>
        <translation>正在生成邀请</translation>
    </message>
    <message>
        <source>Copying the binder, encrypted…</source>
        <translation>正在复制病历夹（加密）…</translation>
    </message>
    <message>
        <source>Stopped: no invitation was made.</source>
        <translation>已停止：没有生成邀请。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The invitation is ready</source>
        <translation>邀请已经准备好</translation>
    </message>
    <message>
        <source>Send this file to {who} — on a USB stick, by e-mail, or in a shared folder:
{file}

Then tell {who} this code:</source>
        <translation>请把这个文件交给 {who}——用 U 盘、电子邮件或共享文件夹：
{file}

然后把这个邀请码告诉 {who}：</translation>
    </message>
    <message>
        <source>Say it on the phone, or send it with a different app from the one that carries the file: the file and the code together open a copy of the binder. Casebook shows the code only now. The invitation works once, until {date}.</source>
        <translation>请在电话里说，或者用与传文件不同的应用发送：文件和邀请码合在一起就能打开病历夹的副本。Casebook 只在现在显示这个邀请码。这份邀请只能用一次，有效期到 {date}。</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a family binder</source>
        <translation>加入家人共用的病历夹</translation>
    </message>
    <message>
        <source>A family member sent you an invitation file and told you a short code. Casebook makes your own copy of the family&apos;s binder on this computer, encrypted with a password you choose now. After that, “Exchange” keeps your copy and theirs in step.</source>
        <translation>家人给了您一个邀请文件，并告诉了您一个简短的邀请码。Casebook 会在这台电脑上为您做一份家里病历夹的副本，用您现在设置的密码加密。之后，“交换”会让您的副本和他们的保持一致。</translation>
    </message>
    <message>
        <source>No file chosen yet</source>
        <translation>还没有选择文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>For example 7KQ2-M9XF-3HAB</source>
        <translation>例如 7KQ2-M9XF-3HAB</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>Invitation file:</source>
        <translation>邀请文件：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>邀请码：</translation>
    </message>
    <message>
        <source>Keep your copy in:</source>
        <translation>副本存放位置：</translation>
    </message>
    <message>
        <source>Your password:</source>
        <translation>您的密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Casebook family binder</source>
        <translation>Casebook 家人共用病历夹</translation>
    </message>
    <message>
        <source>Casebook invitations (*{suffix});;All files (*)</source>
        <translation>Casebook 邀请 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the invitation file</source>
        <translation>选择邀请文件</translation>
    </message>
    <message>
        <source>Where should your copy be kept?</source>
        <translation>您的副本要放在哪里？</translation>
    </message>
    <message>
        <source>Joining the family binder</source>
        <translation>正在加入家人共用的病历夹</translation>
    </message>
    <message>
        <source>Opening the invitation and copying…</source>
        <translation>正在打开邀请并复制…</translation>
    </message>
    <message>
        <source>Stopped: nothing was made.</source>
        <translation>已停止：没有生成任何内容。</translation>
    </message>
</context>
<context>
    <name>KeyDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在检查密码…</translation>
    </message>
    <message>
        <source>Please type the binder&apos;s current password.</source>
        <translation>请输入病历夹的当前密码。</translation>
    </message>
    <message>
        <source>That password is not right. Check Caps Lock and try again.</source>
        <translation>密码不对。请检查大写锁定键（Caps Lock）后再试。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已索取</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>{count} byte</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LinkCandidatesModel</name>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
    <message>
        <source>How</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Names this contact</source>
        <translation>提到此联系人</translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation>✓ 是</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link {name}</source>
        <translation>关联 {name}</translation>
    </message>
    <message>
        <source>Tick the opinions, consultations and bundles sent that involve {name}. Those that mention the name are at the top.</source>
        <translation>勾选与 {name} 有关的意见、就诊和已发送的资料包。提到这个名字的排在最前面。</translation>
    </message>
    <message>
        <source>Records that can be linked</source>
        <translation>可以关联的记录</translation>
    </message>
    <message>
        <source>There are no opinions, consultations or bundles sent to link yet.</source>
        <translation>还没有可以关联的意见、就诊或已发送的资料包。</translation>
    </message>
</context>
<context>
    <name>LinkedItemsModel</name>
    <message>
        <source>How</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Casebook</source>
        <translation>Casebook</translation>
    </message>
    <message>
        <source>&amp;New binder…</source>
        <translation>新建病历夹(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open binder…</source>
        <translation>打开病历夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Lock binder</source>
        <translation>锁定病历夹(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the binder and hide its contents (Ctrl+L)</source>
        <translation>锁定病历夹并隐藏内容（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Casebook</source>
        <translation>关于 Casebook(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Guidance…</source>
        <translation>指南(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;amily</source>
        <translation>家人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Binder</source>
        <translation>病历夹</translation>
    </message>
    <message>
        <source>Casebook — {name}</source>
        <translation>Casebook — {name}</translation>
    </message>
</context>
<context>
    <name>MarkEditor</name>
    <message>
        <source>Same or different: {field}</source>
        <translation>相同还是不同：{field}</translation>
    </message>
    <message>
        <source>Checked by us</source>
        <translation>已由我们核对</translation>
    </message>
    <message>
        <source>You checked this row.</source>
        <translation>这一行您已核对过。</translation>
    </message>
    <message>
        <source>The words differ. Please read them and check.</source>
        <translation>说法有出入。请读一读再核对。</translation>
    </message>
    <message>
        <source>Suggested by Casebook.</source>
        <translation>由 Casebook 推荐。</translation>
    </message>
</context>
<context>
    <name>MedicineDialog</name>
    <message>
        <source>Change a medicine</source>
        <translation>修改用药</translation>
    </message>
    <message>
        <source>Saving keeps the earlier version in the medicine&apos;s history. To record that it was stopped, use Stop… instead.</source>
        <translation>保存后，之前的版本会留在这种药的历史记录中。如果是停药，请改用“停药…”。</translation>
    </message>
    <message>
        <source>Add a medicine found in a document</source>
        <translation>添加在文件中找到的药</translation>
    </message>
    <message>
        <source>Casebook found this in a document. Check each field against the document and correct what is not right before adding it.</source>
        <translation>Casebook 在一份文件中找到了这种药。添加前请对照文件逐项核对，改正不对的地方。</translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation>添加用药</translation>
    </message>
    <message>
        <source>Copy it from the prescription or the discharge letter.</source>
        <translation>请照处方或出院记录抄写。</translation>
    </message>
    <message>
        <source>e.g. Pemetrexed, 培美曲塞</source>
        <translation>例如：培美曲塞、Pemetrexed</translation>
    </message>
    <message>
        <source>as written, e.g. 500 mg/m²</source>
        <translation>照原样写，例如：500 mg/m²</translation>
    </message>
    <message>
        <source>as written, e.g. once a day</source>
        <translation>照原样写，例如：每日一次</translation>
    </message>
    <message>
        <source>in your words, as the doctor explained</source>
        <translation>用您自己的话，按医生的解释写</translation>
    </message>
    <message>
        <source>— not part of a treatment on the timeline —</source>
        <translation>— 不属于时间线上的某项治疗 —</translation>
    </message>
    <message>
        <source>Medicine (generic name)</source>
        <translation>药品（通用名）</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>开药医生</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Part of the treatment</source>
        <translation>所属治疗</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>That day does not exist in that month.</source>
        <translation>该月份没有这一天。</translation>
    </message>
    <message>
        <source>Please write the medicine&apos;s name.</source>
        <translation>请写下药品名称。</translation>
    </message>
    <message>
        <source>It cannot have stopped before it started.</source>
        <translation>停药日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>This medicine could not be saved.</source>
        <translation>无法保存这种药。</translation>
    </message>
</context>
<context>
    <name>MedicineWords</name>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>By mouth</source>
        <translation>口服</translation>
    </message>
    <message>
        <source>Into a vein (drip)</source>
        <translation>静脉输注</translation>
    </message>
    <message>
        <source>Injection under the skin</source>
        <translation>皮下注射</translation>
    </message>
    <message>
        <source>Injection into a muscle</source>
        <translation>肌肉注射</translation>
    </message>
    <message>
        <source>On the skin (patch, cream)</source>
        <translation>外用（贴剂、药膏）</translation>
    </message>
    <message>
        <source>Inhaled</source>
        <translation>吸入</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Still taken</source>
        <translation>仍在使用</translation>
    </message>
    <message>
        <source>The course was finished</source>
        <translation>疗程已完成</translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation>副作用</translation>
    </message>
    <message>
        <source>It was not working</source>
        <translation>没有效果</translation>
    </message>
    <message>
        <source>The doctor changed the treatment</source>
        <translation>医生更换了治疗</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Serious past reaction</source>
        <translation>曾有严重不良反应</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation>危及生命</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停药日期</translation>
    </message>
    <message>
        <source>Why it stopped</source>
        <translation>停药原因</translation>
    </message>
    <message>
        <source>About the stop</source>
        <translation>停药说明</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>开药医生</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Part of the treatment</source>
        <translation>所属治疗</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MedicinesModel</name>
    <message>
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>How taken</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>开药医生</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Stopped {date}</source>
        <translation>{date} 已停</translation>
    </message>
</context>
<context>
    <name>MedicinesPage</name>
    <message>
        <source>Medicines</source>
        <translation>用药</translation>
    </message>
    <message>
        <source>The medicines the doctors prescribed, copied from prescriptions and discharge letters. Casebook only keeps this list: it never checks doses or interactions. Ask a doctor or pharmacist about those.</source>
        <translation>医生开的药，照处方和出院记录抄写。Casebook 只保存这份清单，从不核对剂量或药物相互作用，这些请咨询医生或药师。</translation>
    </message>
    <message>
        <source>Add a medicine…</source>
        <translation>添加用药…</translation>
    </message>
    <message>
        <source>Add a medicine</source>
        <translation>添加用药</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Change the chosen medicine</source>
        <translation>修改选中的药</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>停药…</translation>
    </message>
    <message>
        <source>Record that it was stopped</source>
        <translation>记录已经停药</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Show its history</source>
        <translation>查看它的历史记录</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove a medicine written down by mistake</source>
        <translation>移除误记的药</translation>
    </message>
    <message>
        <source>Show stopped medicines</source>
        <translation>显示已停用的药</translation>
    </message>
    <message>
        <source>the medicine list</source>
        <translation>用药清单</translation>
    </message>
    <message>
        <source>Current medicines.pdf</source>
        <translation>目前用药.pdf</translation>
    </message>
    <message>
        <source>The current list on one page:</source>
        <translation>目前用药清单（一页）：</translation>
    </message>
    <message numerus="yes">
        <source>%n current</source>
        <translation>
            <numerusform>在用 %n 种</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stopped</source>
        <translation>
            <numerusform>已停 %n 种</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Family members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Everyone here has their own copy of this binder on their own computer. “Exchange” brings everyone&apos;s changes together.</source>
        <translation>这里的每个人都在自己的电脑上有这个病历夹的一份副本。“交换”会把大家的更改合到一起。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Your name, as the family sees it:</source>
        <translation>您的名字（家人看到的）：</translation>
    </message>
    <message>
        <source>Invite someone…</source>
        <translation>邀请家人…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>移除 {name}？</translation>
    </message>
    <message>
        <source>From the next exchange on, the files you exchange use a new key that {name} does not get, so {name} no longer sees new changes, and changes made by {name} are no longer taken in.

What {name} already has stays on their computer: Casebook cannot take it back.</source>
        <translation>从下一次交换开始，你们交换的文件会使用一把 {name} 拿不到的新密钥，所以 {name} 不会再看到新的更改，{name} 做的更改也不会再被接收。

{name} 已经有的内容仍留在他们的电脑上：Casebook 无法收回。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>invitation expired on {date}</source>
        <translation>邀请已于 {date} 过期</translation>
    </message>
    <message>
        <source>invited, not joined yet (until {date})</source>
        <translation>已邀请，尚未加入（有效期到 {date}）</translation>
    </message>
    <message>
        <source>{name} — {state}</source>
        <translation>{name} — {state}</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>joined {date}</source>
        <translation>{date} 加入</translation>
    </message>
    <message>
        <source>{name} — on “{computer}” — {state}</source>
        <translation>{name} — 电脑“{computer}” — {state}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close the message</source>
        <translation>关闭这条消息</translation>
    </message>
</context>
<context>
    <name>NewRecoveryCodeDialog</name>
    <message>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation>生成新的恢复码</translation>
    </message>
    <message>
        <source>Do this if your recovery code was lost, or someone else may have seen it. The old code stops working at once, so throw away the old emergency kit after you have written down the new code.</source>
        <translation>如果恢复码丢失了，或者可能被别人看到过，请这样做。旧的恢复码会立即失效，所以在记下新的恢复码之后，请扔掉旧的应急卡。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Make a new code</source>
        <translation>生成新的恢复码</translation>
    </message>
</context>
<context>
    <name>NoteEntriesModel</name>
    <message>
        <source>Answer to “{question}”: </source>
        <translation>回答“{question}”：</translation>
    </message>
</context>
<context>
    <name>NoteLinesDialog</name>
    <message>
        <source>Fill from the consultation notes</source>
        <translation>从就诊笔记中填写</translation>
    </message>
    <message>
        <source>Tick the lines that belong under “{field}”. They are added as written.</source>
        <translation>勾选属于“{field}”的内容。会按原文加入。</translation>
    </message>
    <message>
        <source>This consultation has no notes yet.</source>
        <translation>这次就诊还没有笔记。</translation>
    </message>
    <message>
        <source>Add these lines</source>
        <translation>加入这几行</translation>
    </message>
</context>
<context>
    <name>NoteTakingView</name>
    <message>
        <source>Notes: {title}</source>
        <translation>笔记：{title}</translation>
    </message>
    <message>
        <source>Who is writing</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Everything you type is saved as you go.</source>
        <translation>输入的内容会随时自动保存。</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>完成（Esc）</translation>
    </message>
    <message>
        <source>Writing as:</source>
        <translation>记录人：</translation>
    </message>
    <message>
        <source>Questions (Space: answer this one)</source>
        <translation>问题（空格键：回答这一条）</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Notes, everyone&apos;s, in time order</source>
        <translation>所有人的笔记，按时间顺序</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>您的笔记</translation>
    </message>
    <message>
        <source>Type what is said…</source>
        <translation>记下医生说的话…</translation>
    </message>
    <message>
        <source>New entry (Ctrl+Enter)</source>
        <translation>新的一条（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Make it a new question (Ctrl+Q)</source>
        <translation>设为新问题（Ctrl+Q）</translation>
    </message>
    <message>
        <source>New note:</source>
        <translation>新笔记：</translation>
    </message>
    <message>
        <source>Answer to: {question}</source>
        <translation>回答：{question}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <source>⚠ Not saved: see the message above</source>
        <translation>⚠ 未保存：请看上方的提示</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <source>Edit opinion</source>
        <translation>修改诊疗意见</translation>
    </message>
    <message>
        <source>Add an opinion</source>
        <translation>添加诊疗意见</translation>
    </message>
    <message>
        <source>e.g. Dr Wei Chen, or Pancreas tumour board</source>
        <translation>例如：陈伟医生，或胰腺肿瘤 MDT</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>出具方</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Hospital or institution</source>
        <translation>医院或机构</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Written report</source>
        <translation>书面报告</translation>
    </message>
    <message>
        <source>On the timeline</source>
        <translation>在时间线上</translation>
    </message>
    <message>
        <source>Hospital, date and links, then the rest of the opinion: sequence, alternatives, trials, benefits and risks, tests, follow-up, reasoning</source>
        <translation>医院、日期和关联，以及意见的其余部分：先后顺序、其他方案、临床试验、获益与风险、检查、随访、理由</translation>
    </message>
    <message>
        <source>{field}: not stated</source>
        <translation>{field}：未提及</translation>
    </message>
    <message>
        <source>{field}: fill from the notes</source>
        <translation>{field}：从笔记中填写</translation>
    </message>
    <message>
        <source>Choose the consultation under “More details” first; its notes can then fill this field.</source>
        <translation>请先在“更多信息”里选择就诊；之后可以用那次的笔记填写这一栏。</translation>
    </message>
    <message>
        <source>What the opinion says</source>
        <translation>意见的内容</translation>
    </message>
    <message>
        <source>Write what was said, in the doctor&apos;s words where you can. Leave a field empty if you have not filled it in yet; tick “Not stated” if the doctor did not say.</source>
        <translation>写下医生说的话，尽量用医生的原话。还没填的栏可以先空着；如果医生没有提到，请勾选“未提及”。</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>更多信息</translation>
    </message>
    <message numerus="yes">
        <source>More details (%n filled in)</source>
        <translation>
            <numerusform>更多信息（已填 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>That date does not exist. Please check the day.</source>
        <translation>这个日期不存在，请核对日期。</translation>
    </message>
    <message>
        <source>Please write who gave the opinion.</source>
        <translation>请写下是谁给出的意见。</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未提及</translation>
    </message>
    <message>
        <source>The doctor did not say anything about this.</source>
        <translation>医生对此没有说什么。</translation>
    </message>
    <message>
        <source>From notes…</source>
        <translation>从笔记中选…</translation>
    </message>
    <message>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
</context>
<context>
    <name>OpinionLabels</name>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Subtype</source>
        <translation>亚型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Molecular findings relied on</source>
        <translation>所依据的分子检测结果</translation>
    </message>
    <message>
        <source>Treatment intent</source>
        <translation>治疗目的</translation>
    </message>
    <message>
        <source>Recommended plan</source>
        <translation>推荐方案</translation>
    </message>
    <message>
        <source>Sequence and timing</source>
        <translation>顺序和时机</translation>
    </message>
    <message>
        <source>Alternatives mentioned</source>
        <translation>提到的其他方案</translation>
    </message>
    <message>
        <source>Clinical trials mentioned</source>
        <translation>提到的临床试验</translation>
    </message>
    <message>
        <source>Expected benefits</source>
        <translation>预期获益</translation>
    </message>
    <message>
        <source>Main risks and side effects</source>
        <translation>主要风险和副作用</translation>
    </message>
    <message>
        <source>What would change the recommendation</source>
        <translation>什么情况下会改变建议</translation>
    </message>
    <message>
        <source>Tests requested before deciding</source>
        <translation>做决定前要求做的检查</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>随访计划</translation>
    </message>
    <message>
        <source>The doctor&apos;s reasoning, in their words</source>
        <translation>医生的理由（用医生的原话）</translation>
    </message>
    <message>
        <source>Our notes</source>
        <translation>我们的备注</translation>
    </message>
    <message>
        <source>Curative (aims to cure)</source>
        <translation>根治性（以治愈为目标）</translation>
    </message>
    <message>
        <source>Control of the disease</source>
        <translation>控制病情</translation>
    </message>
    <message>
        <source>Symptom relief</source>
        <translation>缓解症状</translation>
    </message>
    <message>
        <source>A doctor</source>
        <translation>一位医生</translation>
    </message>
    <message>
        <source>A team (MDT)</source>
        <translation>一个团队（MDT）</translation>
    </message>
    <message>
        <source>= Same</source>
        <translation>= 相同</translation>
    </message>
    <message>
        <source>≠ Different</source>
        <translation>≠ 不同</translation>
    </message>
    <message>
        <source>• Only one says</source>
        <translation>• 只有一方提到</translation>
    </message>
    <message>
        <source>— Nobody says</source>
        <translation>— 都没提到</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未提及</translation>
    </message>
</context>
<context>
    <name>OpinionsModel</name>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>OpinionsPage</name>
    <message>
        <source>Opinions</source>
        <translation>诊疗意见</translation>
    </message>
    <message>
        <source>Record each opinion as it was given, then put two to four side by side. Casebook shows where they say the same and where they differ; it does not judge which opinion is right.</source>
        <translation>按医生给出的原样记录每一份意见，然后把两到四份放在一起对照。Casebook 会标出哪些说法相同、哪些不同，但不会判断哪份意见是对的。</translation>
    </message>
    <message>
        <source>Opinions recorded</source>
        <translation>已记录的诊疗意见</translation>
    </message>
    <message>
        <source>Add an opinion…</source>
        <translation>添加诊疗意见…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Compare the ticked opinions</source>
        <translation>对照已勾选的意见</translation>
    </message>
    <message>
        <source>Tick two to four opinions, then press “Compare”.</source>
        <translation>勾选两到四份意见，然后点“对照”。</translation>
    </message>
    <message>
        <source>Add questions about the differences</source>
        <translation>就不同之处添加问题</translation>
    </message>
    <message>
        <source>They go to your list of questions for the next consultation.</source>
        <translation>这些问题会加入下次就诊要问的问题清单。</translation>
    </message>
    <message>
        <source>the comparison</source>
        <translation>意见对比</translation>
    </message>
    <message>
        <source>Comparison of opinions.pdf</source>
        <translation>意见对比.pdf</translation>
    </message>
    <message>
        <source>Tick two to four opinions on the “Opinions” tab and press “Compare”.</source>
        <translation>在“诊疗意见”标签页勾选两到四份意见，然后点“对照”。</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排对照</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>决定记录</translation>
    </message>
    <message>
        <source>No opinion recorded yet. Press “Add an opinion…” to write one down.</source>
        <translation>还没有记录任何诊疗意见。点“添加诊疗意见…”写下一份。</translation>
    </message>
    <message>
        <source>{count} question was added to your list for the next consultation.</source>
        <translation>已有 {count} 个问题加入下次就诊的问题清单。</translation>
    </message>
    <message>
        <source>{count} questions were added to your list for the next consultation.</source>
        <translation>已有 {count} 个问题加入下次就诊的问题清单。</translation>
    </message>
    <message>
        <source>There is no new question to add.</source>
        <translation>没有需要添加的新问题。</translation>
    </message>
    <message>
        <source>{count} was already on the list.</source>
        <translation>{count} 个已在清单中。</translation>
    </message>
    <message>
        <source>{count} were already on the list.</source>
        <translation>{count} 个已在清单中。</translation>
    </message>
</context>
<context>
    <name>OutsideCopyFlow</name>
    <message>
        <source>Save an unencrypted copy?</source>
        <translation>另存一份未加密的副本？</translation>
    </message>
    <message>
        <source>The copy will NOT be encrypted. Anyone who can open the place where you save it can read it. Only save it somewhere you trust, and delete it when you no longer need it.</source>
        <translation>这份副本不会加密。任何能打开保存位置的人都能看到它。请只保存在您信任的地方，不再需要时请删除。</translation>
    </message>
    <message>
        <source>Save unencrypted copy…</source>
        <translation>另存未加密副本…</translation>
    </message>
    <message>
        <source>Save an unencrypted copy</source>
        <translation>另存一份未加密的副本</translation>
    </message>
    <message>
        <source>Open in another program?</source>
        <translation>用其他程序打开？</translation>
    </message>
    <message>
        <source>To open the document in another program, Casebook has to put an unencrypted copy on this computer. It is deleted when you lock the binder or quit Casebook, but the other program may keep its own copy or a recent-files entry.</source>
        <translation>要用其他程序打开这份文件，Casebook 必须在这台电脑上放一份未加密的副本。锁定病历夹或退出 Casebook 时，副本会被删除，但其他程序可能会自己留一份副本或“最近打开”记录。</translation>
    </message>
    <message>
        <source>Open unencrypted copy</source>
        <translation>打开未加密副本</translation>
    </message>
    <message>
        <source>No program on this computer could open this file.</source>
        <translation>这台电脑上没有程序能打开这个文件。</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>You can also drag files or folders onto this window.</source>
        <translation>也可以把文件或文件夹直接拖到这个窗口里。</translation>
    </message>
    <message>
        <source>Where we are now</source>
        <translation>我们现在所处的阶段</translation>
    </message>
    <message>
        <source>Change it on the Timeline</source>
        <translation>在“病程时间线”中更改</translation>
    </message>
    <message>
        <source>When does a second opinion help most?</source>
        <translation>什么时候申请第二诊疗意见最有帮助？</translation>
    </message>
    <message>
        <source>Next consultation</source>
        <translation>下一次就诊</translation>
    </message>
    <message>
        <source>Prepare questions for it</source>
        <translation>为这次就诊准备问题</translation>
    </message>
    <message>
        <source>Prepare questions for the next appointment</source>
        <translation>为下一个预约准备问题</translation>
    </message>
    <message>
        <source>Starts a consultation for that day, with the doctor and the place, and puts every open question on its list.</source>
        <translation>为那一天建立一次就诊，填好医生和地点，并把所有待回答的问题放到它的清单上。</translation>
    </message>
    <message>
        <source>Open Consultations</source>
        <translation>打开“就诊”</translation>
    </message>
    <message>
        <source>Open Questions</source>
        <translation>打开“问题”</translation>
    </message>
    <message>
        <source>Opinions and decision</source>
        <translation>诊疗意见和决定</translation>
    </message>
    <message>
        <source>On the Opinions page you can put opinions side by side, turn differences into questions, and write down what you decide.</source>
        <translation>在“诊疗意见”页面，您可以把几份意见并排对照，把不同之处变成问题，并记下你们的决定。</translation>
    </message>
    <message>
        <source>Open Opinions</source>
        <translation>打开“诊疗意见”</translation>
    </message>
    <message>
        <source>After the opinion: what next?</source>
        <translation>拿到意见之后，下一步做什么？</translation>
    </message>
    <message>
        <source>Backup and export</source>
        <translation>备份和导出</translation>
    </message>
    <message>
        <source>Open Export</source>
        <translation>打开“导出”</translation>
    </message>
    <message>
        <source>Are the records ready?</source>
        <translation>资料准备好了吗？</translation>
    </message>
    <message>
        <source>Each kind of record and its status</source>
        <translation>每类资料及其状态</translation>
    </message>
    <message>
        <source>Why does the MDT need these records?</source>
        <translation>为什么多学科会诊（MDT）需要这些资料？</translation>
    </message>
    <message>
        <source>Born: {date}</source>
        <translation>出生日期：{date}</translation>
    </message>
    <message>
        <source>Date of birth not given</source>
        <translation>未填写出生日期</translation>
    </message>
    <message>
        <source>Decision moment: not chosen yet</source>
        <translation>所处阶段：尚未选择</translation>
    </message>
    <message>
        <source>Choose it on the Timeline</source>
        <translation>在“病程时间线”中选择</translation>
    </message>
    <message>
        <source>Choosing it lets Casebook put first the records and questions that usually matter most at that moment.</source>
        <translation>选好之后，Casebook 会把这个阶段通常最重要的资料和问题排在前面。</translation>
    </message>
    <message>
        <source>Decision moment: {moment}</source>
        <translation>所处阶段：{moment}</translation>
    </message>
    <message>
        <source>The Records and Questions pages put first what usually matters most at this moment.</source>
        <translation>“病历资料”和“问题”页面会把这个阶段通常最重要的内容排在前面。</translation>
    </message>
    <message>
        <source>No questions are prepared for it yet.</source>
        <translation>还没有为它准备问题。</translation>
    </message>
    <message>
        <source>No consultation is planned yet.</source>
        <translation>还没有安排就诊。</translation>
    </message>
    <message>
        <source>date not set</source>
        <translation>日期未定</translation>
    </message>
    <message>
        <source>No open questions on your list yet.</source>
        <translation>清单上还没有待回答的问题。</translation>
    </message>
    <message>
        <source>{count} open question on your list in all</source>
        <translation>清单中共有 {count} 个问题尚未回答</translation>
    </message>
    <message>
        <source>{count} open questions on your list in all</source>
        <translation>清单中共有 {count} 个问题尚未回答</translation>
    </message>
    <message>
        <source>Your next appointment is “{title}” with {doctor}, on {when}.</source>
        <translation>下一个预约是 {when} 的“{title}”（{doctor}）。</translation>
    </message>
    <message>
        <source>Your next appointment is “{title}”, on {when}.</source>
        <translation>下一个预约是 {when} 的“{title}”。</translation>
    </message>
    <message>
        <source>✓  Every question on its list has an answer.</source>
        <translation>✓  清单上的每个问题都有了答案。</translation>
    </message>
    <message>
        <source>?  {count} question still to ask:</source>
        <translation>?  还有 {count} 个问题要问：</translation>
    </message>
    <message>
        <source>?  {count} questions still to ask:</source>
        <translation>?  还有 {count} 个问题要问：</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 项</translation>
    </message>
    <message>
        <source>No opinion recorded yet.</source>
        <translation>还没有记录任何诊疗意见。</translation>
    </message>
    <message>
        <source>{count} opinion recorded</source>
        <translation>已记录 {count} 份诊疗意见</translation>
    </message>
    <message>
        <source>{count} opinions recorded</source>
        <translation>已记录 {count} 份诊疗意见</translation>
    </message>
    <message>
        <source>○  No decision logged yet.</source>
        <translation>○  还没有记录决定。</translation>
    </message>
    <message>
        <source>✓  Decision logged ({date}): {choice}</source>
        <translation>✓  已记录决定（{date}）：{choice}</translation>
    </message>
    <message>
        <source>Last backup: {backup}
Last export: {export}</source>
        <translation>上次备份：{backup}
上次导出：{export}</translation>
    </message>
    <message>
        <source>Use File → Back up the binder… to make one.</source>
        <translation>可以用“文件 → 备份病历夹…”来备份。</translation>
    </message>
    <message>
        <source>No backup has been made yet. A backup on another disk keeps the records safe if this computer is lost or breaks.</source>
        <translation>还没有做过备份。在另一个磁盘上备份一份，万一这台电脑丢失或损坏，资料也不会丢。</translation>
    </message>
    <message>
        <source>The last backup is more than a week old. A new one would be wise.</source>
        <translation>上次备份已超过一周，建议再备份一次。</translation>
    </message>
    <message>
        <source>{count} file ({size}) was added since the last backup.</source>
        <translation>上次备份后又添加了 {count} 个文件（{size}）。</translation>
    </message>
    <message>
        <source>{count} files ({size}) were added since the last backup.</source>
        <translation>上次备份后又添加了 {count} 个文件（{size}）。</translation>
    </message>
    <message>
        <source>A new backup would keep them safe.</source>
        <translation>建议再备份一次，让它们更安全。</translation>
    </message>
    <message>
        <source>{count} document</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>, {size} in total</source>
        <translation>，共 {size}</translation>
    </message>
    <message>
        <source>{count} imaging study</source>
        <translation>{count} 次影像检查</translation>
    </message>
    <message>
        <source>{count} imaging studies</source>
        <translation>{count} 次影像检查</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Add files to the binder</source>
        <translation>把文件添加到病历夹</translation>
    </message>
    <message>
        <source>Add a folder to the binder</source>
        <translation>把文件夹添加到病历夹</translation>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>日历…</translation>
    </message>
    <message>
        <source>Choose the day on a calendar</source>
        <translation>在日历上选择日期</translation>
    </message>
    <message>
        <source>e.g. 2024-03 or 2024-03-05</source>
        <translation>例如 2024-03 或 2024年3月5日</translation>
    </message>
    <message>
        <source>Read as {date} (day first)</source>
        <translation>理解为：{date}（日在前）</translation>
    </message>
    <message>
        <source>Read as {date} (month first)</source>
        <translation>理解为：{date}（月在前）</translation>
    </message>
    <message>
        <source>Read as {date}</source>
        <translation>理解为：{date}</translation>
    </message>
    <message>
        <source>Type a year, a month or a day: 2024, 2024-03 or 2024-03-05.</source>
        <translation>可以只写年、年月或年月日：2024、2024年3月 或 2024年3月5日。</translation>
    </message>
    <message>
        <source>Read as {date}, day before month. To be sure, type {iso}.</source>
        <translation>理解为：{date}（日在前，月在后）。如要确定，请写成 {iso}。</translation>
    </message>
    <message>
        <source>Read as {date}, month before day. To be sure, type {iso}.</source>
        <translation>理解为：{date}（月在前，日在后）。如要确定，请写成 {iso}。</translation>
    </message>
    <message>
        <source>Not a date: try 2024-03-05</source>
        <translation>不是日期：可写成 2024-03-05</translation>
    </message>
    <message>
        <source>No such day or month</source>
        <translation>没有这一天或这个月</translation>
    </message>
    <message>
        <source>The year looks mistyped</source>
        <translation>年份好像写错了</translation>
    </message>
    <message>
        <source>Give the day too</source>
        <translation>请写到具体哪一天</translation>
    </message>
    <message>
        <source>This is not a date Casebook can read. Try 2024-03-05, 03/2024 or 2024年3月5日.</source>
        <translation>Casebook 看不懂这个日期。可以写成 2024-03-05、2024年3月 或 2024年3月5日。</translation>
    </message>
    <message>
        <source>There is no such day or month. Please check the numbers.</source>
        <translation>没有这一天或这个月份，请检查数字。</translation>
    </message>
    <message>
        <source>That year looks mistyped.</source>
        <translation>这个年份好像写错了。</translation>
    </message>
    <message>
        <source>Please give the day as well, for example 2026-05-17.</source>
        <translation>请写到具体哪一天，例如 2026-05-17 或 2026年5月17日。</translation>
    </message>
</context>
<context>
    <name>PasswordHints</name>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>再加一两个词。不常见的词更好。</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>大写字母帮助不大。</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>把单词倒过来写，并不会更难猜。</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>用“@”代替“a”这类常见替换，帮助不大。</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>用几个词组成，避免常见短语。</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>不必加符号、数字或大写字母。</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>键盘上连成一排的按键很容易被猜到。</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>简短的键盘图案很容易被猜到。</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>这是最常见的 10 个密码之一。</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>这和一个常用密码很像。</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>单独一个词很容易被猜到。</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>全部大写和全部小写一样容易被猜到。</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>用更长、拐弯更多的键盘图案。</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>像“aaa”这样的重复很容易被猜到。</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>像“abcabcabc”这样的重复只比“abc”难猜一点点。</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>这是最常见的 100 个密码之一。</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>这是一个非常常见的密码。</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>单独的名字或姓氏很容易被猜到。</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>常见的名字和姓氏很容易被猜到。</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>避免重复的词和字符。</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>像“abc”或“6543”这样的顺序很容易被猜到。</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>避免按顺序排列的字符。</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>最近的年份很容易被猜到。</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>日期通常很容易被猜到。</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>避免使用最近的年份。</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>避免使用和您有关的年份。</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>避免使用和您有关的日期和年份。</translation>
    </message>
</context>
<context>
    <name>PasswordPanel</name>
    <message>
        <source>The bundle is sealed</source>
        <translation>资料包已封装好</translation>
    </message>
    <message>
        <source>Nobody can open it without this password. Casebook shows it only now and does not keep it.</source>
        <translation>没有这个密码，谁也打不开资料包。Casebook 只在此刻显示一次，不会保存它。</translation>
    </message>
    <message>
        <source>Send the password by a different way than the bundle: read it over the phone or send it by text message (SMS). Never put it in the same email, upload or USB stick as the bundle.</source>
        <translation>请用和资料包不同的途径发送密码：打电话念给对方，或发短信。千万不要把密码和资料包放在同一封邮件、同一次上传或同一个 U 盘里。</translation>
    </message>
    <message>
        <source>Copy password</source>
        <translation>复制密码</translation>
    </message>
    <message>
        <source>the cover sheet</source>
        <translation>封面页</translation>
    </message>
    <message>
        <source>Print cover sheet…</source>
        <translation>打印封面页…</translation>
    </message>
    <message>
        <source>Save cover sheet as PDF…</source>
        <translation>把封面页另存为 PDF…</translation>
    </message>
    <message>
        <source>Files to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>I have saved the password or written it down</source>
        <translation>我已经保存或抄下了这个密码</translation>
    </message>
    <message>
        <source>In the folder {folder}</source>
        <translation>在文件夹 {folder} 中</translation>
    </message>
    <message>
        <source>Copied. Paste it where you will send it from: Casebook removes it from the clipboard after a minute.</source>
        <translation>已复制。请粘贴到您要发送它的地方：一分钟后 Casebook 会把它从剪贴板中清除。</translation>
    </message>
    <message>
        <source>Saved. Keep it apart from the bundle.</source>
        <translation>已保存。请和资料包分开存放。</translation>
    </message>
    <message>
        <source>Next: how to send it</source>
        <translation>下一步：怎样发送</translation>
    </message>
    <message>
        <source>Bundle password {date}.pdf</source>
        <translation>资料包密码 {date}.pdf</translation>
    </message>
</context>
<context>
    <name>PasswordStrengthWidget</name>
    <message>
        <source>Use at least 10 characters. A few unrelated words work well.</source>
        <translation>至少 10 个字符。几个互不相关的词组合起来效果很好。</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>很弱</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>很强</translation>
    </message>
    <message>
        <source>✓ Strength: {level}.</source>
        <translation>✓ 强度：{level}。</translation>
    </message>
    <message>
        <source>✗ Strength: {level}. Not strong enough yet.</source>
        <translation>✗ 强度：{level}。还不够强。</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Printing page {page} of {count}…</source>
        <translation>正在打印第 {page} 页，共 {count} 页…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved “{name}” in the folder {folder}.</source>
        <translation>已将“{name}”保存到文件夹 {folder}。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>正在准备页面…</translation>
    </message>
    <message>
        <source>{count} page was sent to the printer.</source>
        <translation>已将 {count} 页发送到打印机。</translation>
    </message>
    <message>
        <source>{count} pages were sent to the printer.</source>
        <translation>已将 {count} 页发送到打印机。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Lock the binder when I am away</source>
        <translation>我离开时锁定病历夹</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Locking hides everything in the binder until the password is typed again. Anything you were adding is kept.</source>
        <translation>锁定后，病历夹里的所有内容都会隐藏，直到再次输入密码。正在添加的内容会保留。</translation>
    </message>
    <message>
        <source>Language of Casebook</source>
        <translation>Casebook 的界面语言</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>跟随电脑设置</translation>
    </message>
    <message>
        <source>A new language is used from the next time Casebook starts.</source>
        <translation>更改的语言会在下次启动 Casebook 时生效。</translation>
    </message>
    <message>
        <source>Lock after:</source>
        <translation>锁定时间：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source> minute</source>
        <translation> 分钟</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>What the hospital will read</source>
        <translation>医院会看到的内容</translation>
    </message>
    <message>
        <source>Things to look at before sending</source>
        <translation>发送前需要查看的事项</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to look at before sending. Click a line to go where it is fixed.</source>
        <translation>
            <numerusform>发送前有 %n 项需要查看。点击某一行即可前往修正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to look at: what you would send agrees with the binder.</source>
        <translation>没有需要查看的：要发送的内容与资料夹一致。</translation>
    </message>
</context>
<context>
    <name>PrintControls</name>
    <message>
        <source>Language of {what}</source>
        <translation>{what}的语言</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save {what} as PDF</source>
        <translation>将{what}另存为 PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print {what}</source>
        <translation>打印{what}</translation>
    </message>
</context>
<context>
    <name>ProfileStep</name>
    <message>
        <source>Who will read it?</source>
        <translation>谁来看这些资料？</translation>
    </message>
    <message>
        <source>Casebook prepares the bundle for this reader: the languages, whether it names the patient, and what to check before sending.</source>
        <translation>Casebook 会按对方的需要准备资料包：用什么语言、是否写明患者身份，以及发送前要检查什么。</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of the profile texts to show</comment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Asked {count}× without an answer</source>
        <translation>已问过 {count} 次，还没有答案</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <source>Questions for the doctors</source>
        <translation>要问医生的问题</translation>
    </message>
    <message>
        <source>A question of your own</source>
        <translation>您自己的问题</translation>
    </message>
    <message>
        <source>Type a question of your own and press Enter</source>
        <translation>输入您自己的问题，然后按回车键</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Priority of the chosen question</source>
        <translation>所选问题的优先级</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>标记为已回答</translation>
    </message>
    <message>
        <source>Ask again</source>
        <translation>再问一次</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>不再需要</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Print questions to bring…</source>
        <translation>打印要问的问题…</translation>
    </message>
    <message>
        <source>One page, large type, room to write the answers.</source>
        <translation>一页纸，大字号，留有写答案的空间。</translation>
    </message>
    <message>
        <source>What the doctors said</source>
        <translation>医生的回答</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>没有得到回答</translation>
    </message>
    <message>
        <source>Our questions</source>
        <translation>我们的问题</translation>
    </message>
    <message>
        <source>the questions to bring</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Questions to bring.pdf</source>
        <translation>要问的问题.pdf</translation>
    </message>
    <message>
        <source>Suggested questions</source>
        <translation>推荐的问题</translation>
    </message>
    <message>
        <source>Asking for a second opinion</source>
        <translation>申请第二诊疗意见</translation>
    </message>
    <message>
        <source>Where you are now: {moment}. Questions that suit it come first. Casebook suggests questions; the answers come from the doctors.</source>
        <translation>您现在所处的阶段：{moment}。适合这个阶段的问题排在前面。Casebook 只推荐问题，答案要由医生给出。</translation>
    </message>
    <message>
        <source>Casebook suggests questions; the answers come from the doctors.</source>
        <translation>Casebook 只推荐问题，答案要由医生给出。</translation>
    </message>
    <message>
        <source>Add a question, or pick some from the suggested questions.</source>
        <translation>添加一个问题，或从推荐的问题中挑选。</translation>
    </message>
    <message>
        <source>Not taken to a consultation yet.</source>
        <translation>还没有带去就诊。</translation>
    </message>
</context>
<context>
    <name>RecentBindersModel</name>
    <message>
        <source>in {parent}</source>
        <translation>位于 {parent}</translation>
    </message>
    <message>
        <source>not found — was it moved? ({parent})</source>
        <translation>找不到 — 是不是被移动了？（{parent}）</translation>
    </message>
</context>
<context>
    <name>RecordKindsModel</name>
    <message>
        <source>Record</source>
        <translation>资料类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部资料</translation>
    </message>
    <message>
        <source>{title}
Drop files here to file them under this record.</source>
        <translation>{title}
把文件拖到这里，即可归入这类资料。</translation>
    </message>
    <message>
        <source>⚑ {title} (please confirm)</source>
        <translation>⚑ {title}（请确认）</translation>
    </message>
</context>
<context>
    <name>RecordStatusModel</name>
    <message>
        <source>Record</source>
        <translation>资料类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>RecordingBar</name>
    <message>
        <source>● Record the consultation…</source>
        <translation>● 给这次就诊录音…</translation>
    </message>
    <message>
        <source>Yes, the doctor agreed: start recording</source>
        <translation>医生已同意：开始录音</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>先不录</translation>
    </message>
    <message>
        <source>■ Stop recording</source>
        <translation>■ 停止录音</translation>
    </message>
    <message>
        <source>Always ask the doctor before you record.</source>
        <translation>录音前请一定先征得医生同意。</translation>
    </message>
    <message>
        <source>No microphone was found on this computer, so Casebook cannot record.</source>
        <translation>这台电脑上没有找到麦克风，所以 Casebook 无法录音。</translation>
    </message>
    <message>
        <source>Please ask first: “May we record this consultation, to listen again at home?”</source>
        <translation>请先问医生：“我们可以给这次就诊录音，回家再听一遍吗？”</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Recording. Notes you write now are marked on the recording.</source>
        <translation>正在录音。现在写的笔记会标在录音的相应位置上。</translation>
    </message>
    <message>
        <source>● Recording {time}</source>
        <translation>● 正在录音 {time}</translation>
    </message>
    <message>
        <source>● {time} (stops at 3 hours)</source>
        <translation>● {time}（到 3 小时会自动停止）</translation>
    </message>
    <message>
        <source>Saving the recording…</source>
        <translation>正在保存录音…</translation>
    </message>
    <message>
        <source>✓ The recording ({time}) is saved with this consultation.</source>
        <translation>✓ 录音（{time}）已保存在这次就诊里。</translation>
    </message>
    <message>
        <source>⚠ Recording problem: {problem}</source>
        <translation>⚠ 录音出了问题：{problem}</translation>
    </message>
    <message>
        <source>⚠ The microphone stopped working; what was heard is kept.</source>
        <translation>⚠ 麦克风停止工作了；已经录下的部分都保留着。</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <source>Recording: {title}</source>
        <translation>录音：{title}</translation>
    </message>
    <message>
        <source>Preparing the recording…</source>
        <translation>正在准备录音…</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>录音中的位置</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>« 10 s</source>
        <translation>« 10 秒</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>后退 10 秒</translation>
    </message>
    <message>
        <source>10 s »</source>
        <translation>10 秒 »</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>前进 10 秒</translation>
    </message>
    <message>
        <source>Notes written while recording (click one to hear it)</source>
        <translation>录音时写的笔记（点一条就能听到那一段）</translation>
    </message>
    <message>
        <source>Notes written while recording</source>
        <translation>录音时写的笔记</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No notes were written while this was recorded.</source>
        <translation>录这段音时没有写笔记。</translation>
    </message>
    <message>
        <source>Ready. Space plays and pauses.</source>
        <translation>准备好了。按空格键播放或暂停。</translation>
    </message>
    <message>
        <source>No speakers or headphones were found: the recording cannot be heard on this computer, but its notes and times are shown.</source>
        <translation>没有找到扬声器或耳机：这台电脑上听不到录音，但可以看到笔记和时间。</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
</context>
<context>
    <name>RecordingsModel</name>
    <message>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Ticked: sent with the bundle for the hospital</source>
        <translation>已勾选：随资料包发给医院</translation>
    </message>
    <message>
        <source>{title} — being recorded</source>
        <translation>{title}——正在录音</translation>
    </message>
    <message>
        <source>recorded in Casebook</source>
        <translation>在 Casebook 里录的</translation>
    </message>
    <message>
        <source>from {name}</source>
        <translation>来自 {name}</translation>
    </message>
    <message>
        <source>{title} — {time} ({how})</source>
        <translation>{title}——{time}（{how}）</translation>
    </message>
</context>
<context>
    <name>RecordingsPanel</name>
    <message>
        <source>Recordings</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Recordings of this consultation</source>
        <translation>这次就诊的录音</translation>
    </message>
    <message>
        <source>None yet. Record during note-taking, or add one from a phone.</source>
        <translation>还没有录音。可以在记笔记时录音，也可以添加手机里的录音。</translation>
    </message>
    <message>
        <source>Tick a recording to send it with the bundle (large and personal: not sent unless ticked).</source>
        <translation>勾选的录音会随资料包一起发送（录音文件大，又涉及隐私：不勾选就不发送）。</translation>
    </message>
    <message>
        <source>Play…</source>
        <translation>播放…</translation>
    </message>
    <message>
        <source>Add a recording from a phone…</source>
        <translation>添加手机里的录音…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>A recording that was interrupted has been saved as far as it went.</source>
        <translation>一段被中断的录音已经保存，保存到中断时为止。</translation>
    </message>
    <message>
        <source>Add a recording</source>
        <translation>添加录音</translation>
    </message>
    <message>
        <source>Sound recordings ({patterns});;All files (*)</source>
        <translation>录音文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Adding recordings</source>
        <translation>正在添加录音</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Adding {name}…</source>
        <translation>正在添加 {name}…</translation>
    </message>
    <message>
        <source>Added: {names}.</source>
        <translation>已添加：{names}。</translation>
    </message>
    <message>
        <source>Already in the binder: {names}.</source>
        <translation>病历夹里已经有了：{names}。</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>病历资料</translation>
    </message>
    <message>
        <source>Search the records</source>
        <translation>搜索病历资料</translation>
    </message>
    <message>
        <source>Search titles, notes and document text…</source>
        <translation>搜索标题、备注和文件内容…</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Or drag files onto a record below to file them there.</source>
        <translation>也可以把文件拖到下面的某类资料上，直接归入该类。</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Trash ({count})</source>
        <translation>回收站（{count}）</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部资料</translation>
    </message>
    <message>
        <source>{scope}, matching “{query}”</source>
        <translation>{scope}，包含“{query}”</translation>
    </message>
    <message>
        <source>“{title}” was moved to the trash. You can restore it from there.</source>
        <translation>“{title}”已移到回收站。可以从那里恢复。</translation>
    </message>
    <message>
        <source>The trash was emptied.</source>
        <translation>回收站已清空。</translation>
    </message>
    <message>
        <source>Add files to the binder</source>
        <translation>把文件添加到病历夹</translation>
    </message>
    <message>
        <source>Add a folder to the binder</source>
        <translation>把文件夹添加到病历夹</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Forgotten password</source>
        <translation>忘记密码</translation>
    </message>
    <message>
        <source>Open the binder with its recovery code</source>
        <translation>用恢复码打开病历夹</translation>
    </message>
    <message>
        <source>Type the recovery code from your emergency kit, then choose a new password. Dashes and spaces do not matter.</source>
        <translation>请输入应急卡上的恢复码，然后设置一个新密码。短横线和空格可以不输。</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>恢复码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Set new password and open</source>
        <translation>设置新密码并打开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please choose a stronger new password.</source>
        <translation>请设置一个更强的新密码。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一样。</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>正在核对恢复码…</translation>
    </message>
    <message>
        <source>That recovery code does not open this binder. Check each character.</source>
        <translation>这个恢复码打不开这个病历夹。请逐个字符核对。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Your recovery code</source>
        <translation>您的恢复码</translation>
    </message>
    <message>
        <source>Write down your new recovery code</source>
        <translation>请记下您的新恢复码</translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation>请抄下您的恢复码</translation>
    </message>
    <message>
        <source>If the password is ever forgotten, this code is the only way to open the binder. Casebook shows it only now. Print it or write it on paper, and keep it somewhere safe, away from this computer.</source>
        <translation>万一忘了密码，这个恢复码是打开病历夹的唯一办法。Casebook 只在此刻显示一次。请把它打印出来或抄在纸上，放在安全的地方，不要和这台电脑放在一起。</translation>
    </message>
    <message>
        <source>The old recovery code no longer works: throw away the old emergency kit.</source>
        <translation>旧的恢复码已经失效：请扔掉旧的应急卡。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>the emergency kit</source>
        <translation>应急卡</translation>
    </message>
    <message>
        <source>To be sure you have it, type the last five characters of the code (the group after the last dash):</source>
        <translation>为确认您已记下，请输入恢复码的最后五个字符（最后一个短横线后面的那一组）：</translation>
    </message>
    <message>
        <source>Type your recovery code again</source>
        <translation>再次输入您的恢复码</translation>
    </message>
    <message>
        <source>I have saved the code — continue</source>
        <translation>我已保存恢复码，继续</translation>
    </message>
    <message>
        <source>✓ Correct.</source>
        <translation>✓ 正确。</translation>
    </message>
    <message>
        <source>✗ That does not match. Look at the last group.</source>
        <translation>✗ 不一致。请看最后一组。</translation>
    </message>
    <message>
        <source>The code was copied. Paste it somewhere safe.</source>
        <translation>恢复码已复制。请粘贴到安全的地方。</translation>
    </message>
    <message>
        <source>Casebook emergency kit.pdf</source>
        <translation>Casebook 应急卡.pdf</translation>
    </message>
</context>
<context>
    <name>RedactionEditor</name>
    <message>
        <source>Hide parts of “{title}”</source>
        <translation>遮盖“{title}”的部分内容</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Drag over anything the reader should not see: a name, an ID number, an address, another person&apos;s results. Right-click a black box to remove it.</source>
        <translation>用鼠标拖动，框住不想让对方看到的内容：姓名、证件号码、地址、别人的检查结果。右键点击黑框可以去掉它。</translation>
    </message>
    <message>
        <source>Suggested by Casebook</source>
        <translation>Casebook 的建议</translation>
    </message>
    <message>
        <source>Find the patient&apos;s details</source>
        <translation>查找患者的身份信息</translation>
    </message>
    <message>
        <source>Suggested boxes: tick the ones to hide</source>
        <translation>建议遮盖的位置：勾选要遮盖的</translation>
    </message>
    <message>
        <source>Casebook reads the document&apos;s text for the patient&apos;s name, ID number, birth date, phone numbers and addresses. Tick a suggestion to hide it. Photos and scans have no text: look at them and draw the boxes yourself.</source>
        <translation>Casebook 会在文件文字中查找患者的姓名、证件号码、出生日期、电话号码和地址。勾选一条建议即可遮盖。照片和扫描件没有文字：请您自己查看并画框。</translation>
    </message>
    <message>
        <source>It shows nothing of the patient</source>
        <translation>其中没有患者的身份信息</translation>
    </message>
    <message>
        <source>Send it as it is, even to a reader who must not know who the patient is.</source>
        <translation>原样发送，即使对方不应知道患者是谁。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save a hidden copy</source>
        <translation>保存遮盖后的副本</translation>
    </message>
    <message>
        <source>Makes a new copy with the boxes burnt in; the original is kept as it is.</source>
        <translation>另做一份把黑框固定在图像里的副本；原件保持不变。</translation>
    </message>
    <message>
        <source>Patient&apos;s name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>{what}, page {page}</source>
        <translation>{what}，第 {page} 页</translation>
    </message>
    <message>
        <source>Casebook found nothing to suggest. Look at each page yourself.</source>
        <translation>Casebook 没有找到需要遮盖的内容。请您自己逐页查看。</translation>
    </message>
    <message>
        <source>Making the hidden copy…</source>
        <translation>正在制作遮盖后的副本…</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) will be hidden.</source>
        <translation>
            <numerusform>将遮盖 %n 处。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is hidden yet.</source>
        <translation>还没有遮盖任何内容。</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>Re-encrypt the binder</source>
        <translation>重新加密病历夹</translation>
    </message>
    <message>
        <source>Re-encrypt the binder with a new key</source>
        <translation>用新密钥重新加密病历夹</translation>
    </message>
    <message>
        <source>Do this if someone may know the password or the recovery code, or if this computer or a copy of the binder was lost or stolen. Casebook locks the binder with a completely new key: old copies of its key file, the old password and the old recovery code will no longer open it.

You will get a new recovery code to write down. Your backups keep their own password. This takes about as long as a backup; you can keep using the binder afterwards.</source>
        <translation>如果有人可能知道密码或恢复码，或者这台电脑或病历夹的某个副本丢失或被盗，请这样做。Casebook 会用一把全新的密钥锁住病历夹：旧的密钥文件副本、旧密码和旧恢复码都将无法再打开它。

您会得到一个新的恢复码，需要记下来。您的备份仍使用它们自己的密码。所需时间和做一次备份差不多；完成后可以继续使用病历夹。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Re-encrypt</source>
        <translation>重新加密</translation>
    </message>
    <message>
        <source>Please choose a stronger new password.</source>
        <translation>请选择一个更强的新密码。</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>两次输入的新密码不一样。</translation>
    </message>
</context>
<context>
    <name>ReminderBox</name>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>即将到来</translation>
    </message>
    <message>
        <source>Open Appointments</source>
        <translation>打开“预约”</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Got it: do not remind me again</source>
        <translation>知道了，不再提醒</translation>
    </message>
    <message>
        <source>Bring: {items}</source>
        <translation>要带：{items}</translation>
    </message>
</context>
<context>
    <name>ReportLinkDialog</name>
    <message>
        <source>Link the report</source>
        <translation>关联报告</translation>
    </message>
    <message>
        <source>Which document is the radiologist&apos;s report for these images? Linking keeps them together in the binder and in the export.</source>
        <translation>哪份文件是放射科医生为这些影像写的报告？关联后，它们在病历夹里和导出时都会放在一起。</translation>
    </message>
    <message>
        <source>No report linked</source>
        <translation>未关联报告</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Record asked for</source>
        <translation>申请的病历</translation>
    </message>
    <message>
        <source>Asked whom</source>
        <translation>向谁申请</translation>
    </message>
    <message>
        <source>Chase</source>
        <translation>催问</translation>
    </message>
    <message>
        <source>no date set</source>
        <translation>未定日期</translation>
    </message>
    <message>
        <source>Now (since {date})</source>
        <translation>现在（自 {date} 起）</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>{date} 起</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>Records asked for, still to arrive</source>
        <translation>已申请、尚未收到的病历</translation>
    </message>
    <message>
        <source>Chase a request two weeks after asking, or on the day you chose. Who was asked is set on the Records page.</source>
        <translation>申请两周后，或在您选定的日子催问。向谁申请的，在“病历”页设置。</translation>
    </message>
    <message>
        <source>No records are waiting to arrive.</source>
        <translation>没有等待收到的病历。</translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Check before sealing</source>
        <translation>封装前核对</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件方：</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Case summary:</source>
        <translation>病情摘要：</translation>
    </message>
    <message>
        <source>Delivery:</source>
        <translation>发送方式：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Total size:</source>
        <translation>总大小：</translation>
    </message>
    <message>
        <source>What the bundle will contain</source>
        <translation>资料包将包含的内容</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>将要发送的内容</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>You can send the bundle now and the rest later, or wait until the missing records arrive. The case summary lists what is missing for the hospital too.</source>
        <translation>您可以现在先发送资料包，其余的以后再补；也可以等缺少的资料到齐再发。病情摘要里也会为医院列出还缺哪些资料。</translation>
    </message>
    <message>
        <source>{count} document</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} 份文件</translation>
    </message>
    <message>
        <source>{count} imaging study</source>
        <translation>{count} 次影像检查</translation>
    </message>
    <message>
        <source>{count} imaging studies</source>
        <translation>{count} 次影像检查</translation>
    </message>
    <message>
        <source>({count} image)</source>
        <translation>（{count} 幅图像）</translation>
    </message>
    <message>
        <source>({count} images)</source>
        <translation>（{count} 幅图像）</translation>
    </message>
    <message>
        <source>in English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>in Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>in English and in Chinese</source>
        <translation>英文和中文</translation>
    </message>
    <message>
        <source>by e-mail: one e-mail with one file</source>
        <translation>电子邮件：一封邮件，一个文件</translation>
    </message>
    <message>
        <source>by e-mail: {count} e-mails, each with one part of at most {mb} MB</source>
        <translation>电子邮件：{count} 封邮件，每封一个分卷，每个最大 {mb} MB</translation>
    </message>
    <message>
        <source>on a USB stick or a disc: one file</source>
        <translation>U 盘或光盘：一个文件</translation>
    </message>
    <message>
        <source>on a USB stick or a disc: {count} files of at most {mb} MB</source>
        <translation>U 盘或光盘：{count} 个文件，每个最大 {mb} MB</translation>
    </message>
    <message>
        <source>through a shared folder or a cloud link: one file</source>
        <translation>共享文件夹或网盘链接：一个文件</translation>
    </message>
    <message>
        <source>through a shared folder or a cloud link: {count} files of at most {mb} MB</source>
        <translation>共享文件夹或网盘链接：{count} 个文件，每个最大 {mb} MB</translation>
    </message>
    <message>
        <source>Imaging (DICOM)</source>
        <translation>影像（DICOM）</translation>
    </message>
    <message>
        <source>{count} image</source>
        <translation>{count} 幅图像</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 幅图像</translation>
    </message>
    <message>
        <source>Case summary (PDF), README, index, checksums</source>
        <translation>病情摘要（PDF）、说明文件、索引、校验值</translation>
    </message>
    <message>
        <source>The folder can take the bundle ({free} free).</source>
        <translation>这个文件夹放得下资料包（剩余 {free}）。</translation>
    </message>
    <message>
        <source>Write it in parts of {mb} MB instead</source>
        <translation>改为分成每部分 {mb} MB 写出</translation>
    </message>
    <message>
        <source>This folder does not exist. Choose another folder.</source>
        <translation>这个文件夹不存在。请另选一个文件夹。</translation>
    </message>
    <message>
        <source>Casebook cannot write to this folder: the disk may be read-only, or you may not have permission. Choose another folder.</source>
        <translation>Casebook 无法写入这个文件夹：磁盘可能是只读的，或者您没有权限。请另选一个文件夹。</translation>
    </message>
    <message>
        <source>Not enough free space: the bundle needs {needed}, the disk has {free} free.</source>
        <translation>空间不够：资料包需要 {needed}，磁盘只剩 {free}。</translation>
    </message>
    <message>
        <source>This drive ({filesystem}) cannot hold a file larger than 4 GB, and the bundle would be one file of {size}.</source>
        <translation>这个磁盘（{filesystem}）放不下超过 4 GB 的文件，而资料包会是一个 {size} 的文件。</translation>
    </message>
</context>
<context>
    <name>ScanReviewDialog</name>
    <message>
        <source>What is on this disc</source>
        <translation>这张光盘里有什么</translation>
    </message>
    <message>
        <source>No medical images were found here.</source>
        <translation>这里没有找到医学影像。</translation>
    </message>
    <message>
        <source>The disc&apos;s index lists {files} that are not on the disc. The images that are there can still be added.</source>
        <translation>光盘的索引列出了 {files}，但光盘上并没有这些文件。光盘上现有的影像仍然可以添加。</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>仍然导入</translation>
    </message>
    <message>
        <source>Add {images}</source>
        <translation>添加 {images}</translation>
    </message>
    <message>
        <source>Add only this patient&apos;s {images}</source>
        <translation>只加入这位病人的 {images}</translation>
    </message>
    <message>
        <source>Found {studies}, {series} and {images}.</source>
        <translation>找到 {studies}、{series}、{images}。</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>{files} are not images and will not be added:</source>
        <translation>{files}不是影像，不会添加：</translation>
    </message>
    <message>
        <source>This disc holds {pictures} (such as JPEG screenshots), but not the original scans. Doctors reviewing the case need the original images.</source>
        <translation>这张光盘里有 {pictures}（例如 JPEG 截图），但没有原始影像。医生审阅病例需要原始影像。</translation>
    </message>
    <message>
        <source>None of these files are medical images in the DICOM format.</source>
        <translation>这些文件都不是 DICOM 格式的医学影像。</translation>
    </message>
    <message>
        <source>Please ask the hospital&apos;s imaging (radiology) department for “the original DICOM images on a CD, not screenshots”. Nothing has been added to the binder.</source>
        <translation>请向医院影像科（放射科）索取“刻在光盘上的原始 DICOM 影像，不要截图”。病历夹里没有添加任何内容。</translation>
    </message>
    <message>
        <source>⚠  This disc may belong to someone else</source>
        <translation>⚠  这张光盘可能是别人的</translation>
    </message>
    <message>
        <source>The images on the disc are for:
{people}

This binder is for {case}.

Check the name on the disc. Import only if you are sure these images belong to this case.</source>
        <translation>光盘上的影像属于：
{people}

这个病历夹属于 {case}。

请核对光盘上的姓名。只有确定这些影像属于本病例时才导入。</translation>
    </message>
</context>
<context>
    <name>SecondOpinionPanel</name>
    <message>
        <source>Copy the letter</source>
        <translation>复制这封信</translation>
    </message>
    <message>
        <source>Situation:</source>
        <translation>目前情况：</translation>
    </message>
    <message>
        <source>A letter to ask for a second opinion</source>
        <translation>申请第二诊疗意见的信</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>目前情况</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>信件的语言</translation>
    </message>
    <message>
        <source>Edit the words freely; nothing here is sent by Casebook. Copy it into an e-mail or print it.</source>
        <translation>内容可以随意修改；Casebook 不会替您发送任何东西。可以复制到电子邮件里，或打印出来。</translation>
    </message>
    <message>
        <source>✓ Copied</source>
        <translation>✓ 已复制</translation>
    </message>
</context>
<context>
    <name>SendGuide</name>
    <message>
        <source>How to send it</source>
        <translation>怎样发送</translation>
    </message>
    <message>
        <source>The files to send, in order</source>
        <translation>要发送的文件（按顺序）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Attach this file</source>
        <translation>附上这个文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Suggested subject line</source>
        <translation>建议的邮件主题</translation>
    </message>
    <message>
        <source>Copy the subject line</source>
        <translation>复制邮件主题</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Then send the password another way</source>
        <translation>然后用另一种方式发送密码</translation>
    </message>
    <message>
        <source>Tell them how to open it</source>
        <translation>告诉对方怎样打开</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>the hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Put all the files in one folder and open {first} with 7-Zip (Windows) or Keka (Mac); it asks for the password. The README inside explains the rest.</source>
        <translation>把所有文件放进同一个文件夹，用 7-Zip（Windows）或 Keka（Mac）打开 {first}，它会要求输入密码。里面的 README 说明其余的内容。</translation>
    </message>
    <message>
        <source>Open {first} with 7-Zip (Windows) or Keka (Mac); it asks for the password. The README inside explains the rest.</source>
        <translation>用 7-Zip（Windows）或 Keka（Mac）打开 {first}，它会要求输入密码。里面的 README 说明其余的内容。</translation>
    </message>
    <message>
        <source>1. Send one e-mail with the file</source>
        <translation>1. 发一封邮件，附上这个文件</translation>
    </message>
    <message>
        <source>1. Send {count} e-mails, one part in each, in this order</source>
        <translation>1. 按这个顺序发 {count} 封邮件，每封一个分卷</translation>
    </message>
    <message>
        <source>1. Copy it onto the USB stick or disc</source>
        <translation>1. 把它复制到 U 盘或光盘上</translation>
    </message>
    <message>
        <source>1. Share it through the folder or cloud link</source>
        <translation>1. 通过共享文件夹或网盘链接分享</translation>
    </message>
    <message>
        <source>Write to {who}. Attach only the file named on its line, and copy its subject line, so they can see that nothing is missing. Do not write the password in any of these e-mails.</source>
        <translation>发给{who}。每封邮件只附上该行列出的文件，并复制该行的主题，这样对方能看出有没有缺少。这些邮件里都不要写密码。</translation>
    </message>
    <message>
        <source>If Casebook wrote it elsewhere, copy the file(s) below onto the stick or disc. Hand it to {who} or post it. Do not write the password on it or put it in the envelope.</source>
        <translation>如果 Casebook 把文件写在了别处，请把下面的文件复制到 U 盘或光盘上。亲手交给{who}或邮寄。不要把密码写在上面，也不要放进信封。</translation>
    </message>
    <message>
        <source>Put the file(s) below into the shared folder, or upload them to the cloud service, and send {who} the link. Do not put the password next to the link.</source>
        <translation>把下面的文件放进共享文件夹，或上传到网盘，再把链接发给{who}。不要把密码和链接放在一起。</translation>
    </message>
    <message>
        <source>Wait until they confirm that all {count} parts arrived.</source>
        <translation>等对方确认 {count} 个分卷都已收到。</translation>
    </message>
    <message>
        <source>Wait until they confirm that it arrived.</source>
        <translation>等对方确认已经收到。</translation>
    </message>
    <message>
        <source>{arrived} Then give them the password by a different way than the bundle: read it out on the phone, send it by SMS, or through a different messenger (for example WeChat or WhatsApp). Anyone who gets only the bundle, or only the password, can read nothing.</source>
        <translation>{arrived}然后用和资料包不同的方式把密码告诉对方：打电话念给对方听、发短信，或用另一个聊天软件（例如微信或 WhatsApp）。只拿到资料包或只拿到密码的人，什么也看不到。</translation>
    </message>
    <message>
        <source>Subject line of e-mail {number}:</source>
        <translation>第 {number} 封邮件的主题：</translation>
    </message>
    <message>
        <source>Copied the subject line of e-mail {number}.</source>
        <translation>已复制第 {number} 封邮件的主题。</translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
</context>
<context>
    <name>SharingWords</name>
    <message>
        <source>the case details changed</source>
        <translation>病例基本信息有改动</translation>
    </message>
    <message>
        <source>{count} new note</source>
        <translation>{count} 条新笔记</translation>
    </message>
    <message>
        <source>{count} new notes</source>
        <translation>{count} 条新笔记</translation>
    </message>
    <message>
        <source>{count} note changed</source>
        <translation>{count} 条笔记有改动</translation>
    </message>
    <message>
        <source>{count} notes changed</source>
        <translation>{count} 条笔记有改动</translation>
    </message>
    <message>
        <source>{count} note deleted</source>
        <translation>删除了 {count} 条笔记</translation>
    </message>
    <message>
        <source>{count} notes deleted</source>
        <translation>删除了 {count} 条笔记</translation>
    </message>
    <message>
        <source>{count} new question</source>
        <translation>{count} 个新问题</translation>
    </message>
    <message>
        <source>{count} new questions</source>
        <translation>{count} 个新问题</translation>
    </message>
    <message>
        <source>{count} question changed</source>
        <translation>{count} 个问题有改动</translation>
    </message>
    <message>
        <source>{count} questions changed</source>
        <translation>{count} 个问题有改动</translation>
    </message>
    <message>
        <source>{count} question deleted</source>
        <translation>删除了 {count} 个问题</translation>
    </message>
    <message>
        <source>{count} questions deleted</source>
        <translation>删除了 {count} 个问题</translation>
    </message>
    <message>
        <source>{count} new document</source>
        <translation>{count} 份新文件</translation>
    </message>
    <message>
        <source>{count} new documents</source>
        <translation>{count} 份新文件</translation>
    </message>
    <message>
        <source>{count} document changed</source>
        <translation>{count} 份文件有改动</translation>
    </message>
    <message>
        <source>{count} documents changed</source>
        <translation>{count} 份文件有改动</translation>
    </message>
    <message>
        <source>{count} document deleted for good</source>
        <translation>永久删除了 {count} 份文件</translation>
    </message>
    <message>
        <source>{count} documents deleted for good</source>
        <translation>永久删除了 {count} 份文件</translation>
    </message>
    <message>
        <source>{count} new image</source>
        <translation>{count} 张新影像</translation>
    </message>
    <message>
        <source>{count} new images</source>
        <translation>{count} 张新影像</translation>
    </message>
    <message>
        <source>{count} image changed</source>
        <translation>{count} 张影像有改动</translation>
    </message>
    <message>
        <source>{count} images changed</source>
        <translation>{count} 张影像有改动</translation>
    </message>
    <message>
        <source>{count} image deleted for good</source>
        <translation>永久删除了 {count} 张影像</translation>
    </message>
    <message>
        <source>{count} images deleted for good</source>
        <translation>永久删除了 {count} 张影像</translation>
    </message>
    <message>
        <source>{count} new timeline event</source>
        <translation>{count} 个新的时间线事件</translation>
    </message>
    <message>
        <source>{count} new timeline events</source>
        <translation>{count} 个新的时间线事件</translation>
    </message>
    <message>
        <source>{count} timeline event changed</source>
        <translation>{count} 个时间线事件有改动</translation>
    </message>
    <message>
        <source>{count} timeline events changed</source>
        <translation>{count} 个时间线事件有改动</translation>
    </message>
    <message>
        <source>{count} timeline event deleted</source>
        <translation>删除了 {count} 个时间线事件</translation>
    </message>
    <message>
        <source>{count} timeline events deleted</source>
        <translation>删除了 {count} 个时间线事件</translation>
    </message>
    <message>
        <source>{count} new consultation</source>
        <translation>{count} 次新就诊</translation>
    </message>
    <message>
        <source>{count} new consultations</source>
        <translation>{count} 次新就诊</translation>
    </message>
    <message>
        <source>{count} consultation changed</source>
        <translation>{count} 次就诊有改动</translation>
    </message>
    <message>
        <source>{count} consultations changed</source>
        <translation>{count} 次就诊有改动</translation>
    </message>
    <message>
        <source>{count} consultation deleted</source>
        <translation>删除了 {count} 次就诊</translation>
    </message>
    <message>
        <source>{count} consultations deleted</source>
        <translation>删除了 {count} 次就诊</translation>
    </message>
    <message>
        <source>{count} new opinion</source>
        <translation>{count} 份新的诊疗意见</translation>
    </message>
    <message>
        <source>{count} new opinions</source>
        <translation>{count} 份新的诊疗意见</translation>
    </message>
    <message>
        <source>{count} opinion changed</source>
        <translation>{count} 份诊疗意见有改动</translation>
    </message>
    <message>
        <source>{count} opinions changed</source>
        <translation>{count} 份诊疗意见有改动</translation>
    </message>
    <message>
        <source>{count} opinion deleted</source>
        <translation>删除了 {count} 份诊疗意见</translation>
    </message>
    <message>
        <source>{count} opinions deleted</source>
        <translation>删除了 {count} 份诊疗意见</translation>
    </message>
    <message>
        <source>{count} new decision</source>
        <translation>{count} 个新决定</translation>
    </message>
    <message>
        <source>{count} new decisions</source>
        <translation>{count} 个新决定</translation>
    </message>
    <message>
        <source>{count} decision revised</source>
        <translation>{count} 个决定有修改</translation>
    </message>
    <message>
        <source>{count} decisions revised</source>
        <translation>{count} 个决定有修改</translation>
    </message>
    <message>
        <source>{count} question put on a consultation&apos;s list</source>
        <translation>{count} 个问题加入了就诊问题清单</translation>
    </message>
    <message>
        <source>{count} questions put on a consultation&apos;s list</source>
        <translation>{count} 个问题加入了就诊问题清单</translation>
    </message>
    <message>
        <source>{count} answer recorded or changed</source>
        <translation>记录或修改了 {count} 个回答</translation>
    </message>
    <message>
        <source>{count} answers recorded or changed</source>
        <translation>记录或修改了 {count} 个回答</translation>
    </message>
    <message>
        <source>{count} question taken off a consultation&apos;s list</source>
        <translation>{count} 个问题从就诊问题清单中移除</translation>
    </message>
    <message>
        <source>{count} questions taken off a consultation&apos;s list</source>
        <translation>{count} 个问题从就诊问题清单中移除</translation>
    </message>
    <message>
        <source>{count} kind of record updated</source>
        <translation>{count} 类病历资料有更新</translation>
    </message>
    <message>
        <source>{count} kinds of record updated</source>
        <translation>{count} 类病历资料有更新</translation>
    </message>
    <message>
        <source>{count} new appointment</source>
        <translation>{count} 个新预约</translation>
    </message>
    <message>
        <source>{count} new appointments</source>
        <translation>{count} 个新预约</translation>
    </message>
    <message>
        <source>{count} appointment changed</source>
        <translation>{count} 个预约有改动</translation>
    </message>
    <message>
        <source>{count} appointments changed</source>
        <translation>{count} 个预约有改动</translation>
    </message>
    <message>
        <source>{count} appointment deleted</source>
        <translation>删除了 {count} 个预约</translation>
    </message>
    <message>
        <source>{count} appointments deleted</source>
        <translation>删除了 {count} 个预约</translation>
    </message>
    <message>
        <source>{count} new medicine</source>
        <translation>{count} 种新药</translation>
    </message>
    <message>
        <source>{count} new medicines</source>
        <translation>{count} 种新药</translation>
    </message>
    <message>
        <source>{count} medicine changed</source>
        <translation>{count} 种药有改动</translation>
    </message>
    <message>
        <source>{count} medicines changed</source>
        <translation>{count} 种药有改动</translation>
    </message>
    <message>
        <source>{count} medicine deleted</source>
        <translation>删除了 {count} 种药</translation>
    </message>
    <message>
        <source>{count} medicines deleted</source>
        <translation>删除了 {count} 种药</translation>
    </message>
    <message>
        <source>{count} new allergy</source>
        <translation>{count} 条新的过敏记录</translation>
    </message>
    <message>
        <source>{count} new allergies</source>
        <translation>{count} 条新的过敏记录</translation>
    </message>
    <message>
        <source>{count} allergy changed</source>
        <translation>{count} 条过敏记录有改动</translation>
    </message>
    <message>
        <source>{count} allergies changed</source>
        <translation>{count} 条过敏记录有改动</translation>
    </message>
    <message>
        <source>{count} allergy deleted</source>
        <translation>删除了 {count} 条过敏记录</translation>
    </message>
    <message>
        <source>{count} allergies deleted</source>
        <translation>删除了 {count} 条过敏记录</translation>
    </message>
    <message>
        <source>{count} new diary entry</source>
        <translation>{count} 条新的症状日记</translation>
    </message>
    <message>
        <source>{count} new diary entries</source>
        <translation>{count} 条新的症状日记</translation>
    </message>
    <message>
        <source>{count} diary entry changed</source>
        <translation>{count} 条症状日记有改动</translation>
    </message>
    <message>
        <source>{count} diary entries changed</source>
        <translation>{count} 条症状日记有改动</translation>
    </message>
    <message>
        <source>{count} diary entry deleted</source>
        <translation>删除了 {count} 条症状日记</translation>
    </message>
    <message>
        <source>{count} diary entries deleted</source>
        <translation>删除了 {count} 条症状日记</translation>
    </message>
    <message>
        <source>{count} new contact</source>
        <translation>{count} 个新联系人</translation>
    </message>
    <message>
        <source>{count} new contacts</source>
        <translation>{count} 个新联系人</translation>
    </message>
    <message>
        <source>{count} contact changed</source>
        <translation>{count} 个联系人有改动</translation>
    </message>
    <message>
        <source>{count} contacts changed</source>
        <translation>{count} 个联系人有改动</translation>
    </message>
    <message>
        <source>{count} contact deleted</source>
        <translation>删除了 {count} 个联系人</translation>
    </message>
    <message>
        <source>{count} contacts deleted</source>
        <translation>删除了 {count} 个联系人</translation>
    </message>
    <message>
        <source>{count} new recording</source>
        <translation>{count} 段新录音</translation>
    </message>
    <message>
        <source>{count} new recordings</source>
        <translation>{count} 段新录音</translation>
    </message>
    <message>
        <source>{count} recording changed</source>
        <translation>{count} 段录音有改动</translation>
    </message>
    <message>
        <source>{count} recordings changed</source>
        <translation>{count} 段录音有改动</translation>
    </message>
    <message>
        <source>text read from {count} page</source>
        <translation>从 {count} 页纸上识别出的文字</translation>
    </message>
    <message>
        <source>text read from {count} pages</source>
        <translation>从 {count} 页纸上识别出的文字</translation>
    </message>
    <message>
        <source>{count} comparison mark set</source>
        <translation>设置了 {count} 个对比标记</translation>
    </message>
    <message>
        <source>{count} comparison marks set</source>
        <translation>设置了 {count} 个对比标记</translation>
    </message>
    <message>
        <source>{count} comparison mark changed</source>
        <translation>{count} 个对比标记有改动</translation>
    </message>
    <message>
        <source>{count} comparison marks changed</source>
        <translation>{count} 个对比标记有改动</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>From {name}: {things}.</source>
        <translation>来自 {name}：{things}。</translation>
    </message>
    <message>
        <source>{name} joined the family binder.</source>
        <translation>{name} 加入了家人共用的病历夹。</translation>
    </message>
    <message>
        <source>{name} joined the family binder: {things}.</source>
        <translation>{name} 加入了家人共用的病历夹：{things}。</translation>
    </message>
    <message>
        <source>{count} field now has two versions: choose which to keep.</source>
        <translation>现在有 {count} 处内容有两个版本：请选择保留哪一个。</translation>
    </message>
    <message>
        <source>{count} fields now have two versions: choose which to keep.</source>
        <translation>现在有 {count} 处内容有两个版本：请选择保留哪一个。</translation>
    </message>
    <message>
        <source>a family member</source>
        <translation>一位家人</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>A kind of record</source>
        <translation>一类病历资料</translation>
    </message>
    <message>
        <source>A document</source>
        <translation>一份文件</translation>
    </message>
    <message>
        <source>An imaging study</source>
        <translation>一次影像检查</translation>
    </message>
    <message>
        <source>An imaging series</source>
        <translation>一个影像序列</translation>
    </message>
    <message>
        <source>An image</source>
        <translation>一张影像</translation>
    </message>
    <message>
        <source>A timeline event</source>
        <translation>一个时间线事件</translation>
    </message>
    <message>
        <source>A question</source>
        <translation>一个问题</translation>
    </message>
    <message>
        <source>A consultation</source>
        <translation>一次就诊</translation>
    </message>
    <message>
        <source>An answer in a consultation</source>
        <translation>就诊中的一个回答</translation>
    </message>
    <message>
        <source>A note</source>
        <translation>一条笔记</translation>
    </message>
    <message>
        <source>An opinion</source>
        <translation>一份诊疗意见</translation>
    </message>
    <message>
        <source>A comparison mark</source>
        <translation>一个对比标记</translation>
    </message>
    <message>
        <source>A decision</source>
        <translation>一个决定</translation>
    </message>
    <message>
        <source>A family member</source>
        <translation>一位家人</translation>
    </message>
    <message>
        <source>A contact</source>
        <translation>一个联系人</translation>
    </message>
    <message>
        <source>A link to a contact</source>
        <translation>与联系人的一个关联</translation>
    </message>
    <message>
        <source>A request for records</source>
        <translation>一项病历申请</translation>
    </message>
    <message>
        <source>A medicine</source>
        <translation>一种药</translation>
    </message>
    <message>
        <source>A version of a medicine</source>
        <translation>药物的一个版本</translation>
    </message>
    <message>
        <source>An allergy</source>
        <translation>一条过敏记录</translation>
    </message>
    <message>
        <source>An appointment</source>
        <translation>一个预约</translation>
    </message>
    <message>
        <source>A diary entry</source>
        <translation>一条症状日记</translation>
    </message>
    <message>
        <source>A recording</source>
        <translation>一段录音</translation>
    </message>
    <message>
        <source>Text read from a page</source>
        <translation>从一页纸上识别出的文字</translation>
    </message>
    <message>
        <source>A record</source>
        <translation>一条记录</translation>
    </message>
    <message>
        <source>Wording of the question</source>
        <translation>问题的措辞</translation>
    </message>
    <message>
        <source>Text of the note</source>
        <translation>笔记内容</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>What the family says about it</source>
        <translation>家人对它的说明</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>联系人类型</translation>
    </message>
    <message>
        <source>Kind of appointment</source>
        <translation>预约类型</translation>
    </message>
    <message>
        <source>Text read from the page</source>
        <translation>从这页纸上识别出的文字</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Patient&apos;s name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Requested from</source>
        <translation>向谁申请</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>回答人</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Hospital or institution</source>
        <translation>医院或机构</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>文件日期</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>病历资料类别</translation>
    </message>
    <message>
        <source>Who gave the opinion</source>
        <translation>提出意见的人</translation>
    </message>
    <message>
        <source>What the opinion says</source>
        <translation>意见内容</translation>
    </message>
    <message>
        <source>Treatment details</source>
        <translation>治疗细节</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Hospital or department</source>
        <translation>医院或科室</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>When to reach them</source>
        <translation>联系时间</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Key contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Chase on</source>
        <translation>催问日期</translation>
    </message>
    <message>
        <source>Brand name</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>Generic name</source>
        <translation>通用名</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>How it is taken</source>
        <translation>用药途径</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停药日期</translation>
    </message>
    <message>
        <source>Why it was stopped</source>
        <translation>停药原因</translation>
    </message>
    <message>
        <source>Note on stopping</source>
        <translation>停药说明</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>开药医生</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Line of treatment</source>
        <translation>所属治疗方案</translation>
    </message>
    <message>
        <source>Substance</source>
        <translation>过敏原</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>反应</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>要带的东西</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>What helped</source>
        <translation>什么有帮助</translation>
    </message>
    <message>
        <source>Sent with the bundle</source>
        <translation>随资料包发送</translation>
    </message>
    <message>
        <source>Another detail</source>
        <translation>其他细节</translation>
    </message>
</context>
<context>
    <name>SlotDialog</name>
    <message>
        <source>Status of a record</source>
        <translation>资料状态</translation>
    </message>
    <message>
        <source>Do you need more of it?</source>
        <translation>还需要更多这类资料吗？</translation>
    </message>
    <message>
        <source>Where does this record stand?</source>
        <translation>这份资料现在是什么情况？</translation>
    </message>
    <message>
        <source>Requested — we asked for it and are waiting</source>
        <translation>已索取 — 已经要了，正在等</translation>
    </message>
    <message>
        <source>Still to collect — we do not have it (all) yet</source>
        <translation>仍需收集 — 我们还没有（全部）拿到</translation>
    </message>
    <message>
        <source>Not needed for this case</source>
        <translation>本病例不需要</translation>
    </message>
    <message>
        <source>e.g. Pathology department, City Hospital</source>
        <translation>例如：市医院病理科</translation>
    </message>
    <message>
        <source>Asked which contact</source>
        <translation>向哪位联系人申请</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>索取日期</translation>
    </message>
    <message>
        <source>Asked whom</source>
        <translation>向谁索取</translation>
    </message>
    <message>
        <source>Chase it on</source>
        <translation>催问日期</translation>
    </message>
    <message>
        <source>Left empty: two weeks after asking.</source>
        <translation>不填：申请后两周。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source>%n current medicine(s) on the Medicines page: this record counts as received.</source>
        <translation>
            <numerusform>“用药”页上有 %n 种在用的药：这项病历算作已收到。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has been added to this record yet.</source>
        <translation>这类资料还没有添加任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) added: this record counts as received.</source>
        <translation>
            <numerusform>已添加 %n 个文件：这类资料算作已收到。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SlotGuide</name>
    <message>
        <source>Why does the MDT need this?</source>
        <translation>为什么多学科会诊（MDT）需要这份资料？</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>更改状态…</translation>
    </message>
    <message>
        <source>Choose a kind of record on the left to see what it is and whom to ask.</source>
        <translation>在左侧选择一类资料，就能看到它是什么、该向谁索取。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>这是什么</translation>
    </message>
    <message>
        <source>Why the MDT needs it</source>
        <translation>为什么 MDT 需要它</translation>
    </message>
    <message>
        <source>Whom to ask</source>
        <translation>向谁索取</translation>
    </message>
    <message>
        <source>A good copy</source>
        <translation>怎样的副本才合格</translation>
    </message>
</context>
<context>
    <name>SlotStatusText</name>
    <message>
        <source>Requested on {date} from {whom}</source>
        <translation>已于 {date} 向 {whom} 索取</translation>
    </message>
    <message>
        <source>Requested on {date}</source>
        <translation>已于 {date} 索取</translation>
    </message>
    <message>
        <source>Requested from {whom}</source>
        <translation>已向 {whom} 索取</translation>
    </message>
</context>
<context>
    <name>SlotTree</name>
    <message>
        <source>Records, with their documents</source>
        <translation>各类资料及其文件</translation>
    </message>
</context>
<context>
    <name>StopDialog</name>
    <message>
        <source>Stop a medicine</source>
        <translation>停药</translation>
    </message>
    <message>
        <source>{name} will stay in the list as stopped, with this date and reason, so its history is kept.</source>
        <translation>{name} 会以“已停”留在清单中，并记下日期和原因，历史记录不会丢失。</translation>
    </message>
    <message>
        <source>e.g. what the doctor said</source>
        <translation>例如：医生怎么说的</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>停药日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Please give the day it stopped (or the month).</source>
        <translation>请填写停药的日期（或月份）。</translation>
    </message>
    <message>
        <source>It cannot have stopped before it started.</source>
        <translation>停药日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>StudiesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>已关联</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <source>As the document says it</source>
        <translation>文件中的原文</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 项</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Suggested from your records</source>
        <translation>从您的资料中找到的建议</translation>
    </message>
    <message>
        <source>Dates found in documents and imaging. Add the ones that belong on the timeline.</source>
        <translation>在文件和影像中找到的日期。把属于时间线的添加进去。</translation>
    </message>
    <message>
        <source>No suggestions right now.</source>
        <translation>目前没有建议。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Check the details and add this event to the timeline</source>
        <translation>核对详情，并把这个事件加到时间线上</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Do not suggest this again</source>
        <translation>不再推荐这一条</translation>
    </message>
    <message>
        <source>Found in your documents: check and add?</source>
        <translation>在您的文件中找到：核对后添加？</translation>
    </message>
    <message>
        <source>Medicines found in the documents</source>
        <translation>在文件中找到的药</translation>
    </message>
    <message>
        <source>Check and add…</source>
        <translation>核对并添加…</translation>
    </message>
    <message>
        <source>Check the found medicine and add it</source>
        <translation>核对找到的药并添加</translation>
    </message>
    <message>
        <source>Not this one</source>
        <translation>不是这个</translation>
    </message>
    <message>
        <source>Do not suggest this medicine again</source>
        <translation>不再建议这种药</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Summary of this consultation</source>
        <translation>本次就诊小结</translation>
    </message>
    <message>
        <source>Nothing noted.</source>
        <translation>没有记录。</translation>
    </message>
    <message>
        <source>answered by {who}, {when}</source>
        <translation>由 {who} 回答，{when}</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>To follow up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Tests ordered</source>
        <translation>开的检查</translation>
    </message>
    <message>
        <source>Medication changes</source>
        <translation>用药调整</translation>
    </message>
    <message>
        <source>New questions</source>
        <translation>新问题</translation>
    </message>
    <message>
        <source>Not answered yet (these move to the next consultation)</source>
        <translation>尚未回答（会转到下一次就诊）</translation>
    </message>
    <message>
        <source>Other notes</source>
        <translation>其他笔记</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>TextCorrectionDialog</name>
    <message>
        <source>Correct the text</source>
        <translation>更正文字</translation>
    </message>
    <message>
        <source>Casebook read this text from the picture and may have misread some of it. Correct what matters (names, dates, results): your text is what search finds and what goes to the hospital.</source>
        <translation>这些文字是 Casebook 从图片里读出来的，可能有读错的地方。请改正重要的内容（姓名、日期、检查结果）：搜索时找的、发给医院的，都是您改过的文字。</translation>
    </message>
    <message>
        <source>Text of the document</source>
        <translation>文件的文字</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>TimelineEventsModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <source>First symptoms</source>
        <translation>最初症状</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Biopsy or pathology</source>
        <translation>活检或病理</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>手术</translation>
    </message>
    <message>
        <source>Line of systemic therapy</source>
        <translation>系统治疗（一线、二线……）</translation>
    </message>
    <message>
        <source>Radiotherapy</source>
        <translation>放疗</translation>
    </message>
    <message>
        <source>Transplant</source>
        <translation>移植</translation>
    </message>
    <message>
        <source>CAR-T or other advanced therapy</source>
        <translation>CAR-T 或其他新型疗法</translation>
    </message>
    <message>
        <source>Relapse or progression</source>
        <translation>复发或进展</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Second opinion</source>
        <translation>第二诊疗意见</translation>
    </message>
    <message>
        <source>Supportive care</source>
        <translation>支持治疗</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Diagnosis and course</source>
        <translation>诊断和病程</translation>
    </message>
    <message>
        <source>Treatments</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>尚未记录</translation>
    </message>
    <message>
        <source>Complete response</source>
        <translation>完全缓解</translation>
    </message>
    <message>
        <source>Partial response</source>
        <translation>部分缓解</translation>
    </message>
    <message>
        <source>Stable disease</source>
        <translation>疾病稳定</translation>
    </message>
    <message>
        <source>Progression</source>
        <translation>疾病进展</translation>
    </message>
    <message>
        <source>Not assessed or too early</source>
        <translation>未评估或为时尚早</translation>
    </message>
    <message>
        <source>Still going on, or not known</source>
        <translation>仍在进行，或不清楚</translation>
    </message>
    <message>
        <source>Completed as planned</source>
        <translation>按计划完成</translation>
    </message>
    <message>
        <source>Side effects</source>
        <translation>副作用</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <source>Just diagnosed</source>
        <translation>刚确诊</translation>
    </message>
    <message>
        <source>Before treatment starts</source>
        <translation>治疗开始前</translation>
    </message>
    <message>
        <source>Options feel unclear, or doctors disagree</source>
        <translation>方案不明确，或医生意见不一</translation>
    </message>
    <message>
        <source>An advanced therapy is being considered</source>
        <translation>正在考虑新型疗法</translation>
    </message>
    <message>
        <source>For example CAR-T, a transplant, or targeted combinations</source>
        <translation>例如 CAR-T、移植或靶向联合治疗</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>{start} – ongoing</source>
        <translation>{start} – 至今</translation>
    </message>
    <message>
        <source>Line {number} · {title}</source>
        <translation>{number}线 · {title}</translation>
    </message>
    <message>
        <source>The timeline has no diagnosis yet.</source>
        <translation>时间线上还没有诊断。</translation>
    </message>
    <message>
        <source>{event}: no biopsy or pathology report is in the binder. The MDT will ask how the diagnosis was confirmed.</source>
        <translation>{event}：病历夹中没有活检或病理报告。MDT 会问诊断是怎样确认的。</translation>
    </message>
    <message>
        <source>{event}: the drugs given (the regimen) are not noted.</source>
        <translation>{event}：没有记录所用药物（治疗方案）。</translation>
    </message>
    <message>
        <source>{event}: how the illness responded is not noted.</source>
        <translation>{event}：没有记录病情对治疗的反应。</translation>
    </message>
    <message>
        <source>{event}: why this treatment stopped is not noted.</source>
        <translation>{event}：没有记录这个治疗为什么停止。</translation>
    </message>
    <message>
        <source>{event}: no imaging in the months before it started.</source>
        <translation>{event}：开始前几个月内没有影像检查。</translation>
    </message>
    <message>
        <source>{event}: no imaging during it or after it ended.</source>
        <translation>{event}：治疗期间和结束后都没有影像检查。</translation>
    </message>
    <message>
        <source>{event}: no start date, so it cannot be numbered.</source>
        <translation>{event}：没有开始日期，所以无法编号。</translation>
    </message>
    <message>
        <source>{event}: the end date is before the start date.</source>
        <translation>{event}：结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>{event}: no imaging or biopsy near this date shows how it was found.</source>
        <translation>{event}：这个日期前后没有影像或活检，无法说明是怎样发现的。</translation>
    </message>
    <message>
        <source>{event}: no operative note is in the binder.</source>
        <translation>{event}：病历夹中没有手术记录。</translation>
    </message>
    <message>
        <source>{event}: no date, so it cannot be placed on the timeline.</source>
        <translation>{event}：没有日期，所以无法放到时间线上。</translation>
    </message>
    <message>
        <source>{count} cycle</source>
        <translation>{count} 个周期</translation>
    </message>
    <message>
        <source>{count} cycles</source>
        <translation>{count} 个周期</translation>
    </message>
    <message>
        <source>response: {value}</source>
        <translation>疗效：{value}</translation>
    </message>
    <message>
        <source>stopped: {reason}</source>
        <translation>停止原因：{reason}</translation>
    </message>
    <message>
        <source>linked records: {count}</source>
        <translation>关联资料：{count}</translation>
    </message>
</context>
<context>
    <name>TimelineListView</name>
    <message>
        <source>Timeline events, as a list</source>
        <translation>时间线事件列表</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Timeline</source>
        <translation>病程时间线</translation>
    </message>
    <message>
        <source>The story of the illness as the MDT will read it. Dates can be just a year, or a month and a year.</source>
        <translation>MDT 将要阅读的病程经过。日期可以只填年份，或者年和月。</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>添加事件…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>the timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Timeline.pdf</source>
        <translation>时间线.pdf</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图示</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Line {number} · {title}</source>
        <translation>{number}线 · {title}</translation>
    </message>
</context>
<context>
    <name>TimelinePrint</name>
    <message>
        <source>Printed on {date}</source>
        <translation>打印于 {date}</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Documents here are hidden from the records and will not be sent. Restore puts a document back where it was.</source>
        <translation>这里的文件不会显示在病历资料中，也不会被发送。“恢复”会把文件放回原处。</translation>
    </message>
    <message>
        <source>Documents in the trash</source>
        <translation>回收站中的文件</translation>
    </message>
    <message>
        <source>← Back to records</source>
        <translation>← 返回病历资料</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>{count} document in the trash</source>
        <translation>回收站中有 {count} 份文件</translation>
    </message>
    <message>
        <source>{count} documents in the trash</source>
        <translation>回收站中有 {count} 份文件</translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>清空回收站？</translation>
    </message>
    <message>
        <source>The documents in the trash will be deleted from the binder for good. This cannot be undone.</source>
        <translation>回收站里的文件将从病历夹中永久删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
</context>
<context>
    <name>TwoVersionsDialog</name>
    <message>
        <source>Two versions</source>
        <translation>两个版本</translation>
    </message>
    <message>
        <source>Two versions to choose from</source>
        <translation>请在两个版本中选择</translation>
    </message>
    <message>
        <source>Two family members changed the same thing before they had exchanged. Casebook kept both and shows the newer one until you choose. Your choice reaches the others with the next exchange.</source>
        <translation>两位家人在交换之前改了同一处内容。Casebook 两个版本都保留了，在您选择之前显示较新的那个。您的选择会在下一次交换时传给其他人。</translation>
    </message>
    <message>
        <source>Things with two versions</source>
        <translation>有两个版本的内容</translation>
    </message>
    <message>
        <source>Nothing has two versions: everything is settled.</source>
        <translation>没有两个版本的内容：一切都已确定。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>shown now</source>
        <translation>当前显示</translation>
    </message>
    <message>
        <source>kept, not shown</source>
        <translation>已保留，未显示</translation>
    </message>
    <message>
        <source>Written by {name} on {computer}, {when} ({shown})</source>
        <translation>{name} 在“{computer}”上写于 {when}（{shown}）</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>保留这个版本</translation>
    </message>
    <message>
        <source>Or write one text from both, and keep that:</source>
        <translation>或者根据两个版本写一段新的文字并保留：</translation>
    </message>
    <message>
        <source>One text from both versions</source>
        <translation>根据两个版本写的文字</translation>
    </message>
    <message>
        <source>Keep this text</source>
        <translation>保留这段文字</translation>
    </message>
    <message>
        <source>Write something first, or keep one of the versions.</source>
        <translation>请先写点内容，或者保留其中一个版本。</translation>
    </message>
</context>
<context>
    <name>TwoVersionsModel</name>
    <message>
        <source>{kind}: {field}
“{label}”</source>
        <translation>{kind}：{field}
“{label}”</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the deletion</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock the binder</source>
        <translation>解锁病历夹</translation>
    </message>
    <message>
        <source>in {parent}</source>
        <translation>位于 {parent}</translation>
    </message>
    <message>
        <source>Demo binder — password: {password}</source>
        <translation>演示病历夹 — 密码：{password}</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>I forgot my password</source>
        <translation>我忘了密码</translation>
    </message>
    <message>
        <source>Choose another binder</source>
        <translation>选择其他病历夹</translation>
    </message>
    <message>
        <source>Open a backup instead…</source>
        <translation>改为打开备份…</translation>
    </message>
    <message>
        <source>Keep working with this older copy</source>
        <translation>继续使用这个较旧的副本</translation>
    </message>
    <message>
        <source>Please type the binder&apos;s password.</source>
        <translation>请输入病历夹的密码。</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>That password is not right. Check Caps Lock and try again.</source>
        <translation>密码不对。请检查大写锁定键（Caps Lock）后再试。</translation>
    </message>
    <message>
        <source>Choose the backup folder (named “Casebook backup” and a date)</source>
        <translation>选择备份文件夹（名称为“Casebook backup”加日期）</translation>
    </message>
</context>
<context>
    <name>VersionsBanner</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>{count} thing has two versions after an exchange: both are kept.</source>
        <translation>交换后有 {count} 处内容有两个版本：两个都保留着。</translation>
    </message>
    <message>
        <source>{count} things have two versions after an exchange: both are kept.</source>
        <translation>交换后有 {count} 处内容有两个版本：两个都保留着。</translation>
    </message>
</context>
<context>
    <name>ViewerControls</name>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <source>Drag: contrast  ·  Right-drag: move  ·  Wheel or ↑ ↓: next image  ·  Ctrl + wheel: zoom  ·  Double-click: fit  ·  Esc: close</source>
        <translation>拖动：对比度  ·  右键拖动：移动  ·  滚轮或 ↑ ↓：下一幅  ·  Ctrl + 滚轮：缩放  ·  双击：适合窗口  ·  Esc：关闭</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反色</translation>
    </message>
    <message>
        <source>Swap black and white</source>
        <translation>黑白对调</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Smaller (Ctrl + wheel)</source>
        <translation>缩小（Ctrl + 滚轮）</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Larger (Ctrl + wheel)</source>
        <translation>放大（Ctrl + 滚轮）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole image</source>
        <translation>显示整幅图像</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复原</translation>
    </message>
    <message>
        <source>Undo zoom, contrast and invert</source>
        <translation>撤销缩放、对比度和反色</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>关键图像</translation>
    </message>
    <message>
        <source>Key images are listed in the case summary</source>
        <translation>关键图像会列在病情摘要中</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Show every DICOM attribute</source>
        <translation>显示所有 DICOM 属性</translation>
    </message>
    <message>
        <source>Contrast:</source>
        <translation>对比度：</translation>
    </message>
    <message>
        <source>Image in the series</source>
        <translation>序列中的图像</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <source>Play the frames as a film</source>
        <translation>像播放影片一样连续播放各帧</translation>
    </message>
    <message>
        <source>◀ Previous series</source>
        <translation>◀ 上一个序列</translation>
    </message>
    <message>
        <source>The study&apos;s previous series (Ctrl + Page Up)</source>
        <translation>本次检查的上一个序列（Ctrl + Page Up）</translation>
    </message>
    <message>
        <source>Next series ▶</source>
        <translation>下一个序列 ▶</translation>
    </message>
    <message>
        <source>The study&apos;s next series (Ctrl + Page Down)</source>
        <translation>本次检查的下一个序列（Ctrl + Page Down）</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Casebook</source>
        <translation>欢迎使用 Casebook</translation>
    </message>
    <message>
        <source>Casebook keeps a patient&apos;s medical records together in one encrypted binder on this computer, ready to send to doctors for a second opinion.</source>
        <translation>Casebook 把患者的病历资料集中放在这台电脑上的一个加密病历夹里，随时可以发给医生，申请第二诊疗意见。</translation>
    </message>
    <message>
        <source>Create a new binder…</source>
        <translation>新建病历夹…</translation>
    </message>
    <message>
        <source>Open a binder…</source>
        <translation>打开病历夹…</translation>
    </message>
    <message>
        <source>Join a family binder…</source>
        <translation>加入家人共用的病历夹…</translation>
    </message>
    <message>
        <source>A family member invited you: make your own copy of their binder</source>
        <translation>家人邀请了您：在这台电脑上做一份他们病历夹的副本</translation>
    </message>
    <message>
        <source>Recently opened binders</source>
        <translation>最近打开的病历夹</translation>
    </message>
    <message>
        <source>Double-click a binder to open it.</source>
        <translation>双击一个病历夹即可打开。</translation>
    </message>
    <message>
        <source>Choose the binder folder</source>
        <translation>选择病历夹文件夹</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sections of the binder</source>
        <translation>病历夹的各个部分</translation>
    </message>
    <message>
        <source>Arrow keys choose a section; Alt and its number jump to it from anywhere.</source>
        <translation>用方向键选择栏目；在任何地方按 Alt 加栏目编号可直接跳转。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>病历资料</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>病程时间线</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>诊疗意见</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>用药</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>症状日记</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>{section} ({keys})</source>
        <translation>{section}（{keys}）</translation>
    </message>
    <message>
        <source>Something here has two versions</source>
        <translation>这里有内容存在两个版本</translation>
    </message>
</context>
</TS>

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
        <translation>这些是其他家庭觉得有用的问题，用的是大白话。适合您现在处境（{moment}）的问题排在前面。Casebook 不回答这些问题，答案要由医生给出。</translation>
    </message>
    <message>
        <source>Questions other families have found useful, in our plain words. Say where you are now on the Timeline page and the ones that suit it come first.</source>
        <translation>这些是其他家庭觉得有用的问题，用的是大白话。在“病程时间线”页面选好您现在所处的阶段，适合的问题就会排在前面。</translation>
    </message>
    <message>
        <source>For where you are now</source>
        <translation>适合现在的问题</translation>
    </message>
    <message>
        <source>✓ on our list · </source>
        <translation>✓ 已在问题清单中 · </translation>
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
    <name>ComparisonView</name>
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
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
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
        <source>Print questions to bring…</source>
        <translation>打印要问的问题…</translation>
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
    <message>
        <source>just diagnosed</source>
        <translation>刚确诊</translation>
    </message>
    <message>
        <source>before treatment starts</source>
        <translation>治疗开始前</translation>
    </message>
    <message>
        <source>options feel unclear or doctors disagree</source>
        <translation>方案不明确或医生意见不一</translation>
    </message>
    <message>
        <source>an advanced therapy is being considered</source>
        <translation>正在考虑先进疗法</translation>
    </message>
    <message>
        <source>relapse or progression</source>
        <translation>复发或进展</translation>
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
        <source>Add a consultation to start its question list.</source>
        <translation>添加一次就诊，开始准备要问的问题。</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>就诊</translation>
    </message>
    <message>
        <source>Please write the date as year-month-day, for example 2025-03-02.</source>
        <translation>请按“年-月-日”填写日期，例如 2025-03-02。</translation>
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
        <source>questions to bring.pdf</source>
        <translation>要问的问题.pdf</translation>
    </message>
    <message>
        <source>consultation summary.pdf</source>
        <translation>就诊小结.pdf</translation>
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
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
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
        <translation>中文（简体中文）</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>两种都要</translation>
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
        <source>{count} study</source>
        <translation>{count} 次检查</translation>
    </message>
    <message>
        <source>{count} studies</source>
        <translation>{count} 次检查</translation>
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
        <source>⚑ {title} (not confirmed yet)</source>
        <translation>⚑ {title}（尚未确认）</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（无描述）</translation>
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
        <source>Optional, e.g. 1958-03-14 or 1958</source>
        <translation>选填，例如 1958-03-14 或 1958</translation>
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
        <source>The date of birth is not clear. Write it as year-month-day, for example 1958-03-14, or just the year.</source>
        <translation>出生日期不太清楚。请按“年-月-日”填写，例如 1958-03-14，或者只填年份。</translation>
    </message>
    <message>
        <source>Creating the binder and protecting it with your password…</source>
        <translation>正在创建病历夹，并用您的密码加密保护…</translation>
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
        <translation>这个日期不存在，请检查日。</translation>
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
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>No decision recorded yet.</source>
        <translation>还没有记录任何决定。</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
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
</context>
<context>
    <name>DeliveryStep</name>
    <message>
        <source>How will you send it?</source>
        <translation>您打算怎么发送？</translation>
    </message>
    <message>
        <source>By email, in several parts</source>
        <translation>通过电子邮件，分成几部分</translation>
    </message>
    <message>
        <source>On a USB stick or by upload, as one file</source>
        <translation>用 U 盘或上传，一个文件</translation>
    </message>
    <message>
        <source>Largest part, in megabytes</source>
        <translation>每部分最大多少 MB</translation>
    </message>
    <message>
        <source>Largest part:</source>
        <translation>每部分最大：</translation>
    </message>
    <message>
        <source>Many email services refuse attachments above 20–25 MB. Send one part per email.</source>
        <translation>很多邮箱拒收超过 20–25 MB 的附件。每封邮件发送一个部分。</translation>
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
        <source>Document details</source>
        <translation>文件详情</translation>
    </message>
    <message>
        <source>Casebook suggested the record and the date from what the document says. Please check them, then press “Confirm suggestion”.</source>
        <translation>Casebook 根据文件内容推荐了资料类别和日期。请核对，然后点“✓ 确认推荐”。</translation>
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
        <source>Please give the document a title.</source>
        <translation>请给文件起个标题。</translation>
    </message>
    <message>
        <source>That day does not exist in that month.</source>
        <translation>这个月没有这一天。</translation>
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
        <source>Copies made outside Casebook are not encrypted.</source>
        <translation>在 Casebook 之外生成的副本不加密。</translation>
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
    <name>ErrorMessages</name>
    <message>
        <source>The binder folder cannot be found. Was it moved?</source>
        <translation>找不到病历夹文件夹。是不是被移动了？</translation>
    </message>
    <message>
        <source>This folder is not a Casebook binder.</source>
        <translation>这个文件夹不是 Casebook 病历夹。</translation>
    </message>
    <message>
        <source>This binder is already open in another Casebook window. Close it there first.</source>
        <translation>这个病历夹已经在另一个 Casebook 窗口中打开了。请先在那里关闭。</translation>
    </message>
    <message>
        <source>Casebook cannot write to this folder. Check the disk is not read-only.</source>
        <translation>Casebook 无法写入这个文件夹。请检查磁盘是否为只读。</translation>
    </message>
    <message>
        <source>A binder or other files are already in that folder. Choose another place.</source>
        <translation>那个文件夹里已经有病历夹或其他文件了。请换一个位置。</translation>
    </message>
    <message>
        <source>This binder was made by a newer Casebook. Please update Casebook to open it.</source>
        <translation>这个病历夹是用更新版本的 Casebook 创建的。请先升级 Casebook 再打开。</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>文件无法读取</translation>
    </message>
    <message>
        <source>the file disappeared while it was being added</source>
        <translation>添加过程中文件不见了</translation>
    </message>
    <message>
        <source>this is not a normal file</source>
        <translation>这不是一个普通文件</translation>
    </message>
    <message>
        <source>this file belongs to the binder itself</source>
        <translation>这个文件属于病历夹本身</translation>
    </message>
    <message>
        <source>The action could not be completed.</source>
        <translation>操作没能完成。</translation>
    </message>
    <message>
        <source>That password is not right. Please try again.</source>
        <translation>密码不对，请再试一次。</translation>
    </message>
    <message>
        <source>The binder&apos;s files are damaged. Open your most recent backup, or use “Check binder” to see what is wrong.</source>
        <translation>病历夹的文件已损坏。请打开最近的备份，或者用“检查病历夹”看看哪里出了问题。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation>磁盘已满。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>Please check the field “{field}”.</source>
        <translation>请检查“{field}”一栏。</translation>
    </message>
    <message>
        <source>This did not work because of a problem inside Casebook.</source>
        <translation>由于 Casebook 内部出了问题，这一步没有完成。</translation>
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
        <source>Step 1 of 4 — Recipient</source>
        <translation>第 1 步，共 4 步 — 收件方</translation>
    </message>
    <message>
        <source>Step 2 of 4 — Contents</source>
        <translation>第 2 步，共 4 步 — 内容</translation>
    </message>
    <message>
        <source>Step 3 of 4 — Delivery</source>
        <translation>第 3 步，共 4 步 — 发送方式</translation>
    </message>
    <message>
        <source>Step 4 of 4 — Review</source>
        <translation>第 4 步，共 4 步 — 核对</translation>
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
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，没有写入任何内容。</translation>
    </message>
    <message>
        <source>The bundle could not be written to {path}. Was the USB stick removed? Nothing was left behind; check the drive and try again.</source>
        <translation>资料包无法写入 {path}。U 盘是不是被拔掉了？没有留下任何残留文件；请检查磁盘后再试。</translation>
    </message>
    <message>
        <source>The check after writing found a difference, so the bundle was deleted. Try again, or choose another drive; use “Check binder” if it happens again.</source>
        <translation>写入后的核对发现了差异，所以资料包已被删除。请再试一次，或换一个磁盘；如果再次发生，请用“检查病历夹”。</translation>
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
        <source>Double-click a series to look through its images.</source>
        <translation>双击一个序列即可逐幅查看图像。</translation>
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
        <source>This image is stored with a compression Casebook cannot show ({detail}).</source>
        <translation>这幅图像使用了 Casebook 无法显示的压缩格式（{detail}）。</translation>
    </message>
    <message>
        <source>This file holds no picture (for example a report).</source>
        <translation>这个文件里没有图像（例如是一份报告）。</translation>
    </message>
    <message>
        <source>This image is damaged and cannot be shown.</source>
        <translation>这幅图像已损坏，无法显示。</translation>
    </message>
    <message>
        <source>This file is not a DICOM image.</source>
        <translation>这个文件不是 DICOM 影像。</translation>
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
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>{name}: protected by a password. It was kept as it is; the hospital will need the password to open it, so send it separately.</source>
        <translation>{name}：有密码保护。已按原样保存；医院需要密码才能打开，请另外单独发送密码。</translation>
    </message>
    <message>
        <source>{name}: already in the binder as “{title}”</source>
        <translation>{name}：病历夹中已有，名为“{title}”</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>详细信息：</translation>
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
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
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
        <source>Answer to “{question}”: </source>
        <translation>回答“{question}”：</translation>
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
        <source>{field}: not stated</source>
        <translation>{field}：未提及</translation>
    </message>
    <message>
        <source>{field}: fill from the notes</source>
        <translation>{field}：从笔记中填写</translation>
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
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose the consultation first; its notes can then fill this field.</source>
        <translation>请先选择就诊；之后可以用那次的笔记填写这一栏。</translation>
    </message>
    <message>
        <source>That date does not exist. Please check the day.</source>
        <translation>这个日期不存在，请检查日。</translation>
    </message>
    <message>
        <source>Please write who gave the opinion.</source>
        <translation>请写下是谁给出的意见。</translation>
    </message>
    <message>
        <source>The notes could not be read.</source>
        <translation>无法读取笔记。</translation>
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
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
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
        <source>no date</source>
        <translation>无日期</translation>
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
    <message>
        <source>Print the comparison to PDF</source>
        <translation>把对照结果打印为 PDF</translation>
    </message>
    <message>
        <source>The comparison was saved as {path}.</source>
        <translation>对照结果已保存为 {path}。</translation>
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
    <message>
        <source>The copy could not be written to {folder}. Choose another place.</source>
        <translation>副本无法写入 {folder}。请换一个位置。</translation>
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
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Month not known</source>
        <translation>月份不详</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Day not known</source>
        <translation>日期不详</translation>
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
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>In the folder {folder}</source>
        <translation>在文件夹 {folder} 中</translation>
    </message>
    <message>
        <source>Copied. Paste it where you will send it from.</source>
        <translation>已复制。请粘贴到您要发送的地方。</translation>
    </message>
    <message>
        <source>Saved. Keep it apart from the bundle.</source>
        <translation>已保存。请和资料包分开存放。</translation>
    </message>
    <message>
        <source>Save the cover sheet</source>
        <translation>保存封面页</translation>
    </message>
    <message>
        <source>Bundle password {date}.pdf</source>
        <translation>资料包密码 {date}.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
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
        <source>Language of the printed questions</source>
        <translation>打印问题所用的语言</translation>
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
        <source>Our questions</source>
        <translation>我们的问题</translation>
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
        <source>Asked {count}× without an answer</source>
        <translation>已问过 {count} 次，还没有答案</translation>
    </message>
    <message>
        <source>Add a question, or pick some from the suggested questions.</source>
        <translation>添加一个问题，或从推荐的问题中挑选。</translation>
    </message>
    <message>
        <source>Not taken to a consultation yet.</source>
        <translation>还没有带去就诊。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>questions to bring.pdf</source>
        <translation>要问的问题.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
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
        <source>Write down your recovery code</source>
        <translation>请抄下您的恢复码</translation>
    </message>
    <message>
        <source>If the password is ever forgotten, this code is the only way to open the binder. Casebook shows it only now. Print it or write it on paper, and keep it somewhere safe, away from this computer.</source>
        <translation>万一忘了密码，这个恢复码是打开病历夹的唯一办法。Casebook 只在此刻显示一次。请把它打印出来或抄在纸上，放在安全的地方，不要和这台电脑放在一起。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
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
        <source>Save the emergency kit</source>
        <translation>保存应急卡</translation>
    </message>
    <message>
        <source>Casebook emergency kit.pdf</source>
        <translation>Casebook 应急卡.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
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
        <source>one file (USB stick or upload)</source>
        <translation>一个文件（U 盘或上传）</translation>
    </message>
    <message>
        <source>by email: one part of at most {mb} MB</source>
        <translation>电子邮件：一个部分，最大 {mb} MB</translation>
    </message>
    <message>
        <source>by email: about {count} parts of at most {mb} MB each</source>
        <translation>电子邮件：约 {count} 个部分，每部分最大 {mb} MB</translation>
    </message>
    <message>
        <source>⚑ Not confirmed yet (kind or date suggested by Casebook): {titles}</source>
        <translation>⚑ 尚未确认（类别或日期由 Casebook 推荐）：{titles}</translation>
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
        <source>no name</source>
        <translation>无姓名</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>“{name}”</translation>
    </message>
    <message>
        <source>“{name}”, born {birth}</source>
        <translation>“{name}”，出生日期 {birth}</translation>
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
        <source>•  {person} ({images})</source>
        <translation>•  {person}（{images}）</translation>
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
        <source>Dr [name]</source>
        <translation>[姓名] 医生</translation>
    </message>
    <message>
        <source>[patient]</source>
        <translation>[患者]</translation>
    </message>
    <message>
        <source>[your name]</source>
        <translation>[您的姓名]</translation>
    </message>
    <message>
        <source>✓ Copied</source>
        <translation>✓ 已复制</translation>
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
    <name>SlotDialog</name>
    <message>
        <source>Status of a record</source>
        <translation>资料状态</translation>
    </message>
    <message>
        <source>Where does this record stand?</source>
        <translation>这份资料现在是什么情况？</translation>
    </message>
    <message>
        <source>Missing — we do not have it yet</source>
        <translation>缺少 — 我们还没有</translation>
    </message>
    <message>
        <source>Requested — we asked for it and are waiting</source>
        <translation>已索取 — 已经要了，正在等</translation>
    </message>
    <message>
        <source>Received — we have it</source>
        <translation>已收到 — 已经有了</translation>
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
        <source>Asked on</source>
        <translation>索取日期</translation>
    </message>
    <message>
        <source>Asked whom</source>
        <translation>向谁索取</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>That day does not exist in that month.</source>
        <translation>这个月没有这一天。</translation>
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
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Summary of this consultation</source>
        <translation>本次就诊小结</translation>
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
    <name>TimelineChart</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
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
        <translation>CAR-T 或其他先进疗法</translation>
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
        <translation>正在考虑先进疗法</translation>
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
        <translation>第 {number} 线 · {title}</translation>
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
        <source>Print to PDF…</source>
        <translation>打印为 PDF…</translation>
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
        <translation>第 {number} 线 · {title}</translation>
    </message>
    <message>
        <source>Save the timeline as PDF</source>
        <translation>把时间线另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
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
</context>
<context>
    <name>ViewerControls</name>
    <message>
        <source>Contrast</source>
        <translation>对比度</translation>
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
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Drag: contrast  ·  Right-drag: move  ·  Wheel or ↑ ↓: next image  ·  Ctrl + wheel: zoom  ·  Double-click: fit</source>
        <translation>拖动：对比度  ·  右键拖动：移动  ·  滚轮或 ↑ ↓：下一幅  ·  Ctrl + 滚轮：缩放  ·  双击：适合窗口</translation>
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
        <source>Recently opened binders</source>
        <translation>最近打开的病历夹</translation>
    </message>
    <message>
        <source>Double-click a binder to open it.</source>
        <translation>双击一个病历夹即可打开。</translation>
    </message>
    <message>
        <source>in {parent}</source>
        <translation>位于 {parent}</translation>
    </message>
    <message>
        <source>not found — was it moved? ({parent})</source>
        <translation>找不到 — 是不是被移动了？（{parent}）</translation>
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
        <source>{section} ({keys})</source>
        <translation>{section}（{keys}）</translation>
    </message>
</context>
</TS>

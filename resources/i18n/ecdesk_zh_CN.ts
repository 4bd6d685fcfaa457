<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>dd MMM HH:mm:ss</source>
        <translation>MM-dd HH:mm:ss</translation>
    </message>
</context>
<context>
    <name>HeldOrdersModel</name>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>A test order from the store</source>
        <translation>来自网店的测试订单</translation>
    </message>
    <message>
        <source>{number} (test)</source>
        <translation>{number}（测试）</translation>
    </message>
</context>
<context>
    <name>HeldPanel</name>
    <message>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Search order number or reason… (Ctrl+F)</source>
        <translation>搜索订单号或原因…（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Open order…</source>
        <translation>打开订单(&amp;O)…</translation>
    </message>
    <message>
        <source>Show the selected order&apos;s lines and why it is held (Enter).</source>
        <translation>显示所选订单的明细及暂挂原因（Enter）。</translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation>重试所选(&amp;R)</translation>
    </message>
    <message>
        <source>Try the selected orders again now (Ctrl+R).</source>
        <translation>立即重试所选订单（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Settled by han&amp;d…</source>
        <translation>已手动处理(&amp;D)…</translation>
    </message>
    <message>
        <source>The selected orders were keyed into AutoCount by hand: take them off this list; ecdesk will never post them (Del).</source>
        <translation>所选订单已手动录入 AutoCount：将其移出此列表，ecdesk 永远不会过账（Del）。</translation>
    </message>
    <message>
        <source>Retry all &amp;fixable</source>
        <translation>重试全部可修复(&amp;F)</translation>
    </message>
    <message>
        <source>Retry every held order whose reasons a mapping or a setting can fix.</source>
        <translation>重试所有可通过对照或设置修复的暂挂订单。</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>全部网店</translation>
    </message>
    <message>
        <source>No held orders</source>
        <translation>没有暂挂订单</translation>
    </message>
    <message>
        <source>{n} held order</source>
        <translation>{n} 张暂挂订单</translation>
    </message>
    <message>
        <source>{n} held orders</source>
        <translation>{n} 张暂挂订单</translation>
    </message>
    <message>
        <source>Held orders: none. Nothing needs you right now.</source>
        <translation>暂挂订单：无。目前没有需要您处理的事项。</translation>
    </message>
    <message>
        <source>Held orders: these need you. Double-click one (or press Enter) to see why, fix it, then Retry.</source>
        <translation>暂挂订单：以下订单需要您处理。双击某张订单（或按 Enter）查看原因，修复后再重试。</translation>
    </message>
    <message>
        <source>{n} order will leave the held list and ecdesk will never post it.</source>
        <translation>{n} 张订单将移出暂挂列表，ecdesk 永远不会过账。</translation>
    </message>
    <message>
        <source>{n} orders will leave the held list and ecdesk will never post them.</source>
        <translation>{n} 张订单将移出暂挂列表，ecdesk 永远不会过账。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ecdesk: online orders into AutoCount</source>
        <translation>ecdesk：网店订单导入 AutoCount</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>集成</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>自动化</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>{n} order in all needs you: double-click one under Held orders to see why, fix it (usually a mapping), then press Retry.</source>
        <translation>共有 {n} 张订单需要您处理：在“暂挂订单”中双击一张查看原因，修复（通常是添加对照）后按“重试”。</translation>
    </message>
    <message>
        <source>{n} orders in all need you: double-click one under Held orders to see why, fix it (usually a mapping), then press Retry.</source>
        <translation>共有 {n} 张订单需要您处理：在“暂挂订单”中双击一张查看原因，修复（通常是添加对照）后按“重试”。</translation>
    </message>
    <message>
        <source>The last run did not finish; see the message above.</source>
        <translation>上次运行未完成；请查看上方消息。</translation>
    </message>
    <message>
        <source>The order was marked settled by hand and left the held list.</source>
        <translation>该订单已标记为手动处理，并已移出暂挂列表。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancelling after the current order…</source>
        <translation>当前订单完成后取消…</translation>
    </message>
    <message>
        <source>{what} is still running. Wait for it to finish, or press Cancel, then try again.</source>
        <translation>{what}仍在运行。请等待其完成，或按“取消”，然后再试。</translation>
    </message>
    <message>
        <source>Sync of {store}</source>
        <translation>同步 {store}</translation>
    </message>
    <message>
        <source>Sync of all stores</source>
        <translation>同步全部网店</translation>
    </message>
    <message>
        <source>Resync of {store} from {date}</source>
        <translation>从 {date} 起重新同步 {store}</translation>
    </message>
    <message>
        <source>Scheduled sync of {stores}</source>
        <translation>定时同步 {stores}</translation>
    </message>
    <message>
        <source>Retry of {n} order</source>
        <translation>重试 {n} 张订单</translation>
    </message>
    <message>
        <source>Retry of {n} orders</source>
        <translation>重试 {n} 张订单</translation>
    </message>
    <message>
        <source>Retry of all fixable held orders</source>
        <translation>重试全部可修复的暂挂订单</translation>
    </message>
    <message>
        <source>Resync of order {order}</source>
        <translation>重新同步订单 {order}</translation>
    </message>
    <message>
        <source>Reconciliation saved to {path}: {orders}, {lines}, {held} held.</source>
        <translation>对账表已保存到 {path}：{orders}，{lines}，{held} 张暂挂。</translation>
    </message>
    <message>
        <source>{n} order</source>
        <translation>{n} 张订单</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} 张订单</translation>
    </message>
    <message>
        <source>{n} AutoCount document line</source>
        <translation>{n} 行 AutoCount 单据</translation>
    </message>
    <message>
        <source>{n} AutoCount document lines</source>
        <translation>{n} 行 AutoCount 单据</translation>
    </message>
    <message>
        <source>Export of the reconciliation to Excel</source>
        <translation>导出对账表到 Excel</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>&amp;Map this SKU</source>
        <translation>对照此 SKU(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Map this shipping method</source>
        <translation>对照此运送方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Map this payment method</source>
        <translation>对照此付款方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Map this tax rate</source>
        <translation>对照此税率(&amp;M)</translation>
    </message>
    <message>
        <source>Open the store&apos;s &amp;settings</source>
        <translation>打开网店设置(&amp;S)</translation>
    </message>
    <message>
        <source>Held: needs you</source>
        <translation>暂挂：需要您处理</translation>
    </message>
    <message>
        <source>Posted to AutoCount</source>
        <translation>已过账到 AutoCount</translation>
    </message>
    <message>
        <source>Waiting (not paid yet)</source>
        <translation>等待中（尚未付款）</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>cash sale</source>
        <translation>现金销售</translation>
    </message>
    <message>
        <source>sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <source>delivery order</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>贷记单</translation>
    </message>
    <message>
        <source>Order {number} · {store}</source>
        <translation>订单 {number} · {store}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <source>(test order)</source>
        <translation>（测试订单）</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status in the store</source>
        <translation>网店中的状态</translation>
    </message>
    <message>
        <source>In ecdesk</source>
        <translation>在 ecdesk 中</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>AutoCount documents: {docs}</source>
        <translation>AutoCount 单据：{docs}</translation>
    </message>
    <message>
        <source>&amp;Retry this order</source>
        <translation>重试此订单(&amp;R)</translation>
    </message>
    <message>
        <source>Try this order again now (Ctrl+R).</source>
        <translation>立即重试此订单（Ctrl+R）。</translation>
    </message>
    <message>
        <source>Settled by han&amp;d…</source>
        <translation>已手动处理(&amp;D)…</translation>
    </message>
    <message>
        <source>You posted this order yourself in AutoCount: take it off the held list; ecdesk will never post it (Del).</source>
        <translation>您已在 AutoCount 中自行过账此订单：将其移出暂挂列表，ecdesk 永远不会过账（Del）。</translation>
    </message>
    <message>
        <source>&amp;Fetch it again from the store</source>
        <translation>从网店重新获取(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Why it is held</source>
        <translation>暂挂原因</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>AutoCount item</source>
        <translation>AutoCount 物品</translation>
    </message>
    <message>
        <source>no SKU in the store</source>
        <translation>网店中没有 SKU</translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>未对照</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Order {number} leaves the held list and ecdesk will never post it.</source>
        <translation>订单 {number} 将移出暂挂列表，ecdesk 永远不会过账。</translation>
    </message>
</context>
<context>
    <name>StoresModel</name>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>暂挂</translation>
    </message>
    <message>
        <source>Auto sync</source>
        <translation>自动同步</translation>
    </message>
    <message>
        <source>Custom feed</source>
        <translation>自定义订单源</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Every {minutes} min</source>
        <translation>每 {minutes} 分钟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ToolsTab</name>
    <message>
        <source>S&amp;ync this store now</source>
        <translation>立即同步此网店(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync a&amp;ll stores</source>
        <translation>同步全部网店(&amp;L)</translation>
    </message>
    <message>
        <source>Order number, e.g. 1001 (or STORE:1001)</source>
        <translation>订单号，例如 1001（或 网店:1001）</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Fetch this order a&amp;gain</source>
        <translation>重新获取此订单(&amp;G)</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>First day to fetch again</source>
        <translation>重新获取的起始日期</translation>
    </message>
    <message>
        <source>Last day to fetch again</source>
        <translation>重新获取的结束日期</translation>
    </message>
    <message>
        <source>Fetch this date range aga&amp;in</source>
        <translation>重新获取此日期范围(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel the r&amp;unning sync</source>
        <translation>取消正在运行的同步(&amp;U)</translation>
    </message>
    <message>
        <source>Manual resync</source>
        <translation>手动重新同步</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>网店(&amp;T)</translation>
    </message>
    <message>
        <source>O&amp;ne order</source>
        <translation>单张订单(&amp;N)</translation>
    </message>
    <message>
        <source>Date r&amp;ange</source>
        <translation>日期范围(&amp;A)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>First day of the reconciliation</source>
        <translation>对账起始日期</translation>
    </message>
    <message>
        <source>Last day of the reconciliation</source>
        <translation>对账结束日期</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>全部网店</translation>
    </message>
    <message>
        <source>Store of the reconciliation</source>
        <translation>对账的网店</translation>
    </message>
    <message>
        <source>&amp;Export reconciliation to Excel…</source>
        <translation>导出对账表到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Month-end reconciliation</source>
        <translation>月末对账</translation>
    </message>
    <message>
        <source>Orders dated</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Refre&amp;sh</source>
        <translation>刷新(&amp;S)</translation>
    </message>
    <message>
        <source>Sync log (newest first)</source>
        <translation>同步日志（最新在前）</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>O&amp;pen log file</source>
        <translation>打开日志文件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Browse log folder</source>
        <translation>浏览日志文件夹(&amp;B)</translation>
    </message>
    <message>
        <source>As this computer (system language)</source>
        <translation>跟随本机（系统语言）</translation>
    </message>
    <message>
        <source>The window changes language the next time ecdesk starts.</source>
        <translation>下次启动 ecdesk 时界面语言才会更改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Window language</source>
        <translation>界面语言(&amp;W)</translation>
    </message>
    <message>
        <source>Add a store first (Stores tab).</source>
        <translation>请先添加网店（“网店”标签页）。</translation>
    </message>
    <message>
        <source>Syncing {store}…</source>
        <translation>正在同步 {store}…</translation>
    </message>
    <message>
        <source>Type the order number first.</source>
        <translation>请先输入订单号。</translation>
    </message>
    <message>
        <source>Check the number and the store chosen above.</source>
        <translation>请检查订单号及上方所选的网店。</translation>
    </message>
    <message>
        <source>Fetching order {order} again…</source>
        <translation>正在重新获取订单 {order}…</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Fetching {store} orders from {start} to {end} again…</source>
        <translation>正在重新获取 {store} 从 {start} 至 {end} 的订单…</translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation>导出对账表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The reconciliation&apos;s end date is before its start date.</source>
        <translation>对账的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Writing the reconciliation for {start} to {end}…</source>
        <translation>正在生成 {start} 至 {end} 的对账表…</translation>
    </message>
</context>
<context>
    <name>ask_note</name>
    <message>
        <source>Settled by hand</source>
        <translation>已手动处理</translation>
    </message>
    <message>
        <source>Note for the log (e.g. the AutoCount document you keyed):</source>
        <translation>日志备注（例如您手动录入的 AutoCount 单据）：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Nothing was due.</source>
        <translation>没有需要运行的任务。</translation>
    </message>
    <message>
        <source>{n} stores</source>
        <translation>{n} 个网店</translation>
    </message>
    <message>
        <source>{n} order fetched</source>
        <translation>获取 {n} 张订单</translation>
    </message>
    <message>
        <source>{n} orders fetched</source>
        <translation>获取 {n} 张订单</translation>
    </message>
    <message>
        <source>{n} document posted to AutoCount</source>
        <translation>{n} 张单据已过账到 AutoCount</translation>
    </message>
    <message>
        <source>{n} documents posted to AutoCount</source>
        <translation>{n} 张单据已过账到 AutoCount</translation>
    </message>
    <message>
        <source>{n} held</source>
        <translation>{n} 张暂挂</translation>
    </message>
    <message>
        <source>{n} waiting for payment</source>
        <translation>{n} 张等待付款</translation>
    </message>
    <message>
        <source>{n} cancelled (not posted)</source>
        <translation>{n} 张已取消（未过账）</translation>
    </message>
    <message>
        <source>{n} awaiting AutoCount&apos;s answer (checked again next run)</source>
        <translation>{n} 张等待 AutoCount 回应（下次运行时再检查）</translation>
    </message>
    <message>
        <source>Retry finished: {parts}.</source>
        <translation>重试完成：{parts}。</translation>
    </message>
    <message>
        <source>Sync of {store} finished: {parts}.</source>
        <translation>{store} 同步完成：{parts}。</translation>
    </message>
    <message>
        <source>Retry stopped as you asked: {parts}.</source>
        <translation>已按您的要求停止重试：{parts}。</translation>
    </message>
    <message>
        <source>Sync of {store} stopped as you asked: {parts}.</source>
        <translation>已按您的要求停止同步 {store}：{parts}。</translation>
    </message>
    <message>
        <source>Retry did not finish: {parts}.</source>
        <translation>重试未完成：{parts}。</translation>
    </message>
    <message>
        <source>Sync of {store} did not finish: {parts}.</source>
        <translation>{store} 同步未完成：{parts}。</translation>
    </message>
    <message>
        <source>Retry was skipped: {parts}.</source>
        <translation>已跳过重试：{parts}。</translation>
    </message>
    <message>
        <source>Sync of {store} was skipped: {parts}.</source>
        <translation>已跳过 {store} 的同步：{parts}。</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>全部网店</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Unmapped SKU</source>
        <translation>SKU 未对照</translation>
    </message>
    <message>
        <source>Line without SKU</source>
        <translation>明细行没有 SKU</translation>
    </message>
    <message>
        <source>Unknown payment method</source>
        <translation>未知付款方式</translation>
    </message>
    <message>
        <source>Unmapped shipping method</source>
        <translation>运送方式未对照</translation>
    </message>
    <message>
        <source>Unmapped tax rate</source>
        <translation>税率未对照</translation>
    </message>
    <message>
        <source>Amounts do not add up</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Unreadable order data</source>
        <translation>订单数据无法读取</translation>
    </message>
    <message>
        <source>Changed after posting</source>
        <translation>过账后被修改</translation>
    </message>
    <message>
        <source>Refunded after posting</source>
        <translation>过账后已退款</translation>
    </message>
    <message>
        <source>Cancelled after posting</source>
        <translation>过账后被取消</translation>
    </message>
    <message>
        <source>Rejected by AutoCount</source>
        <translation>被 AutoCount 拒绝</translation>
    </message>
    <message>
        <source>Setup incomplete</source>
        <translation>设置不完整</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AutomationTab</name>
    <message>
        <source>Sales invoice</source>
        <translation>销售发票</translation>
    </message>
    <message>
        <source>Cash sale</source>
        <translation>现金销售</translation>
    </message>
    <message>
        <source>Sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <source>Delivery order</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>One document per order</source>
        <translation>每个订单一张单据</translation>
    </message>
    <message>
        <source>One summary document per day</source>
        <translation>每天一张汇总单据</translation>
    </message>
    <message>
        <source>One summary document per payout</source>
        <translation>每笔放款一张汇总单据</translation>
    </message>
    <message>
        <source>blank: AutoCount default</source>
        <translation>留空：使用 AutoCount 默认值</translation>
    </message>
    <message>
        <source>Document number prefix</source>
        <translation>单据号前缀</translation>
    </message>
    <message>
        <source>e.g. SH- (up to 4 characters)</source>
        <translation>例如 SH-（最多 4 个字符）</translation>
    </message>
    <message>
        <source>Debtor (customer) code</source>
        <translation>债务人（客户）代码</translation>
    </message>
    <message>
        <source>Sales account</source>
        <translation>销售科目</translation>
    </message>
    <message>
        <source>Shipping charge item</source>
        <translation>运费物品</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Commission</source>
        <extracomment>platforms whose orders may carry fees (a marketplace, or Shopify Payments / WooPayments orders)</extracomment>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>服务费</translation>
    </message>
    <message>
        <source>Transaction / payment fee</source>
        <translation>交易 / 支付手续费</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Vouchers paid by you</source>
        <translation>由您承担的优惠券</translation>
    </message>
    <message>
        <source>Other charges</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Stores</source>
        <extracomment>the fees a payment gateway&apos;s payout carries (Shopify Payments, WooPayments)</extracomment>
        <translation>网店</translation>
    </message>
    <message>
        <source>&amp;Sync this store automatically while ecdesk is open</source>
        <translation>ecdesk 打开时自动同步此网店(&amp;S)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Posting mode</source>
        <translation>过账方式</translation>
    </message>
    <message>
        <source>A day&apos;s summary carries one line per item and price for all of that day&apos;s orders (its note lists them), posted after the cut-off time the next day; orders that arrive later for a posted day go on an adjustment (-2, -3...). A payout&apos;s summary carries the orders of one payout (a Lazada statement, a day of Shopee escrow releases, a Shopify Payments payout, a WooPayments deposit), with their fees from the final figures; a Shopify or WooCommerce order paid another way goes into its day&apos;s summary.</source>
        <translation>每日汇总按商品和单价为当天所有订单各列一行（备注中列出订单），在次日截止时间后过账；已过账日期的迟到订单进入调整单据（-2、-3…）。放款汇总包含同一笔放款的订单（Lazada 结算单、Shopee 托管放款日、Shopify Payments 放款、WooPayments 存款），费用按最终金额过账；以其他方式付款的 Shopify 或 WooCommerce 订单进入当天的每日汇总。</translation>
    </message>
    <message>
        <source>Summary cut-off time</source>
        <translation>汇总截止时间</translation>
    </message>
    <message>
        <source>As soon as the order is paid (shipped or not)</source>
        <translation>订单付款后立即过账（无论是否已发货）</translation>
    </message>
    <message>
        <source>Accounting posts every paid order once.</source>
        <translation>每张已付款订单只过账一次。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Fetch new &amp;orders every</source>
        <translation>获取新订单的间隔(&amp;O)</translation>
    </message>
    <message>
        <source>Send stock and trac&amp;king every</source>
        <translation>发送库存和物流单号的间隔(&amp;K)</translation>
    </message>
    <message>
        <source>This platform cannot take stock or tracking numbers from ecdesk: enter them in the store.</source>
        <translation>此平台无法从 ecdesk 接收库存或追踪号码：请在网店中输入。</translation>
    </message>
    <message>
        <source>What to create in AutoCount</source>
        <translation>在 AutoCount 中创建什么</translation>
    </message>
    <message>
        <source>Docu&amp;ment</source>
        <translation>单据(&amp;M)</translation>
    </message>
    <message>
        <source>Post&amp;ing</source>
        <translation>过账(&amp;I)</translation>
    </message>
    <message>
        <source>Post a day&apos;s summary after (next day)</source>
        <translation>每日汇总过账时间（次日）</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>何时(&amp;W)</translation>
    </message>
    <message>
        <source>Marketplace fees (ledger account per fee)</source>
        <translation>平台费用（每种费用对应的总账科目）</translation>
    </message>
    <message>
        <source>Post each order&apos;s fees on a credit &amp;note (&lt;DocNo&gt;-F)</source>
        <translation>将每张订单的费用过账到贷记单(&amp;N)（&lt;DocNo&gt;-F）</translation>
    </message>
    <message>
        <source>Post the fee note once the pa&amp;yout is released (its final figures)</source>
        <translation>放款后过账费用贷项单（最终金额）(&amp;Y)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <source>Add a store in the Stores tab first.</source>
        <translation>请先在“网店”标签页中添加网店。</translation>
    </message>
    <message>
        <source>Payment gateway fees (ledger account per fee)</source>
        <translation>支付网关费用（每种费用对应的总账科目）</translation>
    </message>
    <message>
        <source>Automatic sync is off; use Sync now in Stores or Tools.</source>
        <translation>自动同步已关闭；请在“网店”或“工具”中使用“立即同步”。</translation>
    </message>
    <message>
        <source>Never synced: the first sync starts within a minute.</source>
        <translation>从未同步：首次同步将在一分钟内开始。</translation>
    </message>
    <message>
        <source>Last sync {when}.</source>
        <translation>最近同步：{when}。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved. Orders already held for a setting can now be retried.</source>
        <translation>已保存。因设置而暂挂的订单现在可以重试。</translation>
    </message>
    <message>
        <source>Saving automation settings</source>
        <translation>正在保存自动化设置</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>CredentialFields</name>
    <message>
        <source>Credentials (kept in this computer&apos;s password store)</source>
        <translation>凭据（保存在本机的密码库中）</translation>
    </message>
    <message>
        <source>Save credentia&amp;ls</source>
        <translation>保存凭据(&amp;L)</translation>
    </message>
    <message>
        <source>saved - type a new value to replace it</source>
        <translation>已保存 - 输入新值即可替换</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>✔ Saved</source>
        <translation>✔ 已保存</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Type a credential first; saved ones are kept as they are.</source>
        <translation>请先输入凭据；已保存的凭据保持不变。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved {n} credential. Press Test connection to check it.</source>
        <translation>已保存 {n} 项凭据。请按“测试连接”进行检查。</translation>
    </message>
    <message>
        <source>Saved {n} credentials. Press Test connection to check them.</source>
        <translation>已保存 {n} 项凭据。请按“测试连接”进行检查。</translation>
    </message>
    <message>
        <source>Saving credentials</source>
        <translation>正在保存凭据</translation>
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
    <message>
        <source>dd MMM HH:mm</source>
        <translation>MM月dd日 HH:mm</translation>
    </message>
</context>
<context>
    <name>ErrorBoundary</name>
    <message>
        <source>ecdesk could not do that</source>
        <translation>ecdesk 无法完成此操作</translation>
    </message>
    <message>
        <source>ecdesk cannot start</source>
        <translation>ecdesk 无法启动</translation>
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
        <source>{title}: {reason}</source>
        <translation>{title}：{reason}</translation>
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
        <source>Search held orders</source>
        <translation>搜索暂挂订单</translation>
    </message>
    <message>
        <source>Store filter</source>
        <translation>网店筛选</translation>
    </message>
    <message>
        <source>Reason filter</source>
        <translation>原因筛选</translation>
    </message>
    <message>
        <source>Held orders</source>
        <translation>暂挂订单</translation>
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
        <source>No mapping fixes this order: press Enter to see why it is held.</source>
        <translation>没有可修复此订单的对照：按 Enter 查看暂挂原因。</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>全部网店</translation>
    </message>
    <message>
        <source>Reading held orders</source>
        <translation>正在读取暂挂订单</translation>
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
        <source>Settling orders by hand</source>
        <translation>正在手动结清订单</translation>
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
    <name>IntegrationTab</name>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>e.g. 2025-01 (blank: ecdesk&apos;s default)</source>
        <translation>例如 2025-01（留空：使用 ecdesk 默认值）</translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation>合作伙伴 ID（Partner ID）</translation>
    </message>
    <message>
        <source>from Shopee Open Platform</source>
        <translation>来自 Shopee 开放平台</translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation>店铺 ID（Shop ID）</translation>
    </message>
    <message>
        <source>the shop&apos;s numeric id</source>
        <translation>店铺的数字 ID</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>应用密钥（App key）</translation>
    </message>
    <message>
        <source>from Lazada Open Platform</source>
        <translation>来自 Lazada 开放平台</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>AutoCount company</source>
        <translation>AutoCount 公司</translation>
    </message>
    <message>
        <source>main book</source>
        <translation>主账簿</translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation>Admin API 访问令牌</translation>
    </message>
    <message>
        <source>Client ID (instead of a token)</source>
        <translation>客户端 ID（代替令牌）</translation>
    </message>
    <message>
        <source>Client secret (instead of a token)</source>
        <translation>客户端密钥（代替令牌）</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>消费者密钥（Consumer key）</translation>
    </message>
    <message>
        <source>Consumer secret</source>
        <translation>消费者密码（Consumer secret）</translation>
    </message>
    <message>
        <source>Partner key</source>
        <translation>合作伙伴密钥（Partner key）</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>应用密码（App secret）</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Either the Admin API access token, or the client ID and client secret of the store&apos;s app.</source>
        <translation>填写 Admin API 访问令牌，或填写网店应用的客户端 ID 和客户端密钥。</translation>
    </message>
    <message>
        <source>After saving the partner key, paste the authorisation code Shopee gave you below and press Authorise.</source>
        <translation>保存合作伙伴密钥后，将 Shopee 提供的授权码粘贴到下方，然后按“授权”。</translation>
    </message>
    <message>
        <source>After saving the app secret, paste the authorisation code Lazada gave you below and press Authorise.</source>
        <translation>保存应用密码后，将 Lazada 提供的授权码粘贴到下方，然后按“授权”。</translation>
    </message>
    <message>
        <source>API address (URL)</source>
        <translation>API 地址（URL）</translation>
    </message>
    <message>
        <source>Account book ID</source>
        <translation>账簿 ID</translation>
    </message>
    <message>
        <source>the book&apos;s id in AutoCount Cloud</source>
        <translation>AutoCount Cloud 中的账簿 ID</translation>
    </message>
    <message>
        <source>Debtor (customer) code</source>
        <translation>债务人（客户）代码</translation>
    </message>
    <message>
        <source>e.g. 300-C001</source>
        <translation>例如 300-C001</translation>
    </message>
    <message>
        <source>Sales account</source>
        <translation>销售科目</translation>
    </message>
    <message>
        <source>e.g. 500-0000</source>
        <translation>例如 500-0000</translation>
    </message>
    <message>
        <source>Shipping charge item</source>
        <translation>运费物品</translation>
    </message>
    <message>
        <source>e.g. SHIPPING</source>
        <translation>例如 SHIPPING</translation>
    </message>
    <message>
        <source>Rounding account</source>
        <translation>舍入科目</translation>
    </message>
    <message>
        <source>e.g. 530-0000</source>
        <translation>例如 530-0000</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>e.g. BANK</source>
        <translation>例如 BANK</translation>
    </message>
    <message>
        <source>Credit term</source>
        <translation>信用期限</translation>
    </message>
    <message>
        <source>e.g. C.O.D.</source>
        <translation>例如 C.O.D.</translation>
    </message>
    <message>
        <source>Sales location</source>
        <translation>销售地点</translation>
    </message>
    <message>
        <source>e.g. HQ</source>
        <translation>例如 HQ</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥 ID（Key ID）</translation>
    </message>
    <message>
        <source>AutoCount Accounting on this PC or the office server</source>
        <translation>本机或办公室服务器上的 AutoCount Accounting</translation>
    </message>
    <message>
        <source>Excel workbooks for AutoCount&apos;s import (no API licence)</source>
        <translation>供 AutoCount 导入的 Excel 工作簿（无需 API 许可）</translation>
    </message>
    <message>
        <source>Read-only SQL connection</source>
        <translation>只读 SQL 连接</translation>
    </message>
    <message>
        <source>optional: mssql+pyodbc://USER@SERVER/DATABASE</source>
        <translation>可选：mssql+pyodbc://USER@SERVER/DATABASE</translation>
    </message>
    <message>
        <source>SQL Server</source>
        <translation>SQL 服务器</translation>
    </message>
    <message>
        <source>e.g. .\A2006 or SERVER\A2006</source>
        <translation>例如 .\A2006 或 SERVER\A2006</translation>
    </message>
    <message>
        <source>Account book database</source>
        <translation>账簿数据库</translation>
    </message>
    <message>
        <source>e.g. AED_COMPANY</source>
        <translation>例如 AED_COMPANY</translation>
    </message>
    <message>
        <source>AutoCount user</source>
        <translation>AutoCount 用户</translation>
    </message>
    <message>
        <source>e.g. ADMIN</source>
        <translation>例如 ADMIN</translation>
    </message>
    <message>
        <source>AutoCount program folder</source>
        <translation>AutoCount 程序文件夹</translation>
    </message>
    <message>
        <source>blank: the usual install folder</source>
        <translation>留空：默认安装文件夹</translation>
    </message>
    <message>
        <source>Folder for the workbooks</source>
        <translation>工作簿文件夹</translation>
    </message>
    <message>
        <source>e.g. C:\AutoCount imports</source>
        <translation>例如 C:\AutoCount imports</translation>
    </message>
    <message>
        <source>AutoCount user&apos;s password</source>
        <translation>AutoCount 用户密码</translation>
    </message>
    <message>
        <source>SQL password (read-only connection)</source>
        <translation>SQL 密码（只读连接）</translation>
    </message>
    <message>
        <source>Stores and AutoCount</source>
        <translation>网店与 AutoCount</translation>
    </message>
    <message>
        <source>Add a compan&amp;y…</source>
        <translation>添加公司(&amp;Y)…</translation>
    </message>
    <message>
        <source>Another company&apos;s AutoCount book: its stores post there, with its own connection and credentials.</source>
        <translation>另一家公司的 AutoCount 账簿：其店铺过账到那里，使用自己的连接和凭据。</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>保存设置(&amp;V)</translation>
    </message>
    <message>
        <source>authorisation code from the marketplace</source>
        <translation>平台提供的授权码</translation>
    </message>
    <message>
        <source>Authorisation code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <source>A&amp;uthorise</source>
        <translation>授权(&amp;U)</translation>
    </message>
    <message>
        <source>Con&amp;firm an import…</source>
        <translation>确认导入(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw a workbook…</source>
        <translation>撤回工作簿(&amp;W)…</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>测试连接(&amp;N)</translation>
    </message>
    <message>
        <source>AutoCount (accounting)</source>
        <translation>AutoCount（会计）</translation>
    </message>
    <message>
        <source>AutoCount: {company}</source>
        <translation>AutoCount：{company}</translation>
    </message>
    <message>
        <source>Until then ecdesk cannot save any credential; settings without secrets can still be saved.</source>
        <translation>在此之前 ecdesk 无法保存任何凭据；不含密钥的设置仍可保存。</translation>
    </message>
    <message>
        <source>AutoCount for {company}: where its stores&apos; orders are posted</source>
        <translation>{company} 的 AutoCount：其店铺订单过账之处</translation>
    </message>
    <message>
        <source>AutoCount: where orders are posted</source>
        <translation>AutoCount：订单过账的目的地</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>{store}: {platform} store</source>
        <translation>{store}：{platform} 网店</translation>
    </message>
    <message>
        <source>Store address (URL)</source>
        <translation>网店地址（URL）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Saving settings</source>
        <translation>正在保存设置</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Paste the authorisation code first.</source>
        <translation>请先粘贴授权码。</translation>
    </message>
    <message>
        <source>Authorising…</source>
        <translation>正在授权…</translation>
    </message>
    <message>
        <source>The workbook ecdesk exported</source>
        <translation>ecdesk 导出的工作簿</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} document marked posted.</source>
        <translation>{n} 份单据已标记为已过账。</translation>
    </message>
    <message>
        <source>{n} document ready to export again.</source>
        <translation>{n} 份单据可再次导出。</translation>
    </message>
    <message>
        <source>{n} documents marked posted.</source>
        <translation>{n} 份单据已标记为已过账。</translation>
    </message>
    <message>
        <source>{n} documents ready to export again.</source>
        <translation>{n} 份单据可再次导出。</translation>
    </message>
    <message>
        <source>Settling an exported workbook</source>
        <translation>正在处理已导出的工作簿</translation>
    </message>
    <message>
        <source>Add a company</source>
        <translation>添加公司</translation>
    </message>
    <message>
        <source>The company&apos;s name (its AutoCount book gets its own connection):</source>
        <translation>公司名称（其 AutoCount 账簿有自己的连接）：</translation>
    </message>
    <message>
        <source>Adding a company</source>
        <translation>正在添加公司</translation>
    </message>
    <message>
        <source>AutoCount Cloud Accounting (API)</source>
        <translation>AutoCount Cloud Accounting（API）</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation>Ctrl+1 … Ctrl+5</translation>
    </message>
    <message>
        <source>Stores, Integration, Automation, Mapping, Tools tab</source>
        <translation>网店、集成、自动化、对照、工具 标签页</translation>
    </message>
    <message>
        <source>Search the held orders (Tab then moves to the grid)</source>
        <translation>搜索暂挂订单（再按 Tab 移到列表）</translation>
    </message>
    <message>
        <source>↑ ↓, Home, End</source>
        <translation>↑ ↓、Home、End</translation>
    </message>
    <message>
        <source>Move through the held orders</source>
        <translation>在暂挂订单之间移动</translation>
    </message>
    <message>
        <source>Open the selected held order</source>
        <translation>打开所选的暂挂订单</translation>
    </message>
    <message>
        <source>Map the value that holds the selected order (in the order too)</source>
        <translation>对照导致所选订单暂挂的值（在订单窗口中亦可）</translation>
    </message>
    <message>
        <source>Retry the selected held orders (in the order too)</source>
        <translation>重试所选的暂挂订单（在订单窗口中亦可）</translation>
    </message>
    <message>
        <source>Settled by hand: take the selected orders off the list, with a note</source>
        <translation>已手动处理：将所选订单移出列表，并填写备注</translation>
    </message>
    <message>
        <source>Refresh the held orders</source>
        <translation>刷新暂挂订单</translation>
    </message>
    <message>
        <source>Enter (in AutoCount code)</source>
        <translation>Enter（在“AutoCount 代码”中）</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>保存对照</translation>
    </message>
    <message>
        <source>underlined letter</source>
        <translation>带下划线的字母</translation>
    </message>
    <message>
        <source>Press that button</source>
        <translation>按下该按钮</translation>
    </message>
    <message>
        <source>Close the order or this page</source>
        <translation>关闭订单或本页</translation>
    </message>
    <message>
        <source>This page</source>
        <translation>本页</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
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
        <source>Stock</source>
        <translation>库存</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
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
    <message>
        <source>Settling an order by hand</source>
        <translation>正在手动结清一个订单</translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>AutoCount item code, e.g. TS-RED-L</source>
        <translation>AutoCount 物品编号，例如 TS-RED-L</translation>
    </message>
    <message>
        <source>AutoCount item for the charge, e.g. SHIPPING</source>
        <translation>该费用对应的 AutoCount 物品，例如 SHIPPING</translation>
    </message>
    <message>
        <source>AutoCount payment method, e.g. BANK</source>
        <translation>AutoCount 付款方式，例如 BANK</translation>
    </message>
    <message>
        <source>AutoCount tax code, e.g. SV-8 (or none)</source>
        <translation>AutoCount 税码，例如 SV-8（或 none）</translation>
    </message>
    <message>
        <source>Saving a mapping</source>
        <translation>正在保存映射</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Search store value or AutoCount code…</source>
        <translation>搜索网店值或 AutoCount 代码…</translation>
    </message>
    <message>
        <source>Search mappings</source>
        <translation>搜索对照</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>exactly as the store sends it</source>
        <translation>与网店发送的完全一致</translation>
    </message>
    <message>
        <source>optional, e.g. UNIT</source>
        <translation>可选，例如 UNIT</translation>
    </message>
    <message>
        <source>&amp;Save mapping</source>
        <translation>保存对照(&amp;S)</translation>
    </message>
    <message>
        <source>De&amp;lete mapping</source>
        <translation>删除对照(&amp;L)</translation>
    </message>
    <message>
        <source>Retry held orders &amp;now</source>
        <translation>立即重试暂挂订单(&amp;N)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Map a value</source>
        <translation>对照一个值</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>网店(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>Store &amp;value</source>
        <translation>网店值(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;AutoCount code</source>
        <translation>AutoCount 代码(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;UOM</source>
        <translation>UOM(&amp;U)</translation>
    </message>
    <message>
        <source>Store of the mapping</source>
        <translation>对照所属网店</translation>
    </message>
    <message>
        <source>Kind of the mapping</source>
        <translation>对照类型</translation>
    </message>
    <message>
        <source>Store value</source>
        <translation>网店值</translation>
    </message>
    <message>
        <source>AutoCount code</source>
        <translation>AutoCount 代码</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>全部网店</translation>
    </message>
    <message>
        <source>{n} value from held orders needs a mapping (shown first, highlighted).</source>
        <translation>暂挂订单中有 {n} 个值需要对照（排在最前并高亮显示）。</translation>
    </message>
    <message>
        <source>{n} values from held orders need a mapping (shown first, highlighted).</source>
        <translation>暂挂订单中有 {n} 个值需要对照（排在最前并高亮显示）。</translation>
    </message>
    <message>
        <source>{n} mapped.</source>
        <translation>已对照 {n} 个。</translation>
    </message>
    <message>
        <source>Every value seen in held orders is mapped. {n} mapping shown.</source>
        <translation>暂挂订单中的所有值均已对照。显示 {n} 条对照。</translation>
    </message>
    <message>
        <source>Every value seen in held orders is mapped. {n} mappings shown.</source>
        <translation>暂挂订单中的所有值均已对照。显示 {n} 条对照。</translation>
    </message>
    <message>
        <source>Type the AutoCount code for {kind} &apos;{key}&apos; and press Save mapping.</source>
        <translation>请输入{kind}“{key}”对应的 AutoCount 代码，然后按“保存对照”。</translation>
    </message>
    <message>
        <source>Add a store first (Stores tab).</source>
        <translation>请先添加网店（“网店”标签页）。</translation>
    </message>
    <message>
        <source>Saving {key}…</source>
        <translation>正在保存 {key}…</translation>
    </message>
    <message>
        <source>Saved: {key} → {value}. Press “Retry held orders now” to post the orders that were waiting for it.</source>
        <translation>已保存：{key} → {value}。按“立即重试暂挂订单”即可过账等待此对照的订单。</translation>
    </message>
    <message>
        <source>Deleted the mapping of &apos;{key}&apos;.</source>
        <translation>已删除“{key}”的对照。</translation>
    </message>
    <message>
        <source>Deleting a mapping</source>
        <translation>正在删除映射</translation>
    </message>
    <message>
        <source>Export mappings</source>
        <translation>导出对照</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Import mappings</source>
        <translation>导入对照</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}. Fill the empty AutoCount codes and import the file back.</source>
        <translation>已导出 {count} 行到 {path}。请填写空白的 AutoCount 代码，然后重新导入该文件。</translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation>正在导入 {path}…</translation>
    </message>
    <message>
        <source>Mapping import</source>
        <translation>映射导入</translation>
    </message>
    <message>
        <source>Imported {n} mapping.</source>
        <translation>已导入 {n} 条对照。</translation>
    </message>
    <message>
        <source>Imported {n} mappings.</source>
        <translation>已导入 {n} 条对照。</translation>
    </message>
    <message>
        <source>{n} row without an AutoCount code was skipped.</source>
        <translation>已跳过 {n} 行没有 AutoCount 代码的记录。</translation>
    </message>
    <message>
        <source>{n} rows without an AutoCount code were skipped.</source>
        <translation>已跳过 {n} 行没有 AutoCount 代码的记录。</translation>
    </message>
</context>
<context>
    <name>MappingsModel</name>
    <message>
        <source>Item (SKU)</source>
        <translation>物品（SKU）</translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation>运送方式</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Store value</source>
        <translation>网店值</translation>
    </message>
    <message>
        <source>AutoCount code</source>
        <translation>AutoCount 代码</translation>
    </message>
    <message>
        <source>Orders held</source>
        <translation>暂挂订单数</translation>
    </message>
    <message>
        <source>Needs mapping</source>
        <translation>需要对照</translation>
    </message>
    <message>
        <source>Mapped</source>
        <extracomment>where an edit is written: the window&apos;s writer (off the GUI thread) when set, else at once; ``writer(fn, done, failed)``</extracomment>
        <translation>已对照</translation>
    </message>
    <message>
        <source>Orders are held because this value has no AutoCount code. Type the code in &apos;AutoCount code&apos;, then retry the held orders.</source>
        <translation>此值没有 AutoCount 代码，因此订单被暂挂。请在“AutoCount 代码”中输入代码，然后重试暂挂订单。</translation>
    </message>
    <message>
        <source>Type the AutoCount code first.</source>
        <translation>请先输入 AutoCount 代码。</translation>
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
        <source>Stock push to {store}</source>
        <translation>推送库存到 {store}</translation>
    </message>
    <message>
        <source>Stock push to all stores</source>
        <translation>推送库存到所有网店</translation>
    </message>
    <message>
        <source>Scheduled stock and tracking of {stores}</source>
        <translation>{stores} 的定时库存与追踪</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
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
        <source>Payout</source>
        <translation>放款</translation>
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
        <source>Shipped: record trac&amp;king…</source>
        <translation>已发货：记录追踪号码(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Reconciled: the marketplace pays {stated}, what ecdesk posted, to the cent.</source>
        <translation>已对账：平台支付 {stated}，与 ecdesk 过账的金额分毫不差。</translation>
    </message>
    <message>
        <source>Released: the marketplace pays {stated}, ecdesk posted {expected}; see Tools &gt; Payouts.</source>
        <translation>已放款：平台支付 {stated}，ecdesk 过账 {expected}；请查看 工具 &gt; 结算。</translation>
    </message>
    <message>
        <source>Not released by the marketplace yet (it says {stated} for now); the fee note is posted from its final figures.</source>
        <translation>平台尚未放款（目前为 {stated}）；费用贷项单将按最终金额过账。</translation>
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
    <name>PayoutsDialog</name>
    <message>
        <source>Estimated (not released yet)</source>
        <translation>预估（尚未放款）</translation>
    </message>
    <message>
        <source>Released, does not tie out</source>
        <translation>已放款，对不上</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>已对账</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Marketplace pays</source>
        <translation>平台实付</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>结算批次</translation>
    </message>
    <message>
        <source>Marketplace payouts</source>
        <translation>平台结算</translation>
    </message>
    <message>
        <source>Reading the payouts…</source>
        <translation>正在读取结算…</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Expected = the sale less the fee notes and refunds ecdesk posted; the platform&apos;s own figure is its escrow (Shopee), finance rows (Lazada) or balance transactions (Shopify Payments, WooPayments). Estimated payouts may still change; released ones should tie out to the cent.</source>
        <translation>应收 = 销售额减去 ecdesk 已过账的费用单和退款；平台自己的数字来自托管款（Shopee）、财务明细（Lazada）或余额交易（Shopify Payments、WooPayments）。预估结算仍可能变化；已放款的应精确到分对上。</translation>
    </message>
    <message>
        <source>Reading payouts</source>
        <translation>正在读取结算</translation>
    </message>
    <message>
        <source>{store}: {estimated} estimated, {released} released, {reconciled} reconciled; not reconciled {amount}</source>
        <translation>{store}：{estimated} 笔预估，{released} 笔已放款，{reconciled} 笔已对账；未对账 {amount}</translation>
    </message>
    <message>
        <source>No marketplace store has posted orders yet.</source>
        <translation>尚无平台店铺过账订单。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Push stock: what would change</source>
        <translation>推送库存：将会改变的内容</translation>
    </message>
    <message>
        <source>Quantities that would be sent</source>
        <translation>将要发送的数量</translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation>立即推送(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Order {order} shipped</source>
        <translation>订单 {order} 已发货</translation>
    </message>
    <message>
        <source>e.g. J&amp;T Express</source>
        <translation>例如 J&amp;T Express</translation>
    </message>
    <message>
        <source>Send it to the store &amp;now (otherwise at the next send)</source>
        <translation>立即发送到网店(&amp;N)（否则在下次发送时）</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>承运商(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tracking number</source>
        <translation>追踪号码(&amp;T)</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>物品代码</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>To push</source>
        <translation>待推送</translation>
    </message>
    <message>
        <source>Last pushed</source>
        <translation>上次推送</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>All stores</source>
        <translation>全部网店</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>&amp;Import stock count…</source>
        <translation>导入库存盘点(&amp;I)…</translation>
    </message>
    <message>
        <source>Push stock &amp;now…</source>
        <translation>立即推送库存(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Stock per store SKU</source>
        <translation>每个网店 SKU 的库存</translation>
    </message>
    <message>
        <source>{n} SKU needs attention (listed first).</source>
        <translation>{n} 个 SKU 需要处理（排在最前）。</translation>
    </message>
    <message>
        <source>{n} SKUs need attention (listed first).</source>
        <translation>{n} 个 SKU 需要处理（排在最前）。</translation>
    </message>
    <message>
        <source>AutoCount stock balance report</source>
        <translation>AutoCount 库存结存报表</translation>
    </message>
    <message>
        <source>Excel or csv (*.xlsx *.csv)</source>
        <translation>Excel 或 csv (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Counted {n} item.</source>
        <translation>已盘点 {n} 个物品。</translation>
    </message>
    <message>
        <source>Counted {n} items.</source>
        <translation>已盘点 {n} 个物品。</translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation>不会有任何改变。</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Edit store</source>
        <extracomment>``submit(values, answer)``: save the values (through the window&apos;s writer) and call ``answer(None)`` once saved, or ``answer(text)`` with what is wrong.</extracomment>
        <translation>编辑网店</translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation>添加网店</translation>
    </message>
    <message>
        <source>e.g. Main Shopify</source>
        <translation>例如 Shopify 主店</translation>
    </message>
    <message>
        <source>Put before the order number to make the AutoCount document number, e.g. SH- gives SH-1001 (up to 4 characters).</source>
        <translation>加在订单号前面组成 AutoCount 单据号，例如 SH- 得到 SH-1001（最多 4 个字符）。</translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation>网店名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>Store &amp;address (URL)</source>
        <translation>网店地址（URL）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Document prefix</source>
        <translation>单据前缀(&amp;D)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Credentials are entered next, in the Integration tab.</source>
        <translation>凭据稍后在“集成”标签页中填写。</translation>
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
        <translation>正常</translation>
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
        <source>Needs set-up</source>
        <translation>需要设置</translation>
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
    <name>StoresTab</name>
    <message>
        <source>Stores</source>
        <translation>网店</translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation>添加网店(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;ync this store now</source>
        <translation>立即同步此网店(&amp;Y)</translation>
    </message>
    <message>
        <source>Sync a&amp;ll stores now</source>
        <translation>立即同步全部网店(&amp;L)</translation>
    </message>
    <message>
        <source>No stores yet. Press “Add store…” to connect your first online store, then enter its credentials in Integration.</source>
        <translation>还没有网店。按“添加网店…”连接您的第一个网店，然后在“集成”中填写其凭据。</translation>
    </message>
    <message>
        <source>Reading the stores</source>
        <translation>正在读取店铺</translation>
    </message>
    <message>
        <source>Give the store a name, e.g. &apos;Main Shopify&apos;.</source>
        <translation>请为网店命名，例如“Shopify 主店”。</translation>
    </message>
    <message>
        <source>Adding the store</source>
        <translation>正在添加店铺</translation>
    </message>
    <message>
        <source>Saving the store</source>
        <translation>正在保存店铺</translation>
    </message>
    <message>
        <source>Remove the store &apos;{store}&apos;? Its orders and mappings are removed from ecdesk (documents already in AutoCount stay).</source>
        <translation>移除网店“{store}”？其订单和对照将从 ecdesk 中删除（已在 AutoCount 中的单据保留）。</translation>
    </message>
    <message>
        <source>Removing the store</source>
        <translation>正在移除店铺</translation>
    </message>
    <message>
        <source>Remove store</source>
        <translation>移除网店</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Payou&amp;ts…</source>
        <translation>结算(&amp;T)…</translation>
    </message>
    <message>
        <source>Marketplace orders: what ecdesk posted against what the marketplace pays.</source>
        <translation>平台订单：ecdesk 过账的金额与平台实付金额对比。</translation>
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
        <source>Push stoc&amp;k now…</source>
        <translation>立即推送库存(&amp;K)…</translation>
    </message>
    <message>
        <source>Shows what would change in each store first; nothing is sent until you confirm.</source>
        <translation>先显示每个网店将会改变的内容；确认之前不会发送任何内容。</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantities go to every store whose push_stock is on, at its own cadence; this sends the changes now.</source>
        <translation>数量会按各网店自己的周期发送到开启 push_stock 的网店；此按钮立即发送变更。</translation>
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
        <source>{n} waiting (unpaid, or not settled yet)</source>
        <translation>{n} 张等待中（未付款或尚未结算）</translation>
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
    <message>
        <source>Amount out of range</source>
        <translation>金额超出范围</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; (line &apos;{line}&apos;) has no AutoCount item code. Map it in Mapping &gt; Items, then Retry.</source>
        <translation>SKU“{sku}”（明细“{line}”）没有对应的 AutoCount 物品编号。请在“对照 &gt; 物品（SKU）”中对照后重试。</translation>
    </message>
    <message>
        <source>Line &apos;{line}&apos; has no SKU in the store, so it cannot be matched to an AutoCount item. Post this order by hand in AutoCount and mark it Resolved; give the product a SKU in the store so later orders match.</source>
        <translation>明细“{line}”在网店中没有 SKU，无法对应到 AutoCount 物品。请在 AutoCount 中手动过账此订单，并标记为“已手动处理”；同时在网店中为该产品设置 SKU，以便日后的订单能够对应。</translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; has no AutoCount item. Map it in Mapping &gt; Shipping, then Retry.</source>
        <translation>运送方式“{method}”没有对应的 AutoCount 物品。请在“对照 &gt; 运送方式”中对照后重试。</translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; (&apos;{title}&apos;) has no AutoCount item. Map it in Mapping &gt; Shipping, then Retry.</source>
        <translation>运送方式“{method}”（“{title}”）没有对应的 AutoCount 物品。请在“对照 &gt; 运送方式”中对照后重试。</translation>
    </message>
    <message>
        <source>Shipping charge &apos;{title}&apos; ({amount}) has no shipping method name and the store has no default shipping item. Set &apos;shipping_item&apos; in the store&apos;s posting settings, then Retry.</source>
        <translation>运费“{title}”（{amount}）没有运送方式名称，且网店没有默认运费物品。请在网店的过账设置中设定“shipping_item”，然后重试。</translation>
    </message>
    <message>
        <source>Payment method &apos;{gateway}&apos; has no AutoCount payment method. Map it in Mapping &gt; Payments, then Retry.</source>
        <translation>付款方式“{gateway}”没有对应的 AutoCount 付款方式。请在“对照 &gt; 付款方式”中对照后重试。</translation>
    </message>
    <message>
        <source>The order ({amount}) has no payment method in the store. Check how it was paid in the store, post it by hand if needed, then mark it Resolved.</source>
        <translation>该订单（{amount}）在网店中没有付款方式。请在网店中查看付款方式，必要时手动过账，然后标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>Tax rate {rate}% (line &apos;{line}&apos;) has no AutoCount tax code. Map it in Mapping &gt; Tax, then Retry.</source>
        <translation>税率 {rate}%（明细“{line}”）没有对应的 AutoCount 税码。请在“对照 &gt; 税率”中对照后重试。</translation>
    </message>
    <message>
        <source>Line &apos;{line}&apos; carries tax {tax} but the store sent no tax rate, so no tax code can be chosen. Check the tax settings in the store, then Retry.</source>
        <translation>明细“{line}”含税额 {tax}，但网店没有提供税率，因此无法选择税码。请检查网店的税务设置，然后重试。</translation>
    </message>
    <message>
        <source>Charge &apos;{charge}&apos; carries tax {tax} that no mapped tax rate gives to the cent. Map its rate in Mapping &gt; Tax, then Retry.</source>
        <translation>费用“{charge}”含税额 {tax}，但没有任何已对照的税率能精确算出该金额。请在“对照 &gt; 税率”中对照其税率，然后重试。</translation>
    </message>
    <message>
        <source>The order is in {currency} but the AutoCount book is in {book}. Foreign-currency orders are not posted automatically: post it by hand in AutoCount, then mark it Resolved.</source>
        <translation>该订单的货币为 {currency}，但 AutoCount 账簿使用 {book}。外币订单不会自动过账：请在 AutoCount 中手动过账，然后标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>Lines, shipping and tax add up to {computed} but the store&apos;s total is {total} (difference {diff}). Check the order in the store; if the store shows it correctly, post it by hand in AutoCount and mark it Resolved.</source>
        <translation>明细、运费和税额合计为 {computed}，但网店的总额为 {total}（差额 {diff}）。请在网店中核对该订单；如果网店显示无误，请在 AutoCount 中手动过账，并标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>Lines and shipping add up to {computed} but the store&apos;s total is {total} (difference {diff}). Check the order in the store; if the store shows it correctly, post it by hand in AutoCount and mark it Resolved.</source>
        <translation>明细和运费合计为 {computed}，但网店的总额为 {total}（差额 {diff}）。请在网店中核对该订单；如果网店显示无误，请在 AutoCount 中手动过账，并标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”尚未设定。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not true or false. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”为“{setting}”，不是 true 或 false。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, longer than {limit} characters. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”为“{setting}”，超过 {limit} 个字符。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not a time zone such as {example}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”为“{setting}”，不是有效的时区（例如 {example}）。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not one of {choices}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”为“{setting}”，不是 {choices} 之一。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not an amount above 0. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”为“{setting}”，不是大于 0 的金额。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; cannot be credit_note for a sale. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”不能为销售设定 credit_note。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set, and this order needs a rounding line of {diff}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”尚未设定，而此订单需要一行 {diff} 的舍入调整。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set, and this credit note needs a rounding line of {diff}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>过账设置“{key}”尚未设定，而此贷记单需要一行 {diff} 的舍入调整。请在网店的过账设置中设定（或 `ecdesk store set STORE --set {key}=VALUE`），然后重试。</translation>
    </message>
    <message>
        <source>AutoCount would total this order {computed} but the store&apos;s total is {total} (difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for this store&apos;s rates, then Retry.</source>
        <translation>AutoCount 计算此订单的总额为 {computed}，但网店的总额为 {total}（差额 {diff}，超过 {tolerance} 的舍入容差）。请检查此网店各税率所对照的税码，然后重试。</translation>
    </message>
    <message>
        <source>AutoCount would total this credit note {computed} but the store&apos;s total is {total} (difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for this store&apos;s rates, then Retry.</source>
        <translation>AutoCount 计算此贷记单的总额为 {computed}，但网店的总额为 {total}（差额 {diff}，超过 {tolerance} 的舍入容差）。请检查此网店各税率所对照的税码，然后重试。</translation>
    </message>
    <message>
        <source>Refund {refund} returns {qty} of line {line} but the order sold {sold}. Check the refund in the store; post the credit note by hand if needed.</source>
        <translation>退款 {refund} 退回明细 {line} 的 {qty} 件，但该订单只售出 {sold} 件。请在网店中核对此退款；必要时手动过账贷记单。</translation>
    </message>
    <message>
        <source>Refund {refund} returns {qty} of line {line} but the order has no such line. Check the refund in the store; post the credit note by hand if needed.</source>
        <translation>退款 {refund} 退回明细 {line} 的 {qty} 件，但该订单没有这一明细。请在网店中核对此退款；必要时手动过账贷记单。</translation>
    </message>
    <message>
        <source>Refunded line &apos;{line}&apos; (SKU &apos;{sku}&apos;) has no AutoCount item code. Map it in Mapping &gt; Items, then Retry.</source>
        <translation>退款明细“{line}”（SKU“{sku}”）没有对应的 AutoCount 物品编号。请在“对照 &gt; 物品（SKU）”中对照后重试。</translation>
    </message>
    <message>
        <source>Tax rate {rate}% (refunded line &apos;{line}&apos;) has no AutoCount tax code. Map it in Mapping &gt; Tax, then Retry.</source>
        <translation>税率 {rate}%（退款明细“{line}”）没有对应的 AutoCount 税码。请在“对照 &gt; 税率”中对照后重试。</translation>
    </message>
    <message>
        <source>Order {order} has the same number as order {other} of this store, so both would be AutoCount document {doc_no}. Correct the number in the store, or post it by hand and mark it Resolved (or let AutoCount number this store&apos;s documents: own_numbering).</source>
        <translation>订单 {order} 与本店订单 {other} 编号相同，两者都会成为 AutoCount 单据 {doc_no}。请在店铺中更正编号，或手动过账并标记为已解决（或让 AutoCount 为本店单据编号：own_numbering）。</translation>
    </message>
    <message>
        <source>Refund {refund} is {amount}: nothing to credit. Check the refund in the store, then mark it Resolved.</source>
        <translation>退款 {refund} 的金额为 {amount}：没有可贷记的金额。请在网店中核对此退款，然后标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>Order {number} has {fee} of {amount} but no ledger is set for it. Set &apos;{key}&apos; to the AutoCount account for it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=ACCOUNT`, e.g. {key}=908-1000), then Retry.</source>
        <translation>订单 {number} 有 {amount} 的 {fee}，但尚未为其设定总账科目。请在网店的过账设置中将“{key}”设为对应的 AutoCount 科目（或 `ecdesk store set STORE --set {key}=ACCOUNT`，例如 {key}=908-1000），然后重试。</translation>
    </message>
    <message>
        <source>The marketplace&apos;s fees for order {number} net to a credit of {amount} (rebates above charges), and AutoCount cannot post a credit note below zero. Record the credit in AutoCount by hand, then mark the order Resolved.</source>
        <translation>订单 {number} 的平台费用净额为贷方 {amount}（返利高于费用），而 AutoCount 无法过账负数的贷记单。请在 AutoCount 中手动记录该贷项，然后将订单标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>ecdesk could not process this order ({error}). Nothing was posted twice; press Retry after an update, or post it by hand and mark it Resolved.</source>
        <translation>ecdesk 无法处理此订单（{error}）。没有任何单据被重复过账；请在更新后按“重试”，或手动过账并标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>The AutoCount route &apos;{route}&apos; cannot create a {kind}; choose another document in Automation.</source>
        <translation>AutoCount 连接方式“{route}”无法创建 {kind}；请在“自动化”中选择其他单据。</translation>
    </message>
    <message>
        <source>{said}. Fix what AutoCount names (in AutoCount, or the mapping or posting setting that gives it), then Retry.</source>
        <translation>{said}。请修正 AutoCount 指出的问题（在 AutoCount 中，或在产生该值的对照或过账设置中），然后重试。</translation>
    </message>
    <message>
        <source>Order {number} was cancelled in the store after it was posted as {doc}. Void or credit {doc} in AutoCount, then mark the order Resolved.</source>
        <translation>订单 {number} 过账为 {doc} 后在网店中被取消。请在 AutoCount 中作废 {doc} 或为其开贷记单，然后将订单标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>Order {number} was edited in the store after it was posted as {doc}; the AutoCount document no longer matches. Correct it in AutoCount, then mark the order Resolved.</source>
        <translation>订单 {number} 过账为 {doc} 后在网店中被修改；AutoCount 单据已不再相符。请在 AutoCount 中更正，然后将订单标记为“已手动处理”。</translation>
    </message>
    <message>
        <source>The order is in {currency} but the AutoCount book keeps {book}. Post it by hand in AutoCount, then mark it Resolved.</source>
        <translation>订单币种为 {currency}，但 AutoCount 账簿使用 {book}。请在 AutoCount 中手工录入，然后标记为已解决。</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Set it to a code the book has in the store&apos;s posting settings (`ecdesk store set {store} --set {key}=CODE`, `ecdesk autocount {listing}` lists them), then Retry.</source>
        <translation>过账设置“{key}”为{kind}“{code}”，而 AutoCount 账簿中没有该代码{tail}。请在店铺的过账设置中改为账簿中已有的代码（`ecdesk store set {store} --set {key}=CODE`，`ecdesk autocount {listing}` 可列出），然后重试。</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to an item the book has in Mapping &gt; Items, then Retry.</source>
        <translation>SKU“{sku}”映射到{kind}“{code}”，而 AutoCount 账簿中没有该代码{tail}。请在“映射 &gt; 商品”中映射到账簿中已有的商品，然后重试。</translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to an item the book has in Mapping &gt; Shipping, then Retry.</source>
        <translation>配送方式“{method}”映射到{kind}“{code}”，而 AutoCount 账簿中没有该代码{tail}。请在“映射 &gt; 配送”中映射到账簿中已有的商品，然后重试。</translation>
    </message>
    <message>
        <source>Tax rate {rate}% is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to a tax code the book has in Mapping &gt; Tax, then Retry.</source>
        <translation>税率 {rate}% 映射到{kind}“{code}”，而 AutoCount 账簿中没有该代码{tail}。请在“映射 &gt; 税”中映射到账簿中已有的税码，然后重试。</translation>
    </message>
    <message>
        <source>Payment method &apos;{gateway}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to a payment method the book has in Mapping &gt; Payments, then Retry.</source>
        <translation>付款方式“{gateway}”映射到{kind}“{code}”，而 AutoCount 账簿中没有该代码{tail}。请在“映射 &gt; 付款”中映射到账簿中已有的付款方式，然后重试。</translation>
    </message>
    <message>
        <source>The document uses {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Add it in AutoCount or change the mapping or setting that gives it, then Retry.</source>
        <translation>单据使用了{kind}“{code}”，而 AutoCount 账簿中没有该代码{tail}。请在 AutoCount 中添加，或修改产生它的映射或设置，然后重试。</translation>
    </message>
    <message>
        <source>{part} has {field} &apos;{figure}&apos;, which is not a number. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation>{part}的{field}为“{figure}”，不是数字。请在店铺中更正（或在 AutoCount 中手工录入订单并标记为已解决），然后重试。</translation>
    </message>
    <message>
        <source>{part} has a negative {field} ({figure}); a sale line cannot be below zero. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation>{part}的{field}为负数（{figure}）；销售行不能小于零。请在店铺中更正（或在 AutoCount 中手工录入订单并标记为已解决），然后重试。</translation>
    </message>
    <message>
        <source>{part} has {field} {figure}, far beyond any real order. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation>{part}的{field}为 {figure}，远超任何真实订单。请在店铺中更正（或在 AutoCount 中手工录入订单并标记为已解决），然后重试。</translation>
    </message>
    <message>
        <source>{part} has unit price {figure}, above this store&apos;s limit of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation>{part}的单价为 {figure}，超过本店铺上限 {limit}。请在店铺中核对订单；如无误，请提高本店铺的“{key}”设置（`ecdesk store set STORE --set {key}=AMOUNT`），然后重试。</translation>
    </message>
    <message>
        <source>{part} has quantity {figure}, above this store&apos;s limit of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation>{part}的数量为 {figure}，超过本店铺上限 {limit}。请在店铺中核对订单；如无误，请提高本店铺的“{key}”设置（`ecdesk store set STORE --set {key}=AMOUNT`），然后重试。</translation>
    </message>
    <message>
        <source>The order total {figure} is above this store&apos;s ceiling of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation>订单总额 {figure} 超过本店铺上限 {limit}。请在店铺中核对订单；如无误，请提高本店铺的“{key}”设置（`ecdesk store set STORE --set {key}=AMOUNT`），然后重试。</translation>
    </message>
    <message>
        <source>The marketplace&apos;s settlement for order {number} does not add up: the sale less its fees and refunds is {parts}, but the payout it states is {payout} (difference {diff}). Its fees are not posted until the marketplace&apos;s figures agree; the sale stays posted. Check the order&apos;s payout in the marketplace, then Retry.</source>
        <translation>订单 {number} 的平台结算对不上：销售额减去费用和退款为 {parts}，但平台所列的结算款为 {payout}（差额 {diff}）。在平台数字一致之前不过账其费用；销售单据保持已过账。请在平台中核对该订单的结算款，然后重试。</translation>
    </message>
    <message>
        <source>The marketplace&apos;s fees for order {number} changed after they were posted: {posted} posted, {now} now (difference {diff}). ecdesk posts a rise of up to {tolerance} itself; post this one by hand in AutoCount (a credit or debit note to the marketplace&apos;s debtor), then mark the order Resolved.</source>
        <translation>订单 {number} 的平台费用在过账后发生变化：已过账 {posted}，现在为 {now}（差额 {diff}）。不超过 {tolerance} 的增加由 ecdesk 自动过账；这一笔请在 AutoCount 中手工录入（给平台客户的贷项或借项通知单），然后将订单标记为已解决。</translation>
    </message>
    <message>
        <source>AutoCount already has {doc} {doc_no} with reference &apos;{ref}&apos;, not &apos;{ours}&apos;.</source>
        <translation>AutoCount 已有{doc} {doc_no}，其参考号为“{ref}”，而不是“{ours}”。</translation>
    </message>
    <message>
        <source> (AutoCount said: {said})</source>
        <extracomment>Words a sentence takes as a value: a param named ``NAME_word`` holds a key below, and the sentence&apos;s ``{NAME}`` gets that word (filled with the other params, translated in the window), so &quot;Line &apos;Red shirt&apos;&quot; or &quot;item code&quot; reads in the clerk&apos;s language too.</extracomment>
        <translation>（AutoCount 提示：{said}）</translation>
    </message>
    <message>
        <source>item code</source>
        <translation>商品代码</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>税码</translation>
    </message>
    <message>
        <source>payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>debtor code</source>
        <translation>客户代码</translation>
    </message>
    <message>
        <source>location</source>
        <translation>仓位</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Line &apos;{name}&apos;</source>
        <translation>明细行“{name}”</translation>
    </message>
    <message>
        <source>Shipping &apos;{name}&apos;</source>
        <translation>配送“{name}”</translation>
    </message>
    <message>
        <source>Charge &apos;{name}&apos;</source>
        <translation>费用“{name}”</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>该订单</translation>
    </message>
    <message>
        <source>unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>charge</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总额</translation>
    </message>
    <message>
        <source>sales order</source>
        <translation>销售订单</translation>
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
        <source>delivery order</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>贷项通知单</translation>
    </message>
</context>
</TS>

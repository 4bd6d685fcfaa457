<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd MMM HH:mm:ss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldOrdersModel</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test order from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} (test)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldPanel</name>
    <message>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search order number or reason… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected order&apos;s lines and why it is held (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the selected orders again now (Ctrl+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled by han&amp;d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected orders were keyed into AutoCount by hand: take them off this list; ecdesk will never post them (Del).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry all &amp;fixable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry every held order whose reasons a mapping or a setting can fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No held orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} held order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} held orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held orders: none. Nothing needs you right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held orders: these need you. Double-click one (or press Enter) to see why, fix it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} order will leave the held list and ecdesk will never post it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders will leave the held list and ecdesk will never post them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ecdesk: online orders into AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} order in all needs you: double-click one under Held orders to see why, fix it (usually a mapping), then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders in all need you: double-click one under Held orders to see why, fix it (usually a mapping), then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last run did not finish; see the message above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order was marked settled by hand and left the held list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancelling after the current order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is still running. Wait for it to finish, or press Cancel, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of all stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync of {store} from {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled sync of {stores}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry of {n} order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry of {n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry of all fixable held orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync of order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation saved to {path}: {orders}, {lines}, {held} held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} AutoCount document line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} AutoCount document lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export of the reconciliation to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>&amp;Map this SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map this shipping method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map this payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map this tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the store&apos;s &amp;settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held: needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted to AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting (not paid yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sales order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} · {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(test order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In ecdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount documents: {docs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this order again now (Ctrl+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled by han&amp;d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You posted this order yourself in AutoCount: take it off the held list; ecdesk will never post it (Del).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch it again from the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SKU in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} leaves the held list and ecdesk will never post it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoresModel</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsTab</name>
    <message>
        <source>S&amp;ync this store now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync a&amp;ll stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number, e.g. 1001 (or STORE:1001)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch this order a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day to fetch again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day to fetch again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch this date range aga&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the r&amp;unning sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual resync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ne order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date r&amp;ange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store of the reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export reconciliation to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month-end reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders dated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refre&amp;sh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync log (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;pen log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As this computer (system language)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window changes language the next time ecdesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a store first (Stores tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing {store}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the order number first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the number and the store chosen above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching order {order} again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching {store} orders from {start} to {end} again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reconciliation&apos;s end date is before its start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the reconciliation for {start} to {end}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ask_note</name>
    <message>
        <source>Settled by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the log (e.g. the AutoCount document you keyed):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} order fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} document posted to AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} documents posted to AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} waiting for payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cancelled (not posted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} awaiting AutoCount&apos;s answer (checked again next run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry finished: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of {store} finished: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry stopped as you asked: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of {store} stopped as you asked: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry did not finish: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of {store} did not finish: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry was skipped: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync of {store} was skipped: {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Unmapped SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line without SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmapped shipping method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmapped tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts do not add up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable order data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed after posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded after posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup incomplete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

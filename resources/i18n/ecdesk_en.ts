<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AutomationTab</name>
    <message>
        <source>Sales invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One document per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One summary document per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One summary document per payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank: AutoCount default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SH- (up to 4 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debtor (customer) code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping charge item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <extracomment>platforms whose orders may carry fees (a marketplace, or Shopify Payments / WooPayments orders)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction / payment fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouchers paid by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores</source>
        <extracomment>the fees a payment gateway&apos;s payout carries (Shopify Payments, WooPayments)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync this store automatically while ecdesk is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A day&apos;s summary carries one line per item and price for all of that day&apos;s orders (its note lists them), posted after the cut-off time the next day; orders that arrive later for a posted day go on an adjustment (-2, -3...). A payout&apos;s summary carries the orders of one payout (a Lazada statement, a day of Shopee escrow releases, a Shopify Payments payout, a WooPayments deposit), with their fees from the final figures; a Shopify or WooCommerce order paid another way goes into its day&apos;s summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary cut-off time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As soon as the order is paid (shipped or not)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounting posts every paid order once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch new &amp;orders every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send stock and trac&amp;king every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This platform cannot take stock or tracking numbers from ecdesk: enter them in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to create in AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docu&amp;ment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post&amp;ing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post a day&apos;s summary after (next day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketplace fees (ledger account per fee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post each order&apos;s fees on a credit &amp;note (&lt;DocNo&gt;-F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post the fee note once the pa&amp;yout is released (its final figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a store in the Stores tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment gateway fees (ledger account per fee)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic sync is off; use Sync now in Stores or Tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced: the first sync starts within a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Orders already held for a setting can now be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving automation settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialFields</name>
    <message>
        <source>Credentials (kept in this computer&apos;s password store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save credentia&amp;ls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved - type a new value to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a credential first; saved ones are kept as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} credential. Press Test connection to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} credentials. Press Test connection to check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving credentials</source>
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
    <message>
        <source>dd MMM HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBoundary</name>
    <message>
        <source>ecdesk could not do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk cannot start</source>
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
        <source>{title}: {reason}</source>
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
        <source>Search held orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held orders</source>
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
        <source>No mapping fixes this order: press Enter to see why it is held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading held orders</source>
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
        <source>Settling orders by hand</source>
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
    <name>IntegrationTab</name>
    <message>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2025-01 (blank: ecdesk&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from Shopee Open Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the shop&apos;s numeric id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from Lazada Open Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>main book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID (instead of a token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret (instead of a token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Either the Admin API access token, or the client ID and client secret of the store&apos;s app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After saving the partner key, paste the authorisation code Shopee gave you below and press Authorise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After saving the app secret, paste the authorisation code Lazada gave you below and press Authorise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account book ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the book&apos;s id in AutoCount Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debtor (customer) code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 300-C001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 500-0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping charge item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. SHIPPING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounding account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 530-0000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. BANK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. C.O.D.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount Accounting on this PC or the office server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks for AutoCount&apos;s import (no API licence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only SQL connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: mssql+pyodbc://USER@SERVER/DATABASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. .\A2006 or SERVER\A2006</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account book database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. AED_COMPANY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ADMIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount program folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank: the usual install folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the workbooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. C:\AutoCount imports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount user&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL password (read-only connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores and AutoCount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a compan&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another company&apos;s AutoCount book: its stores post there, with its own connection and credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authorisation code from the marketplace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorisation code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthorise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm an import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw a workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount (accounting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount: {company}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then ecdesk cannot save any credential; settings without secrets can still be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount for {company}: where its stores&apos; orders are posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount: where orders are posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{store}: {platform} store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store address (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the authorisation code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorising…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook ecdesk exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} document marked posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} document ready to export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} documents marked posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} documents ready to export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settling an exported workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s name (its AutoCount book gets its own connection):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding a company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount Cloud Accounting (API)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores, Integration, Automation, Mapping, Tools tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the held orders (Tab then moves to the grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓, Home, End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through the held orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected held order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the value that holds the selected order (in the order too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the selected held orders (in the order too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled by hand: take the selected orders off the list, with a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the held orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter (in AutoCount code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>underlined letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press that button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the order or this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
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
        <source>Stock</source>
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
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
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
    <message>
        <source>Settling an order by hand</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>AutoCount item code, e.g. TS-RED-L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount item for the charge, e.g. SHIPPING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount payment method, e.g. BANK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount tax code, e.g. SV-8 (or none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search store value or AutoCount code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exactly as the store sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. UNIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry held orders &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;AutoCount code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;UOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store of the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of the mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} value from held orders needs a mapping (shown first, highlighted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} values from held orders need a mapping (shown first, highlighted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value seen in held orders is mapped. {n} mapping shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value seen in held orders is mapped. {n} mappings shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the AutoCount code for {kind} &apos;{key}&apos; and press Save mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a store first (Stores tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {key}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {key} → {value}. Press “Retry held orders now” to post the orders that were waiting for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the mapping of &apos;{key}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}. Fill the empty AutoCount codes and import the file back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapping import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {n} mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {n} mappings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} row without an AutoCount code was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows without an AutoCount code were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingsModel</name>
    <message>
        <source>Item (SKU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped</source>
        <extracomment>where an edit is written: the window&apos;s writer (off the GUI thread) when set, else at once; ``writer(fn, done, failed)``</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders are held because this value has no AutoCount code. Type the code in &apos;AutoCount code&apos;, then retry the held orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the AutoCount code first.</source>
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
        <source>Stock push to {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock push to all stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled stock and tracking of {stores}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
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
        <source>Payout</source>
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
        <source>Shipped: record trac&amp;king…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciled: the marketplace pays {stated}, what ecdesk posted, to the cent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released: the marketplace pays {stated}, ecdesk posted {expected}; see Tools &gt; Payouts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not released by the marketplace yet (it says {stated} for now); the fee note is posted from its final figures.</source>
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
    <name>PayoutsDialog</name>
    <message>
        <source>Estimated (not released yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released, does not tie out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketplace pays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketplace payouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the payouts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected = the sale less the fee notes and refunds ecdesk posted; the platform&apos;s own figure is its escrow (Shopee), finance rows (Lazada) or balance transactions (Shopify Payments, WooPayments). Estimated payouts may still change; released ones should tie out to the cent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading payouts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{store}: {estimated} estimated, {released} released, {reconciled} reconciled; not reconciled {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No marketplace store has posted orders yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Push stock: what would change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantities that would be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Order {order} shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. J&amp;T Express</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to the store &amp;now (otherwise at the next send)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>All stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import stock count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push stock &amp;now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock per store SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} SKU needs attention (listed first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} SKUs need attention (listed first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount stock balance report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel or csv (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted {n} item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted {n} items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Edit store</source>
        <extracomment>``submit(values, answer)``: save the values (through the window&apos;s writer) and call ``answer(None)`` once saved, or ``answer(text)`` with what is wrong.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Main Shopify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put before the order number to make the AutoCount document number, e.g. SH- gives SH-1001 (up to 4 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store &amp;address (URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document prefix</source>
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
    <message>
        <source>Credentials are entered next, in the Integration tab.</source>
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
        <source>Needs set-up</source>
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
    <name>StoresTab</name>
    <message>
        <source>Stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync this store now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync a&amp;ll stores now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stores yet. Press “Add store…” to connect your first online store, then enter its credentials in Integration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the store a name, e.g. &apos;Main Shopify&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the store &apos;{store}&apos;? Its orders and mappings are removed from ecdesk (documents already in AutoCount stay).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
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
        <source>Payou&amp;ts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketplace orders: what ecdesk posted against what the marketplace pays.</source>
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
        <source>Push stoc&amp;k now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows what would change in each store first; nothing is sent until you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantities go to every store whose push_stock is on, at its own cadence; this sends the changes now.</source>
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
        <source>{n} waiting (unpaid, or not settled yet)</source>
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
    <message>
        <source>Amount out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; (line &apos;{line}&apos;) has no AutoCount item code. Map it in Mapping &gt; Items, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &apos;{line}&apos; has no SKU in the store, so it cannot be matched to an AutoCount item. Post this order by hand in AutoCount and mark it Resolved; give the product a SKU in the store so later orders match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; has no AutoCount item. Map it in Mapping &gt; Shipping, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; (&apos;{title}&apos;) has no AutoCount item. Map it in Mapping &gt; Shipping, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping charge &apos;{title}&apos; ({amount}) has no shipping method name and the store has no default shipping item. Set &apos;shipping_item&apos; in the store&apos;s posting settings, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method &apos;{gateway}&apos; has no AutoCount payment method. Map it in Mapping &gt; Payments, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order ({amount}) has no payment method in the store. Check how it was paid in the store, post it by hand if needed, then mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate {rate}% (line &apos;{line}&apos;) has no AutoCount tax code. Map it in Mapping &gt; Tax, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &apos;{line}&apos; carries tax {tax} but the store sent no tax rate, so no tax code can be chosen. Check the tax settings in the store, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge &apos;{charge}&apos; carries tax {tax} that no mapped tax rate gives to the cent. Map its rate in Mapping &gt; Tax, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is in {currency} but the AutoCount book is in {book}. Foreign-currency orders are not posted automatically: post it by hand in AutoCount, then mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines, shipping and tax add up to {computed} but the store&apos;s total is {total} (difference {diff}). Check the order in the store; if the store shows it correctly, post it by hand in AutoCount and mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines and shipping add up to {computed} but the store&apos;s total is {total} (difference {diff}). Check the order in the store; if the store shows it correctly, post it by hand in AutoCount and mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not true or false. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, longer than {limit} characters. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not a time zone such as {example}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not one of {choices}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not an amount above 0. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; cannot be credit_note for a sale. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set, and this order needs a rounding line of {diff}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set, and this credit note needs a rounding line of {diff}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount would total this order {computed} but the store&apos;s total is {total} (difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for this store&apos;s rates, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount would total this credit note {computed} but the store&apos;s total is {total} (difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for this store&apos;s rates, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {refund} returns {qty} of line {line} but the order sold {sold}. Check the refund in the store; post the credit note by hand if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {refund} returns {qty} of line {line} but the order has no such line. Check the refund in the store; post the credit note by hand if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded line &apos;{line}&apos; (SKU &apos;{sku}&apos;) has no AutoCount item code. Map it in Mapping &gt; Items, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate {rate}% (refunded line &apos;{line}&apos;) has no AutoCount tax code. Map it in Mapping &gt; Tax, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} has the same number as order {other} of this store, so both would be AutoCount document {doc_no}. Correct the number in the store, or post it by hand and mark it Resolved (or let AutoCount number this store&apos;s documents: own_numbering).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {refund} is {amount}: nothing to credit. Check the refund in the store, then mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} has {fee} of {amount} but no ledger is set for it. Set &apos;{key}&apos; to the AutoCount account for it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=ACCOUNT`, e.g. {key}=908-1000), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace&apos;s fees for order {number} net to a credit of {amount} (rebates above charges), and AutoCount cannot post a credit note below zero. Record the credit in AutoCount by hand, then mark the order Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk could not process this order ({error}). Nothing was posted twice; press Retry after an update, or post it by hand and mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AutoCount route &apos;{route}&apos; cannot create a {kind}; choose another document in Automation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{said}. Fix what AutoCount names (in AutoCount, or the mapping or posting setting that gives it), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} was cancelled in the store after it was posted as {doc}. Void or credit {doc} in AutoCount, then mark the order Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} was edited in the store after it was posted as {doc}; the AutoCount document no longer matches. Correct it in AutoCount, then mark the order Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is in {currency} but the AutoCount book keeps {book}. Post it by hand in AutoCount, then mark it Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Set it to a code the book has in the store&apos;s posting settings (`ecdesk store set {store} --set {key}=CODE`, `ecdesk autocount {listing}` lists them), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to an item the book has in Mapping &gt; Items, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to an item the book has in Mapping &gt; Shipping, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate {rate}% is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to a tax code the book has in Mapping &gt; Tax, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method &apos;{gateway}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to a payment method the book has in Mapping &gt; Payments, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document uses {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Add it in AutoCount or change the mapping or setting that gives it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} has {field} &apos;{figure}&apos;, which is not a number. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} has a negative {field} ({figure}); a sale line cannot be below zero. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} has {field} {figure}, far beyond any real order. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} has unit price {figure}, above this store&apos;s limit of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part} has quantity {figure}, above this store&apos;s limit of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order total {figure} is above this store&apos;s ceiling of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace&apos;s settlement for order {number} does not add up: the sale less its fees and refunds is {parts}, but the payout it states is {payout} (difference {diff}). Its fees are not posted until the marketplace&apos;s figures agree; the sale stays posted. Check the order&apos;s payout in the marketplace, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The marketplace&apos;s fees for order {number} changed after they were posted: {posted} posted, {now} now (difference {diff}). ecdesk posts a rise of up to {tolerance} itself; post this one by hand in AutoCount (a credit or debit note to the marketplace&apos;s debtor), then mark the order Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AutoCount already has {doc} {doc_no} with reference &apos;{ref}&apos;, not &apos;{ours}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (AutoCount said: {said})</source>
        <extracomment>Words a sentence takes as a value: a param named ``NAME_word`` holds a key below, and the sentence&apos;s ``{NAME}`` gets that word (filled with the other params, translated in the window), so &quot;Line &apos;Red shirt&apos;&quot; or &quot;item code&quot; reads in the clerk&apos;s language too.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>debtor code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charge &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sales order</source>
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
        <source>delivery order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ms" sourcelanguage="en">
<context>
    <name>AutomationTab</name>
    <message>
        <source>Sales invoice</source>
        <translation>Invois jualan</translation>
    </message>
    <message>
        <source>Cash sale</source>
        <translation>Jualan tunai</translation>
    </message>
    <message>
        <source>Sales order</source>
        <translation>Pesanan jualan</translation>
    </message>
    <message>
        <source>Delivery order</source>
        <translation>Pesanan penghantaran</translation>
    </message>
    <message>
        <source>One document per order</source>
        <translation>Satu dokumen bagi setiap pesanan</translation>
    </message>
    <message>
        <source>One summary document per day</source>
        <translation>Satu dokumen ringkasan sehari</translation>
    </message>
    <message>
        <source>One summary document per payout</source>
        <translation>Satu dokumen ringkasan bagi setiap pembayaran</translation>
    </message>
    <message>
        <source>blank: AutoCount default</source>
        <translation>kosong: lalai AutoCount</translation>
    </message>
    <message>
        <source>Document number prefix</source>
        <translation>Awalan nombor dokumen</translation>
    </message>
    <message>
        <source>e.g. SH- (up to 4 characters)</source>
        <translation>cth. SH- (hingga 4 aksara)</translation>
    </message>
    <message>
        <source>Debtor (customer) code</source>
        <translation>Kod penghutang (pelanggan)</translation>
    </message>
    <message>
        <source>Sales account</source>
        <translation>Akaun jualan</translation>
    </message>
    <message>
        <source>Shipping charge item</source>
        <translation>Item caj penghantaran</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Kaedah pembayaran</translation>
    </message>
    <message>
        <source>Commission</source>
        <extracomment>platforms whose orders may carry fees (a marketplace, or Shopify Payments / WooPayments orders)</extracomment>
        <translation>Komisen</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>Yuran perkhidmatan</translation>
    </message>
    <message>
        <source>Transaction / payment fee</source>
        <translation>Yuran transaksi / pembayaran</translation>
    </message>
    <message>
        <source>Shipping fee</source>
        <translation>Yuran penghantaran</translation>
    </message>
    <message>
        <source>Vouchers paid by you</source>
        <translation>Baucar yang anda bayar</translation>
    </message>
    <message>
        <source>Other charges</source>
        <translation>Caj lain</translation>
    </message>
    <message>
        <source>Stores</source>
        <extracomment>the fees a payment gateway&apos;s payout carries (Shopify Payments, WooPayments)</extracomment>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>&amp;Sync this store automatically while ecdesk is open</source>
        <translation>Segerak kedai ini secara &amp;automatik semasa ecdesk dibuka</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minit</translation>
    </message>
    <message>
        <source>Posting mode</source>
        <translation>Mod pengeposan</translation>
    </message>
    <message>
        <source>A day&apos;s summary carries one line per item and price for all of that day&apos;s orders (its note lists them), posted after the cut-off time the next day; orders that arrive later for a posted day go on an adjustment (-2, -3...). A payout&apos;s summary carries the orders of one payout (a Lazada statement, a day of Shopee escrow releases, a Shopify Payments payout, a WooPayments deposit), with their fees from the final figures; a Shopify or WooCommerce order paid another way goes into its day&apos;s summary.</source>
        <translation>Ringkasan sehari mengandungi satu baris bagi setiap item dan harga untuk semua pesanan hari itu (notanya menyenaraikan pesanan), dipos selepas masa tutup pada hari berikutnya; pesanan yang tiba kemudian untuk hari yang telah dipos masuk ke pelarasan (-2, -3...). Ringkasan pembayaran mengandungi pesanan satu pembayaran (penyata Lazada, hari pelepasan eskrow Shopee, pembayaran Shopify Payments, deposit WooPayments), dengan yurannya daripada angka muktamad; pesanan Shopify atau WooCommerce yang dibayar dengan cara lain masuk ke ringkasan harinya.</translation>
    </message>
    <message>
        <source>Summary cut-off time</source>
        <translation>Masa tutup ringkasan</translation>
    </message>
    <message>
        <source>As soon as the order is paid (shipped or not)</source>
        <translation>Sebaik sahaja pesanan dibayar (sudah dihantar atau belum)</translation>
    </message>
    <message>
        <source>Accounting posts every paid order once.</source>
        <translation>Perakaunan mengepos setiap pesanan yang dibayar sekali sahaja.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadual</translation>
    </message>
    <message>
        <source>Fetch new &amp;orders every</source>
        <translation>Ambil pesanan baharu se&amp;tiap</translation>
    </message>
    <message>
        <source>Send stock and trac&amp;king every</source>
        <translation>Hantar stok dan nombor &amp;penjejakan setiap</translation>
    </message>
    <message>
        <source>This platform cannot take stock or tracking numbers from ecdesk: enter them in the store.</source>
        <translation>Platform ini tidak boleh menerima stok atau nombor penjejakan daripada ecdesk: masukkannya di kedai.</translation>
    </message>
    <message>
        <source>What to create in AutoCount</source>
        <translation>Apa yang diwujudkan dalam AutoCount</translation>
    </message>
    <message>
        <source>Docu&amp;ment</source>
        <translation>D&amp;okumen</translation>
    </message>
    <message>
        <source>Post&amp;ing</source>
        <translation>Pen&amp;geposan</translation>
    </message>
    <message>
        <source>Post a day&apos;s summary after (next day)</source>
        <translation>Pos ringkasan sehari selepas (hari berikutnya)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Waktu pos</translation>
    </message>
    <message>
        <source>Marketplace fees (ledger account per fee)</source>
        <translation>Yuran pasaran (akaun lejar bagi setiap yuran)</translation>
    </message>
    <message>
        <source>Post each order&apos;s fees on a credit &amp;note (&lt;DocNo&gt;-F)</source>
        <translation>Pos yuran setiap pesanan pada nota &amp;kredit (&lt;DocNo&gt;-F)</translation>
    </message>
    <message>
        <source>Post the fee note once the pa&amp;yout is released (its final figures)</source>
        <translation>Pos nota yuran sebaik sahaja &amp;bayaran dilepaskan (angka muktamadnya)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Simpa&amp;n</translation>
    </message>
    <message>
        <source>Add a store in the Stores tab first.</source>
        <translation>Tambah kedai dalam tab Kedai dahulu.</translation>
    </message>
    <message>
        <source>Payment gateway fees (ledger account per fee)</source>
        <translation>Yuran gerbang pembayaran (akaun lejar bagi setiap yuran)</translation>
    </message>
    <message>
        <source>Automatic sync is off; use Sync now in Stores or Tools.</source>
        <translation>Penyegerakan automatik dimatikan; gunakan Segerak sekarang dalam Kedai atau Alatan.</translation>
    </message>
    <message>
        <source>Never synced: the first sync starts within a minute.</source>
        <translation>Belum pernah disegerakkan: penyegerakan pertama bermula dalam masa seminit.</translation>
    </message>
    <message>
        <source>Last sync {when}.</source>
        <translation>Segerak terakhir {when}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Saved. Orders already held for a setting can now be retried.</source>
        <translation>Disimpan. Pesanan yang ditahan kerana tetapan kini boleh dicuba semula.</translation>
    </message>
    <message>
        <source>Saving automation settings</source>
        <translation>Menyimpan tetapan automasi</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>Sembunyikan mesej ini</translation>
    </message>
</context>
<context>
    <name>CredentialFields</name>
    <message>
        <source>Credentials (kept in this computer&apos;s password store)</source>
        <translation>Bukti kelayakan (disimpan dalam stor kata laluan komputer ini)</translation>
    </message>
    <message>
        <source>Save credentia&amp;ls</source>
        <translation>Simpan bukti &amp;kelayakan</translation>
    </message>
    <message>
        <source>saved - type a new value to replace it</source>
        <translation>telah disimpan - taip nilai baharu untuk menggantinya</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>belum disimpan</translation>
    </message>
    <message>
        <source>✔ Saved</source>
        <translation>✔ Disimpan</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Belum disimpan</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Tidak disimpan.</translation>
    </message>
    <message>
        <source>Type a credential first; saved ones are kept as they are.</source>
        <translation>Taip bukti kelayakan dahulu; yang telah disimpan kekal seperti sedia ada.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Saved {n} credential. Press Test connection to check it.</source>
        <translation>{n} bukti kelayakan disimpan. Tekan Uji sambungan untuk menyemaknya.</translation>
    </message>
    <message>
        <source>Saved {n} credentials. Press Test connection to check them.</source>
        <translation>{n} bukti kelayakan disimpan. Tekan Uji sambungan untuk menyemaknya.</translation>
    </message>
    <message>
        <source>Saving credentials</source>
        <translation>Menyimpan kelayakan</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM yyyy HH:mm</source>
        <translation>dd MMM yyyy HH:mm</translation>
    </message>
    <message>
        <source>dd MMM HH:mm:ss</source>
        <translation>dd MMM HH:mm:ss</translation>
    </message>
    <message>
        <source>dd MMM HH:mm</source>
        <translation>dd MMM HH:mm</translation>
    </message>
</context>
<context>
    <name>ErrorBoundary</name>
    <message>
        <source>ecdesk could not do that</source>
        <translation>ecdesk tidak dapat melakukannya</translation>
    </message>
    <message>
        <source>ecdesk cannot start</source>
        <translation>ecdesk tidak dapat dimulakan</translation>
    </message>
</context>
<context>
    <name>HeldOrdersModel</name>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarikh</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amaun</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sebab</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Cubaan</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Ralat terakhir</translation>
    </message>
    <message>
        <source>{title}: {reason}</source>
        <translation>{title}: {reason}</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(telah dibuang)</translation>
    </message>
    <message>
        <source>A test order from the store</source>
        <translation>Pesanan ujian daripada kedai</translation>
    </message>
    <message>
        <source>{number} (test)</source>
        <translation>{number} (ujian)</translation>
    </message>
</context>
<context>
    <name>HeldPanel</name>
    <message>
        <source>All reasons</source>
        <translation>Semua sebab</translation>
    </message>
    <message>
        <source>Search order number or reason… (Ctrl+F)</source>
        <translation>Cari nombor pesanan atau sebab… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search held orders</source>
        <translation>Cari pesanan ditahan</translation>
    </message>
    <message>
        <source>Store filter</source>
        <translation>Penapis kedai</translation>
    </message>
    <message>
        <source>Reason filter</source>
        <translation>Penapis sebab</translation>
    </message>
    <message>
        <source>Held orders</source>
        <translation>Pesanan ditahan</translation>
    </message>
    <message>
        <source>&amp;Open order…</source>
        <translation>B&amp;uka pesanan…</translation>
    </message>
    <message>
        <source>Show the selected order&apos;s lines and why it is held (Enter).</source>
        <translation>Tunjukkan baris pesanan yang dipilih dan sebab ia ditahan (Enter).</translation>
    </message>
    <message>
        <source>&amp;Retry selected</source>
        <translation>Cuba &amp;semula yang dipilih</translation>
    </message>
    <message>
        <source>Try the selected orders again now (Ctrl+R).</source>
        <translation>Cuba semula pesanan yang dipilih sekarang (Ctrl+R).</translation>
    </message>
    <message>
        <source>Settled by han&amp;d…</source>
        <translation>Selesai secara &amp;manual…</translation>
    </message>
    <message>
        <source>The selected orders were keyed into AutoCount by hand: take them off this list; ecdesk will never post them (Del).</source>
        <translation>Pesanan yang dipilih telah dimasukkan ke AutoCount secara manual: keluarkannya daripada senarai ini; ecdesk tidak akan sekali-kali mengeposnya (Del).</translation>
    </message>
    <message>
        <source>Retry all &amp;fixable</source>
        <translation>Cuba semula semua yang boleh &amp;dibaiki</translation>
    </message>
    <message>
        <source>Retry every held order whose reasons a mapping or a setting can fix.</source>
        <translation>Cuba semula setiap pesanan ditahan yang sebabnya boleh dibaiki dengan pemetaan atau tetapan.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sebab</translation>
    </message>
    <message>
        <source>No mapping fixes this order: press Enter to see why it is held.</source>
        <translation>Tiada pemetaan yang boleh membaiki pesanan ini: tekan Enter untuk melihat sebab ia ditahan.</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Semua kedai</translation>
    </message>
    <message>
        <source>Reading held orders</source>
        <translation>Membaca pesanan ditahan</translation>
    </message>
    <message>
        <source>No held orders</source>
        <translation>Tiada pesanan ditahan</translation>
    </message>
    <message>
        <source>{n} held order</source>
        <translation>{n} pesanan ditahan</translation>
    </message>
    <message>
        <source>{n} held orders</source>
        <translation>{n} pesanan ditahan</translation>
    </message>
    <message>
        <source>Held orders: none. Nothing needs you right now.</source>
        <translation>Pesanan ditahan: tiada. Tiada apa-apa yang memerlukan anda sekarang.</translation>
    </message>
    <message>
        <source>Held orders: these need you. Double-click one (or press Enter) to see why, fix it, then Retry.</source>
        <translation>Pesanan ditahan: pesanan ini memerlukan anda. Klik dua kali pada satu pesanan (atau tekan Enter) untuk melihat sebabnya, baikinya, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Settling orders by hand</source>
        <translation>Menyelesaikan pesanan secara manual</translation>
    </message>
    <message>
        <source>{n} order will leave the held list and ecdesk will never post it.</source>
        <translation>{n} pesanan akan dikeluarkan daripada senarai ditahan dan ecdesk tidak akan sekali-kali mengeposnya.</translation>
    </message>
    <message>
        <source>{n} orders will leave the held list and ecdesk will never post them.</source>
        <translation>{n} pesanan akan dikeluarkan daripada senarai ditahan dan ecdesk tidak akan sekali-kali mengeposnya.</translation>
    </message>
</context>
<context>
    <name>IntegrationTab</name>
    <message>
        <source>API version</source>
        <translation>Versi API</translation>
    </message>
    <message>
        <source>e.g. 2025-01 (blank: ecdesk&apos;s default)</source>
        <translation>cth. 2025-01 (kosong: lalai ecdesk)</translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation>ID rakan kongsi (Partner ID)</translation>
    </message>
    <message>
        <source>from Shopee Open Platform</source>
        <translation>daripada Shopee Open Platform</translation>
    </message>
    <message>
        <source>Shop ID</source>
        <translation>ID kedai (Shop ID)</translation>
    </message>
    <message>
        <source>the shop&apos;s numeric id</source>
        <translation>ID angka kedai</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>Kunci aplikasi (App key)</translation>
    </message>
    <message>
        <source>from Lazada Open Platform</source>
        <translation>daripada Lazada Open Platform</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zon waktu</translation>
    </message>
    <message>
        <source>AutoCount company</source>
        <translation>Syarikat AutoCount</translation>
    </message>
    <message>
        <source>main book</source>
        <translation>buku utama</translation>
    </message>
    <message>
        <source>Admin API access token</source>
        <translation>Token akses Admin API</translation>
    </message>
    <message>
        <source>Client ID (instead of a token)</source>
        <translation>ID klien (sebagai ganti token)</translation>
    </message>
    <message>
        <source>Client secret (instead of a token)</source>
        <translation>Rahsia klien (sebagai ganti token)</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>Kunci pengguna (Consumer key)</translation>
    </message>
    <message>
        <source>Consumer secret</source>
        <translation>Rahsia pengguna (Consumer secret)</translation>
    </message>
    <message>
        <source>Partner key</source>
        <translation>Kunci rakan kongsi (Partner key)</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>Rahsia aplikasi (App secret)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Kunci API</translation>
    </message>
    <message>
        <source>Either the Admin API access token, or the client ID and client secret of the store&apos;s app.</source>
        <translation>Sama ada token akses Admin API, atau ID klien dan rahsia klien aplikasi kedai.</translation>
    </message>
    <message>
        <source>After saving the partner key, paste the authorisation code Shopee gave you below and press Authorise.</source>
        <translation>Selepas menyimpan kunci rakan kongsi, tampal kod kebenaran yang diberikan oleh Shopee di bawah dan tekan Benarkan.</translation>
    </message>
    <message>
        <source>After saving the app secret, paste the authorisation code Lazada gave you below and press Authorise.</source>
        <translation>Selepas menyimpan rahsia aplikasi, tampal kod kebenaran yang diberikan oleh Lazada di bawah dan tekan Benarkan.</translation>
    </message>
    <message>
        <source>API address (URL)</source>
        <translation>Alamat API (URL)</translation>
    </message>
    <message>
        <source>Account book ID</source>
        <translation>ID buku akaun</translation>
    </message>
    <message>
        <source>the book&apos;s id in AutoCount Cloud</source>
        <translation>ID buku akaun dalam AutoCount Cloud</translation>
    </message>
    <message>
        <source>Debtor (customer) code</source>
        <translation>Kod penghutang (pelanggan)</translation>
    </message>
    <message>
        <source>e.g. 300-C001</source>
        <translation>cth. 300-C001</translation>
    </message>
    <message>
        <source>Sales account</source>
        <translation>Akaun jualan</translation>
    </message>
    <message>
        <source>e.g. 500-0000</source>
        <translation>cth. 500-0000</translation>
    </message>
    <message>
        <source>Shipping charge item</source>
        <translation>Item caj penghantaran</translation>
    </message>
    <message>
        <source>e.g. SHIPPING</source>
        <translation>cth. SHIPPING</translation>
    </message>
    <message>
        <source>Rounding account</source>
        <translation>Akaun pembundaran</translation>
    </message>
    <message>
        <source>e.g. 530-0000</source>
        <translation>cth. 530-0000</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Kaedah pembayaran</translation>
    </message>
    <message>
        <source>e.g. BANK</source>
        <translation>cth. BANK</translation>
    </message>
    <message>
        <source>Credit term</source>
        <translation>Terma kredit</translation>
    </message>
    <message>
        <source>e.g. C.O.D.</source>
        <translation>cth. C.O.D.</translation>
    </message>
    <message>
        <source>Sales location</source>
        <translation>Lokasi jualan</translation>
    </message>
    <message>
        <source>e.g. HQ</source>
        <translation>cth. HQ</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>ID kunci (Key ID)</translation>
    </message>
    <message>
        <source>AutoCount Accounting on this PC or the office server</source>
        <translation>AutoCount Accounting di PC ini atau pelayan pejabat</translation>
    </message>
    <message>
        <source>Excel workbooks for AutoCount&apos;s import (no API licence)</source>
        <translation>Buku kerja Excel untuk import AutoCount (tanpa lesen API)</translation>
    </message>
    <message>
        <source>Read-only SQL connection</source>
        <translation>Sambungan SQL baca sahaja</translation>
    </message>
    <message>
        <source>optional: mssql+pyodbc://USER@SERVER/DATABASE</source>
        <translation>pilihan: mssql+pyodbc://USER@SERVER/DATABASE</translation>
    </message>
    <message>
        <source>SQL Server</source>
        <translation>Pelayan SQL</translation>
    </message>
    <message>
        <source>e.g. .\A2006 or SERVER\A2006</source>
        <translation>cth. .\A2006 atau SERVER\A2006</translation>
    </message>
    <message>
        <source>Account book database</source>
        <translation>Pangkalan data buku akaun</translation>
    </message>
    <message>
        <source>e.g. AED_COMPANY</source>
        <translation>cth. AED_COMPANY</translation>
    </message>
    <message>
        <source>AutoCount user</source>
        <translation>Pengguna AutoCount</translation>
    </message>
    <message>
        <source>e.g. ADMIN</source>
        <translation>cth. ADMIN</translation>
    </message>
    <message>
        <source>AutoCount program folder</source>
        <translation>Folder program AutoCount</translation>
    </message>
    <message>
        <source>blank: the usual install folder</source>
        <translation>kosong: folder pemasangan biasa</translation>
    </message>
    <message>
        <source>Folder for the workbooks</source>
        <translation>Folder untuk buku kerja</translation>
    </message>
    <message>
        <source>e.g. C:\AutoCount imports</source>
        <translation>cth. C:\AutoCount imports</translation>
    </message>
    <message>
        <source>AutoCount user&apos;s password</source>
        <translation>Kata laluan pengguna AutoCount</translation>
    </message>
    <message>
        <source>SQL password (read-only connection)</source>
        <translation>Kata laluan SQL (sambungan baca sahaja)</translation>
    </message>
    <message>
        <source>Stores and AutoCount</source>
        <translation>Kedai dan AutoCount</translation>
    </message>
    <message>
        <source>Add a compan&amp;y…</source>
        <translation>Tambah s&amp;yarikat…</translation>
    </message>
    <message>
        <source>Another company&apos;s AutoCount book: its stores post there, with its own connection and credentials.</source>
        <translation>Buku AutoCount syarikat lain: kedainya mengepos ke sana, dengan sambungan dan kelayakan sendiri.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Sambungan</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>Simpan &amp;tetapan</translation>
    </message>
    <message>
        <source>authorisation code from the marketplace</source>
        <translation>kod kebenaran daripada pasaran</translation>
    </message>
    <message>
        <source>Authorisation code</source>
        <translation>Kod kebenaran</translation>
    </message>
    <message>
        <source>A&amp;uthorise</source>
        <translation>Ben&amp;arkan</translation>
    </message>
    <message>
        <source>Con&amp;firm an import…</source>
        <translation>Sa&amp;hkan import…</translation>
    </message>
    <message>
        <source>&amp;Withdraw a workbook…</source>
        <translation>&amp;Tarik balik buku kerja…</translation>
    </message>
    <message>
        <source>Test co&amp;nnection</source>
        <translation>U&amp;ji sambungan</translation>
    </message>
    <message>
        <source>AutoCount (accounting)</source>
        <translation>AutoCount (perakaunan)</translation>
    </message>
    <message>
        <source>AutoCount: {company}</source>
        <translation>AutoCount: {company}</translation>
    </message>
    <message>
        <source>Until then ecdesk cannot save any credential; settings without secrets can still be saved.</source>
        <translation>Sehingga itu ecdesk tidak dapat menyimpan sebarang bukti kelayakan; tetapan tanpa rahsia masih boleh disimpan.</translation>
    </message>
    <message>
        <source>AutoCount for {company}: where its stores&apos; orders are posted</source>
        <translation>AutoCount untuk {company}: tempat pesanan kedainya dipos</translation>
    </message>
    <message>
        <source>AutoCount: where orders are posted</source>
        <translation>AutoCount: tempat pesanan dipos</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Laluan</translation>
    </message>
    <message>
        <source>{store}: {platform} store</source>
        <translation>{store}: kedai {platform}</translation>
    </message>
    <message>
        <source>Store address (URL)</source>
        <translation>Alamat kedai (URL)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Tetapan disimpan.</translation>
    </message>
    <message>
        <source>Saving settings</source>
        <translation>Menyimpan tetapan</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Sedang menguji…</translation>
    </message>
    <message>
        <source>Paste the authorisation code first.</source>
        <translation>Tampal kod kebenaran dahulu.</translation>
    </message>
    <message>
        <source>Authorising…</source>
        <translation>Sedang memberi kebenaran…</translation>
    </message>
    <message>
        <source>The workbook ecdesk exported</source>
        <translation>Buku kerja yang dieksport oleh ecdesk</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} document marked posted.</source>
        <translation>{n} dokumen ditanda sebagai dipos.</translation>
    </message>
    <message>
        <source>{n} document ready to export again.</source>
        <translation>{n} dokumen sedia untuk dieksport semula.</translation>
    </message>
    <message>
        <source>{n} documents marked posted.</source>
        <translation>{n} dokumen ditanda sebagai dipos.</translation>
    </message>
    <message>
        <source>{n} documents ready to export again.</source>
        <translation>{n} dokumen sedia untuk dieksport semula.</translation>
    </message>
    <message>
        <source>Settling an exported workbook</source>
        <translation>Menyelesaikan buku kerja yang dieksport</translation>
    </message>
    <message>
        <source>Add a company</source>
        <translation>Tambah syarikat</translation>
    </message>
    <message>
        <source>The company&apos;s name (its AutoCount book gets its own connection):</source>
        <translation>Nama syarikat (buku AutoCountnya mendapat sambungan sendiri):</translation>
    </message>
    <message>
        <source>Adding a company</source>
        <translation>Menambah syarikat</translation>
    </message>
    <message>
        <source>AutoCount Cloud Accounting (API)</source>
        <translation>AutoCount Cloud Accounting (API)</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan kekunci</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation>Ctrl+1 … Ctrl+5</translation>
    </message>
    <message>
        <source>Stores, Integration, Automation, Mapping, Tools tab</source>
        <translation>Tab Kedai, Integrasi, Automasi, Pemetaan, Alatan</translation>
    </message>
    <message>
        <source>Search the held orders (Tab then moves to the grid)</source>
        <translation>Cari pesanan ditahan (kemudian Tab beralih ke grid)</translation>
    </message>
    <message>
        <source>↑ ↓, Home, End</source>
        <translation>↑ ↓, Home, End</translation>
    </message>
    <message>
        <source>Move through the held orders</source>
        <translation>Bergerak dalam senarai pesanan ditahan</translation>
    </message>
    <message>
        <source>Open the selected held order</source>
        <translation>Buka pesanan ditahan yang dipilih</translation>
    </message>
    <message>
        <source>Map the value that holds the selected order (in the order too)</source>
        <translation>Petakan nilai yang menahan pesanan yang dipilih (juga dalam tetingkap pesanan)</translation>
    </message>
    <message>
        <source>Retry the selected held orders (in the order too)</source>
        <translation>Cuba semula pesanan ditahan yang dipilih (juga dalam tetingkap pesanan)</translation>
    </message>
    <message>
        <source>Settled by hand: take the selected orders off the list, with a note</source>
        <translation>Selesai secara manual: keluarkan pesanan yang dipilih daripada senarai, dengan catatan</translation>
    </message>
    <message>
        <source>Refresh the held orders</source>
        <translation>Muat semula pesanan ditahan</translation>
    </message>
    <message>
        <source>Enter (in AutoCount code)</source>
        <translation>Enter (dalam Kod AutoCount)</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Simpan pemetaan</translation>
    </message>
    <message>
        <source>underlined letter</source>
        <translation>huruf bergaris</translation>
    </message>
    <message>
        <source>Press that button</source>
        <translation>Tekan butang itu</translation>
    </message>
    <message>
        <source>Close the order or this page</source>
        <translation>Tutup pesanan atau halaman ini</translation>
    </message>
    <message>
        <source>This page</source>
        <translation>Halaman ini</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ecdesk: online orders into AutoCount</source>
        <translation>ecdesk: pesanan dalam talian ke AutoCount</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integrasi</translation>
    </message>
    <message>
        <source>Automation</source>
        <translation>Automasi</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Pemetaan</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Alatan</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Sedia.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Bata&amp;l</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan papan kekunci</translation>
    </message>
    <message>
        <source>{n} order in all needs you: double-click one under Held orders to see why, fix it (usually a mapping), then press Retry.</source>
        <translation>Sejumlah {n} pesanan memerlukan anda: klik dua kali pada satu pesanan di bawah Pesanan ditahan untuk melihat sebabnya, baikinya (biasanya pemetaan), kemudian tekan Cuba semula.</translation>
    </message>
    <message>
        <source>{n} orders in all need you: double-click one under Held orders to see why, fix it (usually a mapping), then press Retry.</source>
        <translation>Sejumlah {n} pesanan memerlukan anda: klik dua kali pada satu pesanan di bawah Pesanan ditahan untuk melihat sebabnya, baikinya (biasanya pemetaan), kemudian tekan Cuba semula.</translation>
    </message>
    <message>
        <source>The last run did not finish; see the message above.</source>
        <translation>Larian terakhir tidak selesai; lihat mesej di atas.</translation>
    </message>
    <message>
        <source>The order was marked settled by hand and left the held list.</source>
        <translation>Pesanan ditandakan selesai secara manual dan telah keluar daripada senarai ditahan.</translation>
    </message>
    <message>
        <source>Settling an order by hand</source>
        <translation>Menyelesaikan satu pesanan secara manual</translation>
    </message>
</context>
<context>
    <name>MappingTab</name>
    <message>
        <source>AutoCount item code, e.g. TS-RED-L</source>
        <translation>Kod item AutoCount, cth. TS-RED-L</translation>
    </message>
    <message>
        <source>AutoCount item for the charge, e.g. SHIPPING</source>
        <translation>Item AutoCount untuk caj, cth. SHIPPING</translation>
    </message>
    <message>
        <source>AutoCount payment method, e.g. BANK</source>
        <translation>Kaedah pembayaran AutoCount, cth. BANK</translation>
    </message>
    <message>
        <source>AutoCount tax code, e.g. SV-8 (or none)</source>
        <translation>Kod cukai AutoCount, cth. SV-8 (atau none)</translation>
    </message>
    <message>
        <source>Saving a mapping</source>
        <translation>Menyimpan pemetaan</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>Search store value or AutoCount code…</source>
        <translation>Cari nilai kedai atau kod AutoCount…</translation>
    </message>
    <message>
        <source>Search mappings</source>
        <translation>Cari pemetaan</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Import dari Excel…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>E&amp;ksport ke Excel…</translation>
    </message>
    <message>
        <source>Mappings</source>
        <translation>Pemetaan</translation>
    </message>
    <message>
        <source>exactly as the store sends it</source>
        <translation>tepat seperti yang dihantar oleh kedai</translation>
    </message>
    <message>
        <source>optional, e.g. UNIT</source>
        <translation>pilihan, cth. UNIT</translation>
    </message>
    <message>
        <source>&amp;Save mapping</source>
        <translation>Simpan &amp;pemetaan</translation>
    </message>
    <message>
        <source>De&amp;lete mapping</source>
        <translation>Pad&amp;am pemetaan</translation>
    </message>
    <message>
        <source>Retry held orders &amp;now</source>
        <translation>Cuba semula pesanan ditahan sekara&amp;ng</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Map a value</source>
        <translation>Petakan satu nilai</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>K&amp;edai</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>Store &amp;value</source>
        <translation>Ni&amp;lai kedai</translation>
    </message>
    <message>
        <source>&amp;AutoCount code</source>
        <translation>Kod AutoCoun&amp;t</translation>
    </message>
    <message>
        <source>&amp;UOM</source>
        <translation>U&amp;OM</translation>
    </message>
    <message>
        <source>Store of the mapping</source>
        <translation>Kedai bagi pemetaan</translation>
    </message>
    <message>
        <source>Kind of the mapping</source>
        <translation>Jenis pemetaan</translation>
    </message>
    <message>
        <source>Store value</source>
        <translation>Nilai kedai</translation>
    </message>
    <message>
        <source>AutoCount code</source>
        <translation>Kod AutoCount</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Semua kedai</translation>
    </message>
    <message>
        <source>{n} value from held orders needs a mapping (shown first, highlighted).</source>
        <translation>{n} nilai daripada pesanan ditahan memerlukan pemetaan (ditunjukkan dahulu, diserlahkan).</translation>
    </message>
    <message>
        <source>{n} values from held orders need a mapping (shown first, highlighted).</source>
        <translation>{n} nilai daripada pesanan ditahan memerlukan pemetaan (ditunjukkan dahulu, diserlahkan).</translation>
    </message>
    <message>
        <source>{n} mapped.</source>
        <translation>{n} telah dipetakan.</translation>
    </message>
    <message>
        <source>Every value seen in held orders is mapped. {n} mapping shown.</source>
        <translation>Setiap nilai dalam pesanan ditahan telah dipetakan. {n} pemetaan ditunjukkan.</translation>
    </message>
    <message>
        <source>Every value seen in held orders is mapped. {n} mappings shown.</source>
        <translation>Setiap nilai dalam pesanan ditahan telah dipetakan. {n} pemetaan ditunjukkan.</translation>
    </message>
    <message>
        <source>Type the AutoCount code for {kind} &apos;{key}&apos; and press Save mapping.</source>
        <translation>Taip kod AutoCount untuk {kind} &apos;{key}&apos; dan tekan Simpan pemetaan.</translation>
    </message>
    <message>
        <source>Add a store first (Stores tab).</source>
        <translation>Tambah kedai dahulu (tab Kedai).</translation>
    </message>
    <message>
        <source>Saving {key}…</source>
        <translation>Menyimpan {key}…</translation>
    </message>
    <message>
        <source>Saved: {key} → {value}. Press “Retry held orders now” to post the orders that were waiting for it.</source>
        <translation>Disimpan: {key} → {value}. Tekan “Cuba semula pesanan ditahan sekarang” untuk mengepos pesanan yang menunggunya.</translation>
    </message>
    <message>
        <source>Deleted the mapping of &apos;{key}&apos;.</source>
        <translation>Pemetaan &apos;{key}&apos; telah dipadam.</translation>
    </message>
    <message>
        <source>Deleting a mapping</source>
        <translation>Memadam pemetaan</translation>
    </message>
    <message>
        <source>Export mappings</source>
        <translation>Eksport pemetaan</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Import mappings</source>
        <translation>Import pemetaan</translation>
    </message>
    <message>
        <source>Exported {count} rows to {path}. Fill the empty AutoCount codes and import the file back.</source>
        <translation>{count} baris dieksport ke {path}. Isikan kod AutoCount yang kosong dan import semula fail itu.</translation>
    </message>
    <message>
        <source>Importing {path}…</source>
        <translation>Mengimport {path}…</translation>
    </message>
    <message>
        <source>Mapping import</source>
        <translation>Import pemetaan</translation>
    </message>
    <message>
        <source>Imported {n} mapping.</source>
        <translation>{n} pemetaan diimport.</translation>
    </message>
    <message>
        <source>Imported {n} mappings.</source>
        <translation>{n} pemetaan diimport.</translation>
    </message>
    <message>
        <source>{n} row without an AutoCount code was skipped.</source>
        <translation>{n} baris tanpa kod AutoCount telah dilangkau.</translation>
    </message>
    <message>
        <source>{n} rows without an AutoCount code were skipped.</source>
        <translation>{n} baris tanpa kod AutoCount telah dilangkau.</translation>
    </message>
</context>
<context>
    <name>MappingsModel</name>
    <message>
        <source>Item (SKU)</source>
        <translation>Item (SKU)</translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation>Kaedah penghantaran</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Kaedah pembayaran</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>Kadar cukai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Store value</source>
        <translation>Nilai kedai</translation>
    </message>
    <message>
        <source>AutoCount code</source>
        <translation>Kod AutoCount</translation>
    </message>
    <message>
        <source>Orders held</source>
        <translation>Pesanan ditahan</translation>
    </message>
    <message>
        <source>Needs mapping</source>
        <translation>Perlu dipetakan</translation>
    </message>
    <message>
        <source>Mapped</source>
        <extracomment>where an edit is written: the window&apos;s writer (off the GUI thread) when set, else at once; ``writer(fn, done, failed)``</extracomment>
        <translation>Telah dipetakan</translation>
    </message>
    <message>
        <source>Orders are held because this value has no AutoCount code. Type the code in &apos;AutoCount code&apos;, then retry the held orders.</source>
        <translation>Pesanan ditahan kerana nilai ini tiada kod AutoCount. Taip kod dalam &apos;Kod AutoCount&apos;, kemudian cuba semula pesanan yang ditahan.</translation>
    </message>
    <message>
        <source>Type the AutoCount code first.</source>
        <translation>Taip kod AutoCount dahulu.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancelling after the current order…</source>
        <translation>Membatalkan selepas pesanan semasa…</translation>
    </message>
    <message>
        <source>{what} is still running. Wait for it to finish, or press Cancel, then try again.</source>
        <translation>{what} masih berjalan. Tunggu hingga selesai, atau tekan Batal, kemudian cuba lagi.</translation>
    </message>
    <message>
        <source>Sync of {store}</source>
        <translation>Penyegerakan {store}</translation>
    </message>
    <message>
        <source>Sync of all stores</source>
        <translation>Penyegerakan semua kedai</translation>
    </message>
    <message>
        <source>Resync of {store} from {date}</source>
        <translation>Segerak semula {store} dari {date}</translation>
    </message>
    <message>
        <source>Scheduled sync of {stores}</source>
        <translation>Penyegerakan berjadual {stores}</translation>
    </message>
    <message>
        <source>Retry of {n} order</source>
        <translation>Cuba semula {n} pesanan</translation>
    </message>
    <message>
        <source>Retry of {n} orders</source>
        <translation>Cuba semula {n} pesanan</translation>
    </message>
    <message>
        <source>Retry of all fixable held orders</source>
        <translation>Cuba semula semua pesanan ditahan yang boleh dibaiki</translation>
    </message>
    <message>
        <source>Resync of order {order}</source>
        <translation>Segerak semula pesanan {order}</translation>
    </message>
    <message>
        <source>Reconciliation saved to {path}: {orders}, {lines}, {held} held.</source>
        <translation>Penyesuaian disimpan ke {path}: {orders}, {lines}, {held} ditahan.</translation>
    </message>
    <message>
        <source>{n} order</source>
        <translation>{n} pesanan</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} pesanan</translation>
    </message>
    <message>
        <source>{n} AutoCount document line</source>
        <translation>{n} baris dokumen AutoCount</translation>
    </message>
    <message>
        <source>{n} AutoCount document lines</source>
        <translation>{n} baris dokumen AutoCount</translation>
    </message>
    <message>
        <source>Export of the reconciliation to Excel</source>
        <translation>Eksport penyesuaian ke Excel</translation>
    </message>
    <message>
        <source>Stock push to {store}</source>
        <translation>Hantar stok ke {store}</translation>
    </message>
    <message>
        <source>Stock push to all stores</source>
        <translation>Hantar stok ke semua kedai</translation>
    </message>
    <message>
        <source>Scheduled stock and tracking of {stores}</source>
        <translation>Stok dan penjejakan berjadual bagi {stores}</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Menyimpan</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji sambungan</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>&amp;Map this SKU</source>
        <translation>&amp;Petakan SKU ini</translation>
    </message>
    <message>
        <source>&amp;Map this shipping method</source>
        <translation>&amp;Petakan kaedah penghantaran ini</translation>
    </message>
    <message>
        <source>&amp;Map this payment method</source>
        <translation>&amp;Petakan kaedah pembayaran ini</translation>
    </message>
    <message>
        <source>&amp;Map this tax rate</source>
        <translation>&amp;Petakan kadar cukai ini</translation>
    </message>
    <message>
        <source>Open the store&apos;s &amp;settings</source>
        <translation>Buka &amp;tetapan kedai</translation>
    </message>
    <message>
        <source>Held: needs you</source>
        <translation>Ditahan: memerlukan anda</translation>
    </message>
    <message>
        <source>Posted to AutoCount</source>
        <translation>Telah dipos ke AutoCount</translation>
    </message>
    <message>
        <source>Waiting (not paid yet)</source>
        <translation>Menunggu (belum dibayar)</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Diabaikan</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Belum disemak</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>invois</translation>
    </message>
    <message>
        <source>cash sale</source>
        <translation>jualan tunai</translation>
    </message>
    <message>
        <source>sales order</source>
        <translation>pesanan jualan</translation>
    </message>
    <message>
        <source>delivery order</source>
        <translation>pesanan penghantaran</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>nota kredit</translation>
    </message>
    <message>
        <source>Order {number} · {store}</source>
        <translation>Pesanan {number} · {store}</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Pesanan {number}</translation>
    </message>
    <message>
        <source>(test order)</source>
        <translation>(pesanan ujian)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Dibuat pada</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amaun</translation>
    </message>
    <message>
        <source>Status in the store</source>
        <translation>Status di kedai</translation>
    </message>
    <message>
        <source>In ecdesk</source>
        <translation>Dalam ecdesk</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Cubaan</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Ralat terakhir</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>AutoCount documents: {docs}</source>
        <translation>Dokumen AutoCount: {docs}</translation>
    </message>
    <message>
        <source>&amp;Retry this order</source>
        <translation>Cuba &amp;semula pesanan ini</translation>
    </message>
    <message>
        <source>Try this order again now (Ctrl+R).</source>
        <translation>Cuba semula pesanan ini sekarang (Ctrl+R).</translation>
    </message>
    <message>
        <source>Settled by han&amp;d…</source>
        <translation>Selesai secara &amp;manual…</translation>
    </message>
    <message>
        <source>You posted this order yourself in AutoCount: take it off the held list; ecdesk will never post it (Del).</source>
        <translation>Anda telah mengepos pesanan ini sendiri dalam AutoCount: keluarkannya daripada senarai ditahan; ecdesk tidak akan sekali-kali mengeposnya (Del).</translation>
    </message>
    <message>
        <source>&amp;Fetch it again from the store</source>
        <translation>&amp;Ambil semula dari kedai</translation>
    </message>
    <message>
        <source>Shipped: record trac&amp;king…</source>
        <translation>Dihantar: rekod nombor &amp;penjejakan…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Reconciled: the marketplace pays {stated}, what ecdesk posted, to the cent.</source>
        <translation>Disepadankan: pasaran membayar {stated}, sama dengan yang dipos oleh ecdesk, hingga ke sen.</translation>
    </message>
    <message>
        <source>Released: the marketplace pays {stated}, ecdesk posted {expected}; see Tools &gt; Payouts.</source>
        <translation>Dilepaskan: pasaran membayar {stated}, ecdesk memos {expected}; lihat Alatan &gt; Pembayaran.</translation>
    </message>
    <message>
        <source>Not released by the marketplace yet (it says {stated} for now); the fee note is posted from its final figures.</source>
        <translation>Belum dilepaskan oleh pasaran (buat masa ini {stated}); nota yuran dipos daripada angka muktamadnya.</translation>
    </message>
    <message>
        <source>Why it is held</source>
        <translation>Sebab ia ditahan</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Kuantiti</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Harga seunit</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskaun</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Cukai</translation>
    </message>
    <message>
        <source>AutoCount item</source>
        <translation>Item AutoCount</translation>
    </message>
    <message>
        <source>no SKU in the store</source>
        <translation>tiada SKU di kedai</translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>belum dipetakan</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tiada)</translation>
    </message>
    <message>
        <source>Order {number} leaves the held list and ecdesk will never post it.</source>
        <translation>Pesanan {number} akan dikeluarkan daripada senarai ditahan dan ecdesk tidak akan sekali-kali mengeposnya.</translation>
    </message>
</context>
<context>
    <name>PayoutsDialog</name>
    <message>
        <source>Estimated (not released yet)</source>
        <translation>Anggaran (belum dilepaskan)</translation>
    </message>
    <message>
        <source>Released, does not tie out</source>
        <translation>Dilepaskan, tidak sepadan</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>Telah disesuaikan</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Dijangka</translation>
    </message>
    <message>
        <source>Marketplace pays</source>
        <translation>Bayaran pasaran</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Perbezaan</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>Marketplace payouts</source>
        <translation>Pembayaran pasaran</translation>
    </message>
    <message>
        <source>Reading the payouts…</source>
        <translation>Membaca pembayaran…</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Expected = the sale less the fee notes and refunds ecdesk posted; the platform&apos;s own figure is its escrow (Shopee), finance rows (Lazada) or balance transactions (Shopify Payments, WooPayments). Estimated payouts may still change; released ones should tie out to the cent.</source>
        <translation>Dijangka = jualan tolak nota yuran dan bayaran balik yang dipos oleh ecdesk; angka platform sendiri ialah eskrow (Shopee), baris kewangan (Lazada) atau transaksi baki (Shopify Payments, WooPayments). Pembayaran anggaran mungkin masih berubah; yang telah dilepaskan sepatutnya sepadan hingga ke sen.</translation>
    </message>
    <message>
        <source>Reading payouts</source>
        <translation>Membaca pembayaran</translation>
    </message>
    <message>
        <source>{store}: {estimated} estimated, {released} released, {reconciled} reconciled; not reconciled {amount}</source>
        <translation>{store}: {estimated} anggaran, {released} dilepaskan, {reconciled} disesuaikan; belum disesuaikan {amount}</translation>
    </message>
    <message>
        <source>No marketplace store has posted orders yet.</source>
        <translation>Belum ada kedai pasaran yang mengepos pesanan.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Push stock: what would change</source>
        <translation>Hantar stok: apa yang akan berubah</translation>
    </message>
    <message>
        <source>Quantities that would be sent</source>
        <translation>Kuantiti yang akan dihantar</translation>
    </message>
    <message>
        <source>&amp;Push now</source>
        <translation>&amp;Hantar sekarang</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Order {order} shipped</source>
        <translation>Pesanan {order} dihantar</translation>
    </message>
    <message>
        <source>e.g. J&amp;T Express</source>
        <translation>cth. J&amp;T Express</translation>
    </message>
    <message>
        <source>Send it to the store &amp;now (otherwise at the next send)</source>
        <translation>Hantar ke kedai &amp;sekarang (jika tidak, pada penghantaran seterusnya)</translation>
    </message>
    <message>
        <source>&amp;Carrier</source>
        <translation>Syarikat &amp;kurier</translation>
    </message>
    <message>
        <source>&amp;Tracking number</source>
        <translation>Nombor &amp;penjejakan</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Kod item</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Baki</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Ditempah</translation>
    </message>
    <message>
        <source>To push</source>
        <translation>Untuk dihantar</translation>
    </message>
    <message>
        <source>Last pushed</source>
        <translation>Terakhir dihantar</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>All stores</source>
        <translation>Semua kedai</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>&amp;Import stock count…</source>
        <translation>&amp;Import kiraan stok…</translation>
    </message>
    <message>
        <source>Push stock &amp;now…</source>
        <translation>Hantar stok &amp;sekarang…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat semula</translation>
    </message>
    <message>
        <source>Stock per store SKU</source>
        <translation>Stok bagi setiap SKU kedai</translation>
    </message>
    <message>
        <source>{n} SKU needs attention (listed first).</source>
        <translation>{n} SKU perlu perhatian (disenaraikan dahulu).</translation>
    </message>
    <message>
        <source>{n} SKUs need attention (listed first).</source>
        <translation>{n} SKU perlu perhatian (disenaraikan dahulu).</translation>
    </message>
    <message>
        <source>AutoCount stock balance report</source>
        <translation>Laporan baki stok AutoCount</translation>
    </message>
    <message>
        <source>Excel or csv (*.xlsx *.csv)</source>
        <translation>Excel atau csv (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Counted {n} item.</source>
        <translation>{n} item dikira.</translation>
    </message>
    <message>
        <source>Counted {n} items.</source>
        <translation>{n} item dikira.</translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation>Tiada yang akan berubah.</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Edit store</source>
        <extracomment>``submit(values, answer)``: save the values (through the window&apos;s writer) and call ``answer(None)`` once saved, or ``answer(text)`` with what is wrong.</extracomment>
        <translation>Sunting kedai</translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation>Tambah kedai</translation>
    </message>
    <message>
        <source>e.g. Main Shopify</source>
        <translation>cth. Shopify Utama</translation>
    </message>
    <message>
        <source>Put before the order number to make the AutoCount document number, e.g. SH- gives SH-1001 (up to 4 characters).</source>
        <translation>Diletakkan sebelum nombor pesanan untuk membentuk nombor dokumen AutoCount, cth. SH- menjadi SH-1001 (hingga 4 aksara).</translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation>&amp;Nama kedai</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Platform</translation>
    </message>
    <message>
        <source>Store &amp;address (URL)</source>
        <translation>&amp;Alamat kedai (URL)</translation>
    </message>
    <message>
        <source>&amp;Document prefix</source>
        <translation>Awalan &amp;dokumen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Credentials are entered next, in the Integration tab.</source>
        <translation>Bukti kelayakan dimasukkan seterusnya, dalam tab Integrasi.</translation>
    </message>
</context>
<context>
    <name>StoresModel</name>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Segerak terakhir</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>Pesanan hari ini</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Ditahan</translation>
    </message>
    <message>
        <source>Auto sync</source>
        <translation>Segerak automatik</translation>
    </message>
    <message>
        <source>Custom feed</source>
        <translation>Suapan tersuai</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ralat</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Sibuk</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Dinyahdayakan</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Belum pernah disegerakkan</translation>
    </message>
    <message>
        <source>Needs set-up</source>
        <translation>Perlu tetapan</translation>
    </message>
    <message>
        <source>Every {minutes} min</source>
        <translation>Setiap {minutes} min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Mati</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Belum pernah</translation>
    </message>
</context>
<context>
    <name>StoresTab</name>
    <message>
        <source>Stores</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>&amp;Add store…</source>
        <translation>&amp;Tambah kedai…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Su&amp;nting…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Bu&amp;ang</translation>
    </message>
    <message>
        <source>S&amp;ync this store now</source>
        <translation>Se&amp;gerak kedai ini sekarang</translation>
    </message>
    <message>
        <source>Sync a&amp;ll stores now</source>
        <translation>Segerak semua &amp;kedai sekarang</translation>
    </message>
    <message>
        <source>No stores yet. Press “Add store…” to connect your first online store, then enter its credentials in Integration.</source>
        <translation>Belum ada kedai. Tekan “Tambah kedai…” untuk menyambung kedai dalam talian pertama anda, kemudian masukkan bukti kelayakannya dalam Integrasi.</translation>
    </message>
    <message>
        <source>Reading the stores</source>
        <translation>Membaca kedai</translation>
    </message>
    <message>
        <source>Give the store a name, e.g. &apos;Main Shopify&apos;.</source>
        <translation>Beri kedai itu nama, cth. &apos;Shopify Utama&apos;.</translation>
    </message>
    <message>
        <source>Adding the store</source>
        <translation>Menambah kedai</translation>
    </message>
    <message>
        <source>Saving the store</source>
        <translation>Menyimpan kedai</translation>
    </message>
    <message>
        <source>Remove the store &apos;{store}&apos;? Its orders and mappings are removed from ecdesk (documents already in AutoCount stay).</source>
        <translation>Buang kedai &apos;{store}&apos;? Pesanan dan pemetaannya akan dibuang daripada ecdesk (dokumen yang sudah ada dalam AutoCount kekal).</translation>
    </message>
    <message>
        <source>Removing the store</source>
        <translation>Membuang kedai</translation>
    </message>
    <message>
        <source>Remove store</source>
        <translation>Buang kedai</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Buang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>Time</source>
        <translation>Masa</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Apa yang berlaku</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Maklumat</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Amaran</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ralat</translation>
    </message>
</context>
<context>
    <name>ToolsTab</name>
    <message>
        <source>S&amp;ync this store now</source>
        <translation>Se&amp;gerak kedai ini sekarang</translation>
    </message>
    <message>
        <source>Sync a&amp;ll stores</source>
        <translation>Segerak semua &amp;kedai</translation>
    </message>
    <message>
        <source>Order number, e.g. 1001 (or STORE:1001)</source>
        <translation>Nombor pesanan, cth. 1001 (atau KEDAI:1001)</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Nombor pesanan</translation>
    </message>
    <message>
        <source>Fetch this order a&amp;gain</source>
        <translation>Ambil &amp;pesanan ini semula</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>dd MMM yyyy</translation>
    </message>
    <message>
        <source>First day to fetch again</source>
        <translation>Hari pertama untuk diambil semula</translation>
    </message>
    <message>
        <source>Last day to fetch again</source>
        <translation>Hari terakhir untuk diambil semula</translation>
    </message>
    <message>
        <source>Fetch this date range aga&amp;in</source>
        <translation>Ambil julat &amp;tarikh ini semula</translation>
    </message>
    <message>
        <source>Cancel the r&amp;unning sync</source>
        <translation>Batalkan penyegerakan yang sedang be&amp;rjalan</translation>
    </message>
    <message>
        <source>Manual resync</source>
        <translation>Segerak semula secara manual</translation>
    </message>
    <message>
        <source>S&amp;tore</source>
        <translation>Keda&amp;i</translation>
    </message>
    <message>
        <source>O&amp;ne order</source>
        <translation>Satu pesa&amp;nan</translation>
    </message>
    <message>
        <source>Date r&amp;ange</source>
        <translation>&amp;Julat tarikh</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hingga</translation>
    </message>
    <message>
        <source>First day of the reconciliation</source>
        <translation>Hari pertama penyesuaian</translation>
    </message>
    <message>
        <source>Last day of the reconciliation</source>
        <translation>Hari terakhir penyesuaian</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Semua kedai</translation>
    </message>
    <message>
        <source>Store of the reconciliation</source>
        <translation>Kedai untuk penyesuaian</translation>
    </message>
    <message>
        <source>&amp;Export reconciliation to Excel…</source>
        <translation>&amp;Eksport penyesuaian ke Excel…</translation>
    </message>
    <message>
        <source>Payou&amp;ts…</source>
        <translation>Pem&amp;bayaran…</translation>
    </message>
    <message>
        <source>Marketplace orders: what ecdesk posted against what the marketplace pays.</source>
        <translation>Pesanan pasaran: apa yang dipos oleh ecdesk berbanding apa yang dibayar oleh pasaran.</translation>
    </message>
    <message>
        <source>Month-end reconciliation</source>
        <translation>Penyesuaian akhir bulan</translation>
    </message>
    <message>
        <source>Orders dated</source>
        <translation>Pesanan bertarikh</translation>
    </message>
    <message>
        <source>Push stoc&amp;k now…</source>
        <translation>Hantar sto&amp;k sekarang…</translation>
    </message>
    <message>
        <source>Shows what would change in each store first; nothing is sent until you confirm.</source>
        <translation>Menunjukkan dahulu apa yang akan berubah di setiap kedai; tiada apa dihantar sehingga anda mengesahkan.</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stok</translation>
    </message>
    <message>
        <source>Quantities go to every store whose push_stock is on, at its own cadence; this sends the changes now.</source>
        <translation>Kuantiti dihantar ke setiap kedai yang push_stock dihidupkan, mengikut jadualnya sendiri; ini menghantar perubahan sekarang.</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Log penyegerakan</translation>
    </message>
    <message>
        <source>Refre&amp;sh</source>
        <translation>Mu&amp;at semula</translation>
    </message>
    <message>
        <source>Sync log (newest first)</source>
        <translation>Log penyegerakan (terbaru dahulu)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Kedai</translation>
    </message>
    <message>
        <source>O&amp;pen log file</source>
        <translation>&amp;Buka fail log</translation>
    </message>
    <message>
        <source>&amp;Browse log folder</source>
        <translation>Lihat &amp;folder log</translation>
    </message>
    <message>
        <source>As this computer (system language)</source>
        <translation>Ikut komputer ini (bahasa sistem)</translation>
    </message>
    <message>
        <source>The window changes language the next time ecdesk starts.</source>
        <translation>Bahasa tetingkap bertukar apabila ecdesk dibuka semula.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>&amp;Window language</source>
        <translation>Ba&amp;hasa tetingkap</translation>
    </message>
    <message>
        <source>Add a store first (Stores tab).</source>
        <translation>Tambah kedai dahulu (tab Kedai).</translation>
    </message>
    <message>
        <source>Syncing {store}…</source>
        <translation>Menyegerak {store}…</translation>
    </message>
    <message>
        <source>Type the order number first.</source>
        <translation>Taip nombor pesanan dahulu.</translation>
    </message>
    <message>
        <source>Check the number and the store chosen above.</source>
        <translation>Semak nombor dan kedai yang dipilih di atas.</translation>
    </message>
    <message>
        <source>Fetching order {order} again…</source>
        <translation>Mengambil semula pesanan {order}…</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Tarikh akhir lebih awal daripada tarikh mula.</translation>
    </message>
    <message>
        <source>Fetching {store} orders from {start} to {end} again…</source>
        <translation>Mengambil semula pesanan {store} dari {start} hingga {end}…</translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation>Eksport penyesuaian</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The reconciliation&apos;s end date is before its start date.</source>
        <translation>Tarikh akhir penyesuaian lebih awal daripada tarikh mulanya.</translation>
    </message>
    <message>
        <source>Writing the reconciliation for {start} to {end}…</source>
        <translation>Menulis penyesuaian untuk {start} hingga {end}…</translation>
    </message>
</context>
<context>
    <name>ask_note</name>
    <message>
        <source>Settled by hand</source>
        <translation>Selesai secara manual</translation>
    </message>
    <message>
        <source>Note for the log (e.g. the AutoCount document you keyed):</source>
        <translation>Catatan untuk log (cth. dokumen AutoCount yang anda masukkan):</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <source>Done.</source>
        <translation>Selesai.</translation>
    </message>
    <message>
        <source>Nothing was due.</source>
        <translation>Tiada yang perlu dijalankan.</translation>
    </message>
    <message>
        <source>{n} stores</source>
        <translation>{n} kedai</translation>
    </message>
    <message>
        <source>{n} order fetched</source>
        <translation>{n} pesanan diambil</translation>
    </message>
    <message>
        <source>{n} orders fetched</source>
        <translation>{n} pesanan diambil</translation>
    </message>
    <message>
        <source>{n} document posted to AutoCount</source>
        <translation>{n} dokumen dipos ke AutoCount</translation>
    </message>
    <message>
        <source>{n} documents posted to AutoCount</source>
        <translation>{n} dokumen dipos ke AutoCount</translation>
    </message>
    <message>
        <source>{n} held</source>
        <translation>{n} ditahan</translation>
    </message>
    <message>
        <source>{n} waiting (unpaid, or not settled yet)</source>
        <translation>{n} menunggu (belum dibayar, atau belum diselesaikan)</translation>
    </message>
    <message>
        <source>{n} cancelled (not posted)</source>
        <translation>{n} dibatalkan (tidak dipos)</translation>
    </message>
    <message>
        <source>{n} awaiting AutoCount&apos;s answer (checked again next run)</source>
        <translation>{n} menunggu jawapan AutoCount (disemak semula pada larian seterusnya)</translation>
    </message>
    <message>
        <source>Retry finished: {parts}.</source>
        <translation>Cuba semula selesai: {parts}.</translation>
    </message>
    <message>
        <source>Sync of {store} finished: {parts}.</source>
        <translation>Penyegerakan {store} selesai: {parts}.</translation>
    </message>
    <message>
        <source>Retry stopped as you asked: {parts}.</source>
        <translation>Cuba semula dihentikan seperti diminta: {parts}.</translation>
    </message>
    <message>
        <source>Sync of {store} stopped as you asked: {parts}.</source>
        <translation>Penyegerakan {store} dihentikan seperti diminta: {parts}.</translation>
    </message>
    <message>
        <source>Retry did not finish: {parts}.</source>
        <translation>Cuba semula tidak selesai: {parts}.</translation>
    </message>
    <message>
        <source>Sync of {store} did not finish: {parts}.</source>
        <translation>Penyegerakan {store} tidak selesai: {parts}.</translation>
    </message>
    <message>
        <source>Retry was skipped: {parts}.</source>
        <translation>Cuba semula dilangkau: {parts}.</translation>
    </message>
    <message>
        <source>Sync of {store} was skipped: {parts}.</source>
        <translation>Penyegerakan {store} dilangkau: {parts}.</translation>
    </message>
    <message>
        <source>all stores</source>
        <translation>semua kedai</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Unmapped SKU</source>
        <translation>SKU belum dipetakan</translation>
    </message>
    <message>
        <source>Line without SKU</source>
        <translation>Baris tanpa SKU</translation>
    </message>
    <message>
        <source>Unknown payment method</source>
        <translation>Kaedah pembayaran tidak dikenali</translation>
    </message>
    <message>
        <source>Unmapped shipping method</source>
        <translation>Kaedah penghantaran belum dipetakan</translation>
    </message>
    <message>
        <source>Unmapped tax rate</source>
        <translation>Kadar cukai belum dipetakan</translation>
    </message>
    <message>
        <source>Amounts do not add up</source>
        <translation>Jumlah tidak sepadan</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Mata wang</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Pendua</translation>
    </message>
    <message>
        <source>Unreadable order data</source>
        <translation>Data pesanan tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Changed after posting</source>
        <translation>Diubah selepas dipos</translation>
    </message>
    <message>
        <source>Refunded after posting</source>
        <translation>Dipulangkan wang selepas dipos</translation>
    </message>
    <message>
        <source>Cancelled after posting</source>
        <translation>Dibatalkan selepas dipos</translation>
    </message>
    <message>
        <source>Rejected by AutoCount</source>
        <translation>Ditolak oleh AutoCount</translation>
    </message>
    <message>
        <source>Setup incomplete</source>
        <translation>Persediaan belum lengkap</translation>
    </message>
    <message>
        <source>Amount out of range</source>
        <translation>Amaun di luar julat</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; (line &apos;{line}&apos;) has no AutoCount item code. Map it in Mapping &gt; Items, then Retry.</source>
        <translation>SKU &apos;{sku}&apos; (baris &apos;{line}&apos;) tiada kod item AutoCount. Petakannya dalam Pemetaan &gt; Item (SKU), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Line &apos;{line}&apos; has no SKU in the store, so it cannot be matched to an AutoCount item. Post this order by hand in AutoCount and mark it Resolved; give the product a SKU in the store so later orders match.</source>
        <translation>Baris &apos;{line}&apos; tiada SKU di kedai, jadi ia tidak dapat dipadankan dengan item AutoCount. Pos pesanan ini secara manual dalam AutoCount dan tandakan Selesai secara manual; berikan SKU kepada produk itu di kedai supaya pesanan akan datang sepadan.</translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; has no AutoCount item. Map it in Mapping &gt; Shipping, then Retry.</source>
        <translation>Kaedah penghantaran &apos;{method}&apos; tiada item AutoCount. Petakannya dalam Pemetaan &gt; Kaedah penghantaran, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; (&apos;{title}&apos;) has no AutoCount item. Map it in Mapping &gt; Shipping, then Retry.</source>
        <translation>Kaedah penghantaran &apos;{method}&apos; (&apos;{title}&apos;) tiada item AutoCount. Petakannya dalam Pemetaan &gt; Kaedah penghantaran, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Shipping charge &apos;{title}&apos; ({amount}) has no shipping method name and the store has no default shipping item. Set &apos;shipping_item&apos; in the store&apos;s posting settings, then Retry.</source>
        <translation>Caj penghantaran &apos;{title}&apos; ({amount}) tiada nama kaedah penghantaran dan kedai tiada item penghantaran lalai. Tetapkan &apos;shipping_item&apos; dalam tetapan pengeposan kedai, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Payment method &apos;{gateway}&apos; has no AutoCount payment method. Map it in Mapping &gt; Payments, then Retry.</source>
        <translation>Kaedah pembayaran &apos;{gateway}&apos; tiada kaedah pembayaran AutoCount. Petakannya dalam Pemetaan &gt; Kaedah pembayaran, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>The order ({amount}) has no payment method in the store. Check how it was paid in the store, post it by hand if needed, then mark it Resolved.</source>
        <translation>Pesanan ({amount}) tiada kaedah pembayaran di kedai. Semak cara ia dibayar di kedai, pos secara manual jika perlu, kemudian tandakan Selesai secara manual.</translation>
    </message>
    <message>
        <source>Tax rate {rate}% (line &apos;{line}&apos;) has no AutoCount tax code. Map it in Mapping &gt; Tax, then Retry.</source>
        <translation>Kadar cukai {rate}% (baris &apos;{line}&apos;) tiada kod cukai AutoCount. Petakannya dalam Pemetaan &gt; Kadar cukai, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Line &apos;{line}&apos; carries tax {tax} but the store sent no tax rate, so no tax code can be chosen. Check the tax settings in the store, then Retry.</source>
        <translation>Baris &apos;{line}&apos; mengandungi cukai {tax} tetapi kedai tidak menghantar kadar cukai, jadi kod cukai tidak dapat dipilih. Semak tetapan cukai di kedai, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Charge &apos;{charge}&apos; carries tax {tax} that no mapped tax rate gives to the cent. Map its rate in Mapping &gt; Tax, then Retry.</source>
        <translation>Caj &apos;{charge}&apos; mengandungi cukai {tax} yang tidak tepat hingga ke sen dengan mana-mana kadar cukai yang dipetakan. Petakan kadarnya dalam Pemetaan &gt; Kadar cukai, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>The order is in {currency} but the AutoCount book is in {book}. Foreign-currency orders are not posted automatically: post it by hand in AutoCount, then mark it Resolved.</source>
        <translation>Pesanan ini dalam {currency} tetapi buku akaun AutoCount dalam {book}. Pesanan mata wang asing tidak dipos secara automatik: pos secara manual dalam AutoCount, kemudian tandakan Selesai secara manual.</translation>
    </message>
    <message>
        <source>Lines, shipping and tax add up to {computed} but the store&apos;s total is {total} (difference {diff}). Check the order in the store; if the store shows it correctly, post it by hand in AutoCount and mark it Resolved.</source>
        <translation>Jumlah baris, penghantaran dan cukai ialah {computed} tetapi jumlah di kedai ialah {total} (beza {diff}). Semak pesanan di kedai; jika kedai menunjukkannya dengan betul, pos secara manual dalam AutoCount dan tandakan Selesai secara manual.</translation>
    </message>
    <message>
        <source>Lines and shipping add up to {computed} but the store&apos;s total is {total} (difference {diff}). Check the order in the store; if the store shows it correctly, post it by hand in AutoCount and mark it Resolved.</source>
        <translation>Jumlah baris dan penghantaran ialah {computed} tetapi jumlah di kedai ialah {total} (beza {diff}). Semak pesanan di kedai; jika kedai menunjukkannya dengan betul, pos secara manual dalam AutoCount dan tandakan Selesai secara manual.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; belum ditetapkan. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not true or false. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; ialah &apos;{setting}&apos;, bukan true atau false. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, longer than {limit} characters. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; ialah &apos;{setting}&apos;, melebihi {limit} aksara. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not a time zone such as {example}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; ialah &apos;{setting}&apos;, bukan zon waktu seperti {example}. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not one of {choices}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; ialah &apos;{setting}&apos;, bukan salah satu daripada {choices}. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is &apos;{setting}&apos;, not an amount above 0. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; ialah &apos;{setting}&apos;, bukan amaun melebihi 0. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; cannot be credit_note for a sale. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; tidak boleh credit_note untuk jualan. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set, and this order needs a rounding line of {diff}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; belum ditetapkan, sedangkan pesanan ini memerlukan baris pembundaran sebanyak {diff}. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is not set, and this credit note needs a rounding line of {diff}. Set it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=VALUE`), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; belum ditetapkan, sedangkan nota kredit ini memerlukan baris pembundaran sebanyak {diff}. Tetapkannya dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=VALUE`), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>AutoCount would total this order {computed} but the store&apos;s total is {total} (difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for this store&apos;s rates, then Retry.</source>
        <translation>AutoCount akan menjumlahkan pesanan ini {computed} tetapi jumlah di kedai ialah {total} (beza {diff}, melebihi had pembundaran {tolerance}). Semak kod cukai yang dipetakan untuk kadar kedai ini, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>AutoCount would total this credit note {computed} but the store&apos;s total is {total} (difference {diff}, more than the {tolerance} rounding allowance). Check the tax codes mapped for this store&apos;s rates, then Retry.</source>
        <translation>AutoCount akan menjumlahkan nota kredit ini {computed} tetapi jumlah di kedai ialah {total} (beza {diff}, melebihi had pembundaran {tolerance}). Semak kod cukai yang dipetakan untuk kadar kedai ini, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Refund {refund} returns {qty} of line {line} but the order sold {sold}. Check the refund in the store; post the credit note by hand if needed.</source>
        <translation>Bayaran balik {refund} memulangkan {qty} bagi baris {line} tetapi pesanan hanya menjual {sold}. Semak bayaran balik di kedai; pos nota kredit secara manual jika perlu.</translation>
    </message>
    <message>
        <source>Refund {refund} returns {qty} of line {line} but the order has no such line. Check the refund in the store; post the credit note by hand if needed.</source>
        <translation>Bayaran balik {refund} memulangkan {qty} bagi baris {line} tetapi pesanan tiada baris itu. Semak bayaran balik di kedai; pos nota kredit secara manual jika perlu.</translation>
    </message>
    <message>
        <source>Refunded line &apos;{line}&apos; (SKU &apos;{sku}&apos;) has no AutoCount item code. Map it in Mapping &gt; Items, then Retry.</source>
        <translation>Baris yang dipulangkan &apos;{line}&apos; (SKU &apos;{sku}&apos;) tiada kod item AutoCount. Petakannya dalam Pemetaan &gt; Item (SKU), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Tax rate {rate}% (refunded line &apos;{line}&apos;) has no AutoCount tax code. Map it in Mapping &gt; Tax, then Retry.</source>
        <translation>Kadar cukai {rate}% (baris yang dipulangkan &apos;{line}&apos;) tiada kod cukai AutoCount. Petakannya dalam Pemetaan &gt; Kadar cukai, kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Order {order} has the same number as order {other} of this store, so both would be AutoCount document {doc_no}. Correct the number in the store, or post it by hand and mark it Resolved (or let AutoCount number this store&apos;s documents: own_numbering).</source>
        <translation>Pesanan {order} mempunyai nombor yang sama dengan pesanan {other} kedai ini, jadi kedua-duanya akan menjadi dokumen AutoCount {doc_no}. Betulkan nombor di kedai, atau pos secara manual dan tandakan Diselesaikan (atau biar AutoCount menomborkan dokumen kedai ini: own_numbering).</translation>
    </message>
    <message>
        <source>Refund {refund} is {amount}: nothing to credit. Check the refund in the store, then mark it Resolved.</source>
        <translation>Bayaran balik {refund} ialah {amount}: tiada apa untuk dikreditkan. Semak bayaran balik di kedai, kemudian tandakan Selesai secara manual.</translation>
    </message>
    <message>
        <source>Order {number} has {fee} of {amount} but no ledger is set for it. Set &apos;{key}&apos; to the AutoCount account for it in the store&apos;s posting settings (or `ecdesk store set STORE --set {key}=ACCOUNT`, e.g. {key}=908-1000), then Retry.</source>
        <translation>Pesanan {number} mempunyai {fee} sebanyak {amount} tetapi tiada akaun lejar ditetapkan untuknya. Tetapkan &apos;{key}&apos; kepada akaun AutoCount berkenaan dalam tetapan pengeposan kedai (atau `ecdesk store set STORE --set {key}=ACCOUNT`, cth. {key}=908-1000), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s fees for order {number} net to a credit of {amount} (rebates above charges), and AutoCount cannot post a credit note below zero. Record the credit in AutoCount by hand, then mark the order Resolved.</source>
        <translation>Yuran pasaran bagi pesanan {number} berjumlah bersih kredit {amount} (rebat melebihi caj), dan AutoCount tidak dapat mengepos nota kredit di bawah sifar. Rekodkan kredit itu dalam AutoCount secara manual, kemudian tandakan pesanan Selesai secara manual.</translation>
    </message>
    <message>
        <source>ecdesk could not process this order ({error}). Nothing was posted twice; press Retry after an update, or post it by hand and mark it Resolved.</source>
        <translation>ecdesk tidak dapat memproses pesanan ini ({error}). Tiada apa-apa dipos dua kali; tekan Cuba semula selepas kemas kini, atau pos secara manual dan tandakan Selesai secara manual.</translation>
    </message>
    <message>
        <source>The AutoCount route &apos;{route}&apos; cannot create a {kind}; choose another document in Automation.</source>
        <translation>Laluan AutoCount &apos;{route}&apos; tidak dapat mewujudkan {kind}; pilih dokumen lain dalam Automasi.</translation>
    </message>
    <message>
        <source>{said}. Fix what AutoCount names (in AutoCount, or the mapping or posting setting that gives it), then Retry.</source>
        <translation>{said}. Betulkan perkara yang dinyatakan oleh AutoCount (dalam AutoCount, atau pemetaan atau tetapan pengeposan yang memberikannya), kemudian Cuba semula.</translation>
    </message>
    <message>
        <source>Order {number} was cancelled in the store after it was posted as {doc}. Void or credit {doc} in AutoCount, then mark the order Resolved.</source>
        <translation>Pesanan {number} dibatalkan di kedai selepas dipos sebagai {doc}. Batalkan atau kreditkan {doc} dalam AutoCount, kemudian tandakan pesanan Selesai secara manual.</translation>
    </message>
    <message>
        <source>Order {number} was edited in the store after it was posted as {doc}; the AutoCount document no longer matches. Correct it in AutoCount, then mark the order Resolved.</source>
        <translation>Pesanan {number} diubah di kedai selepas dipos sebagai {doc}; dokumen AutoCount tidak lagi sepadan. Betulkannya dalam AutoCount, kemudian tandakan pesanan Selesai secara manual.</translation>
    </message>
    <message>
        <source>The order is in {currency} but the AutoCount book keeps {book}. Post it by hand in AutoCount, then mark it Resolved.</source>
        <translation>Pesanan ini dalam {currency} tetapi buku AutoCount menyimpan {book}. Masukkan secara manual dalam AutoCount, kemudian tandakan sebagai Selesai.</translation>
    </message>
    <message>
        <source>Posting setting &apos;{key}&apos; is {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Set it to a code the book has in the store&apos;s posting settings (`ecdesk store set {store} --set {key}=CODE`, `ecdesk autocount {listing}` lists them), then Retry.</source>
        <translation>Tetapan pengeposan &apos;{key}&apos; ialah {kind} &apos;{code}&apos;, yang tiada dalam buku AutoCount{tail}. Tetapkan kepada kod yang ada dalam buku di tetapan pengeposan kedai (`ecdesk store set {store} --set {key}=CODE`, `ecdesk autocount {listing}` menyenaraikannya), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>SKU &apos;{sku}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to an item the book has in Mapping &gt; Items, then Retry.</source>
        <translation>SKU &apos;{sku}&apos; dipetakan kepada {kind} &apos;{code}&apos;, yang tiada dalam buku AutoCount{tail}. Petakan kepada item yang ada dalam buku di Pemetaan &gt; Item, kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>Shipping method &apos;{method}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to an item the book has in Mapping &gt; Shipping, then Retry.</source>
        <translation>Kaedah penghantaran &apos;{method}&apos; dipetakan kepada {kind} &apos;{code}&apos;, yang tiada dalam buku AutoCount{tail}. Petakan kepada item yang ada dalam buku di Pemetaan &gt; Penghantaran, kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>Tax rate {rate}% is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to a tax code the book has in Mapping &gt; Tax, then Retry.</source>
        <translation>Kadar cukai {rate}% dipetakan kepada {kind} &apos;{code}&apos;, yang tiada dalam buku AutoCount{tail}. Petakan kepada kod cukai yang ada dalam buku di Pemetaan &gt; Cukai, kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>Payment method &apos;{gateway}&apos; is mapped to {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Map it to a payment method the book has in Mapping &gt; Payments, then Retry.</source>
        <translation>Kaedah pembayaran &apos;{gateway}&apos; dipetakan kepada {kind} &apos;{code}&apos;, yang tiada dalam buku AutoCount{tail}. Petakan kepada kaedah pembayaran yang ada dalam buku di Pemetaan &gt; Pembayaran, kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>The document uses {kind} &apos;{code}&apos;, which the AutoCount book does not have{tail}. Add it in AutoCount or change the mapping or setting that gives it, then Retry.</source>
        <translation>Dokumen ini menggunakan {kind} &apos;{code}&apos;, yang tiada dalam buku AutoCount{tail}. Tambahkannya dalam AutoCount atau ubah pemetaan atau tetapan yang memberikannya, kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>{part} has {field} &apos;{figure}&apos;, which is not a number. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation>{part} mempunyai {field} &apos;{figure}&apos;, yang bukan nombor. Betulkannya di kedai (atau masukkan pesanan secara manual dalam AutoCount dan tandakan sebagai Selesai), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>{part} has a negative {field} ({figure}); a sale line cannot be below zero. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation>{part} mempunyai {field} negatif ({figure}); baris jualan tidak boleh di bawah sifar. Betulkannya di kedai (atau masukkan pesanan secara manual dalam AutoCount dan tandakan sebagai Selesai), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>{part} has {field} {figure}, far beyond any real order. Correct it in the store (or post the order by hand in AutoCount and mark it Resolved), then Retry.</source>
        <translation>{part} mempunyai {field} {figure}, jauh melebihi mana-mana pesanan sebenar. Betulkannya di kedai (atau masukkan pesanan secara manual dalam AutoCount dan tandakan sebagai Selesai), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>{part} has unit price {figure}, above this store&apos;s limit of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation>{part} mempunyai harga seunit {figure}, melebihi had kedai ini iaitu {limit}. Semak pesanan di kedai; jika betul, naikkan tetapan &apos;{key}&apos; kedai ini (`ecdesk store set STORE --set {key}=AMOUNT`), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>{part} has quantity {figure}, above this store&apos;s limit of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation>{part} mempunyai kuantiti {figure}, melebihi had kedai ini iaitu {limit}. Semak pesanan di kedai; jika betul, naikkan tetapan &apos;{key}&apos; kedai ini (`ecdesk store set STORE --set {key}=AMOUNT`), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>The order total {figure} is above this store&apos;s ceiling of {limit}. Check the order in the store; if it is right, raise this store&apos;s &apos;{key}&apos; setting (`ecdesk store set STORE --set {key}=AMOUNT`), then Retry.</source>
        <translation>Jumlah pesanan {figure} melebihi siling kedai ini iaitu {limit}. Semak pesanan di kedai; jika betul, naikkan tetapan &apos;{key}&apos; kedai ini (`ecdesk store set STORE --set {key}=AMOUNT`), kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s settlement for order {number} does not add up: the sale less its fees and refunds is {parts}, but the payout it states is {payout} (difference {diff}). Its fees are not posted until the marketplace&apos;s figures agree; the sale stays posted. Check the order&apos;s payout in the marketplace, then Retry.</source>
        <translation>Penyelesaian pasaran untuk pesanan {number} tidak sepadan: jualan tolak yuran dan bayaran balik ialah {parts}, tetapi bayaran yang dinyatakannya ialah {payout} (perbezaan {diff}). Yurannya tidak dipos sehingga angka pasaran sepadan; jualan kekal dipos. Semak bayaran pesanan di pasaran, kemudian Cuba Semula.</translation>
    </message>
    <message>
        <source>The marketplace&apos;s fees for order {number} changed after they were posted: {posted} posted, {now} now (difference {diff}). ecdesk posts a rise of up to {tolerance} itself; post this one by hand in AutoCount (a credit or debit note to the marketplace&apos;s debtor), then mark the order Resolved.</source>
        <translation>Yuran pasaran untuk pesanan {number} berubah selepas dipos: {posted} telah dipos, {now} sekarang (perbezaan {diff}). ecdesk mengepos sendiri kenaikan sehingga {tolerance}; pos yang ini secara manual dalam AutoCount (nota kredit atau debit kepada penghutang pasaran), kemudian tandakan pesanan sebagai Selesai.</translation>
    </message>
    <message>
        <source>AutoCount already has {doc} {doc_no} with reference &apos;{ref}&apos;, not &apos;{ours}&apos;.</source>
        <translation>AutoCount sudah mempunyai {doc} {doc_no} dengan rujukan &apos;{ref}&apos;, bukan &apos;{ours}&apos;.</translation>
    </message>
    <message>
        <source> (AutoCount said: {said})</source>
        <extracomment>Words a sentence takes as a value: a param named ``NAME_word`` holds a key below, and the sentence&apos;s ``{NAME}`` gets that word (filled with the other params, translated in the window), so &quot;Line &apos;Red shirt&apos;&quot; or &quot;item code&quot; reads in the clerk&apos;s language too.</extracomment>
        <translation> (kata AutoCount: {said})</translation>
    </message>
    <message>
        <source>item code</source>
        <translation>kod item</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>kod cukai</translation>
    </message>
    <message>
        <source>payment method</source>
        <translation>kaedah pembayaran</translation>
    </message>
    <message>
        <source>debtor code</source>
        <translation>kod penghutang</translation>
    </message>
    <message>
        <source>location</source>
        <translation>lokasi</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>mata wang</translation>
    </message>
    <message>
        <source>Line &apos;{name}&apos;</source>
        <translation>Baris &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Shipping &apos;{name}&apos;</source>
        <translation>Penghantaran &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Charge &apos;{name}&apos;</source>
        <translation>Caj &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>Pesanan ini</translation>
    </message>
    <message>
        <source>unit price</source>
        <translation>harga seunit</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>kuantiti</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>diskaun</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>cukai</translation>
    </message>
    <message>
        <source>charge</source>
        <translation>caj</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>amaun</translation>
    </message>
    <message>
        <source>total</source>
        <translation>jumlah</translation>
    </message>
    <message>
        <source>sales order</source>
        <translation>pesanan jualan</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>invois</translation>
    </message>
    <message>
        <source>cash sale</source>
        <translation>jualan tunai</translation>
    </message>
    <message>
        <source>delivery order</source>
        <translation>pesanan penghantaran</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>nota kredit</translation>
    </message>
</context>
</TS>

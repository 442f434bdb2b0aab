<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Settings</name>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="7" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="9" />
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="9" />
        <source>English</source>
        <translation>English（英语）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="10" />
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="11" />
        <source>Sentence encoder model folder</source>
        <translation>句向量编码模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="12" />
        <source>Encoder device</source>
        <translation>编码设备</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="14" />
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="14" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="15" />
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="16" />
        <source>Encoder threads (0 = automatic)</source>
        <translation>编码线程数（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsRegistry.cpp" line="17" />
        <source>Recent projects to remember</source>
        <translation>记住的最近项目数</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="21" />
        <source>ShelfSense workbench</source>
        <translation>ShelfSense 工作台</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="24" />
        <source>Project file (.shelfsense) to open</source>
        <translation>要打开的项目文件（.shelfsense）</translation>
    </message>
</context>
<context>
    <name>ss::ui::DailyEventsModel</name>
    <message>
        <location filename="../ui/DailyEventsModel.cpp" line="34" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/DailyEventsModel.cpp" line="35" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/DailyEventsModel.cpp" line="36" />
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
</context>
<context>
    <name>ss::ui::DataScreen</name>
    <message>
        <location filename="../ui/DataScreen.cpp" line="21" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="22" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="23" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="24" />
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="26" />
        <source>Filter (matches text columns)</source>
        <translation>筛选（匹配文本列）</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="29" />
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="52" />
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../ui/DataScreen.cpp" line="54" />
        <location filename="../ui/DataScreen.cpp" line="66" />
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::ImportWizard</name>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="27" />
        <source>Choose files</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="28" />
        <source>Plain or .gz files; the format is detected from the first file and can be changed.</source>
        <translation>支持普通文件或 .gz 压缩文件；格式根据第一个文件自动识别，也可以手动更改。</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="31" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="32" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="42" />
        <source>Taobao UserBehavior (user,item,category,behavior,timestamp)</source>
        <translation>淘宝用户行为（用户,商品,类目,行为,时间戳）</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="43" />
        <source>RetailRocket events.csv / item_properties.csv</source>
        <translation>RetailRocket events.csv / item_properties.csv</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="44" />
        <source>Amazon reviews (JSON lines)</source>
        <translation>亚马逊评价（JSON Lines）</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="45" />
        <source>Amazon product metadata (JSON lines)</source>
        <translation>亚马逊商品元数据（JSON Lines）</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="46" />
        <source>Transaction log (customer, date, amount)</source>
        <translation>交易记录（客户、日期、金额）</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="47" />
        <source>CSV with a column mapping</source>
        <translation>带列映射的 CSV</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="51" />
        <source>column=field, … e.g. CustomerID=user, StockCode=item, InvoiceDate=time</source>
        <translation>列=字段, … 例如 CustomerID=user, StockCode=item, InvoiceDate=time</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="53" />
        <source>(from a mapped 'type' column)</source>
        <translation>（来自映射的 type 列）</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="54" />
        <source>View</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="55" />
        <source>Cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="56" />
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="57" />
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="58" />
        <source>Drop rows outside the dataset's documented collection window (otherwise kept and flagged)</source>
        <translation>丢弃数据集公布的采集时间窗之外的行（否则保留并标记）</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="59" />
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="60" />
        <source>Column mapping (CSV):</source>
        <translation>列映射（CSV）：</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="61" />
        <source>Default behaviour (CSV events):</source>
        <translation>默认行为（CSV 事件）：</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="72" />
        <source>Choose files to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="92" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="93" />
        <source>The first rows of the first file, split as the importer will read them.</source>
        <translation>第一个文件的前几行，按导入器的读取方式拆分。</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="128" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="129" />
        <source>The import runs in one transaction: if it fails or is cancelled, the project stays as it was.</source>
        <translation>导入在一个事务中进行：失败或取消时，项目保持原样。</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="134" />
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="136" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="136" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="136" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="136" />
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="142" />
        <source>Rejected and flagged rows:</source>
        <translation>被拒绝和被标记的行：</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="155" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportWizard.cpp" line="167" />
        <source>Importing %n file(s)</source>
        <translation>
            <numerusform>正在导入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="182" />
        <source>Cancelled. The project is unchanged.</source>
        <translation>已取消。项目未被更改。</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="183" />
        <source>Import failed; the project is unchanged.
%1</source>
        <translation>导入失败；项目未被更改。
%1</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="185" />
        <source>Read %1 rows, imported %2, rejected %3, flagged %4, duplicates %5 in %6 s.</source>
        <translation>读取 %1 行，导入 %2 行，拒绝 %3 行，标记 %4 行，重复 %5 行，用时 %6 秒。</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="198" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="198" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/ImportWizard.cpp" line="210" />
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
</context>
<context>
    <name>ss::ui::ItemResultsModel</name>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="29" />
        <source>Cosine similarity between the sentence vectors (1 = same meaning).</source>
        <translation>两个句向量的余弦相似度（1 = 含义相同）。</translation>
    </message>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="45" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="46" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="47" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="48" />
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="49" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/ItemResultsModel.cpp" line="50" />
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
</context>
<context>
    <name>ss::ui::JobsPanel</name>
    <message>
        <location filename="../ui/JobsPanel.cpp" line="17" />
        <source>No jobs running.</source>
        <translation>没有正在运行的任务。</translation>
    </message>
    <message>
        <location filename="../ui/JobsPanel.cpp" line="36" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/JobsPanel.cpp" line="69" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/JobsPanel.cpp" line="69" />
        <source>Cancelled: nothing was changed</source>
        <translation>已取消：未做任何更改</translation>
    </message>
    <message>
        <location filename="../ui/JobsPanel.cpp" line="69" />
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::LazyTableModel</name>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="68" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="68" />
        <source>External id</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="68" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="69" />
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="69" />
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="69" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="70" />
        <source>In stock</source>
        <translation>有货</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="70" />
        <source>Segment</source>
        <translation>用户分群</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="70" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="71" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="71" />
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="71" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="72" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="72" />
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="72" />
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../ui/LazyTableModel.cpp" line="73" />
        <source>Text</source>
        <translation>正文</translation>
    </message>
</context>
<context>
    <name>ss::ui::MainActions</name>
    <message>
        <location filename="../ui/MainActions.cpp" line="12" />
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="13" />
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="14" />
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="15" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="16" />
        <source>New &amp;sample shop…</source>
        <translation>新建示例店铺(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="18" />
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="18" />
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="20" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="22" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="23" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="24" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/MainActions.cpp" line="25" />
        <source>&amp;About ShelfSense</source>
        <translation>关于 ShelfSense(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ss::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="51" />
        <source>This screen is not available yet: its engine has not landed in this build.</source>
        <translation>此页面暂不可用：其功能引擎尚未包含在此版本中。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="52" />
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="52" />
        <source>It will show each customer's history and every model's top-K with explanations.</source>
        <translation>它将展示每位顾客的历史行为，以及每个模型的 Top-K 推荐和推荐理由。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53" />
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="53" />
        <source>It will train and compare recommenders with confidence intervals.</source>
        <translation>它将训练并比较推荐模型，并给出置信区间。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="54" />
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Cohorts</source>
        <translation>留存分群</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="54" />
        <source>It will show retention cohorts with their definition.</source>
        <translation>它将展示留存分群及其定义。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55" />
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Sentiment</source>
        <translation>情感分析</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55" />
        <source>It will show review sentiment.</source>
        <translation>它将展示评价的情感倾向。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59" />
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Search</source>
        <translation>语义搜索</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="59" />
        <source>This build has no LibTorch, so the sentence encoder (search, similar items, map) is not available.</source>
        <translation>此版本未包含 LibTorch，因此句向量编码器（搜索、相似商品、向量地图）不可用。</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="65" />
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="72" />
        <source>Job finished</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="72" />
        <source>Job cancelled</source>
        <translation>任务已取消</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="72" />
        <source>Job failed: %1</source>
        <translation>任务失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79" />
        <source>New sample shop</source>
        <translation>新建示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79" />
        <location filename="../ui/MainWindow.cpp" line="160" />
        <source>ShelfSense projects (*.shelfsense)</source>
        <translation>ShelfSense 项目 (*.shelfsense)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89" />
        <source>About ShelfSense</source>
        <translation>关于 ShelfSense</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90" />
        <source>&lt;b&gt;ShelfSense %1&lt;/b&gt;&lt;p&gt;A workbench for recommenders and customer retention with language models.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ShelfSense %1&lt;/b&gt;&lt;p&gt;基于语言模型的推荐与用户留存分析工作台。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="111" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="113" />
        <source>ShelfSense</source>
        <translation>ShelfSense</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="113" />
        <source>ShelfSense — %1</source>
        <translation>ShelfSense — %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124" />
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="145" />
        <source>Writing the sample shop</source>
        <translation>正在生成示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="147" />
        <source>Sample shop</source>
        <translation>示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155" />
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155" />
        <source>ShelfSense projects (*.shelfsense);;All files (*)</source>
        <translation>ShelfSense 项目 (*.shelfsense);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="160" />
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
</context>
<context>
    <name>ss::ui::OverviewScreen</name>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="28" />
        <location filename="../ui/OverviewScreen.cpp" line="68" />
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="35" />
        <source>Daily activity</source>
        <translation>每日活跃</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="37" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="39" />
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="50" />
        <source>Day (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="53" />
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="72" />
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="85" />
        <source>Loading overview</source>
        <translation>正在加载概览</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="87" />
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/OverviewScreen.cpp" line="96" />
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;table cellspacing='8'&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt; items&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt; users&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt; events&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5&lt;/b&gt; reviews&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan='2'&gt;Events: %6&lt;/td&gt;&lt;td colspan='2'&gt;Reviews: %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Views: %8&lt;/td&gt;&lt;td&gt;Carts: %9&lt;/td&gt;&lt;td&gt;Favourites: %10&lt;/td&gt;&lt;td&gt;Purchases: %11&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;&lt;table cellspacing='8'&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt; 件商品&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt; 位用户&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt; 条事件&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5&lt;/b&gt; 条评价&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan='2'&gt;事件时间：%6&lt;/td&gt;&lt;td colspan='2'&gt;评价时间：%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;浏览：%8&lt;/td&gt;&lt;td&gt;加购：%9&lt;/td&gt;&lt;td&gt;收藏：%10&lt;/td&gt;&lt;td&gt;购买：%11&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>ss::ui::SearchScreen</name>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="39" />
        <source>Describe what you are looking for, in English or 中文 — e.g. “quiet headphones for travel”</source>
        <translation>用中文或英文描述你想找的商品，例如“适合旅行的安静耳机”</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="43" />
        <source>top </source>
        <translation>前 </translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="44" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="45" />
        <source>Similar to selected</source>
        <translation>查找相似商品</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="50" />
        <source>Type a query to search the catalog by meaning.</source>
        <translation>输入查询，按语义搜索商品目录。</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="62" />
        <source>Search and similar items</source>
        <translation>搜索与相似商品</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="67" />
        <source>Draw the map</source>
        <translation>绘制地图</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="68" />
        <source>A 2D projection (PCA) of every item's sentence vector, coloured by category.</source>
        <translation>所有商品句向量的二维投影（PCA），按类目着色。</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="73" />
        <location filename="../ui/SearchScreen.cpp" line="79" />
        <location filename="../ui/SearchScreen.cpp" line="167" />
        <source>Embedding map</source>
        <translation>向量地图</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="102" />
        <location filename="../ui/SearchScreen.cpp" line="130" />
        <location filename="../ui/SearchScreen.cpp" line="157" />
        <source>The sentence encoder is not available: %1</source>
        <translation>句向量编码器不可用：%1</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="106" />
        <source>Searching for “%1”…</source>
        <translation>正在搜索“%1”…</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="113" />
        <source>Semantic search</source>
        <translation>语义搜索</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="115" />
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="119" />
        <source>Items closest in meaning to “%1”</source>
        <translation>与“%1”含义最接近的商品</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="140" />
        <source>Similar items</source>
        <translation>相似商品</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="142" />
        <source>Similar items failed: %1</source>
        <translation>查找相似商品失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="146" />
        <source>Items most similar to %1</source>
        <translation>与 %1 最相似的商品</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="161" />
        <source>Encoding and projecting the catalog…</source>
        <translation>正在编码并投影商品目录…</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="169" />
        <source>The map failed: %1</source>
        <translation>地图生成失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="181" />
        <source>(no category)</source>
        <translation>（无类目）</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="189" />
        <source>Component 1 (%1% of variance)</source>
        <translation>主成分 1（解释 %1% 方差）</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="190" />
        <source>Component 2 (%1% of variance)</source>
        <translation>主成分 2（解释 %1% 方差）</translation>
    </message>
    <message>
        <location filename="../ui/SearchScreen.cpp" line="232" />
        <source>%1 items; hover a point for its title.</source>
        <translation>%1 件商品；将鼠标悬停在点上可查看标题。</translation>
    </message>
</context>
<context>
    <name>ss::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="24" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="51" />
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="52" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="54" />
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="76" />
        <source>Model in use:</source>
        <translation>当前模型：</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="90" />
        <location filename="../ui/SettingsDialog.cpp" line="92" />
        <source>&lt;span style='color:#b00'&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style='color:#b00'&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="99" />
        <source>CPU (fp32)</source>
        <translation>CPU（fp32）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="99" />
        <source>CUDA GPU (fp16)</source>
        <translation>CUDA GPU（fp16）</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="100" />
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 layers, dimension %3, vocabulary %4, max %5 tokens, %6 pooling&lt;br&gt;Device: %7%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 层，维度 %3，词表 %4，最多 %5 个词元，%6 池化&lt;br&gt;设备：%7%8</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="108" />
        <source> (this build's LibTorch has no CUDA)</source>
        <translation>（此版本的 LibTorch 不支持 CUDA）</translation>
    </message>
</context>
</TS>
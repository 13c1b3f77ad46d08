#!/usr/bin/env python3
"""Builds tests/data/blind_cases.jsonl: a BLIND evaluation set of original,
hand-written 橱窗 recommendation posts (see tests/data/BLIND.md).

The posts below were written for this project without looking at the detectors,
the lexicons or the dev-set texts. Evasion kinds are applied with the same kind
of deterministic transforms as /work/shared/data/src/build.py (re-implemented
here, fixed seed). A kind ending in "!" means the obfuscation was written by hand
and the text is kept as is. Needs opencc-python-reimplemented (traditional).

Run:  python3 tests/data/make_blind.py        (writes and validates)
"""
import collections
import json
import os
import random

from evasion_transforms import EvasionTransforms
from opencc import OpenCC

S2T = OpenCC('s2t')
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'blind_cases.jsonl')
rng = random.Random(20250117)

LAW = {'9': '广告法第九条', '16': '广告法第十六条', '17': '广告法第十七条', '18': '广告法第十八条',
       '25': '广告法第二十五条', '28': '广告法第二十八条', 'c': '商标法第五十七条',
       'm7': '禁止传销条例第七条', 'p': '平台规则：禁止站外导流'}

# invented merchants (ids with an `mb_` prefix); brand-authorised ids and m30 follow brands.json / README
MER = {
 't1': ('mb_t01', '悦肤旗舰店', 'tmall'), 't2': ('mb_t02', '禾丰食品旗舰店', 'tmall'),
 't3': ('mb_t03', '康元堂健康旗舰店', 'tmall'), 't4': ('mb_t04', '简衣生活旗舰店', 'tmall'),
 't5': ('mb_t05', '萌宝母婴旗舰店', 'tmall'), 't6': ('mb_t06', '栖居家居旗舰店', 'tmall'),
 't7': ('mb_t07', '毛孩子宠物旗舰店', 'tmall'), 't8': ('mb_t08', '极客数码电器旗舰店', 'tmall'),
 't9': ('mb_t09', '行者运动旗舰店', 'tmall'),
 'b1': ('mb_b01', '小鹿美妆铺', 'taobao'), 'b2': ('mb_b02', '阿强潮鞋馆', 'taobao'),
 'b3': ('mb_b03', '时光表行', 'taobao'), 'b4': ('mb_b04', '包包控小店', 'taobao'),
 'b5': ('mb_b05', '山里人家土特产', 'taobao'), 'b6': ('mb_b06', '青柠服饰', 'taobao'),
 'b7': ('mb_b07', '数码小站', 'taobao'), 'b8': ('mb_b08', '养生堂铺子', 'taobao'),
 'b9': ('mb_b09', '喵汪杂货铺', 'taobao'), 'b10': ('mb_b10', '宝妈优选', 'taobao'),
 'b11': ('mb_b11', '茶语轩', 'taobao'), 'b12': ('mb_b12', '家居好物社', 'taobao'),
 'w1': ('mb_w01', '美丽蜜语', 'weimai'), 'w2': ('mb_w02', '瘦身达人俱乐部', 'weimai'),
 'w3': ('mb_w03', '奢品汇', 'weimai'), 'w5': ('mb_w05', '本草元气', 'weimai'),
 'w6': ('mb_w06', '优选团购', 'weimai'), 'w7': ('mb_w07', '玉肌坊', 'weimai'),
 'm30': ('m30', '鉴真二手奢品', 'taobao'),
 'm_lancome': ('m_lancome_official', '兰蔻官方旗舰店', 'tmall'),
 'm_tissot': ('m_tissot_official', '天梭官方旗舰店', 'tmall'),
 'm_dyson': ('m_dyson_official', '戴森官方旗舰店', 'tmall'),
 'm_coach': ('m_coach_official', '蔻驰官方旗舰店', 'tmall'),
 'm_sony': ('m_sony_official', '索尼官方旗舰店', 'tmall'),
 'm_nb': ('m_nb_official', '新百伦官方旗舰店', 'tmall'),
 'm_adidas': ('m_adidas_official', '阿迪达斯官方旗舰店', 'tmall'),
 'm_sk2': ('m_sk2_official', 'SK-II官方旗舰店', 'tmall'),
 'm_el': ('m_el_official', '雅诗兰黛官方旗舰店', 'tmall'),
 'm_cartier_official': ('m_cartier_official', '卡地亚官方旗舰店', 'tmall'),
 'm_cg_official': ('m_cg_official', '加拿大鹅官方旗舰店', 'tmall'),
 'm_nike_official': ('m_nike_official', 'Nike官方旗舰店', 'tmall'),
 'm_apple_reseller': ('m_apple_reseller', '苹果授权专营店', 'tmall'),
}

# ---- evasion transform tables (same kinds and behaviour as shared/data/src/build.py; logic in evasion_transforms.py) ----
HOMO = {'加微信': ['加薇信', '加威信', '加徽信'], '微信': ['薇信', '威信', 'V信', '徽信'], '招代理': ['召代理', '招岱理'],
 '代理': ['岱理', '玳理', '代哩'], 'QQ': ['扣扣', 'ＱＱ'], '下线': ['下现'], '拉人头': ['拉人投'], '押货': ['压货'],
 '入门费': ['入们费'], '返利': ['反利'], '团队': ['团对'], '零门槛': ['0门槛', '〇门槛'], '月入过万': ['月入过W', '月入过萬'],
 '高仿': ['髙仿', '高彷', '搞仿'], 'A货': ['Α货', 'Ａ货'], '原单': ['源单', '原単'], '复刻': ['复克', '覆刻'],
 '莆田': ['蒲田', '葡田'], '同厂': ['同場', '铜厂'], '专柜': ['专桂', '砖柜'], '纯原': ['纯元'], '1:1': ['l:l', '1比1', 'I:I'],
 '第一': ['弟一', '第l'], '最': ['蕞', '醉'], '治疗': ['冶疗', '治聊'], '根治': ['根冶', '跟治'], '治好': ['冶好'],
 '癌': ['嵒', '岩'], '糖尿病': ['塘尿病'], '失眠': ['失棉'], '保证': ['保正'], '减肥': ['减月巴'], '瘦': ['廋'],
 '国家级': ['囯家级'], '顶级': ['鼎级', '顶汲'], '极品': ['级品', '極品'], '央视': ['秧视'], '院士': ['院仕'],
 '扫码进群': ['扫马进群'], '进群': ['进裙'], '代餐': ['代惨'], '排毒': ['拍毒'], '正品': ['正晶'], '降压': ['绛压'],
 '血压': ['血丫'], '消炎': ['消严'], '无效退款': ['无效腿款'], '见效': ['见笑'], '修复': ['修覆'], '微商': ['薇商'],
 '电话': ['电化'], '联系': ['连系'], '加盟': ['佳盟'], '入会': ['入汇'], '合伙人': ['合伙仁'], '推荐': ['推建'],
 '超A': ['超Α'], '尾单': ['尾単'], '换标': ['换彪'], '华强北': ['华强貝'], '包治百病': ['包冶百病'], '抗衰老': ['抗衰佬'],
 '滋阴壮阳': ['滋阴壮羊'], '壮阳': ['壮羊'], '钱': ['銭'], '疗效': ['疗笑'], '一级代理': ['壹级代理'],
}
PINYIN = {'加微信': 'jia weixin', '微信': 'weixin', '招代理': 'zhao daili', '代理费': 'daili费', '代理': 'daili', '下线': 'xiaxian',
 '拉人头': 'la ren tou', '押货': 'yahuo', '入门费': 'rumen费', '返利': 'fanli', '团队计酬': 'tuandui jichou', '团队': 'tuandui',
 '零门槛': 'ling menkan', '月入过万': 'yueru guowan', '高仿': 'gaofang', 'A货': 'A huo', '原单': 'yuandan', '复刻': 'fuke',
 '莆田': 'putian', '同厂': 'tongchang', '正品': 'zhengpin', '专柜品质': 'zhuangui pinzhi', '尾单': 'weidan', '纯原': 'chunyuan',
 '第一品牌': 'diyi pinpai', '第一': 'diyi', '最好': 'zuihao', '最强': 'zuiqiang', '最低价': 'zuidijia', '最高级': 'zui gaoji',
 '顶级': 'dingji', '极品': 'jipin', '国家级': 'guojiaji', '万能': 'wanneng', '根治': 'genzhi', '治疗': 'zhiliao', '治好': 'zhihao',
 '抗癌': 'kang ai', '癌症': 'aizheng', '降血压': 'jiang xueya', '降压': 'jiangya', '糖尿病': 'tangniaobing', '失眠': 'shimian',
 '消炎': 'xiaoyan', '无效退款': 'wuxiao tuikuan', '保证': 'baozheng', '见效': 'jianxiao', '排毒': 'paidu', '减肥': 'jianfei',
 '央视': 'yangshi', '院士': 'yuanshi', '包治百病': 'baozhi baibing', '扫码进群': 'saoma jinqun', '进群': 'jinqun',
 '扫码': 'saoma', '加盟': 'jiameng', '入会': 'ruhui', '合伙人': 'hehuoren', '发展下线': 'fazhan xiaxian', '电话': 'dianhua',
 '预防': 'yufang', '修复': 'xiufu', '疗程': 'liaocheng', '瘦': 'shou', '微商': 'weishang', '代餐': 'daican', '超A': 'chao A',
 '换标': 'huanbiao', '华强北': 'huaqiangbei', '疗效': 'liaoxiao', '壮阳': 'zhuangyang', '湿疹': 'shizhen', '近视': 'jinshi',
 '血糖': 'xuetang', '高血压': 'gaoxueya', '炎': 'yan', '病': 'bing', '史上': 'shishang', '全网': 'quanwang',
}
EMOJI_SUB = {'加微信': ['➕V❤', '➕💚信', '➕🟢信'], '微信': ['💚信', 'V❤', '🟢信'], '代理': ['代🍐'], 'QQ': ['🐧'], '扣扣': ['🐧'],
 '电话': ['📞'], '进群': ['进👥'], '第一': ['第1️⃣', 'No.1️⃣'], '顶级': ['🔝级'], '100%': ['💯%'], '百分百': ['💯'],
 'A货': ['🅰️货'], '1:1': ['1️⃣:1️⃣'], '月入过万': ['月入💰万'], '赚钱': ['赚💰'], '加我': ['➕我'], '加V': ['➕V'],
 '癌': ['🦀'], '正品': ['✅品']}
KW = sorted(set(HOMO) | set(PINYIN) | set(EMOJI_SUB) | {'100%有效', '全网最低价', '专柜品质', '押货', '团队计酬', '发展下线', '无效退款', '月入过万', '一级代理', '二级代理'}, key=lambda k: (-len(k), k))  # deterministic order (no hash-seed dependence)
EV = EvasionTransforms(rng, homo=HOMO, pinyin=PINYIN, emoji_sub=EMOJI_SUB, kw=KW, s2t=S2T)


# ---- hand-written posts: labels(false_ad,counterfeit,mlm)|hard_neg|evasion|category|title|brand|price|stock|merchant|law codes|note|text ----
DATA = """
# clean: hard negatives
000|1|-|服饰|秋冬最新款双面羊毛大衣|简衣|599|120|t4||最新款 = newest season, factual|姐妹们，这件是店里今年秋冬的最新款，双面羊毛手工缝制，落肩茧型版，小个子穿也不压身，燕麦和炭灰两个颜色，我165穿M刚好。
000|1|-|茶叶|明前龙井 一级 250g|茶语轩|268|40|b11||第一批/一级 are tea grade and harvest order|今年第一批明前龙井到了，一级茶，外形扁平光滑，汤色嫩绿，豆花香很明显。量不多，喜欢绿茶的朋友可以尝尝，开封后记得冷藏。
000|1|traditional|影音|治愈系电影原声黑胶唱片|声纹|329|25|b7||治愈系 is a film genre|这张黑胶收录了十二首治愈系电影原声，晚上看书的时候放着特别放松，180克重盘，盒子做工也扎实，送喜欢收藏的朋友很合适。
000|1|-|玩具|1:18 合金车模|驰模|459|30|b7||高仿真 model + 1:18 scale|1:18比例高仿真合金车模，车门和引擎盖都能打开，轮毂细节很到位，摆在书架上特别有质感，附带厂商授权的收藏证书和亚克力展示盒。
000|1|-|数码|经典掌机复刻版 内置30款游戏|童趣|299|200|t8||复刻版 of a retro console by its maker, licensed games|这台是经典8位游戏机的官方复刻版，内置30款正版授权游戏，插电视就能玩，周末陪孩子玩我们小时候的闯关游戏，回忆满满。
000|1|-|家居|全棉床单 1.8m|栖居|159|300|t6||原单号 = original order number for returns|床单是60支长绒棉，洗了三次没起球。如需退换请在申请里填写原单号（就是原来的订单号），客服24小时内处理，运费险已经帮大家买好了。
000|1|-|食品|手工牛轧糖 礼盒|优选团购|59|500|w6||微信支付 discount at the shop's own checkout|手工牛轧糖，奶香浓、不粘牙，坚果给得很足。本店结账页面选择微信支付立减3元，活动到月底，不需要另外加任何人。
000|1|fullwidth|数码|QQ音乐豪华绿钻年卡|音悦|148|999|t8||QQ音乐 membership|QQ音乐豪华绿钻年卡，官方直充，下单后在订单里填写要充值的账号就行，通勤路上听无损音质真的舒服，还能免费下载付费专辑。
000|1|spacing|企业服务|小微企业代理记账 年度套餐|诚账财务|1980|50|b12||代理记账 is a bookkeeping service|刚注册公司的老板可以看看这个代理记账服务，每月做账报税都帮你搞定，持有财政局颁发的代理记账许可证，一年1980元，收费明细页面写得很清楚。
000|1|-|食品|特级初榨橄榄油 750ml|橄园|139|80|t2||官方授权总代理 importer with customs docs|这款意大利橄榄油由国内官方授权总代理进口，有中文背标和入境货物检验检疫证明，特级初榨，拌沙拉、凉拌菜都很香。
000|1|-|医疗器械|医用外科口罩 50只|护安|39|1000|t3||registered medical device, compliant wording|医用外科口罩，医疗器械注册证号浙械注准20202140388，三层结构，独立包装，陪护家人去医院时用，具体请按说明书佩戴。
000|1|-|保健食品|维生素C咀嚼片 60片|康元|89|300|t3||blue-hat approved function with 不能代替药物|蓝帽子保健食品，批准文号国食健注G20190417，保健功能：补充维生素C。保健食品不是药物，不能代替药物治疗疾病。橙子味，每天一片。
000|1|-|护肤|兰蔻小黑瓶精华 50ml|Lancôme|760|200|m_lancome||authorised store, normal price 正品|兰蔻官方旗舰店的小黑瓶50ml，正品保障，今晚直播间下单送7ml小样三支。我是混油皮，用了一瓶觉得上妆更服帖，敏感肌建议先在耳后试用。
000|1|-|箱包|二手 LV Neverfull 中号|Louis Vuitton|4800|1|m30||authenticated second-hand on m30|二手中古LV Neverfull中号，已经过第三方机构鉴定，附鉴定证书，边角有轻微磨损，实物拍摄无滤镜，支持平台验货后再确认收货。
000|1|-|数码|AirPods Pro 2|Apple|1599|60|m_apple_reseller||warning against fakes at an authorised reseller|最近好多粉丝问我某些店几十块的AirPods能不能买，真的别买，那都是华强北的仿品，降噪和音质差远了。买苹果耳机认准官方或授权店，这家就是授权专营店。
000|1|-|食品|低筋面粉 2.5kg|麦香|32|400|t2||1:1 is a recipe ratio|做戚风蛋糕的时候，低筋面粉和玉米淀粉按1:1混合过筛，口感会更松软。这款面粉粉质细腻，烘焙新手也好上手。
000|1|-|服饰|高腰A字裙|青柠|129|150|b6||A字裙 is a cut|高腰A字裙，遮胯显腿长，面料垂感好不起球，通勤约会都能穿，我腰围68穿S码，还有黑色和卡其色。
000|1|-|箱包|PU仿皮大容量托特包|包包控|89|300|b4||仿皮 disclosed, no brand|这款托特包是PU仿皮材质，详情页也写清楚了，不是真皮，所以才89元。分量轻、容量大，14寸电脑放得下，通勤上课都合适。
000|1|traditional|食品|莆田桂圆干 500g|山里人家|45|200|b5||莆田 as place of origin|福建莆田的桂圆干，自家果园晒的，肉厚核小，煲汤泡水都好，真空包装一斤装，甜度刚刚好。
000|1|traditional|家居|高仿真龟背竹绿植|栖居|89|120|t6||高仿真 artificial plant|高仿真绿植龟背竹，不用浇水也不会枯，放在客厅角落特别出片，叶片是硅胶材质，远看和真的一样，落灰了用湿布擦擦就行。
000|1|-|运动鞋|Air Max 1 复刻配色|Nike|1099|500|m_nike_official||official 复刻 reissue at the brand store|Nike官方旗舰店今晚上线Air Max 1复刻配色，1987年的经典红白配色回归，官方发售价1099元，抽签购买，祝大家好运。
000|1|-|母婴|婴儿纯棉连体衣 A类|萌宝|79|400|t5||A类 is a textile safety class|婴幼儿A类纯棉连体衣，A类是国家纺织品标准里婴幼儿用品的安全等级，甲醛和pH值都达标，新生儿贴身穿放心，侧开扣换尿布方便。
000|1|fullwidth|办公|A4复印纸 70g 5包|纸匠|119|300|b12||A4 paper size|A4复印纸一箱5包，70g厚度，打印不卡纸，家里孩子打印作业、网课资料刚好用，一箱能用大半年。
000|1|-|服饰|亚麻短袖衬衫|简衣|239|1|t4||最后一件 is stock status|这款亚麻衬衫断码了，L码只剩最后一件，喜欢的抓紧，不补货了。透气不闷，夏天穿很凉快。
000|1|spacing|家居|洗碗机清洁块 60颗|洁宝|49|500|t6||第一次 is a first-use review|第一次用这个牌子的洗碗机清洁块，去油效果不错，杯子上的茶渍也洗掉了，味道不刺鼻，一颗用一次很方便。
000|1|-|家居|奶油风落地灯|栖居|199|80|t6||第一眼 is a first impression|第一眼就爱上这个奶油风落地灯，暖光三档可调，放沙发旁边看书很舒服，灯罩是布艺的，光线柔和不刺眼。
000|1|-|家电|新一级能效变频空调 1.5匹|凉风|2699|60|t8||一级能效 is an energy label|新一级能效变频空调，1.5匹，适合15平左右的卧室，睡眠模式很安静，以旧换新还能领政府补贴。
000|1|symbols|数码|力反馈游戏方向盘|驰模|899|40|t8||极品飞车 is a game title|玩极品飞车的朋友看过来，这款游戏方向盘有力反馈，支持PC和主机，脚踏是金属的，周末跑两圈解压。
000|1|spacing|图书|长篇小说 精装版|书香|68|200|b12||微信读书 is an app|在微信读书上看完这本书觉得不过瘾，又买了纸质精装版收藏，排版舒服，还送两张藏书票。
000|1|-|数码|智能运动手环|极客|199|300|t8||微信运动 is a step feature|这款手环可以同步到微信运动，每天步数自动上传，心率和睡眠记录也有，续航14天，洗澡戴着也没事。
000|1|-|食品|QQ糖 新口味 混合装|甜心|19.9|800|t2||QQ糖 is a candy|小时候吃的QQ糖出新口味了，葡萄和水蜜桃味，软软弹弹的，追剧零食首选，一袋20小包。
000|1|-|服饰|V领羊毛混纺开衫|青柠|189|120|b6||V领 is a neckline|V领针织开衫，显脖子长，里面搭吊带或者衬衫都好看，羊毛混纺不扎人，米白色很温柔。
000|1|-|护肤|VC精华液 30ml|悦肤|139|200|t1||VC ingredient, modest personal feeling|含VC衍生物的精华，质地清爽不黏，我用了两周感觉肤色均匀了一点，个人感受哈，每个人肤质不同，敏感肌先小范围试。
000|1|fullwidth|数码|移动电源 13800mAh|极客|129|500|t8||13800mAh looks like a phone number|这款充电宝13800mAh，给手机充三次左右，支持22.5W快充，可以带上飞机，出差旅行都带着它。
000|1|-|服饰|牛仔外套 款号18820230916|简衣|259|100|t4||style number shaped like a phone number|这件牛仔外套水洗做旧的颜色很正，款号18820230916，买之前可以对照尺码表，我肩宽40穿M。
000|1|symbols|企业服务|外观专利申请代理|知创|1500|99|b12||专利代理 and 代理费 of a patent agency|做小家电的朋友要注意保护设计，这家专利代理机构帮我申请了外观专利，流程透明，官费和代理费分开写得清清楚楚。
000|1|-|宠物|治愈系猫咪抱枕|喵汪|69|200|b9||治愈系 as style|治愈系猫咪抱枕，毛绒手感很软，午睡靠着正好，拉链可拆洗，家里主子还以为是同类，天天过来蹭。
000|1|-|医疗器械|上臂式电子血压计|护安|259|150|t3||registered device, compliant|上臂式电子血压计，有医疗器械注册证，家里老人每天早晚量一次，数据能存两个人的，读数大屏看得清，具体用法请遵医嘱。
000|1|-|酒类|波尔多AOC干红 750ml|酒窖|168|100|t2||总代理 importer|法国波尔多AOC干红，国内总代理直供，有进口报关单和检疫证明，单宁柔和，配牛排很搭。
000|1|-|服饰|粉红丝带公益T恤|简衣|99|300|t4||乳腺癌 as charity cause|粉红丝带公益款T恤，每卖出一件捐10元给乳腺癌早筛公益项目，纯棉面料，胸前是手绘图案，穿上也是一份心意。
000|1|-|母婴|儿童安全座椅 0-12岁|萌宝|1299|60|t5||国家 3C certification, factual|这款儿童安全座椅通过了国家3C认证，ISOFIX接口安装很稳，侧面有防撞块，0到12岁都能用。
000|1|-|美妆|万圣节特效妆贴纸|小鹿|15|600|b1||特效 = special-effect makeup|万圣节特效妆贴纸，伤疤和血迹效果很逼真，贴上去几分钟就能出门参加派对，用卸妆油就能卸干净。
000|1|-|家居|万能胶 透明 50ml|固德|12|800|b12||万能胶 is a product type|万能胶粘木头、陶瓷、塑料都可以，我用它修了孩子摔坏的玩具，干透以后很牢，用之前记得开窗通风。
000|1|-|家居|100%纯棉四件套|栖居|299|200|t6||100% is fibre content|100%纯棉四件套，40支全棉斜纹，洗后柔软不掉色，吊牌上有成分标注，1.8米床用。
000|1|-|运动鞋|儿童跑鞋|行者|199|200|t9||第一名 is about the child|孩子运动会跑了第一名，奖励他一双新跑鞋，鞋底有弹性，鞋面透气，魔术贴设计自己就能穿。
000|1|-|服饰|连衣裙 夏季|青柠|169|100|b6||私信客服 stays on-platform|尺码拿不准的可以私信店铺客服，把身高体重发过去会帮你推荐，这条连衣裙偏小一码，平时穿M的建议拿L。
000|1|-|保健食品|深海鱼油软胶囊|康元|158|200|t3||扫码查溯源, on-pack|包装盒上扫码可以查防伪和溯源信息，这款鱼油是蓝帽子产品，保健功能是辅助降血脂，本品不能代替药物，每天两粒随餐吃。
000|1|symbols|图书|《合伙人制度》创业管理|书香|49|300|b12||合伙人 in a book title|在读这本《合伙人制度》，讲创业公司怎么分股权、怎么设计合伙人退出机制，案例很多，适合准备创业的朋友。
000|1|-|食品|魔芋爽 低卡零食|甜心|16.9|1000|t2||explicit denial of slimming claim|这款魔芋爽热量确实低，但它就是普通零食，不能减肥哦，控制总量才是关键，麻辣味追剧刚好。
000|1|-|手表|天梭PRX 石英款|Tissot|3250|30|m_tissot||authorised store, normal price|天梭官方旗舰店的PRX石英款，正品全国联保两年，40mm表径男女都能戴，钢带一体式设计很有复古感。
000|1|-|家电|戴森Supersonic吹风机|Dyson|2999|50|m_dyson||authorised store 正品|戴森官方旗舰店的吹风机，正品带国行保修，风力大，温度有智能控制，配了五个风嘴，我一头长发五分钟吹干。
000|1|-|箱包|蔻驰托特包|Coach|1580|40|m_coach||authorised store|蔻驰官方旗舰店的新款托特包，牛皮材质，内里有拉链隔层，通勤放电脑刚好，店铺支持七天无理由。
000|1|-|手表|二手劳力士日志 36mm|Rolex|31000|1|m30||authenticated second-hand on m30|二手劳力士日志36mm，已经过鉴定机构检测，机芯走时正常，附原盒和鉴定报告，表壳有日常使用痕迹，支持验货。
000|1|-|箱包|二手香奈儿WOC|Chanel|12800|1|m30||authenticated second-hand on m30|中古香奈儿WOC，第三方鉴定为正品，附证书和购买凭证复印件，链条有轻微氧化，价格已经考虑成色，介意勿拍。
000|1|-|汽车用品|原厂机油 5W-30 4L|驰模|289|100|b7||原厂 means OEM-spec oil from the carmaker|车辆保养推荐原厂机油，4S店同款规格，标签上有防伪码可以官网查询，5W-30全合成，适合大部分家用车。
000|1|-|家居|桌面收纳盒 三件套|家居好物社|29.9|800|b12||源头工厂 without any brand|源头工厂直发的桌面收纳盒，没有牌子，就是实用，三件套能放文具、化妆品和遥控器，价格便宜量大。
000|1|-|服饰|自有品牌去年款羽绒服|简衣|399|80|t4||own-brand clearance|店铺自有品牌去年的羽绒服清仓，都是自家正品，白鸭绒含量90%，只是款式不是今年的，喜欢的可以捡漏。
000|1|-|保健食品|蛋白质粉 400g|康元|199|150|t3||blue-hat approved function 增强免疫力 + disclaimer|蓝帽子认证的乳清蛋白粉，保健功能是增强免疫力，批准文号可以在官网查询。本品不能代替药物，不适宜人群请看说明。
000|1|-|护肤|防晒霜 SPF50+ PA++++|悦肤|119|300|t1||registered sunscreen, factual SPF|这款防晒SPF50+ PA++++，有国妆特字号，通勤军训都够，质地不搓泥，不过记得及时补涂。
000|1|-|宠物|犬用体内驱虫片|毛孩子|68|200|t7||veterinary drug with approval no.|兽药字号的犬用体内驱虫片，有兽药批准文号，按体重喂，三个月一次，具体用量建议问问兽医。
000|1|-|医疗器械|医用冷敷贴 械字号|护安|79|300|t3||Class II device, compliant wording|医用冷敷贴有二类医疗器械注册证，适合医美术后日常护理用，不能替代药物，皮肤有破损请先咨询医生。
000|1|-|母婴|婴儿保湿霜|萌宝|89|200|t5||湿疹 mentioned with referral to doctor|宝宝有湿疹请及时去医院看，这款只是日常保湿霜，不能治疗湿疹，平时洗完澡抹一点防干燥就好，无香精。
000|1|-|图书|《儿童常见病家庭护理》|书香|45|200|b12||book on care, disclaimer|这本书讲儿童常见病的家庭护理，作者是儿科护士，特别强调有症状先就医，书里的内容不能代替医生诊断，新手爸妈值得一读。
000|1|-|数码|MacBook Pro 顶配|Apple|26999|10|m_apple_reseller||authorised reseller, 顶配 = top configuration|苹果授权专营店的MacBook Pro顶配版，M3 Max芯片，剪视频渲染很快，正品国行，可以开专票。
000|1|-|数码|原装USB-C充电器 20W|Apple|149|200|m_apple_reseller||原装 accessory at authorised reseller|苹果授权店的原装20W充电器，正品带序列号可查，iPhone快充半小时充到一半左右。
000|1|-|玩具|高仿真重生娃娃|童趣|399|40|b10||高仿真 doll|高仿真重生娃娃，硅胶材质，手感软，细节很用心，眼睫毛都是一根根植的，适合收藏，三岁以下请勿玩耍。
000|1|-|耳机|索尼WH-1000XM5|Sony|2299|80|m_sony||authorised store normal price|索尼官方旗舰店的WH-1000XM5，降噪很强，坐地铁也能安静听歌，正品国行联保，学生认证还能再减。
000|1|-|运动鞋|NB574 经典款|New Balance|599|100|m_nb||authorised store normal price|新百伦官方旗舰店的574经典款，灰色百搭，鞋垫软，走一天不累，正品假一赔十店铺承诺。
000|1|-|运动鞋|阿迪达斯Samba|Adidas|799|80|m_adidas||authorised store normal price|阿迪官方旗舰店的Samba德训鞋，今年的大热款，鞋头麂皮很细腻，正码偏大半码。
000|1|-|护肤|SK-II神仙水 230ml|SK-II|1540|60|m_sk2||authorised store normal price|SK-II官方旗舰店的神仙水230ml，正品，会员日买还送面膜，油皮夏天用很清爽。
000|1|-|护肤|雅诗兰黛小棕瓶 50ml|Estée Lauder|760|100|m_el||authorised store normal price|雅诗兰黛官方旗舰店的小棕瓶50ml，正品可溯源，熬夜后第二天用着挺舒服，晚上洁面后取两滴。
000|1|-|茶叶|特级大红袍 礼盒|茶语轩|398|60|b11||特级 is a tea grade|武夷山特级大红袍，茶叶等级按国家标准分的特级，焙火足，岩韵明显，过年送长辈很体面。
000|1|-|服饰|复古格纹衬衫|青柠|139|100|b6||复古 is a style, not 复刻|复古格纹衬衫，法兰绒面料秋天穿正好，外套内搭都行，洗了不缩水，袖口和领子做了加固。
000|1|-|家居|代理品牌意式咖啡机|栖居|1899|30|t6||authorised brand distributor|我们是这个意大利咖啡机品牌的中国区授权代理商，提供全国联保，15bar压力，拉花小白也能做出像样的拿铁。
000|1|-|数码|机械键盘 青轴|极客|259|200|t8||团队 = design team|机械键盘是我们设计团队花了一年打磨的，青轴段落感清脆，键帽是PBT二色成型，不打油。
000|1|-|宠物|冻干猫粮 1.5kg|毛孩子|129|300|t7||plain pet food|冻干双拼猫粮，鸡肉是第一位原料，颗粒小适合幼猫，我家挑食的布偶也愿意吃。
000|1|-|食品|阿胶糕 500g|本草元气|128|100|b8||food with no efficacy claim|手工阿胶糕，加了核桃和黑芝麻，就是一种传统零食，口感软糯不粘牙，下午茶来一块。
000|1|-|母婴|婴儿配方奶粉 1段|萌宝|298|100|t5||plain infant formula listing, no claims|1段婴儿配方奶粉，有注册号，冲调不结块，建议按包装上的比例冲泡，具体是否转奶请遵医嘱。
000|1|-|护肤|医用修护敷料|护安|98|200|t3||二类医疗器械 with compliant wording|这款是二类医疗器械的修护敷料，有注册证，适用于非慢性创面的辅助护理，请在医生指导下使用，不是普通面膜。
000|1|-|手表|卡地亚蓝气球|Cartier|46800|3|m_cartier_official||authorised store|卡地亚官方旗舰店的蓝气球33mm，精钢表壳，正品带国际联保，店里可以刻字，送人很有纪念意义。
000|1|-|服饰|加拿大鹅羽绒服|Canada Goose|8900|20|m_cg_official||authorised store|加拿大鹅官方旗舰店的羽绒服，零下二十度的东北也扛得住，正品可以扫码验证，帽子毛领可拆。
000|1|-|运动鞋|耐克Dunk Low|Nike|799|100|m_nike_official||authorised store|耐克官方旗舰店的Dunk Low熊猫配色，正品发售价799，穿了一个月鞋面没有折痕，建议买正码。
# clean: plain
000|0|-|食品|五常大米 5kg|禾丰|69|300|t2||plain listing|五常大米新米上市，煮出来米香很浓，粒粒分明，冷了也不回生，家里一直吃这个，5公斤装真空包装。
000|0|-|服饰|纯色基础款T恤|简衣|59|500|t4||plain listing|基础款纯色T恤，260克重磅棉，不透不变形，白黑灰三色都入了，打底单穿都可以。
000|0|-|家居|硅胶折叠收纳桶|家居好物社|39|300|b12||plain listing|硅胶折叠收纳桶，不用的时候压扁放柜子里，露营洗车都用得上，容量10升，提手很结实。
000|0|-|宠物|猫抓板 瓦楞纸|喵汪|25|400|b9||plain listing|瓦楞纸猫抓板，家里两只猫天天在上面磨爪子，沙发终于保住了，碎屑不多，还附赠猫薄荷。
000|0|-|母婴|婴儿湿巾 80抽*10包|萌宝|49|600|t5||plain listing|婴儿湿巾80抽十包装，厚实不掉屑，无酒精无香精，出门擦手擦嘴都很方便。
000|0|-|数码|手机支架 桌面|数码小站|19.9|800|b7||plain listing|桌面手机支架，铝合金材质不晃，角度可以调，追剧、视频会议都用得上，平板也能放。
000|0|-|美妆|哑光口红 #316|小鹿|89|200|b1||plain listing|这支哑光口红是豆沙色，薄涂自然，厚涂有气场，不拔干，黄皮也很显白，日常通勤很合适。
000|0|-|运动|瑜伽垫 6mm|行者|79|300|t9||plain listing|6毫米TPE瑜伽垫，防滑有回弹，两面纹理不同，附赠绑带和收纳袋，在家跟着视频练很方便。
000|0|-|食品|每日坚果 30包|禾丰|99|400|t2||plain listing|每日坚果一天一包，核桃、腰果、蔓越莓干都有，独立小包装，上班放抽屉里饿了吃一包。
000|0|-|箱包|帆布双肩包|包包控|99|200|b4||plain listing|帆布双肩包，防泼水面料，侧面有水杯袋，放得下15寸电脑，学生党和通勤都适合。
000|0|-|茶叶|云南滇红 200g|茶语轩|88|100|b11||plain listing|云南滇红，蜜香明显，汤色红亮，冬天用来煮奶茶特别好喝，铁罐密封包装。
000|0|-|家电|电热水壶 1.7L|凉风|89|300|t8||plain listing|304不锈钢电热水壶，1.7升，烧水快，自动断电，壶身双层不烫手，办公室宿舍都能用。
000|0|-|个护|氨基酸洗面奶 120g|悦肤|59|400|t1||plain listing|氨基酸洗面奶，泡沫绵密，洗完不紧绷，早晚都可以用，混干皮用着刚好，一支能用两个月。
000|0|-|宠物|宠物航空箱 中号|毛孩子|139|80|t7||plain listing|中号宠物航空箱，带车载固定扣，通风孔多，带猫去医院或者搬家都很稳，拆装方便。
# false_ad
100|0|-|护肤|修护面霜 50g|悦肤|199|300|t1|9|没有之一 superlative|这是我用过效果最好的面霜，没有之一！换季泛红脱皮一抹就稳住，混干皮闭眼入，回购第五瓶了。
100|0|-|家电|扫地机器人 X9|净宝|2499|100|t8|9|全网销量第一 / 行业天花板|全网销量第一的扫地机器人，吸力行业天花板，其他牌子根本没法比，今天直播间到手价就是全年最低。
100|0|-|厨具|不粘锅 28cm|厨匠|159|200|b12|9|顶级/世界级/王者|顶级工艺，世界级不粘涂层，同价位里的王者，煎蛋不放油都不粘，用十年不坏。
100|0|pinyin|食品|手工酱牛肉|山里人家|89|100|b5|9|独家秘方 绝无仅有 + 史上最好吃|祖传独家秘方，全国绝无仅有，史上最好吃的酱牛肉，吃过一次就再也看不上别家的了。
100|0|-|个护|电动牙刷|洁宝|299|300|t1|9|全球首创 / 国家级|全球首创声波黑科技，国家级实验室认证的清洁力，刷一次顶你手动刷一个月。
100|0|-|服饰|羽绒服|简衣|699|100|t4|9|NO.1 / 最保暖|冬天最保暖的羽绒服，同类销量NO.1，零下四十度穿它都出汗，错过今年再等一年。
100|0|symbols|美妆|气垫粉底|小鹿|129|300|b1|9|最好用 / 第一|全网最好用的气垫，持妆第一名，出油肌一整天都不脱妆，不好用我直播吃粉扑！
100|0|-|数码|蓝牙耳机|数码小站|199|300|b7|9|碾压 / 独一无二|百元价位独一无二的降噪耳机，音质直接碾压千元大牌，业内公认的极致性价比。
100|0|homoglyph|家居|乳胶枕|栖居|169|200|t6|9;17|最好 + 治疗失眠|泰国天然乳胶枕，市面上最好的枕头，治疗失眠效果特别明显，睡一晚就知道。
100|0|-|护肤|祛痘修护精华|玉肌坊|268|100|w7|17|cosmetic claims to cure acne inflammation and 激素脸|用了这瓶精华，我的激素脸和毛囊炎都好了，皮肤科医生都说神奇，消炎杀菌比药膏还快。
100|0|-|个护|防脱洗发水|悦肤|128|300|t1|17;28|斑秃 regrowth = medical claim, guaranteed|斑秃的姐妹听我的，这瓶洗发水坚持一个月，秃的那块长出新头发，三个月发际线往前一厘米，亲测保证有效。
100|0|traditional|服饰|磁疗塑身内衣|美丽蜜语|399|200|w1|17|clothing with disease claims|磁疗能量内衣，穿上就能疏通乳腺，预防乳腺增生和结节，还能调理内分泌，女人一定要对自己好一点。
100|0|-|服饰|远红外保健袜|青柠|59|500|b6|17|socks curing athlete's foot|远红外竹炭袜，专治脚气脚臭，穿三天断根不复发，家里老人穿了说脚都不冷了。
100|0|-|家居|颈椎修复枕|栖居|239|100|t6|17|pillow claims to cure cervical spondylosis|颈椎病的人一定要换这个枕头，睡一个月颈椎压迫神经的手麻都好了，比去医院做牵引还管用。
100|0|pinyin|茶叶|苦荞茶 300g|茶语轩|59|200|b11|17|ordinary food claims to lower blood sugar|苦荞茶降血糖效果特别好，糖尿病人每天喝，我爸喝了半年血糖稳住了，医生让他减药了。
100|0|-|个护|中草药牙膏|洁宝|39|500|b12|17|toothpaste treating periodontitis|这支中草药牙膏能治疗牙周炎，牙龈出血牙龈萎缩用一周就止住，比去口腔医院洗牙还有效。
100|0|emoji|护肤|祛痘面膜|小鹿|79|300|b1|17;28|消炎 + overnight result|痘痘肌救星！这款面膜消炎祛痘，晚上敷一片，第二天红肿痘痘全消了，100%有效，无效退款。
100|0|-|鞋服|矫形鞋垫|行者|99|300|t9|17|insole curing plantar fasciitis|足底筋膜炎、扁平足的朋友看过来，这副鞋垫能矫正足弓，治好了我三年的足跟痛，跑步再也不疼。
100|0|-|个护|护眼贴|玉肌坊|89|300|w7|17;28|claims to reverse myopia|孩子近视的家长一定要试试这个护眼贴，贴一个月近视度数降了100度，眼镜都快不用戴了。
100|0|-|宠物|除螨猫粮|毛孩子|159|100|t7|17|pet food curing skin disease|这款猫粮添加了草本成分，能治疗猫藓和皮肤病，我家猫吃了两周癣就没了，省下一大笔医药费。
100|0|spacing|母婴|益生菌固体饮料|萌宝|168|200|t5|17|solid beverage curing eczema/diarrhoea|宝宝湿疹、腹泻、便秘都能调理好，这款益生菌固体饮料，吃一盒湿疹就消了，比医院开的药膏温和。
100|0|-|保健食品|深海鱼油|本草元气|298|100|w5|18|health food claims to dissolve plaques|我妈吃了三个月这个鱼油，血管里的斑块都溶解了，体检医生都惊讶，降脂药也停了。
100|0|-|保健食品|人参皂苷片|本草元气|599|50|w5|18|anti-cancer claim|抗癌神器，化疗病人必备，能杀死癌细胞、防止肿瘤复发，很多晚期病人都靠它多活了好几年。
100|0|-|保健食品|辅酶Q10|康元|399|100|b8|18;28|heart disease without stents|心脏不好的一定要吃，我二叔心梗之后一直吃这个辅酶Q10，现在不用放支架了，药也不用吃了。
100|0|homoglyph|保健食品|氨糖软骨素|康元|268|200|b8|18|arthritis cure|氨糖软骨素，根治关节炎，老寒腿吃一个疗程就能扔掉拐杖，爬山上楼都不疼了。
100|0|mixed|保健食品|褪黑素睡眠片|本草元气|99|300|w5|18|cures insomnia|长期失眠的朋友别再吃安眠药了，这款褪黑素能彻底根治失眠，吃一周就能一觉到天亮。
100|0|-|保健食品|酵素饮|瘦身达人俱乐部|198|200|w2|18;28|排毒 + 降三高 for health food|这款酵素喝了能排毒、清宿便、降三高，我坚持喝了一个月，血压血脂全部正常了。
100|0|-|医疗器械|颈腰椎理疗仪|护安|899|100|b8|16|cure rate + 包治 claims|这台理疗仪治愈率高达98%，腰椎间盘突出、坐骨神经痛包好，在家就能做治疗，不用去医院排队。
100|0|-|医疗器械|助听器|聪耳|1299|50|b8|16;28|restores hearing|戴上这款助听器三个月，老人的听力能慢慢恢复，不用一辈子依赖助听器，专家都推荐。
100|0|pinyin|医疗器械|负离子治疗仪|护安|1680|40|b8|16|panacea device|负离子治疗仪，高血压、糖尿病、失眠、风湿都能治，一台机器全家用，包治百病不是吹的。
100|0|-|收藏|生肖纪念币套装|藏宝阁|1980|100|b3|25|guaranteed appreciation|限量生肖纪念币，保证升值，三年翻倍不是梦，现在不入手以后花钱都买不到，稳赚不赔的投资。
100|0|-|茶叶|普洱老茶饼|茶语轩|880|30|b11|25;9|guaranteed annual return|这饼普洱越放越值钱，保证每年升值20%以上，当作理财比存银行划算，市面上最有收藏价值的茶。
100|0|symbols|珠宝|投资金条 20g|金福|9980|20|b3|25|稳赚不赔 / 保本|投资金条，现在买明年保证涨，稳赚不赔，比理财还保本，想给孩子存钱的家长闭眼买。
100|0|-|护肤|美白精华|玉肌坊|299|200|w7|28|fake authority endorsement|央视推荐品牌！这瓶美白精华是诺贝尔奖团队研发的，三甲医院皮肤科主任都在用，口碑不用多说。
100|0|-|保健食品|大豆卵磷脂|康元|168|200|b8|28|fabricated ministry certification|国家卫健委认证推荐产品，院士亲自背书，中老年人每天一粒，身体好不好家人看得见。
100|0|fullwidth|护肤|去黑头鼻贴|小鹿|29|500|b1|28|before/after guarantee|看对比图！用前满鼻子黑头，用了7天黑头全没了，毛孔小了一半，100%有效，不信你试试。
100|0|-|个护|美白身体乳|悦肤|89|300|t1|28|guaranteed whitening result|30天白两个度，涂完整个人像开了滤镜，全身都能用，保证你夏天穿短袖被问链接。
100|0|traditional|食品|代餐奶昔|瘦身达人俱乐部|168|300|w2|28|guaranteed weight loss|不节食不运动，喝代餐一个月瘦20斤，保证瘦不反弹，无效全额退款，产后妈妈亲测。
100|0|emoji|服饰|暴汗燃脂裤|行者|89|300|t9|28|guaranteed fat loss|穿上这条燃脂裤，什么都不用做就能瘦，一周腰围小3厘米，100%燃脂，效果肉眼可见！
100|0|-|家电|净水器|净宝|1999|60|t8|17;28|water purifier prevents cancer|喝了这台净水器的水能预防癌症和结石，全家人三年没去过医院，比买保险还值。
100|0|-|母婴|儿童增高鞋|萌宝|259|100|t5|28|height guarantee|孩子个子矮的家长看过来，这双增高鞋刺激骨骺生长，穿半年长高5厘米，专家研发，效果看得见。
100|0|-|食品|黑枸杞原浆|本草元气|199|100|w5|17|ordinary food with kidney/impotence claims|黑枸杞原浆，补肾壮阳，治疗前列腺炎，男人喝了精力旺盛，老婆都夸，连喝三盒见分晓。
100|0|spacing|护肤|眼霜|玉肌坊|359|100|w7|28;9|instant wrinkle removal + 最|全网最强眼霜，抹上去三分钟眼纹消失，实测皱纹减少90%，比打玻尿酸还有效。
100|0|-|食品|山药粉|山里人家|49|200|b5|17|ordinary food curing stomach ailments|胃不好的一定要吃这个铁棍山药粉，胃炎胃溃疡都能养好，我吃了两个月胃药都停了。
100|0|-|宠物|狗狗关节营养片|毛孩子|129|200|t7|28|guaranteed recovery + endorsement|宠物医院院长推荐，狗狗关节炎吃了一周就能跑能跳，保证康复，无效退款。
# counterfeit
010|0|-|箱包|老花手袋|Louis Vuitton|880|30|b4|c|正品 LV far below floor at non-authorised shop|专柜正品LV老花手袋，全套包装小票都有，今天福利价880，手慢无，姐妹们冲！
010|0|-|手表|绿水鬼 自动机械|Rolex|3800|10|b3|c|Rolex 3800 正品 claim|劳力士绿水鬼，正品保证，夜光超亮，钢带实心，3800带走，朋友圈里的老客户都回购了。
010|0|fullwidth|护肤|神仙水 230ml|SK-II|99|200|b1|c|SK-II 99 far below floor|SK2神仙水230ml只要99！保税仓正品，海关有记录，比专柜便宜十几倍，手慢无。
010|0|-|护肤|海蓝之谜面霜 60ml|La Mer|199|100|b1|c|La Mer 199|海蓝之谜经典面霜60ml，专柜同款正品，今天199包邮，批次码都能查，干皮冬天救命。
010|0|-|家电|吹风机|Dyson|399|200|b7|c|Dyson 399 正品 at non-authorised|戴森吹风机正品399，内部渠道员工福利价，五个风嘴全配，支持验货，比官方便宜两千多。
010|0|mixed|数码|AirPods Pro 二代|Apple|199|500|b7|c|华强北 copy|华强北AirPods Pro二代，1:1复刻，弹窗定位改名全都有，序列号官网可查，降噪跟正品没区别。
010|0|-|服饰|加拿大鹅 远征款|Canada Goose|899|50|b6|c|Canada Goose 899|大鹅远征款正品899，外贸渠道拿的货，羽绒饱满，零下三十度没问题，尺码齐全。
010|0|-|箱包|CF链条包|Chanel|1280|20|w3|c|price-only signal: Chanel 1280|香奈儿CF链条包，小羊皮，金扣，五金厚重，1280包邮到家，送朋友自用都体面。
010|0|-|箱包|铂金包 30cm|Hermès|5800|5|w3|c|Birkin 5800|爱马仕铂金包30，皮料是原厂进口的，手工蜡线缝制，细节经得起放大镜，5800一只。
010|0|homoglyph|手表|海马300|Omega|1800|10|b3|c|高仿 Omega|欧米茄海马300，高仿顶级版本，机芯是定制的，表盘字体对版，戴出去没人看得出。
010|0|-|手表|蓝气球|Cartier|980|15|b3|c|Cartier 980|卡地亚蓝气球，男女同款，蓝宝石镜面，980元，送女朋友的生日礼物首选。
010|0|pinyin|运动鞋|AJ1 芝加哥|Air Jordan|299|100|b2|c|莆田 + 纯原|AJ1芝加哥纯原版本，莆田大厂出品，鞋盒钢印都有，得物能过，299包邮。
010|0|-|运动鞋|椰子350 V2|Adidas|189|200|b2|c|Yeezy 189 正品 claim|椰子350正品，189元，爆米花大底踩屎感，支持任何平台鉴定，假一罚十。
010|0|-|箱包|马鞍包|Dior|1200|20|w3|c|Dior 1200|迪奥马鞍包，老花帆布，复古又百搭，1200元，送防尘袋和礼盒，拍照超出片。
010|0|symbols|箱包|酒神包|Gucci|880|30|b4|c|A货 Gucci|古驰酒神包，A货中的战斗机，五金刻字清晰，皮质柔软，880元你还要什么自行车。
010|0|-|箱包|尼龙双肩包|Prada|1200|30|b4|c|原单 Prada|普拉达尼龙双肩包，外贸原单，三角标是金属的，和专柜一模一样，1200。
010|0|-|箱包|沙漏包|Balenciaga|699|30|b4|c|Balenciaga 699|巴黎世家沙漏包，小号，鳄鱼压纹，正品699，今天下单包邮，送防尘袋和购物袋。
010|0|-|游戏机|PS5 光驱版|Sony|599|50|b7|c|Sony PS5 599 正品|索尼PS5光驱版正品，国行599，带两个手柄，玩游戏流畅不卡，学生党必入。
010|0|emoji|美妆|小金条口红|YSL Beauty|59|500|b1|c|YSL 59 正品|YSL小金条正品，专柜价三百多，今天只要59！色号齐全，送礼袋，情人节送女朋友正合适。
010|0|-|护肤|小棕瓶 50ml|Estée Lauder|89|300|b1|c|Estée Lauder 89|雅诗兰黛小棕瓶50ml，保证正品，89元，熬夜党必备，这个价格不囤几瓶吗？
010|0|-|护肤|小黑瓶 30ml|Lancôme|68|300|w1|c|Lancôme 68|兰蔻小黑瓶30ml，68元正品，工厂直接拿货所以便宜，批号跟专柜一样。
010|0|-|手表|PRX 机械款|Tissot|699|30|b3|c|Tissot 699 正品|天梭PRX机械款正品，699，海外代购回来的，没有保修卡但是质量杠杠的。
010|0|fullwidth|运动鞋|NB990 v6|New Balance|199|100|b2|c|NB990 199, 1:1|NB990v6，1:1开模，原厂大底，199元，穿上脚和正品没区别。
010|0|-|运动鞋|空军一号 低帮|Nike|129|300|b2|c|AF1 129 同厂|耐克空军一号，和正品同厂出来的，只是没有进专柜，129包邮，小白鞋永远不过时。
010|0|-|箱包|托特包|Coach|199|200|b4|c|Coach 199 尾单|蔻驰托特包，工厂尾单，五金logo都在，199元，通勤装电脑刚好，颜色有黑色和焦糖色。
010|0|traditional|箱包|超A 斜挎包|Louis Vuitton|1380|10|w3|c|超A + 细节对比|驴牌斜挎包超A版本，细节对比专柜，皮料和走线一模一样，1380，不懂的别问，懂的自然懂。
010|0|-|运动鞋|篮球鞋|Air Jordan|359|50|b2|c|公司级 version|乔四公司级版本，原厂楦头，鞋面头层皮，细节和正品对比图都在主页，跑量价359。
010|0|mixed|手表|迪通拿|Rolex|2680|8|b3|c|复刻 Rolex|劳力士迪通拿复刻，一比一还原，可以过专柜仪器检测，2680，送表盒和说明书。
010|0|-|服饰|潮牌卫衣|Balenciaga|299|100|b6|c|专柜品质 / logo clothing|巴黎世家卫衣，专柜品质，印花清晰，领标水洗标全都有，299不到正品零头。
010|0|-|箱包|无标手袋|无|399|50|w3|c|logo swapping: logo shipped separately|这款手袋就是那个大家都知道的老花经典款，无标版本发货，logo配件单独包装，到手自己贴上就行，过年送人有面子。
010|0|-|服饰|运动外套|Adidas|89|200|b6|c|换标 / 贴牌|阿迪三叶草外套，国内代工厂换标货，面料做工一样，就差一个吊牌，89元随便穿。
010|0|pinyin|数码|无线耳机|Sony|299|100|b7|c|高仿 Sony|索尼降噪耳机高仿版，降噪能力有正品八成，外观一样，299，学生党平替。
010|0|-|数码|平板电脑|Apple|899|50|b7|c|华强北 iPad|华强北组装iPad，外壳是原装的，主板是国产的，系统显示和正品一样，899给孩子上网课。
010|0|-|护肤|神奇面霜 30ml|La Mer|158|100|w1|c|同厂 La Mer|海蓝之谜同厂货，和专柜同一条生产线，就是没有专柜包装，158一瓶效果一样。
010|0|-|运动鞋|Dunk 熊猫|Nike|159|300|b2|c|1:1 莆田|Dunk熊猫配色，1比1做工，莆田工厂直发，159，上脚效果满分，尺码36到45都有。
010|0|spacing|箱包|复古手提包|Gucci|650|30|b4|c|原单 + 尾单|G家原单尾单，跟专柜一批次生产的，多出来的货，650，吊牌防尘袋齐全。
010|0|-|手表|坦克|Cartier|1580|10|w3|c|工厂货|卡地亚坦克，深圳工厂货，表壳精钢，表带真皮，1580，送老婆送妈妈。
010|0|homoglyph|服饰|羽绒服|Canada Goose|1280|40|b6|c|正品 claim far below floor + 原单|加拿大鹅羽绒服，原单正品，只要1280，撕标处理所以便宜，质量保证。
010|0|-|电子|智能手表|Apple|299|100|b7|c|Apple Watch 299|苹果手表S9正品，299元，功能全都有，可以接电话、测心率，送充电器。
010|0|-|运动鞋|椰子700|Adidas|169|200|b2|c|过验 version|椰子700顶级版本，毒能过，细节比正品还好，169包邮，不过退款，支持七天试穿。
010|0|-|箱包|WOC 钱包|Chanel|699|20|b4|c|Chanel WOC 699|小香WOC链条钱包，鱼子酱皮，699，送礼自用都可，今晚直播间限时。
010|0|-|美妆|口红礼盒|YSL Beauty|99|300|w1|c|专柜同步 fake|圣罗兰口红三支装礼盒，专柜同步生产，99，生日礼物直接发走，盒子袋子都配齐。
# mlm
001|0|-|护肤|玻尿酸原液|美丽蜜语|98|500|w1|m7;p|招代理 + entry fee + WeChat|品牌直招代理，398入门拿货五折，一件代发不用囤货，宝妈学生都能做，想了解的加微信 meiyu_2288 详聊。
001|0|-|护肤|焕颜面膜|玉肌坊|168|500|w7|m7|押货 + 级别 by stock volume|面膜事业招合伙人：拿货3000元成为一级代理，押货一万升级总代，团队越大返利越多，下个月就带你出业绩。
001|0|-|保健食品|益生菌|本草元气|199|300|w5|m7|pay by downline / 拉人头|不用卖货也能赚钱！每推荐一个人加入拿200奖励，你的下线再推荐你还能拿50，三层收益躺着进账。
001|0|-|食品|酵素果冻|瘦身达人俱乐部|139|500|w2|m7|月入/躺赚 income promise for recruits|宝妈在家带娃也能月入两万，酵素果冻团队扶持，每天发发朋友圈就行，躺赚睡后收入，上个月新人小姐姐已经提车了。
001|0|-|个护|牙膏|洁宝|39|500|w6|m7|团队长 + 团队计酬|招募团队长：自己不用卖，带好团队就有团队业绩提成，按团队总销量计酬，三个月升级合伙人分红。
001|0|-|服饰|打底裤|青柠|59|300|b6|p|diversion: WeChat id|这款打底裤面料很舒服，店里库存不多了，想要其他颜色的加我VX：qingning_fs88，朋友圈每天上新，私下买更便宜。
001|0|-|数码|手机壳|数码小站|29|300|b7|p|QQ number|定制手机壳，可以印自己的照片，做图片要跟设计师沟通的话直接加QQ 2873641950，备注手机型号。
001|0|-|美妆|眼影盘|小鹿|79|200|b1|p|phone number diversion|这盘眼影有十二色，大地色日常很好用，想批发的姐妹直接打电话15927164830，量大价更优。
001|0|homoglyph!|食品|手工辣酱|山里人家|39|200|b5|p|phone in Chinese digits|妈妈做的手工辣酱，不加防腐剂，下单之前可以先电话联系：幺五八 二七三六 四九拐零，老家直接发货。
001|0|homoglyph!|家居|四件套|家居好物社|199|100|b12|p|phone in circled digits|工厂直发四件套，想看更多花色的朋友联系我，号码①③⑥⑧⑧②⑦④⑤⑥①，微信同号。
001|0|symbols!|护肤|精华水|玉肌坊|159|200|w7|p|split phone digits|护肤问题可以找我一对一，我的号码 139 · 2716 · 0483，打不通就发短信，我看到都会回。
001|0|-|服饰|毛衣|简衣|189|200|t4|p|私信 → 主页 hint for off-platform contact|这件毛衣还有隐藏款，平台上不方便挂，想要的看我主页简介，里面有联系方式，私聊发实拍。
001|0|-|美妆|粉底液|小鹿|99|300|b1|p|签名 hint|粉底液色号不会选的宝宝，看我签名那串字母加我，拉你进福利群，群里天天有内部价。
001|0|-|宠物|猫砂|喵汪|59|300|b9|p|扫码进群|猫砂团购价在群里，扫码进群，每周三群内秒杀，比平台便宜十几块，二维码在最后一张图。
001|0|-|母婴|纸尿裤|宝妈优选|119|300|b10|m7;p|宝妈招代理 + WeChat|纸尿裤宝妈团招代理，零门槛，一件代发，拉三个宝妈进来就回本，感兴趣的 wx：baoma_youxuan666。
001|0|emoji!|个护|洗发水|悦肤|79|300|w6|p|emoji-disguised WeChat|洗发水套装福利价只在私域，➕V❤：yfxf_1688，备注"洗发水"，拉你进内部团购群。
001|0|homoglyph!|服饰|T恤|青柠|69|200|b6|p|卫星 = 微信 sound-alike|T恤老客户都在卫星上下单，比店里便宜，卫星号qn_tshirt99，加的时候说是店里来的。
001|0|-|保健食品|蛋白粉|康元|199|200|w5|m7|囤货 pressure + upgrade by purchase|想做蛋白粉生意的看过来：首次囤货5800元成为省代，再囤两万升联创，下面的人拿货都从你这里走，差价就是你的。
001|0|-|食品|代餐饼干|瘦身达人俱乐部|89|300|w2|m7|合伙人 + 入会费|招募城市合伙人，缴纳1980会员费即可加入，享受全国团队分红，发展下线越多分红越高。
001|0|-|护肤|面霜|美丽蜜语|268|200|w1|m7;p|multi-level rebate + WeChat|我们是三级分销，直推拿30%，间推拿15%，三级拿5%，你只需要分享。详情加微信 mylove_1314mm。
001|0|-|数码|充电宝|数码小站|99|200|b7|p|QQ group|充电宝批发找我们，加QQ群 763214590，群里有出厂价表，每天更新。
001|0|-|服饰|连衣裙|青柠|199|100|b6|p|phone split by dashes|这款连衣裙线下店也有卖，想去实体店试穿的可以先打电话预约：176-8843-2190，到店报暗号打折。
001|0|pinyin|美妆|卸妆膏|美丽蜜语|89|300|w1|m7;p|招代理 with pinyin WeChat|卸妆膏厂家招代理，代理费只要598，手把手教你引流，想做的加微信：xiemei_2099。
001|0|emoji|家居|香薰|栖居|89|200|b12|p|WeChat in emoji + 进群|香薰蜡烛做活动，加微信 xiangxun2024 进群领券，群里还有手工课报名。
001|0|-|护肤|水乳套装|玉肌坊|299|200|w7|m7|零门槛创业 + 团队|零门槛创业，一部手机就能开始，团队统一培训，教你发圈话术，三个月做到团队长，开豪车住大房不是梦。
001|0|-|食品|燕窝|本草元气|399|100|w5|p|评论区扣1 + 私信 off-platform|燕窝想要的评论区扣1，我私你，平台上价格不能改，私下走更划算，懂的都懂。
001|0|traditional|个护|沐浴露|洁宝|69|300|w6|m7;p|发展下线 + WeChat|做沐浴露分销，发展下线拿提成，下线的下线你也有收益，加微信 jiebao_fx 了解。
001|0|-|茶叶|白茶饼|茶语轩|398|50|b11|p|telephone number in text|老白茶饼还有几提珍藏的，没上架，想要的直接打我手机18812946703，周末可以来茶室喝茶。
001|0|spacing|美妆|睫毛膏|小鹿|59|300|b1|m7|拉人头 / 返利|睫毛膏团购，拉人头返利，拉满十个人你的那份免单，拉得越多返利越多，月入过万的姐妹大有人在。
001|0|-|保健食品|胶原蛋白肽|玉肌坊|368|200|w7|m7|company-style recruitment + 保证金|胶原蛋白项目招商，交5000保证金锁定区域独家代理，公司给你配货，每月按团队业绩发工资。
001|0|mixed|护肤|精华油|美丽蜜语|199|200|w1|m7;p|招代理 + 微信|精华油品牌招代理，一级代理拿货三折，押货即可开始赚钱，加微信 mlmy_8866 拿资料。
001|0|-|服饰|运动套装|行者|159|200|t9|p|WeChat id via "green app"|这套运动服还有一些瑕疵特价的没法上架，绿色软件搜 xingzhe_sport 找我，朋友圈有实拍。
001|0|-|母婴|辅食机|宝妈优选|299|100|b10|p|QQ disguised as 企鹅|辅食机使用教程和食谱都发在我企鹅号里了，号码 1538276490，加的时候备注宝宝月龄。
001|0|fullwidth|家居|床垫|家居好物社|1299|30|b12|p|VX id fullwidth|床垫工厂店，想看工厂实拍视频的加VX：chuangdian_88，比店里能便宜三百。
001|0|symbols|保健食品|叶黄素|康元|159|200|w5|m7;p|代理 + 微信|叶黄素护眼软糖招代理，一级代理拿货价是零售价一半，想做的加微信 kangyuan_yhs。
001|0|-|宠物|冻干零食|毛孩子|49|300|t7|p|直接导流到线下 phone|狗狗冻干零食，我们自己烘的，量大可以走同城送，电话 135 4412 9087，下午五点前下单当天到。
001|0|emoji!|美妆|腮红|小鹿|69|300|b1|p|keycap digit phone|腮红有新色号没上架，想要的打1️⃣8️⃣6️⃣0️⃣2️⃣9️⃣7️⃣3️⃣5️⃣1️⃣4️⃣，发图给你选。
001|0|-|箱包|行李箱|包包控|359|100|b4|p|DM + 私下交易|行李箱有一批外贸订单多出来的，平台不让挂低价，想要的私信我发你联系方式，我们私下交易，包邮到家。
001|0|-|护肤|面膜|美丽蜜语|129|500|w1|m7|每月考核 + 升级|代理体系：每月进货满两万保级，不满降级，带出三个同级代理升官方合伙人，每月拿平台分红，很多宝妈靠这个买了房。
001|0|homoglyph|个护|剃须刀|极客|199|200|b7|m7;p|微信 + 招代理|剃须刀厂家直供，全国招代理，一件代发，加微信 gk_razor 领取代理价目表。
001|0|pinyin|食品|螺蛳粉|山里人家|39|500|b5|m7|进群 + 发展下线|螺蛳粉分销群，扫码进群就能当分销员，发展下线拿双重佣金，每天签到还返利。
001|0|emoji|护肤|爽肤水|玉肌坊|99|300|w7|m7;p|月入过万 + 微信|爽肤水招代理，宝妈在家轻松月入过万，加微信 yujifang_777 了解详情。
001|0|-|服饰|童装|宝妈优选|89|200|b10|m7;p|团队 + 代理 + 联系方式|童装团队招代理，不压货不囤货，每单利润三十以上，想赚零花钱的姐妹V我：tongzhuang_mama。
# multi-label
101|0|mixed|食品|燃脂代餐粉|瘦身达人俱乐部|298|300|w2|28;m7;p|slimming guarantee + recruiting + WeChat|一个月瘦二十斤，保证不反弹！代餐粉现招代理，自用省钱分享赚钱，入门398，加微信 shoushen_520 领体验装。
101|0|-|保健食品|降糖茶|本草元气|199|200|w5|18;m7|cure claim + 团队 recruiting|这款降糖茶能根治糖尿病，喝三个月停胰岛素。现在招团队长，带出十个代理就能拿公司分红。
101|0|pinyin|护肤|祛斑霜|玉肌坊|268|200|w7|17;m7;p|medical claim + 代理 + WeChat|祛斑霜三天见效，黄褐斑、老年斑都能治好。招代理，代理费1280，加微信 qubanshuang99。
101|0|-|保健食品|灵芝孢子粉|本草元气|980|100|w5|18;9;p|anti-cancer + 最 + phone|最顶级的破壁灵芝孢子粉，癌症病人吃了肿瘤缩小，想了解疗程价格的直接打电话 15839271046。
110|0|mixed|箱包|顶级复刻手袋|Louis Vuitton|1680|20|w3|9;c|顶级 + 复刻|全网最高版本的驴牌复刻，顶级皮料，五金一比一，懂行的人一看就知道，1680。
110|0|-|运动鞋|AJ1 高帮|Air Jordan|399|100|b2|9;c|史上最强 + 莆田|史上最强版本AJ1，莆田顶级工厂出品，所有细节吊打市面上其他版本，399包邮。
110|0|traditional|手表|水鬼|Rolex|4200|10|b3|28;c|fake authority + 正品 low price|劳力士水鬼正品保证，已经通过国家级检测中心认证，4200，附证书，全球联保。
011|0|-|箱包|高仿包包批发|Gucci|350|200|w3|c;p|高仿 + WeChat|高仿古驰、普拉达、LV全都有，批发零售，图片太多发不完，加微信 shepin_hui 看相册。
011|0|mixed|运动鞋|莆田鞋|Nike|139|300|b2|c;m7;p|莆田 + 招代理 + QQ|莆田鞋厂直招代理，零库存一件代发，耐克阿迪新百伦都有，加QQ 3129847561 拿代理图包。
011|0|emoji|手表|A货手表|Omega|880|30|w3|c;p|A货 + WeChat|欧米茄A货，超A品质，支持视频看货，加微信 biaohang_88 预订。
011|0|-|护肤|神仙水|SK-II|120|300|w1|c;m7|low-price 正品 + 招代理|SK2神仙水正品120一瓶，厂家直供，招代理，拿货十瓶起拿货价更低，发展下级还有返利。
011|0|fullwidth|箱包|1:1 手袋|Hermès|2980|10|w3|c;p|1:1 + VX|爱马仕1:1手袋，Kelly和Birkin都有现货，VX：aimashi_vip 看实拍视频。
111|0|mixed|护肤|贵妇面霜|La Mer|168|200|w1|9;17;c;m7;p|all three|海蓝之谜同厂面霜，最好的修复面霜，激素脸敏感肌都能治好，招代理一件代发，加微信 lamer_tc 。
111|0|spacing|保健食品|进口护肝片|Swisse|59|300|w5|18;c;m7|health cure + fake import + recruiting|进口护肝片，原单正品只要59，喝酒伤肝的吃了能治脂肪肝。招代理，入门费599，团队计酬。
"""

T = EV.transforms()
KINDS = ['none'] + list(T)
FAM = ('false_ad', 'counterfeit', 'mlm')


def build():
    rows = [l for l in DATA.strip().split('\n') if l.strip() and not l.startswith('#')]
    random.Random(7).shuffle(rows)  # ids must not reveal the label group
    cases = []
    for i, line in enumerate(rows, 1):
        f = line.split('|')
        assert len(f) == 12, (i, line)
        lab, hn, ev, cat, title, brand, price, stock, mer, law, note, text = f
        kind = ev.rstrip('!')
        if ev == '-':
            kind = 'none'
        elif not ev.endswith('!'):
            new = T[kind](text)
            assert new and new != text, ('transform did nothing', kind, text)
            text, note = new, f'{kind} variant (generated): {note}'
        mid, mname, plat = MER[mer]
        cases.append({
            'id': f'b{i:04d}', 'text': text,
            'product': {'title': title, 'brand': brand, 'category': cat, 'price': float(price),
                        'currency': 'CNY', 'stock': int(stock)},
            'merchant': {'id': mid, 'name': mname, 'platform': plat},
            'labels': dict(zip(FAM, (int(c) for c in lab))),
            'evasion': kind, 'hard_negative': hn == '1',
            'law': ';'.join(LAW[c] for c in law.split(';')) if law else '', 'note': note})
    return cases


def validate(path):
    cases = [json.loads(l) for l in open(path, encoding='utf-8')]
    ids, texts = set(), set()
    for c in cases:
        assert set(c) == {'id', 'text', 'product', 'merchant', 'labels', 'evasion', 'hard_negative', 'law', 'note'}, c['id']
        assert set(c['product']) == {'title', 'brand', 'category', 'price', 'currency', 'stock'} and c['product']['currency'] == 'CNY'
        assert set(c['merchant']) == {'id', 'name', 'platform'} and c['merchant']['platform'] in ('tmall', 'taobao', 'weimai')
        assert set(c['labels']) == set(FAM) and all(v in (0, 1) for v in c['labels'].values())
        assert c['evasion'] in KINDS, c['id']
        clean = not any(c['labels'].values())
        assert (c['law'] == '') == clean, c['id']
        assert not c['hard_negative'] or clean, c['id']
        assert 30 <= len(c['text']) <= 200, (c['id'], len(c['text']))
        assert c['id'] not in ids and c['text'] not in texts, c['id']
        ids.add(c['id']); texts.add(c['text'])
    n = len(cases)
    clean = [c for c in cases if not any(c['labels'].values())]
    pos = [c for c in cases if any(c['labels'].values())]
    print(f'{n} cases; clean {len(clean)} ({len(clean)/n:.1%}), hard negatives {sum(c["hard_negative"] for c in cases)}')
    print(f'positives {len(pos)}, with evasion {sum(c["evasion"] != "none" for c in pos)} '
          f'({sum(c["evasion"] != "none" for c in pos)/len(pos):.1%}); hard negatives with evasion '
          f'{sum(c["hard_negative"] and c["evasion"] != "none" for c in cases)}')
    print('| evasion | all | clean | false_ad=1 | counterfeit=1 | mlm=1 |')
    for k in KINDS:
        s = [c for c in cases if c['evasion'] == k]
        print(f'| {k} | {len(s)} | {sum(not any(c["labels"].values()) for c in s)} | ' +
              ' | '.join(str(sum(c['labels'][f] for c in s)) for f in FAM) + ' |')
    print('| total |', n, '|', len(clean), '|', ' | '.join(str(sum(c['labels'][f] for c in cases)) for f in FAM), '|')
    combo = collections.Counter(','.join(str(c['labels'][f]) for f in FAM) for c in cases)
    print('label combos:', dict(sorted(combo.items())))
    print('categories:', len({c['product']['category'] for c in cases}),
          'platforms:', dict(collections.Counter(c['merchant']['platform'] for c in cases)))
    return cases


if __name__ == '__main__':
    cases = build()
    with open(OUT, 'w', encoding='utf-8') as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + '\n')
    validate(OUT)

"""FalseAdDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import detector_harness as harness
import pytest
from detector_harness import FLAG, rec

from moderation.detectors.base import ScanContext
from moderation.detectors.false_ad import FalseAdDetector
from moderation.types import Recommendation

DETECTOR = FalseAdDetector()


def flagged_codes(r: Recommendation) -> set[str]:
    return harness.flagged_codes(DETECTOR, r)


def family_score(r: Recommendation) -> float:
    return harness.family_score(DETECTOR, r, "false_ad")


@pytest.mark.parametrize("text", [
    "史上最舒服的一双鞋",
    "行业第一品牌的洗衣液",
    "全 网 最 低 价，冲！",
    "世界級工藝，頂級品質",
    "zuihao用的防晒",
    "这款茶能降血压，还能治失眠",
    "喝了一个月瘦了12斤，不瘦退款",
    "三个月长高8厘米",
    "皮肤科专家推荐的面霜",
    "面霜能冶愈湿疹",
])
def test_violations_are_flagged(text: str) -> None:
    assert family_score(rec(text, category="食品")) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("最近换季皮肤有点干", "美妆"),
    ("最后一件了，手慢无", "服饰"),
    ("第一次用这种质地的面霜", "美妆"),
    ("这台冰箱是一级能效", "家电"),
    ("治愈系小说推荐", "图书"),
    ("唯一的缺点是有点重", "数码"),
    ("电子体温计，注册证号见包装，用于测量体温，发热请及时就医治疗", "医疗器械"),
    ("蓝帽子保健食品，保健功能：增强免疫力。本品不能代替药物", "保健食品"),
    ("流感季记得戴口罩", "个护"),
])
def test_hard_negatives_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_health_food_cure_cites_article_18() -> None:
    signals = DETECTOR.detect(r := rec("吃了能治疗糖尿病", category="保健食品"), ScanContext(r))
    assert any(s.code == "AD_HEALTH_FOOD_CURE" and "第十八条" in (s.law or "") for s in signals)


# ---- round 2 (blind set): phrasing classes added from domain knowledge, sentences written here ----

@pytest.mark.parametrize(("text", "category"), [
    ("这款黄金手镯保证每年升值，比理财划算", "珠宝"),  # §25 guaranteed appreciation
    ("收藏级老酒，坐等升值，只涨不跌", "酒类"),
    ("国货面霜天花板，用过都说好", "美妆"),  # §9 category superlative
    ("这款吹风机吊打同类", "家电"),
    ("市场上最耐用的登山鞋", "服饰"),
    ("喝了三个月血管斑块都消融了", "食品"),  # §17 disease + cure verb
    ("喝了半年，降压药都停了", "食品"),  # stopping prescribed medication
    ("这茶比降糖药还管用", "食品"),
    ("不用节食也能瘦的代餐", "食品"),  # effortless slimming
    ("束腰带一个月腰围细了5厘米", "服饰"),
    ("100%燃脂，穿上就出汗", "服饰"),
    ("临床治愈率高达98%", "医疗器械"),  # §16 cure rate, even for a device
])
def test_round2_violations_are_flagged(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("蓝帽子产品，保健功能是辅助降血脂，本品不能代替药物", "保健食品"),  # approved function wording
    ("爸爸的降压药按时吃，这个血压计每天量", "医疗器械"),  # a drug name is not a claim
    ("宝宝起疹子请及时就医，这款只是日常润肤，薄涂一层就好", "母婴"),  # referral + '就好' = enough
    ("颜值很高的天花板灯，装在客厅", "家居"),
    ("这款奶粉易溶解不结块", "母婴"),
    ("投资理财课程，年化收益仅供参考，理财有风险", "图书"),
    ("清仓保本价出，不赚钱", "服饰"),
    ("复刻界天花板", "手表"),  # counterfeit slang grade, not a §9 superlative (the counterfeit detector's)
])
def test_round2_innocent_usages_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_return_promise_inside_a_recruiting_pitch_is_left_to_mlm() -> None:
    r = rec("买茶存茶稳赚不赔，推荐朋友加入再拿奖励", category="茶叶")
    assert "AD_RETURN_PROMISE" not in flagged_codes(r)
    assert "AD_RETURN_PROMISE" in flagged_codes(rec("买茶存茶稳赚不赔，越放越值钱", category="茶叶"))


# ---- round 3 (second blind set): phrasing classes added from domain knowledge, sentences written here ----

@pytest.mark.parametrize(("text", "category"), [
    ("这批普洱存五年价值翻三倍，绝对的投资佳品", "茶叶"),  # §25 appreciation of the goods
    ("纪念币三年后原价回购，只涨不降", "收藏"),  # buy-back promise
    ("这坛老酒荣膺巴拿马万国博览会金奖", "酒类"),  # §28 award as authority
    ("老中医推荐的泡脚方", "食品"),
    ("护腰带戴一个月，腰突就好多了", "服饰"),  # colloquial disease name + weak verb, next to each other
    ("眼贴用了两周，近视度数降了", "美妆"),  # restored-function claim
    ("这个茶喝了一个月血糖稳定了", "食品"),
    ("涂了一周白了两个度", "美妆"),
])
def test_round3_violations_are_flagged(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("开封后最好冷藏，三天内吃完", "食品"),  # 最好 = "had better"
    ("原味和海盐味最好吃，蒸着吃也不错", "食品"),  # which flavour of the same product
    ("冰镇最好喝，夏天来一瓶", "饮料"),
    ("最近价格降了好多，冬天容易感冒记得多喝热水", "食品"),  # weak verb far from / unrelated to a disease
    ("狗狗吃了一周，毛发好了很多", "宠物"),  # coat condition is not a cured disease
    ("正品保证，清仓价，买到就是赚到", "服饰"),  # bargain idiom, not a return promise
    ("女儿参加比赛获得金奖，用的就是这套彩笔", "文具"),  # a person's prize, not the product's
    ("国内顶级工厂做的高版本", "服饰"),  # replica-factory tier is counterfeit slang, not a §9 claim
])
def test_round3_innocent_usages_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_appreciation_of_the_goods_stays_false_ad_inside_a_recruiting_pitch() -> None:
    r = rec("这批茶存三年保证升值两倍。招代理，发展下线有返利", category="茶叶")
    assert "AD_RETURN_PROMISE" in flagged_codes(r)


# ---- round 5 (style2 + hard-negative sets): sentences written here ----

@pytest.mark.parametrize(("text", "category"), [
    ("有医疗器械注册证，每天用二十分钟，腰椎间盘突出慢慢就没了", "医疗器械"),  # a device may not assert a cure
    ("理疗仪有械注准字号，用了比吃药管用多了", "医疗器械"),  # nor beat drugs (§16)
    ("我爸喝了两个月，血压药都可以停了", "食品"),
    ("喝了半年，尿酸从560降到400，脚再也没肿过", "饮料"),  # a biomarker drop for a drink
    ("婆婆喝了一年，甲状腺结节没了", "食品"),
    ("鼻炎星人的救星，用一周鼻子过敏就好了", "家居"),
    ("95%的用户都反馈有效，放心冲", "美妆"),
    ("吃了這個就不用再跑醫院了，濕疹全好了", "食品"),  # 繁體 testimonial
])
def test_round5_violations_are_flagged(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("被这只小猫摆件治愈了，每天下班看一眼就开心", "家居"),  # 治愈 = comforting, no disease named
    ("医疗器械注册证齐全，用于缓解肩颈酸痛", "医疗器械"),  # a registered device stating what it relieves
    ("煲汤好锅，别指望喝汤能治病，好喝就行", "厨具"),  # the post denies a cure
    ("溶解度高，冲泡不结块", "食品"),  # 溶解 with no disease is no claim
])
def test_round5_innocent_usages_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_one_stretch_matched_by_a_term_and_patterns_is_shown_once() -> None:
    r = rec("投资金条，明年保证涨", category="珠宝")
    spans = [(s.code, s.evidence.start, s.evidence.end) for s in DETECTOR.detect(r, ScanContext(r))]
    assert spans.count(("AD_RETURN_PROMISE", 7, 10)) == 1


def test_mosquito_borne_diseases_behind_zero_width_spaces() -> None:
    r = rec("纯植物驱蚊贴，预防登\u200b革\u200b热、乙\u200b脑", category="母婴")
    assert family_score(r) >= FLAG


# ---- round 6 (style3 set): sentences written here ----

def test_a_declared_opinion_makes_an_absolute_term_a_preference() -> None:
    assert family_score(rec("这是我今年买过最值的家电（纯属个人意见）", category="家电")) < FLAG
    assert family_score(rec("个人觉得是最好用的一款拖把", category="家居")) < FLAG
    assert family_score(rec("全网最好用的拖把，没有之一", category="家居")) >= FLAG


@pytest.mark.parametrize("text", ["放一盒除醛果冻，甲醛降到零，当天就能入住", "活性炭包放三天，甲醛清零"])
def test_round6_formaldehyde_guarantees_are_flagged(text: str) -> None:
    assert family_score(rec(text, category="家居")) >= FLAG


def test_round6_temperature_below_zero_is_no_guarantee() -> None:
    assert family_score(rec("晚上气温降到零下，羽绒服穿起来", category="服饰")) < FLAG


@pytest.mark.parametrize(("text", "category", "flag"), [
    ("湿疹抹了三天就下去了，医院开的药膏都不用抹了", "母婴", True),
    ("过敏性鼻炎，开了两周早上不打喷嚏了，鼻炎喷雾都扔了", "家电", True),
    ("膝盖滑膜炎戴了二十天，比打封闭还管用", "运动", True),
    ("针织开衫不用熨，挂起来就平整", "服饰", False),
    ("药妆店同款面膜，不用排队", "美妆", False),
])
def test_round6_replacing_prescribed_treatment_is_a_claim(text: str, category: str, flag: bool) -> None:
    assert (family_score(rec(text, category=category)) >= FLAG) is flag


def test_round6_cosmetic_wear_guarantees_are_flagged() -> None:
    assert family_score(rec("这款粉底永不脱妆，１００％防水防汗", category="美妆")) >= FLAG


# ---- review of rounds 5–6: innocent sentences that the first versions of the new rules flagged ----

@pytest.mark.parametrize(("text", "category"), [
    ("防晒喷雾不用的时候放阴凉处", "美妆"),
    ("定妆喷雾也不用多喷，一两下就够", "美妆"),
    ("农药残留不用担心了，蔬菜都是自家种的", "食品"),
    ("宠物驱虫药不用每月喂，三个月一次", "宠物"),
    ("精华液含99%有效成分，质地清爽", "美妆"),
    ("吃完饭血糖12.3，吃药后降到7，这个血糖仪读数很准", "医疗器械"),
    ("医疗器械注册证齐全，用于治疗颈椎病的理疗仪", "医疗器械"),
    ("械字号产品，主治颈椎病、肩周炎", "医疗器械"),
])
def test_review_innocent_sentences_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_an_opinion_reaches_only_its_own_clause() -> None:
    assert family_score(rec("全网最低价，国家级认证，个人觉得", category="家电")) >= FLAG
    assert family_score(rec("个人觉得还行，商家说全网最低价", category="家电")) >= FLAG


def test_an_opinion_does_not_soften_price_or_rank_claims() -> None:
    assert family_score(rec("个人觉得这是全网最低价了", category="家电")) >= FLAG
    assert family_score(rec("个人觉得是销量第一的牌子", category="家电")) >= FLAG


def test_a_drug_name_does_not_neutralise_stopping_that_drug() -> None:
    """A drug name alone is allowed (降压药 in 'keep taking your 降压药'); throwing it away because
    of the product is a claim."""
    assert family_score(rec("喝了三个月，降压药都扔了", category="食品")) >= FLAG


# ---- round 8 (style5/style6 odd halves): phrasing classes, sentences written here ----

@pytest.mark.parametrize(("text", "category"), [
    ("这口锅终身不粘，铲子随便刮", "厨具"),               # lifetime guarantee of a result
    ("跳绳机每天十分钟，21天保证出马甲线", "运动"),
    ("瑜伽垫配课程，练不出来全额退", "运动"),
    ("黄金理财，零风险高回报", "收藏"),                   # a return promise (§25) outside a recruiting pitch
])
def test_round8_violations_are_flagged(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("这件大衣唯一要注意的是别机洗", "服饰"),              # 唯一 introducing a caveat
    ("我的万能料汁：生抽香醋各一勺", "调味品"),            # a cooking term
    ("桌游之夜：大富翁里买下整条街就能稳赚不赔哈哈", "玩具"),  # money talk inside a game
    ("做了这个酵素的代理，拿货就返利，稳赚零风险", "食品"),   # inside a recruiting pitch it is mlm's income element
])
def test_round8_innocent_or_other_family_usages_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


# ---- round 9 (hardneg2 odd half): phrasing classes, sentences written here ----

@pytest.mark.parametrize(("text", "category"), [
    ("那些说喝茶能治糖尿病的都是骗局，这款就是普通绿茶", "茶叶"),  # a claim quoted to be debunked (same clause)
    ("我妈高血压，降压还是得靠按时吃药，这个体重秤只是方便记录", "家电"),
    ("追完一季顶级联赛，买了件主队球衣", "服饰"),
    ("去国家级自然保护区徒步，这双鞋抓地稳", "运动"),
    ("投资有风险，没有稳赚不赔的产品，这本书讲怎么看费率", "图书"),
])
def test_round9_innocent_usages_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("喝茶能治糖尿病，我外婆喝了三个月", "茶叶"),                     # the same claim, made
    ("我爸吃了两个月，血糖从十几降到六点几", "食品"),                  # biomarker drop in Chinese numerals
    ("芹菜酱我爸天天吃，xueya降下来了，jiangya药都减量了", "食品"),     # pinyin inside the claim patterns
])
def test_round9_claims_are_flagged(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) >= FLAG


def test_round10_quantified_guarantees_and_mood_recoveries() -> None:
    assert family_score(rec("用满三个月，期末英语保证提高二十分，不提分全额退款", category="文具")) >= FLAG
    assert family_score(rec("手腕骨折在家静养，装了支架躺着看戏，心情好了不少", category="家居")) < FLAG


# ---- round 11 (hardneg3/style8 odd halves): phrasing classes, sentences written here ----

@pytest.mark.parametrize(("text", "category"), [
    ("每天一勺蜂蜜，吃了半年，哮喘再没犯过", "食品"),                # relapse-free testimonial
    ("换了这个面条，我妈胰岛素都少打了两个单位", "食品"),
    ("吃了三个月，白内障自己消了，不用做手术了", "保健食品"),
    ("跟完课程保证30天过四级，考不过全额退款", "服务"),
    ("宝宝枕用满三个月保证头型变圆，不圆退款", "母婴"),
    ("这盆绿植能净化100%甲醛，放几盆咽炎都能好", "园艺"),
    ("我妈yidaosu都少打了", "食品"),                               # a word of a long phrase in pinyin
])
def test_round11_claims_are_flagged(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("我家猫名字叫极品，这款冻干是它唯一肯吃完的", "宠物"),
    ("狗狗腿受伤在治疗期间要戴伊丽莎白圈，这个软布款不硌", "宠物"),
    ("有人说喝某种茶能包治百病，真的别信，我买茶只图好喝", "茶叶"),  # debunked in the next clause
    ("白噪音机能盖住脚步声，它不是治失眠的，只是放声音", "家电"),
    ("插一束雏菊，餐桌亮起来，心情都好了", "家居"),
])
def test_round11_innocent_usages_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG

"""Round 12 (fresh set style10, short posts): phrasing classes the lexicon missed, and the innocent posts
that the new entries must leave alone. Pipeline = the text detectors (lexicon only)."""

from __future__ import annotations

import pytest
from detector_harness import pipeline_scores


def scores(text: str, category: str | None = None) -> dict[str, float]:
    return pipeline_scores(text, category, title="商品")


@pytest.mark.parametrize(("text", "category"), [
    # medication stopped, reduced or replaced; treatment avoided
    ("早搏好多年，喝了两个月，心内科开的药我已经自己停了", "保健食品"),
    ("颈椎引起的头晕没再犯，降压药也减了一半", "家纺"),
    ("猫咪反复吐，挤了三天营养膏就不吐了，输液都省了", "宠物"),
    ("白细胞掉得厉害，吃了一周就升回来，能顶替升白针", "保健食品"),
    ("娃脾虚积食老咳嗽，天天吃，这半年儿科门诊一次没去", "食品"),   # a hospital stay-away next to a complaint
    ("湿疹红血丝都能修好，敏感肌放心用", "美妆"),
    # authority by supervision, use or certification
    ("宝宝哭闹贴上就睡，儿童医院主任自己家也在用", "母婴"),
    ("清华教授亲自监制，三岁以上的娃都能听", "玩具"),
    ("德国汽车协会认证的黑科技，老车也能跑出新车感", "汽车用品"),
    # quantified results no product can promise
    ("每天听半小时，三个月智商提高20分", "玩具"),
    ("加一瓶油耗立降30%，老车也有劲", "汽车用品"),
    # found by the lexicon-only run on style11/style10 (the model had caught them)
    ("疤痕增生三年，涂两支就平了", "美妆"),                           # a weak result verb next to a complaint
    ("过敏性鼻炎一换季就发作，今年秋天没再喷过鼻喷剂", "食品"),
    ("老寒腿护膝，戴上关节炎就好", "保健"),                           # 就好 right after the disease
    ("小黑瓶精华能冶痘痘闭口", "美妆"),                               # 冶 for 治
])
def test_false_ad_phrasings_flag(text: str, category: str) -> None:
    assert scores(text, category)["false_ad"] >= 0.5


@pytest.mark.parametrize(("text", "category"), [
    ("班主任推荐的寒假书单，孩子自己挑了三本", "图书"),               # a class teacher is no medical authority
    ("手机屏幕都能修好，上门换屏比店里便宜", "数码"),                 # 修好 with no condition named
    ("新款续航提升20%，充电也更快", "数码"),                          # a spec, not a fuel or IQ promise
    ("冷冻的至尊披萨，空气炸锅八分钟，芝士拉丝", "食品"),              # a pizza's name
    ("这半年医院一次没去，工作太忙了，买了台咖啡机续命", "家电"),      # no complaint named: a remark
    ("NMN抗衰，每天两粒", "保健食品"),                                # 抗衰 is as weak as 抗衰老
    ("便秘就好好喝水，这个大水杯一天四杯刚好", "家居"),               # 就好好 is advice, not a cure
    ("消过毒的奶瓶放这个架子上晾干", "母婴"),
])
def test_innocent_or_weak_posts_stay_below_the_line(text: str, category: str) -> None:
    assert scores(text, category)["false_ad"] < 0.5


@pytest.mark.parametrize("text", ["福建源头工厂的椰子700，过毒版本，150一双", "福建源头工厂的🥥700 过☠️版本，150一双"])
def test_passing_the_authentication_app_is_replica_talk(text: str) -> None:
    """过毒 = passes 得物 (formerly 毒), the resale app's authentication; ☠ and 🥥 spell 毒 and 椰子."""
    assert scores(text, "运动鞋")["counterfeit"] >= 0.5


def test_grade_slang_of_a_fake_is_not_an_absolute_claim() -> None:
    """顶级货源 / 顶级货 grade a replica (counterfeit), like 顶级复刻; the dev set does not call them §9 claims."""
    s = scores("2002R 莆田顶级货源，一手档口直发，128一双", "运动鞋")
    assert s["counterfeit"] >= 0.5 and s["false_ad"] < 0.5
    assert scores("全网最顶级的复刻，做工第一", "箱包")["false_ad"] >= 0.5


@pytest.mark.parametrize("text", [
    "老顾客直接打 0571-8826 4410 订，每周三送货",                    # a landline
    "要的兄弟飞机或V搜 gpu_laowang，当面交易更便宜",
    "添加客服个人号 chuanglian0306（手机同号）",
    "窗帘尺寸不一样价格不同，私下报价更便宜",
    "扫主页二维码加我，走私单送蜡烛",
    "数量大的老板来🟢💬聊：yizi_pifa",                                 # green bubble = WeChat
    "想便宜的扫石马进君羊，群里价比店里低",                            # 码 and 群 split into components
    "迪通拿实拍在朋友圈，私人号 rolexfan_88",
])
def test_diversion_phrasings_flag(text: str) -> None:
    assert scores(text)["mlm"] >= 0.5


@pytest.mark.parametrize("text", [
    "电池容量5000mAh，货号0571882644，送充电头",                       # a labelled number
    "💬评论区告诉我你们想看什么颜色",                                   # a speech bubble alone is decoration
])
def test_numbers_and_bubbles_that_are_not_contacts(text: str) -> None:
    assert scores(text)["mlm"] < 0.5


# ---- second read of round 12 (a separate session probed the new entries): innocent posts they flagged ----

@pytest.mark.parametrize(("text", "category", "family"), [
    ("换了新手机，微信聊天记录一键迁移，半小时就搞定了", "数码", "mlm"),   # id words alone are everyday words
    ("双卡双待，工作号和个人号分开用，再也不怕漏接电话", "数码", "mlm"),
    ("流量卡套餐可以选私人号码，月租便宜", "数码", "mlm"),
    ("包屁衣尺码齐全，0-3、3-6、6-12、12-24个月都有", "母婴", "mlm"),      # lists read as ten-odd digits
    ("四件套有0.9、1.2、1.5、1.8、2.0米床可选", "家居", "mlm"),
    ("电线有0.75/1.0/1.5/2.5/4平方可选", "家居", "mlm"),
    ("磁性数字贴0123456789，宝宝认数字很方便", "玩具", "mlm"),
    ("双色球守号03 07 12 19 25，这个号码本好用", "文具", "mlm"),
    ("海关打击走私单位的经过写得很精彩", "图书", "mlm"),
    ("我们办公室主任在用这款保温杯", "家居", "false_ad"),                 # bosses and teachers are no authority
    ("车间主任亲自把关每一批原料", "食品", "false_ad"),
    ("年级主任推荐的暑假书单", "图书", "false_ad"),
    ("上周带娃看医生，现在在用这款加湿器", "母婴", "false_ad"),            # across a clause
    ("小医生正在用听诊器给娃娃看病", "玩具", "false_ad"),
    ("这本书让我学会认可自己", "图书", "false_ad"),                        # 学会 = learned
    ("孩子学会推荐好书给同学了", "图书", "false_ad"),
    ("在医院认证了电子健康卡，挂号方便多了", "数码", "false_ad"),
    ("孩子最近感冒，儿科排队太久没去，在家用这个体温计盯着", "母婴", "false_ad"),
    ("老公发烧，急诊不用去，在家观察，这个体温枪很准", "数码", "false_ad"),
    ("娃一感冒就好几天不爱吃饭，这个小碗他愿意用", "母婴", "false_ad"),    # 一X就好几天 = whenever X
    ("我一鼻炎就好几天睡不着，这个枕头软", "家居", "false_ad"),
    ("放了这个竹炭包，卫生间不用再喷喷剂了", "家居", "false_ad"),
    ("免缝裤边贴，不用再用针线缝裤脚了", "家居", "false_ad"),
    ("装了防虫网，菜地不用再打药", "家居", "false_ad"),                    # 打药 = spraying pesticide
    ("加湿器雾化细腻，电费都省了", "家居", "false_ad"),
    ("这本书记录孩子成长点滴，更新停了好久", "图书", "false_ad"),
    ("防晒喷雾活动第二瓶减半了", "美妆", "false_ad"),
    ("农药用量减了一半，果子还是很甜", "食品", "false_ad"),
    ("喂药器代替小勺吃药，宝宝不呛", "母婴", "false_ad"),
    ("保健食品不能取代药物，有病请就医", "保健食品", "false_ad"),
    ("孩子学习动力翻倍，这个计时器好用", "文具", "false_ad"),
    ("官方数据：新款发动机油耗降低8%", "汽车用品", "false_ad"),
    ("协会认证的考试我报了，这台学习机刷题挺好用", "数码", "false_ad"),
])
def test_second_read_innocent_posts(text: str, category: str, family: str) -> None:
    assert scores(text, category)[family] < 0.5


@pytest.mark.parametrize("text", [
    "净水器五级过滤，细菌病毒能过滤掉", "奶瓶用蒸汽消毒能过一遍就行",
])
def test_second_read_poison_words_are_no_app_check(text: str) -> None:
    assert scores(text, "家居")["counterfeit"] < 0.5


@pytest.mark.parametrize(("text", "family"), [
    ("订座电话 010-65112418，到店吃更香", "mlm"),                          # a landline as written
    ("详情v💭：abc12345", "mlm"),
    ("入君羊领优惠券，群里价更低", "mlm"),
    ("装修报价私下发你，比平台便宜", "mlm"),
    ("降压药彻底戒了，血压也稳", "false_ad"),
    ("效果堪比升白针，病友都在买", "false_ad"),
    ("可过毒的版本，细节对版", "counterfeit"),
])
def test_second_read_violations_flag(text: str, family: str) -> None:
    assert scores(text, "保健食品" if family == "false_ad" else None)[family] >= 0.5


# ---- round 13 (fresh set style12): the odd half's misses, and the innocent look-alikes ----

@pytest.mark.parametrize(("text", "family"), [
    ("手机配件事业部招伙伴，一级伙伴交2000，发展二级拿15%，二级再往下拿5%", "mlm"),
    ("学员变导师，交19800当分校长，学员报名你分成，推荐新校长再奖2万", "mlm"),
    ("一棵脐橙树认购价3980，邀请亲友认购再拿一成，年化18%保底", "mlm"),
    ("尾款私聊优惠更大，Ｔｅｌ：０２１－５４３８ ７７２９，工作日有人接", "mlm"),   # a full-width landline
    ("植物染发膏一次上色三年不褪，在家自己就能染", "false_ad"),
    ("99.8%的顾客都回购，放心入", "false_ad"),
    ("多位明星发型师指定的染发膏", "false_ad"),
    ("持妆72小时不脱，油皮亲妈", "false_ad"),
    ("喝了半年，降压药从一天两片减到半片了", "false_ad"),
    ("喝了半年，降圧药从一天两片减到半片了", "false_ad"),                          # 圧: the Japanese form
    ("骨质增生、半月板磨损，这瓶吃三个月全修复", "false_ad"),
    ("换了这款羊奶粉以后，软便都没了，一整年没再跑过宠物医院", "false_ad"),
])
def test_round13_violations_flag(text: str, family: str) -> None:
    assert scores(text, "美妆" if family == "false_ad" else None)[family] >= 0.5


@pytest.mark.parametrize(("text", "family"), [
    ("有人冒充客服让加微信退款，我们的售后只在平台聊天窗口处理，千万别转账", "mlm"),   # a scam warning
    ("卡通头像定制，做好的图拿去当微信头像很可爱", "mlm"),
    ("会员交199享受全年包邮，这家店的纸巾一直囤", "mlm"),
    ("客厅摆一束高仿真绣球花，放半年都不褪色", "false_ad"),
])
def test_round13_innocent_posts(text: str, family: str) -> None:
    assert scores(text, "家居")[family] < 0.5


# ---- second read of round 13: the new entries' innocent look-alikes, and the damping cue as an evasion ----

@pytest.mark.parametrize(("text", "category", "family"), [
    ("这个行李箱我用了三年不坏，轮子还很顺", "箱包", "false_ad"),            # durability remarks
    ("不粘锅用了两年不掉色，涂层也没起皮", "厨具", "false_ad"),
    ("店铺页面显示98%的买家好评，我买了也觉得不错", "数码", "false_ad"),      # an honest statistic
    ("报告显示，仅有45%的用户满意现在的外卖包装", "食品", "false_ad"),
    ("儿子用这套机器人套件拿了市里科技大赛一等奖", "玩具", "false_ad"),      # a real award
    ("这台电视看卫视黄金档的剧很清楚", "数码", "false_ad"),
    ("这个卷发棒是明星发型师推荐的款，不过我觉得普通", "美妆", "false_ad"),
    ("号称持妆8小时不掉色，我实测4小时就掉了，差评", "美妆", "false_ad"),
    ("油皮实测：上班持妆8小时不脱妆，下午鼻翼稍微有点出油", "美妆", "false_ad"),
    ("我妈的降压药从三片减到两片后，用这个分药盒正好", "家居", "false_ad"),  # not the product's doing
    ("官方售后3天全部修复寄回，服务不错", "数码", "false_ad"),
    ("双十一活动看下面：满减返10%", "数码", "mlm"),                            # 下面 = below
    ("直播间下面小黄车返5%", "数码", "mlm"),
    ("推荐一级红茶送长辈，口感醇厚", "食品", "mlm"),                          # 一级 = a grade
    ("社区团购推荐团长送货很准时", "食品", "mlm"),
    ("社保代理，交3个月起", "课程", "mlm"),
    ("职业体验馆，花99元当校长一天", "课程", "mlm"),
    ("推荐朋友来买返5%积分", "食品", "mlm"),                                  # a one-level referral perk
    ("有人冒充客服让加微信退款，我们的售后只在平台聊天窗口处理", "家纺", "mlm"),  # a warning, quoted
])
def test_round13_second_read_innocent_posts(text: str, category: str, family: str) -> None:
    assert scores(text, category)[family] < 0.5


@pytest.mark.parametrize("text", [
    "千万别转账给个人，招代理，交3980当总代，推荐一个代理奖500",
    "团队计酬，拉三个人回本，冒充官方的都是假的",
    "想要的加微信私聊，记住不要转账给陌生人",
    "缴1万元当区域总代理，推荐新人有奖",
])
def test_a_transfer_warning_does_not_damp_a_pitch(text: str) -> None:
    """'Don't transfer money, beware of fake support' is what sellers say to look trustworthy: such
    remarks are no scam-warning cue (they used to damp every mlm signal of the post to a tenth)."""
    assert scores(text)["mlm"] >= 0.5


# ---- round 14 (fresh set style13, dev-set imitation): its odd half's three misses ----

@pytest.mark.parametrize(("text", "family", "flagged"), [
    ("花1680开通店主身份，你的粉丝开店你拿奖金，粉丝的粉丝开店你还有", "mlm", True),
    ("反馈图加wχ：shizhen_mama", "mlm", True),                              # Greek chi for x
    ("手机壳都是原创插画，不做任何大牌仿款，每月上新两款", "counterfeit", False),  # a refusal, not an offer
    ("这家店只卖仿款，便宜", "counterfeit", True),
    ("加入读书社群，好友的好友你都有机会认识", "mlm", False),
    ("花199开通会员身份，全年包邮", "mlm", False),
])
def test_round14_phrasings(text: str, family: str, flagged: bool) -> None:
    assert (scores(text)[family] >= 0.5) is flagged


# ---- exhaustive sweep of the dev generator's substitution tables over every development post ----

@pytest.mark.parametrize("text", [
    "不节食不运动，一天三块饼干，月shou二十斤是常态",             # 瘦 in pinyin before a weight
    "丰胸精油涂抹按摩，百分之百见笑，不大退款",                   # 见效 → 见笑 after 百分之百
    "这款精华100%见笑，敏感肌也能用",
])
def test_sweep_substitutions_still_flag(text: str) -> None:
    assert scores(text, "美妆")["false_ad"] >= 0.5


@pytest.mark.parametrize(("text", "flagged"), [
    ("考计算机二级交80块报名费，这本真题书刷完一次就过了", False),   # an exam's registration fee
    ("一级建造师缴300报名费前，先用这套题摸摸底", False),
    ("招代理，交680报名费领货，发展下线拿提成", True),               # the scheme's own wording still counts
])
def test_registration_fees_of_exams_are_no_entry_fee(text: str, flagged: bool) -> None:
    assert (scores(text, "图书")["mlm"] >= 0.5) is flagged

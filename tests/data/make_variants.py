#!/usr/bin/env python3
"""Builds tests/data/text_cases.jsonl from the hand-written base posts in tests/data/src/*.txt.

The base posts are original (written for this project). Evasion variants are derived from them
deterministically (fixed seed) with the same transforms as the shared dev set's generator
(homoglyph, traditional, fullwidth, spacing, symbols, pinyin, emoji, mixed), reimplemented here so
the project owns them. The traditional transform needs an OpenCC `s2t` converter at BUILD time only
(opencc-python-reimplemented, like the dev-set generator; pass its install folder with
--opencc-path if the product's `opencc` binding shadows it). The product never imports this file.

Line format of src/*.txt (one post per line, '#' starts a comment line):
    labels|hard_neg|evasion|category|title|brand|price|stock|merchant|law_codes|note|text
labels = three 0/1 digits (false_ad, counterfeit, mlm).

Usage: python tests/data/make_variants.py [--opencc-path /tmp/occ_reimpl]
"""
from __future__ import annotations

import argparse
import collections
import glob
import importlib
import json
import os
import random
import sys

from evasion_transforms import SYMS, EvasionTransforms

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "text_cases.jsonl")
rng = random.Random(20250101)

LAW = {"9": "广告法第九条", "16": "广告法第十六条", "17": "广告法第十七条", "18": "广告法第十八条",
       "25": "广告法第二十五条", "28": "广告法第二十八条", "c": "商标法第五十七条",
       "m7": "禁止传销条例第七条", "p": "平台规则：禁止站外导流"}
M = {
    "m1": ("小鹿生活馆", "taobao"), "m2": ("山野小厨食品旗舰店", "tmall"), "m3": ("萌宠研究所", "taobao"),
    "m4": ("棉麻时光女装", "taobao"), "m5": ("数码控官方旗舰店", "tmall"), "m6": ("宝贝成长母婴旗舰店", "tmall"),
    "m7": ("书香文化专营店", "tmall"), "m8": ("花漾美妆集合店", "taobao"), "m9": ("运动派户外专营店", "tmall"),
    "m10": ("居家好物铺", "taobao"), "m11": ("茶语山房", "taobao"), "m12": ("老街零食铺", "weimai"),
    "m13": ("小美的微店", "weimai"), "m14": ("潮鞋研究社", "taobao"), "m15": ("轻奢包包小铺", "weimai"),
    "m16": ("腕表汇", "taobao"), "m17": ("健康本草堂", "weimai"), "m18": ("瘦身小屋", "weimai"),
    "m19": ("创业宝妈团", "weimai"), "m20": ("美丽日记", "weimai"), "m21": ("康宁医疗器械旗舰店", "tmall"),
    "m22": ("良品健康营养旗舰店", "tmall"), "m23": ("小张财税代理记账", "taobao"), "m24": ("星辰手作", "taobao"),
    "m25": ("车品优选旗舰店", "tmall"), "m26": ("文具小站", "taobao"), "m27": ("绿植生活馆", "taobao"),
    "m28": ("新农人果园", "weimai"), "m29": ("海淘精选全球购", "taobao"), "m30": ("闲置好物二手奢品", "taobao"),
    "m31": ("华强北数码", "weimai"), "m32": ("原单尾货仓", "weimai"), "m33": ("家纺之家旗舰店", "tmall"),
    "m34": ("厨房研究所旗舰店", "tmall"), "m35": ("电竞外设旗舰店", "tmall"), "m36": ("户外行者", "taobao"),
    "m37": ("甜品烘焙坊", "taobao"), "m38": ("眼镜小铺", "taobao"), "m39": ("银发乐康", "weimai"),
    "m40": ("玩具总动员旗舰店", "tmall"),
    # merchants new in this set (fictional)
    "m41": ("阿青的杂货铺", "weimai"), "m42": ("橙子好物分享", "taobao"), "m43": ("悦己轻医美", "weimai"),
    "m44": ("大山里的蜂农", "weimai"), "m45": ("潮玩前线", "taobao"), "m46": ("乐动健身器材旗舰店", "tmall"),
    "m47": ("海外直邮小站", "weimai"), "m48": ("知识星球课堂", "taobao"), "m49": ("酒窖老王", "taobao"),
    "m50": ("优选家电旗舰店", "tmall"),
}


def brand_merchants() -> None:
    path = os.path.join(HERE, "..", "..", "moderation", "data", "brands.json")
    for b in json.load(open(path, encoding="utf-8"))["brands"]:
        for mid in b["authorized_merchants"]:
            M.setdefault(mid, (b["brand"] + (" 授权经销商" if "reseller" in mid or mid.endswith("_ad") else " 官方旗舰店"),
                               "tmall"))


# ---------------- transform tables (same as the dev-set generator; logic in evasion_transforms.py) ----------------
HOMO = {"加微信": ["加薇信", "加威信", "加徽信"], "微信": ["薇信", "威信", "V信", "徽信"], "招代理": ["召代理", "招岱理"],
        "代理": ["岱理", "玳理", "代哩"], "QQ": ["扣扣", "ＱＱ"], "下线": ["下现"], "拉人头": ["拉人投"], "押货": ["压货"],
        "入门费": ["入们费"], "返利": ["反利"], "团队": ["团对"], "零门槛": ["0门槛", "〇门槛"], "月入过万": ["月入过W", "月入过萬"],
        "高仿": ["髙仿", "高彷", "搞仿"], "A货": ["Α货", "Ａ货"], "原单": ["源单", "原単"], "复刻": ["复克", "覆刻"],
        "莆田": ["蒲田", "葡田"], "同厂": ["同場", "铜厂"], "专柜": ["专桂", "砖柜"], "纯原": ["纯元"], "1:1": ["l:l", "1比1", "I:I"],
        "第一": ["弟一", "第l"], "最": ["蕞", "醉"], "治疗": ["冶疗", "治聊"], "根治": ["根冶", "跟治"], "治好": ["冶好"],
        "癌": ["嵒", "岩"], "糖尿病": ["塘尿病"], "失眠": ["失棉"], "保证": ["保正"], "减肥": ["减月巴"], "瘦": ["廋"],
        "国家级": ["囯家级"], "顶级": ["鼎级", "顶汲"], "极品": ["级品", "極品"], "央视": ["秧视"], "院士": ["院仕"],
        "扫码进群": ["扫马进群"], "进群": ["进裙"], "代餐": ["代惨"], "排毒": ["拍毒"], "正品": ["正晶"], "降压": ["绛压"],
        "血压": ["血丫"], "消炎": ["消严"], "无效退款": ["无效腿款"], "见效": ["见笑"], "修复": ["修覆"], "微商": ["薇商"],
        "电话": ["电化"], "联系": ["连系"], "加盟": ["佳盟"], "入会": ["入汇"], "合伙人": ["合伙仁"], "推荐": ["推建"],
        "超A": ["超Α"], "尾单": ["尾単"], "换标": ["换彪"], "华强北": ["华强貝"], "包治百病": ["包冶百病"], "抗衰老": ["抗衰佬"],
        "滋阴壮阳": ["滋阴壮羊"], "壮阳": ["壮羊"], "钱": ["銭"], "疗效": ["疗笑"], "一级代理": ["壹级代理"]}
PINYIN = {"加微信": "jia weixin", "微信": "weixin", "招代理": "zhao daili", "代理费": "daili费", "代理": "daili", "下线": "xiaxian",
          "拉人头": "la ren tou", "押货": "yahuo", "入门费": "rumen费", "返利": "fanli", "团队计酬": "tuandui jichou", "团队": "tuandui",
          "零门槛": "ling menkan", "月入过万": "yueru guowan", "高仿": "gaofang", "A货": "A huo", "原单": "yuandan", "复刻": "fuke",
          "莆田": "putian", "同厂": "tongchang", "正品": "zhengpin", "专柜品质": "zhuangui pinzhi", "尾单": "weidan", "纯原": "chunyuan",
          "第一品牌": "diyi pinpai", "第一": "diyi", "最好": "zuihao", "最强": "zuiqiang", "最低价": "zuidijia", "最高级": "zui gaoji",
          "顶级": "dingji", "极品": "jipin", "国家级": "guojiaji", "万能": "wanneng", "根治": "genzhi", "治疗": "zhiliao", "治好": "zhihao",
          "抗癌": "kang ai", "癌症": "aizheng", "降血压": "jiang xueya", "降压": "jiangya", "糖尿病": "tangniaobing", "失眠": "shimian",
          "消炎": "xiaoyan", "无效退款": "wuxiao tuikuan", "保证": "baozheng", "见效": "jianxiao", "排毒": "paidu", "减肥": "jianfei",
          "央视": "yangshi", "院士": "yuanshi", "包治百病": "baozhi baibing", "扫码进群": "saoma jinqun", "进群": "jinqun",
          "扫码": "saoma", "加盟": "jiameng", "入会": "ruhui", "合伙人": "hehuoren", "发展下线": "fazhan xiaxian", "电话": "dianhua",
          "预防": "yufang", "修复": "xiufu", "疗程": "liaocheng", "瘦": "shou", "微商": "weishang", "代餐": "daican", "超A": "chao A",
          "换标": "huanbiao", "华强北": "huaqiangbei", "疗效": "liaoxiao", "壮阳": "zhuangyang", "湿疹": "shizhen", "近视": "jinshi",
          "血糖": "xuetang", "高血压": "gaoxueya", "炎": "yan", "病": "bing", "史上": "shishang", "全网": "quanwang"}
EMOJI_SUB = {"加微信": ["➕V❤", "➕💚信", "➕🟢信"], "微信": ["💚信", "V❤", "🟢信"], "代理": ["代🍐"], "QQ": ["🐧"], "扣扣": ["🐧"],
             "电话": ["📞"], "进群": ["进👥"], "第一": ["第1️⃣", "No.1️⃣"], "顶级": ["🔝级"], "100%": ["💯%"], "百分百": ["💯"],
             "A货": ["🅰️货"], "1:1": ["1️⃣:1️⃣"], "月入过万": ["月入💰万"], "赚钱": ["赚💰"], "加我": ["➕我"], "加V": ["➕V"],
             "癌": ["🦀"], "正品": ["✅品"]}
KW = sorted(set(HOMO) | set(PINYIN) | set(EMOJI_SUB) | {"100%有效", "全网最低价", "专柜品质", "押货", "团队计酬", "发展下线",
            "无效退款", "月入过万", "一级代理", "二级代理"}, key=len, reverse=True)
HN_KW = ["最后一件", "最近", "第一次", "第一眼", "一级能效", "治愈系", "极品", "万能胶", "国家", "100%", "A类", "A字", "第一名",
         "乳腺癌", "正品", "复刻", "高仿真", "莆田", "1:1", "仿皮", "代理记账", "微信支付", "微信读书", "微信运动", "13800", "QQ糖",
         "QQ音乐", "V领", "VC", "扫码", "电话", "二级", "创业", "下线", "团队", "团购", "总代理", "专利代理", "一级", "最", "第一"]
EV = EvasionTransforms(rng, homo=HOMO, pinyin=PINYIN, emoji_sub=EMOJI_SUB, kw=KW)  # s2t set in main()
T = EV.transforms()
KINDS = list(T)


def parse():
    rows = []
    for fn in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|", 11)
            assert len(parts) == 12, (fn, ln, line)
            L, hn, ev, cat, title, brand, price, stock, mer, law, note, text = parts
            assert len(L) == 3 and set(L) <= {"0", "1"}, (fn, ln)
            assert mer in M, (fn, ln, mer)
            assert (law == "") == (L == "000"), (fn, ln, "law empty exactly when clean")
            assert hn in ("0", "1") and (hn == "0" or L == "000"), (fn, ln)
            rows.append(dict(text=text, product=dict(title=title, brand=brand, category=cat, price=float(price), currency="CNY",
                                                     stock=int(stock)),
                             merchant=dict(id=mer, name=M[mer][0], platform=M[mer][1]),
                             labels=dict(false_ad=int(L[0]), counterfeit=int(L[1]), mlm=int(L[2])), evasion=ev,
                             hard_negative=hn == "1", law=";".join(LAW[x] for x in law.split(",") if x), note=note))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--opencc-path", help="folder holding opencc-python-reimplemented (imported first)")
    args = ap.parse_args()
    if args.opencc_path:
        sys.path.insert(0, args.opencc_path)
    EV.s2t = importlib.import_module("opencc").OpenCC("s2t")
    brand_merchants()
    bases = parse()
    texts = [b["text"] for b in bases]
    dup = [t for t, c in collections.Counter(texts).items() if c > 1]
    assert not dup, dup
    for i, b in enumerate(bases, 1):
        b["id"] = f"p{i:04d}"
    pos = [b for b in bases if any(b["labels"].values())]
    hns = [b for b in bases if b["hard_negative"]]
    variants = []
    k = 0
    for b in rng.sample(pos, min(len(pos), 110)):
        for j in range(len(KINDS)):
            kind = KINDS[(k + j) % len(KINDS)]
            if kind == "traditional" and b["evasion"] == "traditional":
                continue
            r = T[kind](b["text"])
            if r and r != b["text"]:
                ev = kind if b["evasion"] == "none" else "mixed"
                v = json.loads(json.dumps(b))
                v.update(text=r, evasion=ev, note=f"{ev} variant of {b['id']}: {b['note']}")
                variants.append(v)
                k += 1
                break
    ck = ["traditional", "fullwidth", "spacing", "symbols", "traditional", "spacing"]
    ci = 0
    for b in rng.sample(hns, len(hns)):
        if ci >= 30:
            break
        kind = ck[ci % len(ck)]
        if kind in ("spacing", "symbols"):
            seps = [" ", "\u3000", "\u200b"] if kind == "spacing" else SYMS
            r = EV.apply_subs(b["text"], {x: 1 for x in HN_KW}, lambda x: rng.choice(seps).join(x), maxn=2)  # noqa: B023  (called at once)
        else:
            r = T[kind](b["text"])
        if not r or r == b["text"]:
            continue
        v = json.loads(json.dumps(b))
        v.update(text=r, evasion=kind, note=f"clean {kind} variant of {b['id']} (normalization trap): {b['note']}")
        variants.append(v)
        ci += 1
    n = len(bases)
    for i, v in enumerate(variants, n + 1):
        v["id"] = f"p{i:04d}"
    allrows = bases + variants
    assert len({r["text"] for r in allrows}) == len(allrows), "duplicate texts"
    keys = ["id", "text", "product", "merchant", "labels", "evasion", "hard_negative", "law", "note"]
    with open(OUT, "w", encoding="utf-8") as f:
        for r in allrows:
            f.write(json.dumps({x: r[x] for x in keys}, ensure_ascii=False) + "\n")
    clean = sum(1 for r in allrows if not any(r["labels"].values()))
    print("bases", len(bases), "variants", len(variants), "total", len(allrows), "clean", clean,
          "hard_negative", sum(r["hard_negative"] for r in allrows),
          "by evasion", dict(collections.Counter(r["evasion"] for r in allrows)),
          "by labels", dict(collections.Counter("".join(str(x) for x in r["labels"].values()) for r in allrows)))


if __name__ == "__main__":
    main()

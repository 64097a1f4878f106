"""A synthetic but realistic world of Vietnamese legal documents, for the benches.

``world(n, seed)`` gives ``n`` document specs, oldest first (2000-2025): laws, decrees,
Prime Minister's decisions, ministries' circulars, provincial decisions, resolutions,
plans with a term and letters proposing repeals, from many issuers and provinces, linked
the way real ones are: căn cứ to laws and decrees, chains of guidance (law → decree →
circular → provincial decision), amendments (also of amendments), replacements, repeals,
repeal proposals, near-duplicate titles, and 5-15 citations each (some to documents
outside the registry). ``bench/review.py`` writes them as records, ``bench/scale.py``
renders them as texts.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

PROVINCES = [
    ("tỉnh", "Bình Định"), ("thành phố", "Đà Nẵng"), ("tỉnh", "Quảng Ngãi"), ("tỉnh", "Gia Lai"),
    ("tỉnh", "Khánh Hòa"), ("tỉnh", "Đắk Lắk"), ("tỉnh", "Nghệ An"), ("tỉnh", "Thanh Hóa"),
    ("tỉnh", "Quảng Ninh"), ("thành phố", "Hải Phòng"), ("thành phố", "Cần Thơ"), ("tỉnh", "Lâm Đồng"),
    ("tỉnh", "An Giang"), ("tỉnh", "Đồng Nai"), ("tỉnh", "Bắc Ninh"), ("tỉnh", "Thái Nguyên"),
    ("tỉnh", "Lào Cai"), ("tỉnh", "Quảng Trị"), ("tỉnh", "Hà Tĩnh"), ("tỉnh", "Tây Ninh"),
]
MINISTRIES = [("BTC", "Bộ Tài chính"), ("BNG", "Bộ Ngoại giao"), ("BNV", "Bộ Nội vụ"),
              ("BTP", "Bộ Tư pháp"), ("BCT", "Bộ Công Thương"), ("BYT", "Bộ Y tế"),
              ("BXD", "Bộ Xây dựng"), ("BGDĐT", "Bộ Giáo dục và Đào tạo")]
SUBJECTS = [
    "quản lý hộ chiếu ngoại giao, hộ chiếu công vụ", "quản lý đoàn ra, đoàn vào",
    "tổ chức hội nghị, hội thảo quốc tế", "quản lý nhà nước về thông tin đối ngoại",
    "phân cấp quản lý cán bộ, công chức, viên chức", "thi đua, khen thưởng",
    "quản lý, sử dụng tài sản công", "bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
    "giá các loại đất", "phí, lệ phí thuộc thẩm quyền của Hội đồng nhân dân tỉnh",
    "quản lý chất thải rắn sinh hoạt", "bảo vệ môi trường trong hoạt động khai thác khoáng sản",
    "quản lý vật liệu nổ công nghiệp", "quản lý hoạt động quảng cáo ngoài trời",
    "công tác văn thư, lưu trữ", "cải cách thủ tục hành chính", "cơ chế một cửa, một cửa liên thông",
    "quản lý đầu tư xây dựng công trình", "quản lý cụm công nghiệp", "phát triển du lịch",
    "hỗ trợ doanh nghiệp nhỏ và vừa", "khuyến công", "khuyến nông", "quản lý chợ",
    "phòng, chống thiên tai", "an toàn thực phẩm", "y tế cơ sở", "chuyển đổi số",
    "quản lý hoạt động của tổ chức phi chính phủ nước ngoài", "tiếp nhận, quản lý viện trợ",
    "xử lý vi phạm hành chính trong lĩnh vực giao thông", "quản lý trật tự xây dựng",
    "chế độ công tác phí, chi hội nghị", "định mức chi cho công tác xây dựng văn bản",
    "học bổng khuyến khích học tập", "nhà ở xã hội", "quy hoạch nông thôn mới",
    "quản lý, bảo vệ rừng", "nuôi trồng thủy sản", "tổ chức và hoạt động của Sở Tư pháp",
]
FORMS = ["Ban hành Quy định {s} trên địa bàn {p}", "Ban hành Quy chế {s} của {p}",
         "Quy định {s} trên địa bàn {p}", "Ban hành Quy định về {s}"]
ACTIONS = ["", "quản lý", "hỗ trợ", "phân cấp", "tổ chức thực hiện", "kiểm tra, giám sát", "cấp phép",
           "định mức chi cho", "phối hợp trong", "thu phí đối với", "xử lý vi phạm về", "ưu đãi cho"]
OBJECTS = ["đối với {s}", "{s} tại các xã miền núi", "{s} ở khu kinh tế", "{s} của các sở, ban, ngành",
           "{s} cấp huyện", "{s} năm {y}", "{s} cho hộ nghèo", "{s} trong các khu công nghiệp",
           "{s} tại đô thị loại II", "{s} ven biển", "{s} vùng đồng bào dân tộc thiểu số"]
CENTRAL_FORMS = ["Quy định chi tiết một số điều về {s}", "Hướng dẫn thực hiện {s}",
                 "Quy định về {s}", "Ban hành Quy chế {s}"]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hữu Phước", "Phạm Minh Chính", "Hồ Quốc Dũng",
           "Võ Văn Hùng", "Đặng Thị Hoa", "Bùi Quang Vinh"]


@dataclass
class Doc:
    i: int
    kind: str  # law, decree, ttg, circular, ubnd, hdnd, plan, letter
    type: str
    number: str
    issuer: str
    date: date
    title: str
    province: Optional[tuple] = None
    effective: Optional[date] = None
    term: Optional[str] = None
    signer: str = ""
    based_on: list = field(default_factory=list)
    implements: Optional[int] = None
    amends: list = field(default_factory=list)
    replaces: Optional[int] = None
    repeals: Optional[int] = None
    repeal_proposed: Optional[int] = None
    cites: list = field(default_factory=list)  # other documents cited outside the links
    external: list = field(default_factory=list)  # (number, type, issuer, date, title) not in the world


def legislature(year: int) -> int:
    return 11 if year < 2007 else 12 if year < 2011 else 13 if year < 2016 else 14 if year < 2021 else 15


def _pdate(p):
    return f"{p[0]} {p[1]}"


def world(n: int, seed: int = 7) -> list[Doc]:
    rng = random.Random(seed)
    start, end = date(2000, 1, 1), date(2025, 12, 31)
    days = sorted(rng.randrange((end - start).days) for _ in range(n))
    counters: dict = {}
    docs: list[Doc] = []
    pools: dict = {k: [] for k in ("law", "decree", "ttg", "circular")}
    by_issuer_type: dict = {}
    popular: dict = {}  # issuer/type → documents amended often
    amenders: dict = {}  # document → documents amending it

    def seq(key, year, base=1):
        c = counters.setdefault((key, year), base + rng.randrange(3))
        counters[(key, year)] = c + 1 + (rng.random() < 0.3)
        return f"{c:02d}"

    def recent(pool, when, k=40):
        older = [d for d in pool[-k:] if d.date < when]
        return rng.choice(older) if older else None

    for i, offset in enumerate(days):
        when = start + timedelta(days=offset)
        y = when.year
        r = rng.random()
        subject = " ".join(filter(None, [rng.choice(ACTIONS), rng.choice(OBJECTS).format(
            s=rng.choice(SUBJECTS), y=rng.randrange(2000, 2026)) if rng.random() < 0.7 else rng.choice(SUBJECTS)]))
        province = rng.choice(PROVINCES)
        if r < 0.03:
            kind, typ, issuer = "law", "Luật", "Quốc hội"
            number = f"{seq('QH', y)}/{y}/QH{legislature(y)}"
            title = f"Luật {subject.capitalize()}"
        elif r < 0.10:
            kind, typ, issuer = "decree", "Nghị định", "Chính phủ"
            number = f"{seq('NĐ', y, 10)}/{y}/NĐ-CP"
            title = rng.choice(CENTRAL_FORMS).format(s=subject)
        elif r < 0.14:
            kind, typ, issuer = "ttg", "Quyết định", "Thủ tướng Chính phủ"
            number = f"{seq('TTg', y)}/{y}/QĐ-TTg"
            title = rng.choice(CENTRAL_FORMS).format(s=subject)
        elif r < 0.27:
            code, issuer = rng.choice(MINISTRIES)
            kind, typ = "circular", "Thông tư"
            number = f"{seq(code, y)}/{y}/TT-{code}"
            title = rng.choice(CENTRAL_FORMS).format(s=subject)
        elif r < 0.77:
            kind, typ, issuer = "ubnd", "Quyết định", f"UBND {_pdate(province)}"
            number = f"{seq(('QĐ', province), y)}/{y}/QĐ-UBND"
            title = rng.choice(FORMS).format(s=subject, p=_pdate(province))
        elif r < 0.87:
            kind, typ, issuer = "hdnd", "Nghị quyết", f"HĐND {_pdate(province)}"
            number = f"{seq(('NQ', province), y)}/{y}/NQ-HĐND"
            title = f"Quy định {subject} trên địa bàn {_pdate(province)}"
        elif r < 0.95:
            kind, typ, issuer = "plan", "Kế hoạch", f"UBND {_pdate(province)}"
            number = f"{seq(('KH', province), y, 20)}/KH-UBND"
            first = y + rng.choice((0, 1))
            term = f"{first} - {first + rng.choice((1, 2, 4))}"
            title = f"Thực hiện {subject} giai đoạn {term}"
        else:
            kind, typ, issuer = "letter", "Công văn", f"Sở Tư pháp {_pdate(province)}"
            number = f"{seq(('STP', province), y, 100)}/STP-XDKTVB"
            title = "Đề nghị bãi bỏ văn bản quy phạm pháp luật hết căn cứ"
        doc = Doc(i, kind, typ, number, issuer, when, title, province if kind in ("ubnd", "hdnd", "plan", "letter") else None,
                  signer=rng.choice(SIGNERS))
        if kind == "plan":
            doc.term = term
        if kind not in ("letter",):
            doc.effective = when + timedelta(days=rng.choice((0, 10, 15, 45)))
        key = (issuer, typ)
        same = by_issuer_type.setdefault(key, [])
        # căn cứ: a law or two, a decree, for local documents a resolution of the council
        if kind != "law":
            for pool, k in (("law", 2), ("decree", 1 if kind in ("circular", "ubnd", "hdnd", "plan") else 0)):
                for _ in range(k):
                    t = recent(pools[pool], when, 60)
                    if t and t.i not in doc.based_on:
                        doc.based_on.append(t.i)
            if kind == "ubnd" and rng.random() < 0.3:
                local = [d for d in by_issuer_type.get((f"HĐND {_pdate(province)}", "Nghị quyết"), [])[-10:]]
                if local:
                    doc.based_on.append(rng.choice(local).i)
        # chains of guidance
        guide = {"decree": ("law", 0.6), "circular": ("decree", 0.7), "ubnd": ("circular", 0.25),
                 "plan": ("ttg", 0.4)}.get(kind)
        if guide and rng.random() < guide[1]:
            t = recent(pools[guide[0]], when, 30)
            if t:
                doc.implements = t.i
                if kind != "plan" and t.i not in doc.based_on:
                    doc.based_on.append(t.i)
        # amendments (of amendments too), replacements, repeals within one issuer and type
        if kind in ("decree", "circular", "ubnd", "hdnd", "ttg") and same:
            r2 = rng.random()
            hot = popular.setdefault(key, [])
            if r2 < 0.13:
                if hot and rng.random() < 0.5:
                    t = rng.choice(hot)
                else:
                    t = rng.choice(same[-200:])
                    hot.append(t)
                    del hot[:-20]
                doc.amends.append(t.i)
                prev = amenders.setdefault(t.i, [])
                if prev and rng.random() < 0.5:  # an amendment of the last amendment too
                    doc.amends.append(prev[-1])
                prev.append(i)
                what = t.title.replace("Ban hành ", "", 1)
                doc.title = f"Sửa đổi, bổ sung một số điều của {what[0].lower() + what[1:]} ban hành kèm theo {t.type} số {t.number}"
            elif r2 < 0.21:
                t = rng.choice(same[-200:])
                doc.replaces = t.i
                doc.title = t.title
            elif r2 < 0.25:
                t = rng.choice(same[-300:])
                doc.repeals = t.i
            elif r2 < 0.28:
                t = rng.choice(same[-200:])  # near-duplicate subject, not replaced: rule 9
                doc.title = t.title.replace("Ban hành ", "", 1) if t.title.startswith("Ban hành ") else "Ban hành " + t.title
        if kind == "letter":
            local = by_issuer_type.get((f"UBND {_pdate(province)}", "Quyết định"), [])
            if local:
                doc.repeal_proposed = rng.choice(local[-300:]).i
        # plain citations: 5-15 in all, with links; some outside the registry
        linked = len(doc.based_on) + bool(doc.implements is not None) + len(doc.amends) + \
            bool(doc.replaces is not None) + bool(doc.repeals is not None) + bool(doc.repeal_proposed is not None)
        want = rng.randint(5, 15) - linked
        older = docs[-2000:]
        for _ in range(max(0, want)):
            if older and rng.random() < 0.8:
                t = rng.choice(older)
                if t.i not in doc.cites:
                    doc.cites.append(t.i)
            else:
                ey = rng.randrange(1990, 2000)
                doc.external.append((f"{rng.randrange(1, 120)}/{ey}/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ",
                                     date(ey, rng.randrange(1, 13), rng.randrange(1, 28)),
                                     rng.choice(CENTRAL_FORMS).format(s=rng.choice(SUBJECTS))))
        docs.append(doc)
        same.append(doc)
        if kind in pools:
            pools[kind].append(doc)
    return docs

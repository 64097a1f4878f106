"""Search benchmark: legaldocs' index against bare Whoosh and SQLite FTS5, same documents.

Run by hand, not by the tests:

    python bench/search.py --n 10000            # one size
    python bench/search.py --n 1000 --n 10000   # several sizes, one table
    python bench/search.py --n 1000 --markdown  # table as Markdown (for bench/README.md)

Every engine runs in its own subprocess so that peak memory (ru_maxrss) is its own;
documents are generated deterministically from ``--seed`` in each subprocess.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# --- realistic documents ---------------------------------------------------------------

PROVINCES = (
    "Bình Định", "Hà Nội", "Đà Nẵng", "Thừa Thiên Huế", "Quảng Ngãi", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Gia Lai", "Kon Tum", "Phú Yên", "Quảng Nam", "Nghệ An", "Hà Tĩnh", "Thanh Hóa",
    "Cần Thơ", "Hải Phòng", "Quảng Ninh", "Lào Cai", "Điện Biên", "An Giang", "Đồng Tháp",
    "Bà Rịa - Vũng Tàu", "Bắc Ninh", "Thái Nguyên", "Tây Ninh", "Long An", "Cà Mau",
)
MINISTRIES = (
    ("Bộ Ngoại giao", "BNG"), ("Bộ Nội vụ", "BNV"), ("Bộ Tài chính", "BTC"),
    ("Bộ Tư pháp", "BTP"), ("Bộ Công an", "BCA"), ("Bộ Y tế", "BYT"),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT"), ("Bộ Xây dựng", "BXD"),
    ("Bộ Khoa học và Công nghệ", "BKHCN"), ("Bộ Nông nghiệp và Môi trường", "BNNMT"),
)
DEPARTMENTS = (
    ("Sở Ngoại vụ", "SNgV"), ("Sở Nội vụ", "SNV"), ("Sở Tư pháp", "STP"), ("Sở Tài chính", "STC"),
    ("Sở Y tế", "SYT"), ("Sở Xây dựng", "SXD"), ("Sở Giáo dục và Đào tạo", "SGDĐT"),
)
# (type name, code or None for công văn, normative?)
TYPES = (
    ("Quyết định", "QĐ", True), ("Quyết định", "QĐ", False), ("Công văn", None, False),
    ("Kế hoạch", "KH", False), ("Nghị quyết", "NQ", True), ("Thông tư", "TT", True),
    ("Nghị định", "NĐ", True), ("Chỉ thị", "CT", False), ("Báo cáo", "BC", False),
    ("Thông báo", "TB", False), ("Hướng dẫn", "HD", False),
)
TYPE_WEIGHTS = (14, 14, 24, 12, 5, 5, 3, 3, 10, 6, 4)
STATUSES = ("còn hiệu lực", "hết hiệu lực toàn bộ", "hết hiệu lực một phần", "chưa có hiệu lực",
            "ngưng hiệu lực", "không xác định")
STATUS_WEIGHTS = (60, 20, 8, 3, 1, 8)
TOPICS = (
    "hộ chiếu ngoại giao, hộ chiếu công vụ", "quản lý đoàn ra, đoàn vào", "cải cách hành chính",
    "hội nghị, hội thảo quốc tế", "thủ tục hành chính", "cán bộ, công chức, viên chức",
    "ngân sách nhà nước", "bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
    "phòng, chống tham nhũng, tiêu cực", "an toàn thực phẩm", "bảo vệ môi trường",
    "chuyển đổi số", "văn bản quy phạm pháp luật", "công tác văn thư, lưu trữ",
    "thi đua, khen thưởng", "quản lý nhà nước về công tác ngoại vụ",
    "người Việt Nam ở nước ngoài", "tổ chức phi chính phủ nước ngoài", "quản lý biên giới",
    "đầu tư công trung hạn", "xây dựng nông thôn mới", "phòng, chống dịch bệnh",
    "giáo dục nghề nghiệp", "bảo hiểm xã hội, bảo hiểm y tế", "chế độ báo cáo thống kê",
    "tiếp công dân, giải quyết khiếu nại, tố cáo", "phổ biến, giáo dục pháp luật",
    "trợ giúp pháp lý", "quản lý tài sản công", "định mức chi hội nghị", "công tác dân tộc",
    "phát triển du lịch", "hợp tác quốc tế về khoa học và công nghệ", "kinh tế tập thể",
    "đào tạo, bồi dưỡng cán bộ", "vị trí việc làm và cơ cấu ngạch công chức",
    "kiểm soát tài sản, thu nhập", "quản lý hoạt động đối ngoại", "lễ tân nhà nước",
    "thông tin đối ngoại", "công tác lãnh sự", "phòng cháy, chữa cháy", "an toàn giao thông",
)
TITLE_FORMS = (
    "Ban hành Quy chế {topic} trên địa bàn tỉnh {prov}",
    "Về việc tăng cường {topic}",
    "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {dept} tỉnh {prov}",
    "Sửa đổi, bổ sung một số điều của Quy định về {topic} ban hành kèm theo Quyết định số {num}",
    "Hướng dẫn thực hiện {topic} năm {year}",
    "Triển khai thực hiện {topic} giai đoạn {year}-{year5}",
    "Kết quả thực hiện {topic} năm {year}",
    "Bãi bỏ Quyết định số {num} về {topic}",
    "Về việc góp ý dự thảo văn bản về {topic}",
    "Quy định chi tiết một số điều của Luật về {topic}",
)
SUBJECTS = (
    "Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố", "Giám đốc {dept}",
    "Cơ quan, đơn vị, địa phương", "Thủ trưởng các cơ quan chuyên môn", "Chánh Văn phòng Ủy ban nhân dân tỉnh",
    "{dept}", "Cán bộ, công chức, viên chức", "Người đứng đầu cơ quan, tổ chức",
)
VERBS = (
    "có trách nhiệm tổ chức triển khai thực hiện", "hướng dẫn, kiểm tra, đôn đốc việc",
    "phối hợp chặt chẽ trong việc", "báo cáo định kỳ kết quả", "chủ trì, phối hợp thực hiện",
    "quản lý, sử dụng hiệu quả", "rà soát, đề xuất sửa đổi, bổ sung", "tham mưu Ủy ban nhân dân tỉnh về",
    "bố trí kinh phí thực hiện", "thực hiện nghiêm quy định về", "theo dõi, tổng hợp tình hình",
)
TAILS = (
    "theo quy định của pháp luật", "trên địa bàn tỉnh", "đúng quy định hiện hành",
    "trước ngày 15 tháng 12 hằng năm", "bảo đảm tiết kiệm, hiệu quả", "trong phạm vi chức năng, nhiệm vụ được giao",
    "gửi về {dept} để tổng hợp", "kịp thời, đầy đủ, chính xác", "theo phân cấp quản lý",
    "và chịu trách nhiệm trước Ủy ban nhân dân tỉnh", "với mức chi {money} đồng/người/ngày",
    "kể từ ngày {dmy}", "theo Kế hoạch số {num}", "tại Điều {art} Nghị định số {num}",
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Hồng")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hùng", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh", "Yến", "Hạnh")
# Syllables for the long tail of proper names (projects, wards, companies).
SYLLABLES = tuple(
    "an bảo bình châu cát đông đức giang hà hải hòa hưng khánh lạc lâm long mỹ nam nhơn "
    "phong phú phước quang quy sơn tân tây thạnh thành thuận tiến trung tường vân vĩnh xuân "
    "yên đạt hiệp hội lợi minh nghĩa ninh phát thịnh toàn tín trí tuệ việt".split()
)


def _number(rng: random.Random, code, year: int, issuer_code: str) -> str:
    seq = str(rng.randint(1, 3500 if code else 4500))
    if rng.random() < 0.1:
        seq = seq.zfill(2)
    if code is None:
        return f"{seq}/{issuer_code}-{rng.choice(('VP', 'NC', 'KSTT', 'TCBC', 'CCHC'))}"
    if year:
        return f"{seq}/{year}/{code}-{issuer_code}"
    return f"{seq}/{code}-{issuer_code}"


def _cited_number(rng: random.Random) -> str:
    """A number as texts write them: canonical, spaced, Ð (U+00D0), lower case, Party style."""
    year = rng.randint(2005, 2025)
    form = rng.random()
    if form < 0.55:
        return f"{rng.randint(1, 300):02d}/{year}/{rng.choice(('QĐ-UBND', 'NĐ-CP', 'TT-BNG', 'NQ-HĐND', 'QĐ-TTg'))}"
    if form < 0.75:
        return f"{rng.randint(1, 4000)}/{rng.choice(('QĐ-UBND', 'KH-SNgV', 'UBND-NC', 'SNV-CCHC'))}"
    if form < 0.82:
        return f"{rng.randint(1, 4000)} /QĐ-UBND"
    if form < 0.88:
        return f"{rng.randint(1, 300)}/{year}/QÐ-UBND"
    if form < 0.94:
        return f"{rng.randint(1, 9000)}-{rng.choice(('QĐ', 'NQ', 'KL'))}/{rng.choice(('TU', 'TW'))}"
    return f"{rng.randint(1, 300)}/{year}/qđ-ubnd"


def _fill(rng: random.Random, form: str, ctx: dict) -> str:
    day = date(2005, 1, 1) + timedelta(days=rng.randint(0, 7300))
    return form.format(
        topic=rng.choice(TOPICS) if "topic" not in ctx else ctx["topic"],
        prov=ctx["prov"], dept=ctx["dept"], year=ctx["year"], year5=ctx["year"] + 5,
        num=_cited_number(rng), money=f"{rng.randint(1, 200) * 10_000:,}".replace(",", "."),
        dmy=f"{day.day:02d}/{day.month}/{day.year}", art=rng.randint(1, 40),
    )


_TOPIC_WEIGHTS = [1 / (i + 1) ** 0.7 for i in range(len(TOPICS))]


def _sentence(rng: random.Random, ctx: dict) -> str:
    # mostly the document's own topic, sometimes another one (Zipf-like: a few are common)
    topic = ctx["main"] if rng.random() < 0.9 else rng.choices(TOPICS, _TOPIC_WEIGHTS)[0]
    parts = [_fill(rng, rng.choice(SUBJECTS), ctx), _fill(rng, rng.choice(VERBS), ctx), topic]
    for _ in range(rng.randint(1, 3)):
        parts.append(_fill(rng, rng.choice(TAILS), ctx))
    if rng.random() < 0.15:
        name = " ".join(rng.choice(SYLLABLES).capitalize() for _ in range(rng.randint(2, 3)))
        parts.append(f"tại dự án Khu dân cư {name}")
    if rng.random() < 0.1:
        parts.append(f"(ông {rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}, "
                     f"điện thoại 0{rng.randint(200_000_000, 999_999_999)})")
    return " ".join(parts) + "."


def generate(n: int, seed: int = 1):
    """``n`` documents as index records (the registry's dict form), deterministic per seed."""
    rng = random.Random(seed)
    for i in range(n):
        type_name, code, normative = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        prov = rng.choice(PROVINCES)
        dept, dept_code = rng.choice(DEPARTMENTS)
        who = rng.random()
        if who < 0.55:
            issuer, issuer_code = f"UBND tỉnh {prov}", "UBND"
        elif who < 0.8:
            issuer, issuer_code = f"{dept} tỉnh {prov}", dept_code
        else:
            issuer, issuer_code = rng.choice(MINISTRIES)
        if type_name == "Nghị định":
            issuer, issuer_code = "Chính phủ", "CP"
        day = date(2005, 1, 1) + timedelta(days=rng.randint(0, 7500))
        main = rng.choices(TOPICS, _TOPIC_WEIGHTS)[0]
        ctx = {"prov": prov, "dept": dept, "year": day.year, "main": main}
        number = _number(rng, code, day.year if normative else 0, issuer_code)
        title = _fill(rng, rng.choice(TITLE_FORMS), dict(ctx, topic=main))
        lines = [
            f"{issuer.upper()}", f"Số: {number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            f"{prov}, ngày {day.day:02d} tháng {day.month} năm {day.year}", type_name.upper(), title,
        ]
        for _ in range(rng.randint(1, 4)):
            lines.append(f"Căn cứ {rng.choice(('Nghị định', 'Quyết định', 'Thông tư'))} số "
                         f"{_cited_number(rng)} ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} "
                         f"năm {rng.randint(2005, 2025)} về {rng.choice(TOPICS)};")
        length = min(int(rng.lognormvariate(math.log(900), 0.8)), 20_000)  # syllables
        article, words = 0, 0
        while words < length:
            article += 1
            para = [f"Điều {article}."] + [_sentence(rng, ctx) for _ in range(rng.randint(2, 6))]
            text = " ".join(para)
            words += text.count(" ") + 1
            lines.append(text)
        lines.append(f"Nơi nhận: {dept}; Lưu: VT. KT. CHỦ TỊCH {rng.choice(SURNAMES).upper()} "
                     f"{rng.choice(MIDDLES).upper()} {rng.choice(GIVEN).upper()}")
        body = "\n".join(lines)
        kind = "full" if rng.random() < 0.9 else "cited"  # cited: known only from citations
        if kind == "cited":
            body = ""
        elif rng.random() < 0.03:  # a few files come in decomposed (NFD) Unicode
            body = unicodedata.normalize("NFD", body)
        yield {
            "id": f"doc{i:06d}", "number": number, "numbers": [], "type": type_name,
            "issuer": issuer, "date": day, "title": title, "text": body,
            "status": rng.choices(STATUSES, STATUS_WEIGHTS)[0],
            "kind": kind,
        }


# --- queries: the same for every engine -------------------------------------------------

PHRASES = (
    "hộ chiếu ngoại giao", "cải cách hành chính", "thủ tục hành chính", "ngân sách nhà nước",
    "ủy ban nhân dân tỉnh", "theo quy định của pháp luật", "hội nghị, hội thảo quốc tế",
    "cán bộ, công chức, viên chức", "chuyển đổi số", "an toàn thực phẩm",
)
TERMS = ("biên giới", "lãnh sự", "du lịch", "khen thưởng", "tái định cư", "lưu trữ", "dân tộc",
         "phi chính phủ", "thống kê", "tham nhũng")


def make_queries(numbers: list, count: int, seed: int) -> dict:
    """``count`` queries of each kind; numbers are drawn from the generated documents'."""
    rng = random.Random(seed + 7)
    windows = []
    for _ in range(count):
        start = rng.randint(2005, 2023)
        windows.append((f"{start}-01-01", f"{start + 1}-12-31"))
    return {
        "phrase": [PHRASES[i % len(PHRASES)] for i in range(count)],
        "term_date": [(TERMS[i % len(TERMS)], *windows[i]) for i in range(count)],
        "number": [rng.choice(numbers) for _ in range(count)],
    }


def spelled(number: str, i: int) -> str:
    """The ways users type a number: lower case, no Đ, U+00D0, a space before the slash."""
    forms = (number, number.lower(), number.replace("Đ", "D"), number.replace("Đ", "Ð"),
             number.replace("/", " /", 1), unicodedata.normalize("NFD", number))
    return forms[i % len(forms)]


# --- engines (each runs in a subprocess of its own) -------------------------------------

def read_corpus(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            record["date"] = date.fromisoformat(record["date"]) if record["date"] else None
            yield record


def ingest_whoosh(corpus: Path, where: Path) -> None:
    from whoosh import fields, index

    schema = fields.Schema(id=fields.ID(stored=True, unique=True), number=fields.TEXT(stored=True),
                           title=fields.TEXT(stored=True), body=fields.TEXT,
                           date=fields.NUMERIC(int, bits=32, sortable=True))
    ix = index.create_in(str(where), schema)
    writer = ix.writer()
    for r in read_corpus(corpus):
        day = r["date"]
        writer.add_document(id=r["id"], number=r["number"] or "", title=r["title"] or "", body=r["text"],
                            date=day.year * 10000 + day.month * 100 + day.day if day else 0)
    writer.commit()


def queries_whoosh(where: Path):
    from whoosh import index, qparser, query

    searcher = index.open_dir(str(where)).searcher()
    parser = qparser.QueryParser("body", searcher.schema)

    def phrase(text):
        return searcher.search(parser.parse(f'"{text}"'), limit=20).scored_length()

    def term_date(args):
        text, low, high = args
        window = query.NumericRange("date", int(low.replace("-", "")), int(high.replace("-", "")))
        return searcher.search(parser.parse(text), limit=20, filter=window).scored_length()

    def number(text):
        return searcher.search(parser.parse(f'number:"{text}"'), limit=20).scored_length()

    return {"phrase": phrase, "term_date": term_date, "number": number}


def ingest_fts5(corpus: Path, where: Path) -> None:
    con = sqlite3.connect(where / "fts.db")
    con.executescript("""
        CREATE TABLE docs(id INTEGER PRIMARY KEY, docid TEXT, number TEXT, title TEXT, body TEXT,
                          date TEXT, type TEXT, issuer TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(number, title, body, content='docs', content_rowid='id',
                                            tokenize='unicode61 remove_diacritics 2');
    """)
    with con:
        for i, r in enumerate(read_corpus(corpus)):
            row = (i, r["id"], r["number"], r["title"], r["text"],
                   r["date"].isoformat() if r["date"] else None, r["type"], r["issuer"])
            con.execute("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?)", row)
            con.execute("INSERT INTO fts(rowid, number, title, body) VALUES (?,?,?,?)", (i, *row[2:5]))
        con.execute("CREATE INDEX docs_date ON docs(date)")
    con.close()


FTS_PAGE = ("SELECT docs.docid, docs.number, docs.title, docs.date, "
            "snippet(fts, 2, '[', ']', '…', 24) FROM fts JOIN docs ON docs.id = fts.rowid "
            "WHERE fts MATCH ? {extra} ORDER BY rank LIMIT 20")


def queries_fts5(where: Path):
    con = sqlite3.connect(where / "fts.db")

    def phrase(text):
        return len(con.execute(FTS_PAGE.format(extra=""), (f'"{text}"',)).fetchall())

    def term_date(args):
        text, low, high = args
        sql = FTS_PAGE.format(extra="AND docs.date BETWEEN ? AND ?")
        return len(con.execute(sql, (text, low, high)).fetchall())

    def number(text):
        return len(con.execute(FTS_PAGE.format(extra=""), (f'number:"{text}"',)).fetchall())

    return {"phrase": phrase, "term_date": term_date, "number": number}


def queries_fts5_facets(where: Path):
    """FTS5 doing what legaldocs' search does: the page, the total and three facet counts."""
    con = sqlite3.connect(where / "fts.db")
    page = queries_fts5(where)
    facet_sql = ("SELECT {col}, count(*) FROM fts JOIN docs ON docs.id = fts.rowid "
                 "WHERE fts MATCH ? {extra} GROUP BY 1")

    def with_facets(kind, match, extra="", args=()):
        for col in ("type", "issuer", "substr(date, 1, 4)"):
            con.execute(facet_sql.format(col=col, extra=extra), (match, *args)).fetchall()

    return {
        "phrase": lambda text: (page["phrase"](text), with_facets("phrase", f'"{text}"')),
        "term_date": lambda a: (page["term_date"](a),
                                with_facets("t", a[0], "AND docs.date BETWEEN ? AND ?", a[1:])),
        "number": lambda text: (page["number"](text), with_facets("n", f'number:"{text}"')),
    }


def ingest_legaldocs(corpus: Path, where: Path) -> None:
    from legaldocs.index import build_index

    build_index(where, read_corpus(corpus))


def queries_legaldocs(where: Path):
    from legaldocs.index import search

    counter = iter(range(10**9))
    return {
        "phrase": lambda text: search(where, f'"{text}"').total,
        "term_date": lambda a: search(where, a[0], date_from=a[1], date_to=a[2]).total,
        "number": lambda text: search(where, spelled(text, next(counter))).total,
    }


ENGINES = {
    "whoosh": (ingest_whoosh, queries_whoosh),
    "fts5": (ingest_fts5, queries_fts5),
    "legaldocs": (ingest_legaldocs, queries_legaldocs),
}


def ingest_once(engine: str, corpus: Path, where: Path, n: int) -> dict:
    """One ingest into an empty folder, in this (fresh) process: time, size, peak memory."""
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir()
    load = os.getloadavg()[0]
    start = time.perf_counter()
    ENGINES[engine][0](corpus, where)
    seconds = time.perf_counter() - start
    return {"docs_per_s": n / seconds, "seconds": seconds, "load": [load, os.getloadavg()[0]],
            "size_mb": sum(f.stat().st_size for f in where.rglob("*") if f.is_file()) / 1e6,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def query_all(engine: str, where: Path, queries: dict, cap: int) -> dict:
    """p50/p95 of each kind of query, warm (after five unmeasured ones), in this process."""
    out = {}
    runners = {engine: ENGINES[engine][1](where)}
    if engine == "fts5":
        runners["fts5+facets"] = queries_fts5_facets(where)
    for name, run in runners.items():
        for kind, items in queries.items():
            if name in ("whoosh", "fts5+facets"):  # seconds per phrase at 100,000 documents
                items = items[:cap]
            for item in items[:5]:
                run[kind](item)
            times, matched = [], 0
            for item in items:
                t = time.perf_counter()
                result = run[kind](item)
                times.append(time.perf_counter() - t)
                matched += bool(result[0] if isinstance(result, tuple) else result)
            times.sort()
            out[f"{name}:{kind}"] = {"p50": times[len(times) // 2] * 1000,
                                     "p95": times[min(len(times) - 1, int(len(times) * 0.95))] * 1000,
                                     "matched": matched, "count": len(items)}
    return out


COLD_QUERIES = (("number lookup", "'15/2013/QĐ-UBND'"), ("common phrase", "'\"hộ chiếu ngoại giao\"'"),
                ("common words + type filter", "'hộ chiếu ngoại giao', type='quyết định'"))


def cold(where: Path, repeat: int = 11) -> dict:
    """Wall time of a fresh process running one search, against the import baseline."""
    def median(code):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
            times.append(time.perf_counter() - t)
        return sorted(times)[len(times) // 2] * 1000

    out = {"baseline_ms": median("import whoosh.index, whoosh.qparser, click")}
    for label, args in COLD_QUERIES:
        out[label] = median("from pathlib import Path; from legaldocs.index import search; "
                            f"search(Path({str(where)!r}), {args})")
    return out


# --- driver -----------------------------------------------------------------------------

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    import whoosh

    return {"date": date.today().isoformat(), "nproc": os.cpu_count(), "cpu": cpu, "ram_gb": ram,
            "python": platform.python_version(), "whoosh": whoosh.versionstring(),
            "sqlite": sqlite3.sqlite_version}


def real_documents(path: Path, words: int = 1500):
    """The gazette texts of ``../shared`` cut into pieces of ``words`` words, as records."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        text = row["text"].split(" ")
        day = date(row["year"], 1, 1) if row.get("year") else None
        for start in range(0, len(text), words):
            yield {"id": f"{row['slug']}-{start}", "number": row.get("number"), "numbers": [],
                   "type": row.get("type"), "issuer": row.get("issuer"), "date": day,
                   "title": row.get("title") or "", "text": " ".join(text[start:start + words]),
                   "status": "không xác định", "kind": "full"}


def bench_size(n: int, args) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    try:
        corpus, numbers = work / "corpus.jsonl", []
        with corpus.open("w", encoding="utf-8") as handle:
            for r in real_documents(args.real) if args.real else generate(n, args.seed):
                numbers.append(r["number"] or "1/2020/QĐ-UBND")
                day = r["date"].isoformat() if r["date"] else None
                handle.write(json.dumps(dict(r, date=day), ensure_ascii=False) + "\n")
        n = len(numbers)
        (work / "queries.json").write_text(json.dumps(make_queries(numbers, args.queries, args.seed)))
        results = {"n": n}

        def run(engine, phase):
            subprocess.run([sys.executable, __file__, "--worker", engine, "--phase", phase, "--n", str(n),
                            "--dir", str(work), "--cap", str(args.cap)], check=True, cwd=REPO)
            return json.loads((work / f"{engine}.{phase}.json").read_text())

        for _ in range(args.repeat):  # engines take turns, so a busy spell on the machine hits all
            for engine in args.engines:
                done = run(engine, "ingest")
                best = results.setdefault(engine, done)
                best.setdefault("runs", []).append(done["seconds"])
                if done["seconds"] < best["seconds"]:
                    results[engine] = dict(done, runs=best["runs"])
                print(f"  {engine}: {done['docs_per_s']:.0f} docs/s", file=sys.stderr)
        for engine in args.engines:
            results.update(run(engine, "query"))
        if "legaldocs" in args.engines:
            results["cold"] = cold(work / "legaldocs")
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def worker(engine: str, phase: str, n: int, work: Path, cap: int) -> None:
    if phase == "ingest":
        result = ingest_once(engine, work / "corpus.jsonl", work / engine, n)
    else:
        queries = json.loads((work / "queries.json").read_text())
        queries["term_date"] = [tuple(q) for q in queries["term_date"]]
        result = query_all(engine, work / engine, queries, cap)
    (work / f"{engine}.{phase}.json").write_text(json.dumps(result))


KINDS = (("phrase", "common phrase"), ("term_date", "term + date filter"), ("number", "number lookup"))


def table(results: list) -> str:
    rows = ["| N | measure | bare Whoosh | FTS5 | legaldocs | legaldocs vs | target |",
            "|---|---|---|---|---|---|---|"]
    for r in results:
        n, w, f, l = r["n"], r.get("whoosh", {}), r.get("fts5", {}), r.get("legaldocs", {})
        ratio = l.get("docs_per_s", 0) / w["docs_per_s"] if w else float("nan")
        rows.append(f"| {n:,} | ingest docs/s | {w.get('docs_per_s', 0):.0f} | {f.get('docs_per_s', 0):.0f} | "
                    f"{l.get('docs_per_s', 0):.0f} | **{ratio:.2f}x** bare Whoosh | >= 1.5x "
                    f"{'met' if ratio >= 1.5 else 'MISSED'} |")
        rows.append(f"| {n:,} | index size MB | {w.get('size_mb', 0):.1f} | {f.get('size_mb', 0):.1f} | "
                    f"{l.get('size_mb', 0):.1f} | {l.get('size_mb', 0) / max(f.get('size_mb', 1), 1e-9):.2f}x FTS5 | |")
        rows.append(f"| {n:,} | peak RSS MB (main / worker) | {w.get('rss_mb', 0):.0f} | {f.get('rss_mb', 0):.0f} | "
                    f"{l.get('rss_mb', 0):.0f} / {l.get('worker_rss_mb', 0):.0f} | | |")
        for kind, label in KINDS:
            q = {e: r.get(f"{e}:{kind}") for e in ("whoosh", "fts5", "fts5+facets", "legaldocs")}
            if not q["fts5"] or not q["legaldocs"]:
                continue
            ratio = q["legaldocs"]["p95"] / q["fts5"]["p95"]
            cell = {e: f"{v['p50']:.1f} / {v['p95']:.1f}" if v else "-" for e, v in q.items()}
            hits = q["legaldocs"]["matched"], q["legaldocs"]["count"]
            rows.append(f"| {n:,} | {label} p50 / p95 ms ({hits[0]}/{hits[1]} found) | {cell['whoosh']} | "
                        f"{cell['fts5']} (with facets {cell['fts5+facets']}) | {cell['legaldocs']} | "
                        f"**{ratio:.2f}x** FTS5 p95 | <= 3x {'met' if ratio <= 3 else 'MISSED'} |")
        for label, _ in COLD_QUERIES if "cold" in r else ():
            c = r["cold"]
            ratio = c[label] / c["baseline_ms"]
            rows.append(f"| {n:,} | cold process, {label}, ms (baseline: import whoosh, click) | "
                        f"{c['baseline_ms']:.0f} | | {c[label]:.0f} | **{ratio:.2f}x** baseline | "
                        f"<= 2x {'met' if ratio <= 2 else 'MISSED'} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="number of documents (repeatable)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind")
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=list(ENGINES))
    parser.add_argument("--repeat", type=int, default=1,
                        help="ingest rounds; the engines take turns and each keeps its best")
    parser.add_argument("--cap", type=int, default=200,
                        help="queries of each kind for bare Whoosh and FTS5-with-facets (slow at 100k)")
    parser.add_argument("--real", type=Path, help="index these gazette texts (a JSONL of {slug, text, "
                        "number, type, issuer, year, title}) cut into 1,500-word documents instead")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--worker", choices=list(ENGINES), help=argparse.SUPPRESS)
    parser.add_argument("--phase", choices=("ingest", "query"), help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.phase, args.n[0], args.dir, args.cap)
    info = machine()
    print(f"# {info['date']}: {info['nproc']} x {info['cpu']}, {info['ram_gb']} GB RAM, Python "
          f"{info['python']}, Whoosh {info['whoosh']}, SQLite {info['sqlite']}", file=sys.stderr)
    results = []
    for n in args.n or [1000]:
        print(f"N = {n:,}", file=sys.stderr)
        results.append(bench_size(n, args))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=1))
    print(table(results))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Deterministic synthetic TeamGraph network generator (stdlib only).

    python3 Tools/generate.py --people N --seed S --out people.csv \
        [--teams-out teams.csv] [--as-of 2026-06-30] [--shuffle] [--headers en|zh] [--check]

Same arguments => byte-identical output (Python's Mersenne Twister `random.Random(seed)` is
stable across CPython versions for `random()`, which is the only draw used here).

Columns: id,name,sponsor,owner,role,team,joined,status,city  (city is an extra column).
With --headers zh the Chinese header spellings of design section 4 and Chinese status words
are written instead (extra column 城市).

Shape of the network (see Tools/README.md):
  * join dates between 2018-01-01 and --as-of, growing over time; rows in join order
    (with --shuffle, in a seeded random order instead: sponsors then often come after children);
  * sponsors: preferential attachment (P(sponsor) ~ frontline+1) mixed with a few "super
    recruiters" who recruit hundreds to thousands, a few walk-in roots, and a few long chains
    (length 50-200 for large N); a sponsor always joined on an earlier day than the person;
  * owner: ~75% the sponsor, ~15% 2-4 levels up the sponsor chain, ~5% the sponsor's owner,
    ~3% some other earlier person, ~2% the sponsor; about 5% of the people who joined in the
    last 30 days before --as-of have no owner; sponsor roots have no owner;
  * status: ~3% inactive, ~2% left among older members; recent joiners often `newcomer`;
  * teams: N//2000+3 teams T01.., team inherited from the sponsor (95%), each team's lead
    is its first member, except: the last team (and for 20+ teams also the one before it)
    has no lead, and one team (plus ~3% of the others) is led by someone from another team.
"""
import argparse
import csv
import datetime as dt
import os
import sys
import time

import random

START = dt.date(2018, 1, 1)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹"
            "薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建红飞鑫波宁斌"
         "婷雪琳晶慧颖倩俊峰浩宇欣悦睿哲思雨嘉怡子轩涵晨阳博文佳梓欢瑶琪雯昊凯然")
FIRST = ("Anna", "Maria", "John", "David", "Michael", "Sarah", "Laura", "James", "Robert",
         "Emily", "Sofia", "Lucas", "Olivia", "Noah", "Emma", "Daniel", "Mei", "Kevin",
         "Grace", "Peter", "Nina", "Tomasz", "Jan", "Ivan", "Elena", "Carlos", "Ana", "Linh",
         "Minh", "Priya", "Arjun", "Fatima", "Omar", "Yuki", "Hiroshi", "Kim", "Alex")
LAST = ("Kowalski", "Santos", "Smith", "Miller", "Garcia", "Nowak", "Novak", "Rossi",
        "Müller", "Schmidt", "Nguyen", "Tran", "Kim", "Park", "Tanaka", "Sato", "Silva",
        "Costa", "Ivanova", "Petrov", "Lopez", "Chen", "Wong", "Lim", "Tan", "Singh",
        "Patel", "Khan", "O'Brien", "Dubois", "Martin", "Jensen", "Larsen", "Horvat")
CITIES = ("上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安",
          "重庆", "天津", "长沙", "郑州", "青岛", "厦门", "福州", "昆明", "Singapore",
          "Kuala Lumpur", "Jakarta", "Bangkok", "Warsaw", "Lisbon", "Vancouver", "Sydney")
TEAM_WORDS = ("华东", "华南", "华北", "西南", "华中", "东北", "西北", "North Star", "Phoenix",
              "Horizon", "Summit", "Pioneer", "Aurora", "Atlas", "Vanguard", "Zenith")
TEAM_SUFFIX_ZH = ("一部", "二部", "三部", "团队", "精英队", "先锋队")
ROLES_ZH = ("业务员", "主管", "经理", "总监")
ROLES_EN = ("Associate", "Senior Associate", "Manager", "Director")

HEADERS_EN = ["id", "name", "sponsor", "owner", "role", "team", "joined", "status", "city"]
HEADERS_ZH = ["编号", "姓名", "推荐人", "责任人", "职务", "团队", "加入日期", "状态", "城市"]
STATUS_ZH = {"": "", "active": "在职", "newcomer": "新人", "inactive": "停用", "left": "离职"}

# status codes
ST_EMPTY, ST_ACTIVE, ST_NEW, ST_INACTIVE, ST_LEFT = 0, 1, 2, 3, 4
STATUS_NAMES = ("", "active", "newcomer", "inactive", "left")


def build(n, seed, as_of):
    """Build the network as parallel lists indexed by join position 0..n-1."""
    rng = random.Random(seed)
    rand = rng.random
    ndays = (as_of - START).days + 1          # day offsets 0 .. ndays-1 (last = as-of)
    if ndays < 2:
        raise SystemExit("--as-of must be after 2018-01-01")
    recent_day = ndays - 30                  # joined on/after this day: "last 30 days"

    # --- join days: a few founders on day 0, the others with density growing over time ---
    n_founders = min(n, 1 + n // 250_000)
    span = ndays - 1
    days = [0] * n_founders
    days.extend(sorted(1 + int(span * (rand() ** 0.625)) for _ in range(n - n_founders)))

    # --- super recruiters and long chains ---
    n_super = 3 + n // 100_000
    p_super = min(0.05, 500.0 * n_super / max(n, 1))
    supers = set()
    hi = max(1, int(n * 0.3))
    target = min(n_super, max(0, hi - n_founders))
    while len(supers) < target:
        supers.add(n_founders + int(rand() * (hi - n_founders)))
    chains = []                               # [start_day, tail, remaining]
    if n >= 1000:
        for _ in range(2 + n // 250_000):
            length = min(50 + int(rand() * 151), max(5, n // 100))
            start_day = int(span * (0.1 + 0.6 * rand()))
            chains.append([start_day, -1, length])
    p_root = 0.0005

    # --- teams ---
    n_teams = max(1, min(n // 2000 + 3, n))
    team_start = {0: 0}
    limit = max(2, int(n * 0.7)) if n > 10 else n
    cand_hi = min(limit, n)
    while len(team_start) < n_teams:
        i = 1 + int(rand() * (cand_hi - 1))
        if i not in team_start:
            team_start[i] = len(team_start)
    # renumber teams by founder join order so T01 is the oldest team
    for k, i in enumerate(sorted(team_start)):
        team_start[i] = k
    team_founder = sorted(team_start)

    sponsor = [-1] * n
    owner = [-1] * n
    team = [0] * n
    status = [ST_EMPTY] * n
    frontline = [0] * n
    city = [0] * n
    n_cities = len(CITIES)

    pool = []             # preferential attachment urn: each person once + once per recruit
    supers_avail = []
    teams_open = []       # team numbers whose founder has joined
    i = 0
    while i < n:
        d = days[i]
        j = i
        while j < n and days[j] == d:
            j += 1
        # people i..j-1 joined on day d; only people from earlier days can sponsor them
        first_today = i
        k = i
        for ch in chains:
            if ch[2] > 0 and ch[0] <= d and k < j and pool:
                tail = ch[1]
                sponsor[k] = tail if tail >= 0 else pool[int(rand() * len(pool))]
                ch[1] = k
                ch[2] -= 1
                k += 1
        for p in range(i, j):
            if p >= k:
                if not pool:
                    s = -1
                else:
                    r = rand()
                    if r < p_root:
                        s = -1
                    elif r < p_root + p_super and supers_avail:
                        s = supers_avail[int(rand() * len(supers_avail))]
                    else:
                        s = pool[int(rand() * len(pool))]
                sponsor[p] = s
            s = sponsor[p]
            recent = d >= recent_day
            # owner
            if s < 0:
                o = -1
            elif recent and rand() < 0.05:
                o = -1
            else:
                r = rand()
                if r < 0.75 or r >= 0.98:
                    o = s
                elif r < 0.90:
                    o = s
                    for _ in range(1 + int(rand() * 3)):
                        up = sponsor[o]
                        if up < 0:
                            break
                        o = up
                elif r < 0.95:
                    o = owner[s]
                    if o < 0:
                        o = s
                else:
                    o = int(rand() * first_today)   # someone who joined on an earlier day
            owner[p] = o
            # status
            r = rand()
            if recent:
                st = ST_NEW if r < 0.4 else (ST_EMPTY if r < 0.8 else ST_ACTIVE)
            else:
                st = (ST_INACTIVE if r < 0.03 else ST_LEFT if r < 0.05
                      else ST_EMPTY if r < 0.5 else ST_ACTIVE)
            status[p] = st
            # team
            t = team_start.get(p)
            if t is None:
                if s >= 0 and rand() < 0.95:
                    t = team[s]
                else:
                    t = teams_open[int(rand() * len(teams_open))] if teams_open else 0
            else:
                teams_open.append(t)
            team[p] = t
            # city
            city[p] = city[s] if (s >= 0 and rand() < 0.85) else int(rand() * n_cities)
            if s >= 0:
                frontline[s] += 1
                pool.append(s)
        pool.extend(range(i, j))
        for p in range(i, j):
            if p in supers:
                supers_avail.append(p)
        i = j

    # --- team leads ---
    leads = []
    no_lead = {n_teams - 1} if n_teams >= 2 else set()
    if n_teams >= 20:
        no_lead.add(n_teams - 2)
    outside = {n_teams // 2} if n_teams >= 3 else set()
    for t in range(n_teams):
        if t not in no_lead and t not in outside and rand() < 0.03:
            outside.add(t)
    for t in range(n_teams):
        f = team_founder[t]
        if t in no_lead:
            leads.append(-1)
        elif t in outside:
            cand = sponsor[f]
            if cand < 0 or team[cand] == t:
                cand = next((q for q in range(n) if team[q] != t), f)
            leads.append(cand)
        else:
            leads.append(f)

    return dict(days=days, sponsor=sponsor, owner=owner, team=team, status=status,
                frontline=frontline, city=city, leads=leads, n_teams=n_teams)


def team_names(n_teams, seed):
    rng = random.Random(f"teams-{seed}")
    names = []
    for t in range(n_teams):
        w = TEAM_WORDS[int(rng.random() * len(TEAM_WORDS))]
        if w.isascii():
            names.append(f"{w} {t + 1}")
        else:
            names.append(w + TEAM_SUFFIX_ZH[int(rng.random() * len(TEAM_SUFFIX_ZH))]
                         + ("" if t < len(TEAM_WORDS) else f" {t + 1}"))
    return names


def write(net, n, seed, as_of, out, teams_out, shuffle, headers):
    width = max(7, len(str(n)))
    fmt = "P%0" + str(width) + "d"
    tw = max(2, len(str(net["n_teams"])))
    tfmt = "T%0" + str(tw) + "d"
    team_ids = [tfmt % (t + 1) for t in range(net["n_teams"])]
    ndays = (as_of - START).days + 1
    day_str = [(START + dt.timedelta(days=d)).isoformat() for d in range(ndays)]
    zh = headers == "zh"
    status_words = [STATUS_ZH[s] if zh else s for s in STATUS_NAMES]

    sponsor, owner, team, status = net["sponsor"], net["owner"], net["team"], net["status"]
    frontline, city, days = net["frontline"], net["city"], net["days"]

    # names and roles come from a separate stream so they do not perturb the structure
    nrng = random.Random(f"names-{seed}")
    nr = nrng.random
    ns, ng, nf, nl = len(SURNAMES), len(GIVEN), len(FIRST), len(LAST)

    order = range(n)
    if shuffle:
        order = list(range(n))
        random.Random(f"order-{seed}").shuffle(order)

    def rows():
        for p in order:
            r = nr()
            fl = frontline[p]
            lvl = 3 if fl >= 20 else 2 if fl >= 5 else 1 if fl >= 1 else 0
            if r < 0.82:
                nm = SURNAMES[int(nr() * ns)] + GIVEN[int(nr() * ng)]
                if r < 0.55:
                    nm += GIVEN[int(nr() * ng)]
                role = ROLES_ZH[lvl]
            else:
                nm = FIRST[int(nr() * nf)] + " " + LAST[int(nr() * nl)]
                role = ROLES_EN[lvl]
            s = sponsor[p]
            o = owner[p]
            yield (fmt % (p + 1), nm, fmt % (s + 1) if s >= 0 else "",
                   fmt % (o + 1) if o >= 0 else "", role, team_ids[team[p]],
                   day_str[days[p]], status_words[status[p]], CITIES[city[p]])

    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADERS_ZH if zh else HEADERS_EN)
        w.writerows(rows())

    if teams_out:
        names = team_names(net["n_teams"], seed)
        with open(teams_out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "name", "lead"])
            for t in range(net["n_teams"]):
                ld = net["leads"][t]
                w.writerow([team_ids[t], names[t], fmt % (ld + 1) if ld >= 0 else ""])


def check(out, teams_out):
    """Independent validation pass over the written files (design section 1)."""
    t0 = time.perf_counter()
    problems = []
    with open(out, encoding="utf-8-sig", newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        col = {h.strip().lower(): k for k, h in enumerate(header)}

        def pick(*names):
            for nme in names:
                if nme in col:
                    return col[nme]
            raise SystemExit(f"check: missing column {names[0]}")
        ci, cs, co, ct, cj = (pick("id", "编号"), pick("sponsor", "推荐人"), pick("owner", "责任人"),
                              pick("team", "团队"), pick("joined", "加入日期"))
        ids, sp, ow, tm, jn = [], [], [], [], []
        for row in rd:
            ids.append(row[ci].strip())
            sp.append(row[cs].strip())
            ow.append(row[co].strip())
            tm.append(row[ct].strip())
            jn.append(row[cj].strip())
    n = len(ids)
    index = {}
    for k, x in enumerate(ids):
        if not x:
            problems.append(f"line {k + 2}: empty id")
        elif x in index:
            problems.append(f"line {k + 2}: duplicate id {x}")
        else:
            index[x] = k
    parents = {}
    for rel, col_vals in (("sponsor", sp), ("owner", ow)):
        par = [-1] * n
        for k, x in enumerate(col_vals):
            if not x:
                continue
            q = index.get(x)
            if q is None:
                problems.append(f"line {k + 2}: {rel} {x} does not exist")
            elif q == k:
                problems.append(f"line {k + 2}: {ids[k]} is their own {rel}")
            else:
                par[k] = q
        # cycle check: colour walk
        state = bytearray(n)   # 0 new, 1 on current path, 2 done
        for k in range(n):
            if state[k]:
                continue
            path = []
            x = k
            while x >= 0 and state[x] == 0:
                state[x] = 1
                path.append(x)
                x = par[x]
            if x >= 0 and state[x] == 1:
                cyc = path[path.index(x):]
                problems.append(f"{rel} cycle: " + " -> ".join(ids[c] for c in cyc))
            for c in path:
                state[c] = 2
        parents[rel] = par
    for k in range(n):
        s = parents["sponsor"][k]
        if s >= 0 and not (jn[s] < jn[k]):
            problems.append(f"line {k + 2}: {ids[k]} joined {jn[k]}, not after sponsor {ids[s]} ({jn[s]})")
    n_teams = len(set(t for t in tm if t))
    if teams_out:
        with open(teams_out, encoding="utf-8-sig", newline="") as f:
            rd = csv.reader(f)
            next(rd)
            tids = set()
            for k, row in enumerate(rd):
                tids.add(row[0].strip())
                ld = row[2].strip() if len(row) > 2 else ""
                if ld and ld not in index:
                    problems.append(f"teams line {k + 2}: lead {ld} does not exist")
        n_teams = len(tids)
        for k, t in enumerate(tm):
            if t and t not in tids:
                problems.append(f"line {k + 2}: team {t} is not in the teams file")
    # a few shape numbers
    par = parents["sponsor"]
    depth = [-1] * n
    maxd = 0
    for k in range(n):
        if depth[k] >= 0:
            continue
        path = []
        x = k
        while x >= 0 and depth[x] < 0:
            path.append(x)
            x = par[x]
        d = depth[x] if x >= 0 else -1
        for c in reversed(path):
            d += 1
            depth[c] = d
        maxd = max(maxd, d)
    fl = [0] * n
    for x in par:
        if x >= 0:
            fl[x] += 1
    roots = sum(1 for x in par if x < 0)
    print(f"check: {n} people, {n_teams} teams, {roots} sponsor roots, max sponsor depth {maxd}, "
          f"max frontline {max(fl) if fl else 0}, "
          f"recruit 0/1/2: {sum(1 for x in fl if x == 0)}/{sum(1 for x in fl if x == 1)}/"
          f"{sum(1 for x in fl if x == 2)} ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    for pr in problems[:50]:
        print("check: " + pr, file=sys.stderr)
    if problems:
        print(f"check: {len(problems)} problem(s)", file=sys.stderr)
        return False
    print("check: valid", file=sys.stderr)
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--teams-out")
    ap.add_argument("--as-of", default="2026-06-30")
    ap.add_argument("--shuffle", action="store_true",
                    help="write rows in a seeded random order instead of join order")
    ap.add_argument("--headers", choices=("en", "zh"), default="en",
                    help="zh: Chinese headers and Chinese status words")
    ap.add_argument("--check", action="store_true", help="validate the written files")
    a = ap.parse_args(argv)
    if a.people < 1:
        ap.error("--people must be at least 1")
    as_of = dt.date.fromisoformat(a.as_of)
    t0 = time.perf_counter()
    net = build(a.people, a.seed, as_of)
    t1 = time.perf_counter()
    write(net, a.people, a.seed, as_of, a.out, a.teams_out, a.shuffle, a.headers)
    t2 = time.perf_counter()
    print(f"generate: {a.people} people, {net['n_teams']} teams; build {t1 - t0:.1f}s, "
          f"write {t2 - t1:.1f}s", file=sys.stderr)
    if a.check:
        del net
        if not check(a.out, a.teams_out):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

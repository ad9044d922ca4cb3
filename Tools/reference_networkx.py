#!/usr/bin/env python3
"""Independent reference implementation (networkx) of `teamgraph stats`, `metrics` and `gaps`.

    python3 Tools/reference_networkx.py stats   NET.csv [--teams T.csv] [--as-of D] [...]
    python3 Tools/reference_networkx.py metrics NET.csv ...
    python3 Tools/reference_networkx.py gaps    NET.csv ...
    python3 Tools/reference_networkx.py all     NET.csv ... [--out-dir DIR]   (timings on stderr)

Follows /work/shared/design.md sections 1-4. The two relations are networkx DiGraphs with an edge
parent -> child. Depths come from nx.bfs_layers from the roots, subtree sizes from a pass over
reversed(nx.topological_sort), and "is X on Y's sponsor chain" from DFS preorder intervals
(nx.dfs_preorder_nodes): X is a proper ancestor of Y iff pre[X] < pre[Y] <= pre[X] + downline[X].

Exit status: 0 ok, 2 bad input (message on stderr).
"""
import argparse
import csv
import datetime as dt
import gc
import io
import json
import os
import sys
import time

import networkx as nx

FIELDS = {
    "id": ("id", "编号", "工号", "会员编号"),
    "name": ("name", "姓名", "名字"),
    "sponsor": ("sponsor", "推荐人", "推荐人编号", "上线"),
    "owner": ("owner", "责任人", "负责人"),
    "role": ("role", "title", "职务", "职位", "级别"),
    "team": ("team", "团队", "小组"),
    "joined": ("joined", "加入日期", "入职日期"),
    "status": ("status", "状态"),
}
TEAM_FIELDS = {"id": ("id",), "name": ("name",), "lead": ("lead",)}
STATUS = {
    "": "active", "active": "active", "newcomer": "newcomer", "inactive": "inactive", "left": "left",
    "新人": "newcomer",
    "正常": "active", "在职": "active", "活跃": "active",
    "停用": "inactive", "暂停": "inactive", "休眠": "inactive",
    "离开": "left", "离职": "left", "退出": "left",
}
GAP_KINDS = ("unowned-newcomer", "owner-overloaded", "inactive-owner", "owner-outside-line",
             "team-without-lead", "lead-outside-team")


class BadInput(Exception):
    pass


# ----------------------------------------------------------------------------- input

def read_text(path, encoding):
    with open(path, "rb") as f:
        data = f.read()
    if encoding.lower().replace("-", "") in ("utf8", "utf8sig"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise BadInput(f"{path}: not valid UTF-8 ({e}); if it came from a spreadsheet on "
                           f"Chinese Windows, try --encoding gb18030")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        try:                                   # e.g. a UTF-8 teams file next to a GB18030 export
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BadInput(f"{path}: not valid {encoding} ({e})")
    except LookupError:
        raise BadInput(f"unknown encoding {encoding}")


def read_table(path, encoding, fields, maps):
    """Return (records, line_numbers) where records are dicts of the known fields."""
    text = read_text(path, encoding)
    if path.lower().endswith(".json"):
        doc = json.loads(text)
        return doc, None
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows)
    except StopIteration:
        raise BadInput(f"{path}: empty file")
    norm = [h.strip().lower() for h in header]
    col = {}
    for field, names in fields.items():
        wanted = [maps[field].strip().lower()] if field in maps else list(names)
        for nm in wanted:
            if nm in norm:
                col[field] = norm.index(nm)
                break
    if "id" not in col:
        raise BadInput(f"{path}: no id column (headers: {', '.join(header)})")
    names = list(col)
    idx = [col[f] for f in names]
    width = max(idx) + 1
    recs, lines = [], []
    for row in rows:
        if len(row) < width:
            if not row or all(not c.strip() for c in row):
                continue
            row = row + [""] * (width - len(row))
        elif not row[col["id"]].strip() and all(not c.strip() for c in row):
            continue
        recs.append(dict(zip(names, [row[k].strip() for k in idx])))
        lines.append(rows.line_num)
    return recs, lines


_DATES = {}


def parse_date(s, where):
    d = _DATES.get(s)
    if d is not None or not s:
        return d
    d = _DATES[s] = _parse_date(s, where)
    return d


def _parse_date(s, where):
    for sep in ("-", "/", "."):
        parts = s.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                break
    raise BadInput(f"{where}: bad date {s!r}")


class Network:
    def __init__(self):
        self.ids = []
        self.sponsor = {}
        self.owner = {}
        self.team = {}
        self.status = {}
        self.joined = {}
        self.teams = None          # list of (id, name, lead) when defined


def load(args):
    maps = {}
    for m in args.map or []:
        if "=" not in m:
            raise BadInput(f"--map {m}: expected field=Header")
        k, v = m.split("=", 1)
        maps[k.strip()] = v
    recs, lines = read_table(args.net, args.encoding, FIELDS, maps)
    teams_json = None
    if lines is None:                          # JSON form
        doc = recs
        recs = [{k: ("" if v is None else str(v)).strip() for k, v in p.items()}
                for p in doc.get("people", [])]
        lines = [f"people[{k}]" for k in range(len(recs))]
        if doc.get("teams") is not None:
            teams_json = [{k: ("" if v is None else str(v)).strip() for k, v in t.items()}
                          for t in doc["teams"]]
    else:
        lines = [f"line {n}" for n in lines]
    net = Network()
    problems = []
    seen = {}
    for rec, where in zip(recs, lines):
        pid = rec.get("id", "")
        if not pid:
            problems.append(f"{where}: empty id")
            continue
        if pid in seen:
            problems.append(f"{where}: duplicate id {pid} (first at {seen[pid]})")
            continue
        seen[pid] = where
        net.ids.append(pid)
        net.sponsor[pid] = rec.get("sponsor", "")
        net.owner[pid] = rec.get("owner", "")
        net.team[pid] = rec.get("team", "")
        raw = rec.get("status", "")
        st = STATUS.get(raw.lower(), STATUS.get(raw))
        if st is None:
            print(f"warning: {where}: unknown status {raw!r} (treated as given)", file=sys.stderr)
            st = raw
        net.status[pid] = st
        try:
            net.joined[pid] = parse_date(rec.get("joined", ""), where)
        except BadInput as e:
            problems.append(str(e))
    where_of = seen
    for pid in net.ids:
        for rel in ("sponsor", "owner"):
            ref = getattr(net, rel)[pid]
            if not ref:
                continue
            if ref == pid:
                problems.append(f"{where_of[pid]}: {pid} is their own {rel}")
            elif ref not in seen:
                problems.append(f"{where_of[pid]}: {rel} {ref} of {pid} does not exist")
    if args.teams or teams_json is not None:
        if args.teams:
            trecs, tlines = read_table(args.teams, args.encoding, TEAM_FIELDS, {})
            tlines = [f"{args.teams} line {n}" for n in tlines]
        else:
            trecs, tlines = teams_json, [f"teams[{k}]" for k in range(len(teams_json))]
        net.teams = []
        tseen = set()
        for t, where in zip(trecs, tlines):
            tid = t.get("id", "")
            if not tid or tid in tseen:
                problems.append(f"{where}: {'empty' if not tid else 'duplicate'} team id {tid}")
                continue
            tseen.add(tid)
            lead = t.get("lead", "")
            if lead and lead not in seen:
                problems.append(f"{where}: lead {lead} of team {tid} does not exist")
            net.teams.append((tid, t.get("name", ""), lead))
        for pid in net.ids:
            tm = net.team[pid]
            if tm and tm not in tseen:
                problems.append(f"{where_of[pid]}: team {tm} of {pid} is not defined")
    if problems:
        raise BadInput("\n".join(problems))
    return net


# ----------------------------------------------------------------------------- analysis

class Forest:
    """One relation as a networkx DiGraph (parent -> child) plus the per-node numbers."""

    def __init__(self, net, parent_of, name):
        G = nx.DiGraph()
        G.add_nodes_from(net.ids)
        G.add_edges_from((p, c) for c, p in parent_of.items() if p)
        try:
            order = list(nx.topological_sort(G))
        except nx.NetworkXUnfeasible:
            cyc = nx.find_cycle(G)
            raise BadInput(f"{name} cycle: " + " -> ".join(u for u, _ in cyc) + f" -> {cyc[0][0]}")
        self.G = G
        self.roots = [n for n, d in G.in_degree() if d == 0]
        self.depth = {}
        self.levels = []
        for d, layer in enumerate(nx.bfs_layers(G, self.roots)):
            self.levels.append(len(layer))
            for n in layer:
                self.depth[n] = d
        self.children = dict(G.out_degree())
        self.below = dict.fromkeys(G, 0)
        below = self.below
        pred = G.pred
        for n in reversed(order):
            for p in pred[n]:
                below[p] += below[n] + 1
        self._pre = None

    def preorder(self):
        if self._pre is None:
            pre = {}
            for r in self.roots:
                for n in nx.dfs_preorder_nodes(self.G, r):
                    pre[n] = len(pre)
            self._pre = pre
        return self._pre

    def is_ancestor(self, a, b):
        """a is a proper ancestor of b."""
        pre = self.preorder()
        return pre[a] < pre[b] <= pre[a] + self.below[a]

    def summary(self):
        spans = sorted(v for v in self.children.values() if v > 0)
        if spans:
            k = len(spans)
            span = {"max": spans[-1], "mean": round(sum(spans) / k, 2),
                    "median": spans[(k + 1) // 2 - 1],          # nearest rank ceil(0.5k)
                    "p90": spans[(9 * k + 9) // 10 - 1]}        # nearest rank ceil(0.9k)
        else:
            span = {"max": 0, "mean": 0, "median": 0, "p90": 0}
        return {"roots": len(self.roots), "maxDepth": len(self.levels) - 1 if self.levels else 0,
                "levels": self.levels, "span": span}


class Analysis:
    def __init__(self, net, args, timings):
        t = time.perf_counter()
        self.net = net
        self.args = args
        self.sponsor = Forest(net, net.sponsor, "sponsor")
        self.owner = Forest(net, net.owner, "owner")
        timings.append(("graphs", time.perf_counter() - t))
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else dt.date.today()
        self.cutoff = as_of - dt.timedelta(days=args.newcomer_days)

    def is_newcomer(self, pid):
        st = self.net.status[pid]
        if st == "newcomer":
            return True
        j = self.net.joined[pid]
        return st == "active" and j is not None and j >= self.cutoff

    def stats(self):
        net = self.net
        teams = len(net.teams) if net.teams is not None else len({t for t in net.team.values() if t})
        return {"people": len(net.ids), "teams": teams,
                "newcomers": sum(1 for p in net.ids if self.is_newcomer(p)),
                "sponsor": self.sponsor.summary(), "owner": self.owner.summary()}

    def metrics(self):
        S, O = self.sponsor, self.owner
        for p in self.net.ids:
            yield (p, S.depth[p], O.depth[p], S.children[p], O.children[p], S.below[p], O.below[p])

    def gaps(self):
        net, S, O = self.net, self.sponsor, self.owner
        max_span = self.args.max_span
        out = []
        for p in net.ids:
            if not net.owner[p] and self.is_newcomer(p):
                j = net.joined[p]
                out.append(("unowned-newcomer", p,
                            f"newcomer (joined {j.isoformat() if j else '?'}, status "
                            f"{net.status[p]}) has no owner"))
        for p in net.ids:
            if O.children[p] > max_span:
                out.append(("owner-overloaded", p, f"{O.children[p]} direct reports (max {max_span})"))
        for p in net.ids:
            o = net.owner[p]
            if o and net.status[p] != "left" and net.status[o] in ("inactive", "left"):
                out.append(("inactive-owner", p, f"owner {o} is {net.status[o]}"))
        for p in net.ids:
            o = net.owner[p]
            if o and o != net.sponsor[p] and not S.is_ancestor(o, p):
                out.append(("owner-outside-line", p,
                            f"owner {o} is not on the sponsor chain"
                            + ("" if net.sponsor[p] else " (no sponsor)")))
        if net.teams is not None:
            for tid, name, lead in net.teams:
                if not lead:
                    out.append(("team-without-lead", tid, f"team {name or tid} has no lead"))
            for tid, name, lead in net.teams:
                if lead and net.team[lead] != tid:
                    out.append(("lead-outside-team", tid,
                                f"lead {lead} belongs to {net.team[lead] or 'no team'}"))
        return out


# ----------------------------------------------------------------------------- output

def write_stats(obj, f):
    f.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def write_metrics(rows, f):
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "sponsorDepth", "ownerDepth", "frontline", "directReports", "downline",
                "ownedTotal"])
    w.writerows(rows)


def write_gaps(gaps, f):
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kind", "subject", "detail"])
    w.writerows(gaps)


def main(argv=None):
    ap = argparse.ArgumentParser(description="networkx reference for teamgraph stats/metrics/gaps")
    ap.add_argument("command", choices=("stats", "metrics", "gaps", "all"))
    ap.add_argument("net", help="network .csv (English or Chinese headers) or .json")
    ap.add_argument("--teams", help="teams CSV (id,name,lead)")
    ap.add_argument("--as-of", help="YYYY-MM-DD (default: today)")
    ap.add_argument("--newcomer-days", type=int, default=30)
    ap.add_argument("--max-span", type=int, default=12)
    ap.add_argument("--encoding", default="utf-8")
    ap.add_argument("--map", action="append", metavar="field=Header")
    ap.add_argument("--out-dir", help="all: write stats.json, metrics.csv, gaps.csv here")
    ap.add_argument("--keep-gc", action="store_true",
                    help="leave Python's cyclic garbage collector on (slower on big networks)")
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")
    timings = []
    if not args.keep_gc:
        # millions of small dicts (networkx adjacency) make CPython's cyclic GC rescan the heap
        # over and over; nothing here creates garbage cycles, so switch it off.
        gc.disable()
    t0 = time.perf_counter()
    try:
        t = time.perf_counter()
        net = load(args)
        timings.append(("read", time.perf_counter() - t))
        an = Analysis(net, args, timings)
    except (BadInput, OSError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    def phase(name, fn):
        t = time.perf_counter()
        fn()
        timings.append((name, time.perf_counter() - t))

    def target(fname):
        if args.out_dir:
            os.makedirs(args.out_dir, exist_ok=True)
            return open(os.path.join(args.out_dir, fname), "w", encoding="utf-8", newline="")
        return None

    def emit(fname, writer, data):
        f = target(fname) if args.command == "all" else None
        try:
            writer(data, f or sys.stdout)
        finally:
            if f:
                f.close()

    if args.command in ("stats", "all"):
        phase("stats", lambda: emit("stats.json", write_stats, an.stats()))
    if args.command in ("metrics", "all"):
        phase("metrics", lambda: emit("metrics.csv", write_metrics, an.metrics()))
    if args.command in ("gaps", "all"):
        phase("gaps", lambda: emit("gaps.csv", write_gaps, an.gaps()))
    if args.command == "all":
        total = time.perf_counter() - t0
        print("timings: " + ", ".join(f"{n} {s:.2f}s" for n, s in timings) + f", total {total:.2f}s",
              file=sys.stderr)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:                     # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(0)

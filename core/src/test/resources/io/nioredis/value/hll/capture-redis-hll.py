# Regenerates redis-7.0.15-hll.txt from a scratch Redis 7.0.15 on 127.0.0.1:7101 (it runs FLUSHALL there):
#   python3 capture-redis-hll.py > redis-7.0.15-hll.txt
import socket, hashlib, sys
s = socket.create_connection(("127.0.0.1", 7101)); f = s.makefile("rb")
def cmd(*args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        if isinstance(a, str): a = a.encode()
        if isinstance(a, int): a = str(a).encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    s.sendall(out); return read()
def read():
    line = f.readline(); t = line[:1]; rest = line[1:-2]
    if t == b"+": return rest.decode()
    if t == b"-": return ("ERR", rest.decode())
    if t == b":": return int(rest)
    if t == b"$":
        n = int(rest)
        if n < 0: return None
        d = f.read(n + 2); return d[:-2]
    if t == b"*": return [read() for _ in range(int(rest))]
    raise Exception(line)
out = []
def rec(name, b):
    if len(b) <= 400: out.append("%s hex %s" % (name, b.hex()))
    else: out.append("%s sha256 %d %s" % (name, len(b), hashlib.sha256(b).hexdigest()))
def el(i): return "el-%d" % i
def add_range(key, lo, hi, batch=500):
    changed = 0
    for s0 in range(lo, hi, batch):
        changed |= cmd("PFADD", key, *[el(i) for i in range(s0, min(hi, s0 + batch))])
    return changed
cmd("FLUSHALL"); cmd("CONFIG", "SET", "hll-sparse-max-bytes", "3000")
cmd("PFADD", "e"); rec("empty", cmd("GET", "e"))
cmd("PFADD", "abc", "a", "b", "c"); rec("abc", cmd("GET", "abc"))
out.append("abc count %d" % cmd("PFCOUNT", "abc")); rec("abc-cached", cmd("GET", "abc"))
out.append("abc decode %s" % cmd("PFDEBUG", "DECODE", "abc").decode())
# one element at a time, a..z then "a".."z" repeated; after each step
for i, c in enumerate("abcdefghijklmnopqrstuvwxyz"):
    r = cmd("PFADD", "az", c); rec("az-%d" % i, cmd("GET", "az")); out.append("az-%d ret %d" % (i, r))
for n in [1, 10, 100, 1000, 2000, 3000, 10000, 100000]:
    k = "n%d" % n
    add_range(k, 0, n)
    rec("n-%d" % n, cmd("GET", k))
    out.append("n-%d count %d" % (n, cmd("PFCOUNT", k)))
    rec("n-%d-cached" % n, cmd("GET", k))
    out.append("n-%d encoding %s" % (n, cmd("PFDEBUG", "ENCODING", k)))
# single steps el-0 .. el-1999, record after each 7th
for i in range(2000):
    r = cmd("PFADD", "step", el(i))
    if i % 7 == 0 or i > 1700: rec("step-%d" % i, cmd("GET", "step")); out.append("step-%d ret %d" % (i, r))
# smaller sparse max bytes
for mx in [30, 200, 1000]:
    cmd("CONFIG", "SET", "hll-sparse-max-bytes", str(mx))
    for n in [5, 50, 300]:
        k = "mx%d-%d" % (mx, n)
        for i in range(n): cmd("PFADD", k, el(i))
        rec("max-%d-n-%d" % (mx, n), cmd("GET", k))
cmd("CONFIG", "SET", "hll-sparse-max-bytes", "3000")
# merges
add_range("A", 0, 100); add_range("B", 50, 250); add_range("C", 1000, 6000); add_range("D", 3000, 40000)
for name, keys in [("AB", ["A", "B"]), ("AC", ["A", "C"]), ("CD", ["C", "D"]), ("ABCD", ["A", "B", "C", "D"]), ("A", ["A"]), ("Amissing", ["A", "missing"])]:
    out.append("union-%s count %d" % (name, cmd("PFCOUNT", *keys)))
    cmd("DEL", "dst"); cmd("PFMERGE", "dst", *keys); rec("merge-%s" % name, cmd("GET", "dst"))
cmd("PFMERGE", "fresh"); rec("merge-none", cmd("GET", "fresh"))
cmd("PFMERGE", "A", "B"); rec("merge-into-A", cmd("GET", "A"))
cmd("PFCOUNT", "C"); cmd("PFMERGE", "C", "B"); rec("merge-into-C", cmd("GET", "C"))
pass
big = (3130853818).to_bytes(8, "little")
cmd("DEL", "p1"); cmd("PFADD", "p1", "a", "b", "c"); r = cmd("PFADD", "p1", big)
rec("promote-val33", cmd("GET", "p1")); out.append("promote-val33 ret %d" % r); out.append("promote-val33 encoding %s" % cmd("PFDEBUG", "ENCODING", "p1"))
cmd("DEL", "p2"); r = cmd("PFADD", "p2", big); rec("promote-val33-fresh", cmd("GET", "p2"))
regs = cmd("PFDEBUG", "GETREG", "abc"); out.append("abc getreg-nonzero %s" % " ".join("%d:%d" % (i, v) for i, v in enumerate(regs) if v))
# the estimator along one growing key: every size up to 300, then checkpoints up to 1,000,000
cmd("DEL", "curve"); done = 0
points = list(range(1, 301)) + [int(round(300 * 1.07 ** k)) for k in range(1, 200) if 300 * 1.07 ** k <= 1000000] + [1000000]
for n in sorted(set(points)):
    if n <= done: continue
    add_range("curve", done, n, 5000); done = n
    out.append("curve-%d count %d" % (n, cmd("PFCOUNT", "curve")))
print("\n".join(out))

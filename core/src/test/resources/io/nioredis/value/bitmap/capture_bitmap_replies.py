"""Captures a real Redis 7.0's bitmap replies into redis-bitmap-replies.tsv (run against a scratch instance).

Usage: python3 capture_bitmap_replies.py PORT > redis-bitmap-replies.tsv
Lines (tab separated; byte strings in hex, '-' for the empty string):
  BITCOUNT hex args reply | BITPOS hex args reply | GETBIT hex offset reply
  SETBIT hex offset bit reply hex-after
  BITOP op hex,hex,... reply-length hex-result
  BITFIELD hex args replies hex-after           replies: comma separated, 'nil' for a FAIL
Errors are written as the error text.
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from resp_client import Resp, RespError  # noqa: E402

SEED = 7102
rng = random.Random(SEED)
r = Resp(int(sys.argv[1]))


def hx(b):
    return b.hex() if b else "-"


def random_bytes(n):
    kind = rng.choice(["random", "zeros", "ones", "sparse", "dense"])
    if kind == "zeros":
        return bytes(n)
    if kind == "ones":
        return b"\xff" * n
    if kind == "sparse":
        return bytes(rng.choice([0, 0, 0, 0, 1 << rng.randrange(8)]) for _ in range(n))
    if kind == "dense":
        return bytes(rng.choice([255, 255, 255, 255, 255 ^ (1 << rng.randrange(8))]) for _ in range(n))
    return bytes(rng.randrange(256) for _ in range(n))


def show(reply):
    if isinstance(reply, RespError):
        return str(reply)
    if reply is None:
        return "nil"
    if isinstance(reply, list):
        return ",".join(show(x) for x in reply)
    return str(reply)


def put(value):
    r.call("DEL", "b")
    r.call("SET", "b", value)


lengths = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 64, 100]
strings = [random_bytes(rng.choice(lengths)) for _ in range(80)]

for s in strings:
    put(s)
    n = len(s)
    span = 8 * n + 10
    print("\t".join(["BITCOUNT", hx(s), "", show(r.call("BITCOUNT", "b"))]))
    for _ in range(12):
        args = [str(rng.randint(-span, span)), str(rng.randint(-span, span))]
        unit = rng.choice([None, "BYTE", "BIT", "bit"])
        if unit:
            args.append(unit)
        print("\t".join(["BITCOUNT", hx(s), " ".join(args), show(r.call("BITCOUNT", "b", *args))]))
    for bit in ("0", "1"):
        print("\t".join(["BITPOS", hx(s), bit, show(r.call("BITPOS", "b", bit))]))
        for _ in range(12):
            args = [bit, str(rng.randint(-span, span))]
            form = rng.randrange(4)
            if form >= 1:
                args.append(str(rng.randint(-span, span)))
            if form >= 2:
                args.append("BIT" if form == 3 else "BYTE")
            print("\t".join(["BITPOS", hx(s), " ".join(args), show(r.call("BITPOS", "b", *args))]))
    for _ in range(4):
        off = str(rng.randint(0, span))
        print("\t".join(["GETBIT", hx(s), off, show(r.call("GETBIT", "b", off))]))
    for _ in range(3):
        put(s)
        off, bit = str(rng.randint(0, span + 20)), str(rng.randint(0, 1))
        reply = show(r.call("SETBIT", "b", off, bit))
        print("\t".join(["SETBIT", hx(s), off + " " + bit, reply, hx(r.call("GET", "b"))]))

for _ in range(120):
    op = rng.choice(["AND", "OR", "XOR", "NOT", "and"])
    k = 1 if op == "NOT" else rng.randint(1, 4)
    srcs = [rng.choice(strings) if rng.random() < 0.5 else random_bytes(rng.choice(lengths)) for _ in range(k)]
    keys = []
    for i, s in enumerate(srcs):
        r.call("DEL", "s%d" % i)
        if s or rng.random() < 0.5:
            r.call("SET", "s%d" % i, s)  # an empty source is either an empty string or a missing key
        keys.append("s%d" % i)
    reply = r.call("BITOP", op, "dest", *keys)
    print("\t".join(["BITOP", op, ",".join(hx(s) for s in srcs), show(reply), hx(r.call("GET", "dest"))]))
    r.call("DEL", "dest")


def value_for(sign, bits):
    edge = [0, 1, -1, 2, -2]
    if sign == "i":
        edge += [(1 << (bits - 1)) - 1, -(1 << (bits - 1)), 1 << (bits - 1), -(1 << (bits - 1)) - 1]
    else:
        edge += [(1 << bits) - 1, 1 << bits]
    edge += [(1 << 63) - 1, -(1 << 63), rng.randint(-(1 << 63), (1 << 63) - 1),
             rng.randint(-300, 300), rng.randint(-(1 << bits), 1 << bits)]
    v = rng.choice(edge)
    return max(-(1 << 63), min((1 << 63) - 1, v))


for _ in range(400):
    s = random_bytes(rng.choice([0, 1, 2, 5, 9, 13]))
    put(s)
    args = []
    for _ in range(rng.randint(1, 6)):
        if rng.random() < 0.3:
            args += ["OVERFLOW", rng.choice(["WRAP", "SAT", "FAIL", "sat"])]
        sign = rng.choice("iu")
        bits = rng.randint(1, 64 if sign == "i" else 63)
        typ = sign + str(bits)
        off = ("#%d" % rng.randint(0, 6)) if rng.random() < 0.25 else str(rng.randint(0, 90))
        op = rng.choice(["GET", "SET", "INCRBY", "INCRBY"])
        args += [op, typ, off]
        if op != "GET":
            args.append(str(value_for(sign, bits)))
    reply = show(r.call("BITFIELD", "b", *args))
    print("\t".join(["BITFIELD", hx(s), " ".join(args), reply, hx(r.call("GET", "b"))]))
r.call("DEL", "b")

"""redis-py's Lock against a server on the port given as the first argument; prints OK when every step held.

Lock runs Lua through EVALSHA (release, extend, reacquire) after SCRIPT LOAD, the way applications use it.
"""
import sys
import threading
import time

import redis
from redis.exceptions import LockError, LockNotOwnedError

r = redis.Redis(host="127.0.0.1", port=int(sys.argv[1]), socket_timeout=10)
r.flushall()

lock = r.lock("resource", timeout=5)
assert lock.acquire(blocking=False), "first acquire"
assert r.get("resource") == lock.local.token, "token stored"
other = r.lock("resource", timeout=5)
assert not other.acquire(blocking=False), "second holder refused"
assert lock.extend(10), "extend"
assert r.pttl("resource") > 9000, "extended ttl"
assert lock.reacquire(), "reacquire"
assert lock.owned(), "owned"
lock.release()
assert r.get("resource") is None, "released"
try:
    lock.release()
    raise AssertionError("release of an unheld lock must fail")
except LockError:
    pass

# Another holder's token: release refused by the script.
r.set("resource", b"someone-else")
stolen = r.lock("resource", timeout=5)
stolen.local.token = b"mine"
try:
    stolen.release()
    raise AssertionError("release of another's lock must fail")
except LockNotOwnedError:
    pass
r.delete("resource")

# Blocking acquire waits for the holder to let go.
holder = r.lock("resource", timeout=5)
assert holder.acquire()
got = []

def waiter():
    w = r.lock("resource", timeout=5, blocking_timeout=5, sleep=0.01)
    got.append(w.acquire())
    w.release()

t = threading.Thread(target=waiter)
t.start()
time.sleep(0.2)
holder.release()
t.join(10)
assert got == [True], "waiter acquired after release"

# The context manager, and a lock that expires on its own.
with r.lock("ctx", timeout=5):
    assert r.exists("ctx") == 1
assert r.exists("ctx") == 0
short = r.lock("short", timeout=0.2)
assert short.acquire()
time.sleep(0.4)
assert r.lock("short", timeout=5).acquire(blocking=False), "expired lock can be taken"

# The script cache was flushed under the client: redis-py reloads on NOSCRIPT.
r.script_flush()
again = r.lock("again", timeout=5)
assert again.acquire()
again.release()
print("OK")

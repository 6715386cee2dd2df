# Sends n tasks through Celery with nioredis as broker and result backend, one solo worker; exit 0 when every result is right.
import sys, subprocess, os, time
port = int(sys.argv[1]); n = int(sys.argv[2])
url = "redis://127.0.0.1:%d/0" % port
os.environ["NIOREDIS_URL"] = url
import redis
redis.Redis(port=port).flushall()
env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.abspath(__file__)))
worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "celery_tasks", "worker", "--pool=solo",
                           "--concurrency=1", "--without-gossip", "--without-mingle", "--without-heartbeat",
                           "--loglevel=WARNING"], env=env)
try:
    from celery_tasks import add
    results = [add.delay(i, 1) for i in range(n)]
    bad = [i for i, r in enumerate(results) if r.get(timeout=10) != i + 1]
    print("processed", n - len(bad), "of", n)
    sys.exit(1 if bad else 0)
finally:
    worker.terminate()
    worker.wait(10)

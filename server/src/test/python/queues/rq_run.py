# Enqueues n jobs with RQ and runs one worker (blocking dequeue, max n jobs); exit 0 when every result is right.
import sys
from redis import Redis
from rq import Queue, Worker
port = int(sys.argv[1]); n = int(sys.argv[2])
conn = Redis(port=port)
conn.flushall()
q = Queue('default', connection=conn)
import rq_jobs as jobs
js = [q.enqueue(jobs.add, i, 1) for i in range(n)]
Worker([q], connection=conn).work(burst=False, max_jobs=n)
bad = [j.id for i, j in enumerate(js) if j.latest_result() is None or j.latest_result().return_value != i + 1]
print("processed", n - len(bad), "of", n)
sys.exit(1 if bad else 0)

# The Celery task the worker runs.
import os
from celery import Celery
url = os.environ.get("NIOREDIS_URL")
app = Celery('celery_tasks', broker=url, backend=url)
app.conf.broker_connection_retry_on_startup = False

@app.task
def add(a, b):
    return a + b

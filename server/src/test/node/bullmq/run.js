'use strict';
// BullMQ against the server at <host> <port>: a Queue adds plain, delayed and flaky jobs (the flaky ones fail
// twice, then succeed, with exponential backoff), a Worker processes them with concurrency, and a QueueEvents
// watches the event stream. Prints one JSON summary line; exits 1 when anything differs from what BullMQ
// promises (every job completed exactly once, retries and backoff as asked, delays respected, an event for
// every job), 2 when it timed out.
const { Queue, Worker, QueueEvents } = require('bullmq');

const host = process.argv[2] || '127.0.0.1';
const port = Number(process.argv[3] || 6379);
const perKind = Number(process.argv[4] || 10);
const timeoutMs = Number(process.argv[5] || 30000);

const connection = { host, port, maxRetriesPerRequest: null };
const queueName = 'check-' + process.pid + '-' + Date.now();
const BACKOFF_MS = 50;
const FAILURES_BEFORE_SUCCESS = 2;

async function main() {
  const problems = [];
  const expected = new Map(); // id -> { kind, delay, addedAt }
  const runs = new Map(); // id -> [start times of each attempt]
  const completedByWorker = new Map(); // id -> count
  const workerFailures = new Map(); // id -> count
  const eventCompleted = new Map(); // id -> returnvalue
  const eventFailed = new Map(); // id -> count
  const eventDelayed = new Set();
  let eventErrors = [];

  const queue = new Queue(queueName, { connection });
  const queueEvents = new QueueEvents(queueName, { connection, lastEventId: '0-0' });
  queueEvents.on('error', (e) => eventErrors.push(String(e && e.message)));
  queueEvents.on('completed', ({ jobId, returnvalue }) => eventCompleted.set(jobId, returnvalue));
  queueEvents.on('failed', ({ jobId }) => eventFailed.set(jobId, (eventFailed.get(jobId) || 0) + 1));
  queueEvents.on('delayed', ({ jobId }) => eventDelayed.add(jobId));
  await queueEvents.waitUntilReady();

  const total = perKind * 3;
  let finished = 0;
  let resolveAll;
  const allDone = new Promise((resolve) => { resolveAll = resolve; });
  const haveAllEvents = () => eventCompleted.size >= total;

  const worker = new Worker(queueName, async (job) => {
    const starts = runs.get(job.id) || [];
    starts.push(Date.now());
    runs.set(job.id, starts);
    if (job.data.kind === 'flaky' && job.attemptsMade < FAILURES_BEFORE_SUCCESS) {
      throw new Error('flaky failure ' + job.attemptsMade);
    }
    await new Promise((r) => setTimeout(r, 5));
    return { doubled: job.data.n * 2 };
  }, { connection, concurrency: 4 });
  const workerErrors = [];
  worker.on('error', (e) => workerErrors.push(String(e && e.message)));
  worker.on('failed', (job) => workerFailures.set(job.id, (workerFailures.get(job.id) || 0) + 1));
  worker.on('completed', (job) => {
    completedByWorker.set(job.id, (completedByWorker.get(job.id) || 0) + 1);
    if (++finished >= total) {
      resolveAll();
    }
  });
  await worker.waitUntilReady();

  for (let i = 0; i < total; i++) {
    const kind = i % 3 === 0 ? 'plain' : i % 3 === 1 ? 'delayed' : 'flaky';
    const opts = {};
    let delay = 0;
    if (kind === 'delayed') {
      delay = 200 + (i % 5) * 100;
      opts.delay = delay;
    } else if (kind === 'flaky') {
      opts.attempts = FAILURES_BEFORE_SUCCESS + 1;
      opts.backoff = { type: 'exponential', delay: BACKOFF_MS };
    }
    const addedAt = Date.now();
    const job = await queue.add(kind, { n: i, kind }, opts);
    expected.set(job.id, { kind, delay, addedAt, n: i });
  }

  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; resolveAll(); }, timeoutMs);
  await allDone;
  // The worker's last completion may reach the event stream a moment before QueueEvents reads it.
  const eventsDeadline = Date.now() + 5000;
  while (!timedOut && !haveAllEvents() && Date.now() < eventsDeadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  clearTimeout(timer);

  for (const [id, e] of expected) {
    const starts = runs.get(id) || [];
    const wantRuns = e.kind === 'flaky' ? FAILURES_BEFORE_SUCCESS + 1 : 1;
    if (starts.length !== wantRuns) {
      problems.push(`job ${id} (${e.kind}) ran ${starts.length} times, expected ${wantRuns}`);
    }
    if ((completedByWorker.get(id) || 0) !== 1) {
      problems.push(`job ${id} completed ${completedByWorker.get(id) || 0} times`);
    }
    if (e.kind === 'delayed' && starts.length > 0 && starts[0] - e.addedAt < e.delay - 5) {
      problems.push(`job ${id} started ${starts[0] - e.addedAt} ms after it was added, delay ${e.delay}`);
    }
    if (e.kind === 'flaky') {
      if ((workerFailures.get(id) || 0) !== FAILURES_BEFORE_SUCCESS) {
        problems.push(`job ${id} failed ${workerFailures.get(id) || 0} times, expected ${FAILURES_BEFORE_SUCCESS}`);
      }
      for (let a = 1; a < starts.length; a++) {
        const wait = starts[a] - starts[a - 1];
        const backoff = BACKOFF_MS * Math.pow(2, a - 1);
        if (wait < backoff - 5) {
          problems.push(`job ${id} retry ${a} came ${wait} ms after the last attempt, backoff ${backoff}`);
        }
      }
      if (!eventDelayed.has(id)) {
        problems.push(`no delayed event for the backoff of job ${id}`);
      }
    } else if ((workerFailures.get(id) || 0) !== 0) {
      problems.push(`job ${id} (${e.kind}) failed`);
    }
    if (!eventCompleted.has(id)) {
      problems.push(`no completed event for job ${id}`);
    } else if (JSON.stringify(eventCompleted.get(id)) !== JSON.stringify(JSON.stringify({ doubled: e.n * 2 }))
        && JSON.stringify(eventCompleted.get(id)) !== JSON.stringify({ doubled: e.n * 2 })) {
      problems.push(`completed event of job ${id} carried ${JSON.stringify(eventCompleted.get(id))}`);
    }
    if (eventFailed.has(id)) {
      problems.push(`failed event for job ${id}, which succeeded in the end`);
    }
  }

  const counts = await queue.getJobCounts('completed', 'failed', 'delayed', 'wait', 'active');
  if (counts.completed !== total || counts.failed || counts.delayed || counts.wait || counts.active) {
    problems.push('job counts at the end: ' + JSON.stringify(counts));
  }
  const completedJob = await queue.getJob(expected.keys().next().value);
  if (!completedJob || !completedJob.finishedOn || !(await completedJob.isCompleted())) {
    problems.push('the first job does not read back as completed');
  }
  problems.push(...workerErrors.map((e) => 'worker error: ' + e));
  problems.push(...eventErrors.map((e) => 'queue events error: ' + e));

  await worker.close();
  await queueEvents.close();
  await queue.obliterate({ force: true });
  await queue.close();

  const summary = {
    queue: queueName,
    jobs: total,
    completed: [...completedByWorker.values()].reduce((a, b) => a + b, 0),
    attempts: [...runs.values()].reduce((a, s) => a + s.length, 0),
    retried: [...workerFailures.values()].reduce((a, b) => a + b, 0),
    completedEvents: eventCompleted.size,
    delayedEvents: eventDelayed.size,
    counts,
    timedOut,
    problems,
  };
  console.log(JSON.stringify(summary));
  return timedOut ? 2 : problems.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.log(JSON.stringify({ error: String(e && e.stack || e) }));
  process.exit(1);
});

package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RMapCache;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RSemaphore;
import org.redisson.api.RateIntervalUnit;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson against nioredis: its locks, map cache, rate limiter and semaphore are Lua scripts (EVAL and
 * EVALSHA with hash, sorted set and pub/sub commands inside), as applications run them.
 */
class RedissonIT {
    private TestServer server;
    private RedissonClient redisson;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start();
        try (redis.clients.jedis.Jedis jedis = server.jedis()) {
            // The first script loads the Lua engine; on a busy machine that may outlast Redisson's timeout.
            jedis.eval("return 1");
        }
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + server.port())
                .setTimeout(10_000).setConnectionMinimumIdleSize(1).setConnectionPoolSize(4)
                .setSubscriptionConnectionMinimumIdleSize(1).setSubscriptionConnectionPoolSize(2);
        config.setLockWatchdogTimeout(5_000);
        redisson = Redisson.create(config);
    }

    @AfterEach
    void stop() {
        if (redisson != null) {
            redisson.shutdown(0, 5, TimeUnit.SECONDS);
        }
        server.close();
    }

    @Test
    void lockIsExclusiveReentrantAndReleased() throws Exception {
        RLock lock = redisson.getLock("lock");
        lock.lock();
        assertThat(lock.isLocked()).isTrue();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.lock(); // reentrant
        assertThat(lock.getHoldCount()).isEqualTo(2);
        boolean[] otherGot = new boolean[1];
        Thread other = new Thread(() -> {
            try {
                otherGot[0] = redisson.getLock("lock").tryLock(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        other.join();
        assertThat(otherGot[0]).isFalse();
        lock.unlock();
        lock.unlock();
        assertThat(lock.isLocked()).isFalse();

        // A waiter is woken by the unlock's pub/sub message.
        lock.lock();
        long[] waited = new long[1];
        boolean[] got = new boolean[1];
        Thread waiter = new Thread(() -> {
            long start = System.nanoTime();
            try {
                RLock l = redisson.getLock("lock");
                got[0] = l.tryLock(10, 5, TimeUnit.SECONDS);
                if (got[0]) {
                    l.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            waited[0] = (System.nanoTime() - start) / 1_000_000;
        });
        waiter.start();
        Thread.sleep(300);
        lock.unlock();
        waiter.join(15_000);
        assertThat(got[0]).isTrue();
        assertThat(waited[0]).isLessThan(5_000);
    }

    @Test
    void tryLockWithLeaseTimeExpires() throws Exception {
        RLock lock = redisson.getLock("lease");
        assertThat(lock.tryLock(0, 300, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(lock.remainTimeToLive()).isBetween(1L, 300L);
        Thread.sleep(600);
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    void mapCacheEntriesExpire() throws Exception {
        RMapCache<String, String> map = redisson.getMapCache("cache");
        map.put("a", "1", 2, TimeUnit.SECONDS);
        map.put("b", "2");
        assertThat(map.get("a")).isEqualTo("1");
        assertThat(map.size()).isEqualTo(2);
        assertThat(map.putIfAbsent("b", "3")).isEqualTo("2");
        Thread.sleep(2_500);
        assertThat(map.get("a")).isNull();
        assertThat(map.get("b")).isEqualTo("2");
        assertThat(map.remove("b")).isEqualTo("2");
        assertThat(map.containsKey("b")).isFalse();
        assertThat(map.containsKey("a")).isFalse(); // expired, whether or not evicted yet
    }

    @Test
    void rateLimiterHandsOutItsPermits() {
        RRateLimiter limiter = redisson.getRateLimiter("limiter");
        assertThat(limiter.trySetRate(RateType.OVERALL, 5, 10, RateIntervalUnit.SECONDS)).isTrue();
        int granted = 0;
        for (int i = 0; i < 8; i++) {
            if (limiter.tryAcquire()) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(5);
        assertThat(limiter.availablePermits()).isZero();
    }

    @Test
    void semaphoreCountsPermits() throws Exception {
        RSemaphore semaphore = redisson.getSemaphore("sem");
        assertThat(semaphore.trySetPermits(2)).isTrue();
        assertThat(semaphore.tryAcquire()).isTrue();
        assertThat(semaphore.tryAcquire()).isTrue();
        assertThat(semaphore.tryAcquire()).isFalse();
        semaphore.release();
        assertThat(semaphore.availablePermits()).isEqualTo(1);
        assertThat(semaphore.tryAcquire(1, TimeUnit.SECONDS)).isTrue();
    }
}

package io.nioredis.command.hyperloglog;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.hll.HyperLogLogSelfTest;
import java.util.Random;

/** PFSELFTEST: Redis's own check of the register packing and the estimator; +OK or its TESTFAILED error. */
final class PfselftestCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        String failure = HyperLogLogSelfTest.run(new Random(), HllStrings.sparseMaxBytes(client));
        if (failure == null) {
            out.raw(Replies.OK);
        } else {
            out.error(failure);
        }
    }
}

package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.client.ClientLink;
import io.nioredis.tx.Transaction;

/**
 * One line of CLIENT LIST / CLIENT INFO in Redis 7.0's field order (getClientInfoString), from the
 * client's state and what the server knows of its socket. Fields for features nioredis lacks (sharded
 * pub/sub, tracking redirection) carry the values Redis shows when they are unused.
 */
final class ClientInfo {
    /** The reply buffer Redis reports as rbs/rbp; replies here go to one shared buffer. */
    private static final int READ_BUFFER = 16384;

    private ClientInfo() {}

    static String line(Client c) {
        long now = c.server().clock.millis();
        ClientLink link = c.link();
        Transaction tx = queue(c);
        long qbuf = link.queryBufferBytes();
        long qbufFree = link.queryBufferFree();
        long omem = link.outputBufferBytes();
        long obl = link.replyBufferBytes();
        long argvMem = argumentBytes(c.running());
        long multiMem = tx == null ? 0 : tx.argumentBytes();
        String cmd = c.lastCommand() == null ? "NULL" : c.lastCommand();
        StringBuilder b = new StringBuilder(256);
        b.append("id=").append(c.id())
                .append(" addr=").append(link.address())
                .append(" laddr=").append(link.localAddress())
                .append(" fd=").append(link.fd())
                .append(" name=").append(c.name() == null ? "" : new String(c.name(),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .append(" age=").append(Math.max(0, now - c.createdMillis()) / 1000)
                .append(" idle=").append(Math.max(0, now - c.lastInteractionMillis()) / 1000)
                .append(" flags=").append(flags(c))
                .append(" db=").append(c.db())
                .append(" sub=").append(c.subscriptions().channelCount())
                .append(" psub=").append(c.subscriptions().patternCount())
                .append(" ssub=").append(c.subscriptions().shardCount())
                .append(" multi=").append(tx == null ? -1 : tx.size())
                .append(" qbuf=").append(qbuf)
                .append(" qbuf-free=").append(qbufFree)
                .append(" argv-mem=").append(argvMem)
                .append(" multi-mem=").append(multiMem)
                .append(" rbs=").append(READ_BUFFER)
                .append(" rbp=").append(READ_BUFFER)
                .append(" obl=").append(obl)
                .append(" oll=").append(link.outputBlocks())
                .append(" omem=").append(omem)
                .append(" tot-mem=").append(qbuf + qbufFree + argvMem + multiMem + obl + omem)
                .append(" events=").append(link.events())
                .append(" cmd=").append(cmd)
                .append(" user=default")
                .append(" redir=-1")
                .append(" resp=").append(c.protocol())
                .append('\n');
        return b.toString();
    }

    /** The bytes of the arguments of the command a client is running (argv-mem), 0 between commands. */
    private static long argumentBytes(io.nioredis.resp.Request running) {
        long n = 0;
        if (running != null) {
            for (int i = 0; i < running.argc(); i++) {
                n += running.length(i);
            }
        }
        return n;
    }

    /** The client's MULTI queue: the one being filled, or the one EXEC is running. */
    private static Transaction queue(Client c) {
        return c.transaction() != null ? c.transaction() : c.runningQueue();
    }

    private static String flags(Client c) {
        StringBuilder f = new StringBuilder();
        if (c.isReplica()) {
            f.append('S');
        }
        if (c.isMaster()) {
            f.append('M');
        }
        if (c.paused()) {
            f.append('b'); // held by CLIENT PAUSE, shown as blocked as in Redis
        }
        if (c.subscriptions().total() > 0) {
            f.append('P');
        }
        if (queue(c) != null) {
            f.append('x');
        }
        if (c.isBlocked()) {
            f.append('b');
        }
        if (c.server().watches.dirty(c.watched())) {
            f.append('d');
        }
        if (c.closeAfterReply()) {
            f.append('c');
        }
        if (c.settings().noEvict) {
            f.append('e');
        }
        if (c.settings().noTouch) {
            f.append('T');
        }
        return f.length() == 0 ? "N" : f.toString();
    }
}

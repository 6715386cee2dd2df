package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * HELLO and the RESP3 encodings on a raw socket; every expected string is the exact bytes redis-server
 * 7.0.15 sent for the same requests.
 */
class Resp3IT {
    private static String helloMap(char type, int proto, long id) {
        return type + (type == '%' ? "7" : "14") + "\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n"
                + "$5\r\nproto\r\n:" + proto + "\r\n$2\r\nid\r\n:" + id + "\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n"
                + "$4\r\nrole\r\n$6\r\nmaster\r\n$7\r\nmodules\r\n*0\r\n";
    }

    @Test
    void helloSwitchesProtocolAndRepliesWithTheServerMap() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.command("CLIENT", "ID");
            long id = Long.parseLong(c.readReply().substring(1).trim());
            c.command("HELLO");
            assertThat(c.readLike(helloMap('*', 2, id))).isEqualTo(helloMap('*', 2, id));
            c.command("HELLO", "3");
            assertThat(c.readLike(helloMap('%', 3, id))).isEqualTo(helloMap('%', 3, id));
            c.command("HELLO", "2");
            assertThat(c.readLike(helloMap('*', 2, id))).isEqualTo(helloMap('*', 2, id));
        }
    }

    @Test
    void helloErrorsAsRedis() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.command("HELLO", "4");
            assertThat(c.readReply()).isEqualTo("-NOPROTO unsupported protocol version\r\n");
            c.command("HELLO", "x");
            assertThat(c.readReply()).isEqualTo("-ERR Protocol version is not an integer or out of range\r\n");
            c.command("HELLO", "3", "AUTH", "default");
            assertThat(c.readReply()).isEqualTo("-ERR Syntax error in HELLO option 'AUTH'\r\n");
            c.command("HELLO", "2", "AUTH", "bob", "x");
            assertThat(c.readReply()).isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            c.command("HELLO", "3", "SETNAME", "a b");
            assertThat(c.readReply())
                    .isEqualTo("-ERR Client names cannot contain spaces, newlines or special characters.\r\n");
            // None of the failed HELLOs switched the protocol.
            c.command("GET", "missing");
            assertThat(c.readReply()).isEqualTo("$-1\r\n");
        }
    }

    @Test
    void helloAuthWithoutRequirepassAcceptsAnyPasswordForDefaultAndSetsTheName() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.command("HELLO", "3", "AUTH", "default", "anything", "SETNAME", "worker-1");
            assertThat(c.readLike(helloMap('%', 3, 1))).isEqualTo(helloMap('%', 3, 1));
            c.command("CLIENT", "GETNAME");
            assertThat(c.readReply()).isEqualTo("$8\r\nworker-1\r\n");
        }
    }

    @Test
    void resp3EncodingsMatchRedis() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.command("HELLO", "3");
            c.readLike(helloMap('%', 3, 1));
            c.send("GET nokey\r\nCONFIG GET hz\r\nSET k v NX GET\r\nSET k v GET\r\nCLIENT GETNAME\r\n");
            assertThat(c.readLike("_\r\n%1\r\n$2\r\nhz\r\n$2\r\n10\r\n_\r\n$1\r\nv\r\n_\r\n"))
                    .isEqualTo("_\r\n%1\r\n$2\r\nhz\r\n$2\r\n10\r\n_\r\n$1\r\nv\r\n_\r\n");
            c.command("COMMAND", "DOCS", "echo");
            String docs = "%1\r\n$4\r\necho\r\n%5\r\n";
            assertThat(c.readLike(docs)).isEqualTo(docs);
        }
    }

    @Test
    void resp2RepliesAreUnchanged() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.send("GET nokey\r\nCONFIG GET hz\r\nSET k v NX GET\r\n");
            assertThat(c.readLike("$-1\r\n*2\r\n$2\r\nhz\r\n$2\r\n10\r\n$-1\r\n"))
                    .isEqualTo("$-1\r\n*2\r\n$2\r\nhz\r\n$2\r\n10\r\n$-1\r\n");
        }
    }

    @Test
    void resp3SubscriberMayRunAnyCommandAndGetsPushFrames() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.command("HELLO", "3");
            c.readLike(helloMap('%', 3, 1));
            c.send("SUBSCRIBE ch\r\nPING\r\nGET x\r\nPING x\r\nPUBLISH ch hi\r\n");
            String expected = ">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n+PONG\r\n_\r\n$1\r\nx\r\n"
                    + ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n:1\r\n";
            assertThat(c.readLike(expected)).isEqualTo(expected);
            c.command("RESET");
            assertThat(c.readReply()).isEqualTo("+RESET\r\n");
            c.command("GET", "x");
            assertThat(c.readReply()).isEqualTo("$-1\r\n"); // RESET went back to RESP2 and unsubscribed
        }
    }

    @Test
    void resp2SubscribedModeAllowsOnlyPubSubCommands() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.send("SUBSCRIBE ch\r\nPING\r\nPING x\r\nGET x\r\nPSUBSCRIBE p*\r\nUNSUBSCRIBE\r\nPUNSUBSCRIBE\r\n"
                    + "UNSUBSCRIBE\r\nGET x\r\n");
            String expected = "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n*2\r\n$4\r\npong\r\n$0\r\n\r\n"
                    + "*2\r\n$4\r\npong\r\n$1\r\nx\r\n"
                    + "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are "
                    + "allowed in this context\r\n"
                    + "*3\r\n$10\r\npsubscribe\r\n$2\r\np*\r\n:2\r\n*3\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n:1\r\n"
                    + "*3\r\n$12\r\npunsubscribe\r\n$2\r\np*\r\n:0\r\n*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n"
                    + "$-1\r\n";
            assertThat(c.readLike(expected)).isEqualTo(expected);
        }
    }

    @Test
    void transactionErrorsAsRedis() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.send("MULTI\r\nMULTI\r\nFOO\r\nEXEC\r\nEXEC\r\nDISCARD\r\nMULTI\r\nWATCH x\r\nSET a\r\nGET a\r\nEXEC\r\n"
                    + "MULTI\r\nSET a 1\r\nEXPIRE a x\r\nGET a\r\nEXEC\r\n");
            String expected = "+OK\r\n-ERR MULTI calls can not be nested\r\n"
                    + "-ERR unknown command 'FOO', with args beginning with: \r\n"
                    + "-EXECABORT Transaction discarded because of previous errors.\r\n-ERR EXEC without MULTI\r\n"
                    + "-ERR DISCARD without MULTI\r\n+OK\r\n-ERR WATCH inside MULTI is not allowed\r\n"
                    + "-ERR wrong number of arguments for 'set' command\r\n+QUEUED\r\n"
                    + "-EXECABORT Transaction discarded because of previous errors.\r\n"
                    + "+OK\r\n+QUEUED\r\n+QUEUED\r\n+QUEUED\r\n"
                    + "*3\r\n+OK\r\n-ERR value is not an integer or out of range\r\n$1\r\n1\r\n";
            assertThat(c.readLike(expected)).isEqualTo(expected);
        }
    }

    @Test
    void watchedKeyTouchedByAnotherClientOrFlushMakesExecReturnNull() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection a = server.raw(); RawConnection b = server.raw()) {
            a.send("SET wk 1\r\nWATCH wk\r\n");
            a.readLike("+OK\r\n+OK\r\n");
            b.command("SET", "wk", "2");
            b.readReply();
            a.send("MULTI\r\nGET wk\r\nEXEC\r\n");
            assertThat(a.readLike("+OK\r\n+QUEUED\r\n*-1\r\n")).isEqualTo("+OK\r\n+QUEUED\r\n*-1\r\n");
            // FLUSHDB touches only watched keys that existed (Redis's touchAllWatchedKeysInDb).
            a.send("WATCH nokey\r\nFLUSHDB\r\nMULTI\r\nPING\r\nEXEC\r\n");
            String kept = "+OK\r\n+OK\r\n+OK\r\n+QUEUED\r\n*1\r\n+PONG\r\n";
            assertThat(a.readLike(kept)).isEqualTo(kept);
            a.send("SET wk 1\r\nWATCH nokey wk\r\nFLUSHALL\r\nHELLO 3\r\n");
            a.readLike("+OK\r\n+OK\r\n+OK\r\n" + helloMap('%', 3, 1));
            a.send("MULTI\r\nPING\r\nEXEC\r\n");
            assertThat(a.readLike("+OK\r\n+QUEUED\r\n_\r\n")).isEqualTo("+OK\r\n+QUEUED\r\n_\r\n");
        }
    }

    @Test
    void clientReplyOffAndSkip() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.send("CLIENT REPLY OFF\r\nPING\r\nCLIENT REPLY SKIP\r\nPING\r\nCLIENT REPLY ON\r\nPING\r\n"
                    + "CLIENT REPLY SKIP\r\nPING\r\nPING 2\r\n");
            assertThat(c.readLike("+OK\r\n+PONG\r\n$1\r\n2\r\n")).isEqualTo("+OK\r\n+PONG\r\n$1\r\n2\r\n");
        }
    }
}

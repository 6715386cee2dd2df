package io.nioredis.command;

import io.nioredis.client.Client;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CommandHarness} with more clients, each with a recording link, for commands whose replies arrive
 * later (blocking commands): {@code waiter(2)} makes client 2, {@code h.runAs(w, "BLPOP", "k", "0")}
 * blocks it, and {@code pushed(w)} takes what was sent to it since.
 */
public final class BlockingHarness {
    public final CommandHarness h;
    private final List<Client> clients = new ArrayList<>();

    public BlockingHarness() {
        this(new CommandHarness());
    }

    /** Around a harness made otherwise (another configuration, a cluster node). */
    public BlockingHarness(CommandHarness harness) {
        h = harness;
        RecordingLink link = new RecordingLink();
        h.client.link(link);
        clients.add(h.client);
        h.client.peers(() -> clients);
    }

    /** A new client of the same server, with a recording link. */
    public Client client(long id) {
        Client c = new Client(id, h.state);
        c.link(new RecordingLink());
        c.peers(h.client.peers());
        clients.add(c);
        return c;
    }

    /** Runs a command as {@code c}; its immediate reply, empty if it blocked. */
    public String run(Client c, String... args) {
        return h.runAs(c, args);
    }

    /** What was sent to {@code c} outside its own replies since the last call (a served reply). */
    public static String pushed(Client c) {
        return ((RecordingLink) c.link()).take();
    }
}

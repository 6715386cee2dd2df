package io.nioredis.command.replication;

import io.nioredis.client.Client;
import io.nioredis.replication.ReplicaChannel;

/** A replica's connection is its client's: the stream goes out as pushed bytes, as pub/sub messages do. */
final class ClientReplicaChannel implements ReplicaChannel {
    private final Client client;

    ClientReplicaChannel(Client client) {
        this.client = client;
    }

    @Override
    public void send(byte[] b, int off, int len) {
        client.link().push(b, off, len);
    }

    @Override
    public String ip() {
        String address = client.link().address();
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }

    @Override
    public long unsent() {
        return client.link().outputBufferBytes();
    }

    @Override
    public void close() {
        client.link().kill();
    }

    /** The client's replica state, made on first use. */
    static io.nioredis.replication.Replica of(Client client) {
        if (client.replica() == null) {
            client.replica(new io.nioredis.replication.Replica(new ClientReplicaChannel(client)));
        }
        return client.replica();
    }
}

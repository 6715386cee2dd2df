package io.nioredis.replication;

/**
 * What the link to a master needs from a coordinated failover: whether its PSYNC should carry the FAILOVER
 * argument (this server, a master until now, asks its chosen replica to take over), and how the target
 * answered.
 */
public interface FailoverHandshake {
    boolean inProgress();

    /** +CONTINUE or +FULLRESYNC: the target is the master now. */
    void psyncAccepted();

    /** Any other answer, or a failed write: this server goes back to being the master. */
    void psyncRejected(String reason);

    FailoverHandshake NONE = new FailoverHandshake() {
        @Override
        public boolean inProgress() {
            return false;
        }

        @Override
        public void psyncAccepted() {}

        @Override
        public void psyncRejected(String reason) {}
    };
}

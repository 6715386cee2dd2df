package io.nioredis.diagnostics;

/** A client in MONITOR mode, as the feed sees it: somewhere to send each line. */
public interface MonitorSink {
    /** Queues one MONITOR line, already a complete RESP simple string. */
    void push(byte[] frame);
}

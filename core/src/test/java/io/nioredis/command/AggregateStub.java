package io.nioredis.command;

import io.nioredis.store.KeyedValue;
import java.util.ArrayList;
import java.util.List;

/** A minimal aggregate for tests that need a key of another type than string (WRONGTYPE, TYPE, COPY). */
public final class AggregateStub extends KeyedValue {
    public final List<String> elements = new ArrayList<>();

    AggregateStub(String key, String... elements) {
        this(key.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        this.elements.addAll(List.of(elements));
    }

    private AggregateStub(byte[] key) {
        super(key);
    }

    /** Puts a list-typed key into the harness's current database. */
    public static AggregateStub addTo(CommandHarness h, String key, String... elements) {
        AggregateStub value = new AggregateStub(key, elements);
        h.client.keyspace().add(value);
        return value;
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public long memoryUsage() {
        return 64 + 32L * elements.size();
    }

    @Override
    public KeyedValue copy(byte[] newKey) {
        AggregateStub copy = new AggregateStub(newKey);
        copy.elements.addAll(elements);
        return copy;
    }
}

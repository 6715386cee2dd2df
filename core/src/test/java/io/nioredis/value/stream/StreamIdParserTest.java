package io.nioredis.value.stream;

import static io.nioredis.value.stream.StreamTestSupport.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected values are what Redis 7.0.15 accepted or refused for the same arguments (XRANGE and XADD). */
class StreamIdParserTest {

    private static StreamId start(String text) {
        byte[] a = b(text);
        return StreamIdParser.parseRangeBound(a, 0, a.length, true);
    }

    private static StreamId end(String text) {
        byte[] a = b(text);
        return StreamIdParser.parseRangeBound(a, 0, a.length, false);
    }

    @Test
    void acceptsWhatStrtoullAccepts() {
        assertThat(start(" 5")).isEqualTo(new StreamId(5, 0));
        assertThat(start("+5")).isEqualTo(new StreamId(5, 0));
        assertThat(start("05")).isEqualTo(new StreamId(5, 0));
        assertThat(start("5-+5")).isEqualTo(new StreamId(5, 5));
        assertThat(start("5- 5")).isEqualTo(new StreamId(5, 5));
        assertThat(start("18446744073709551615")).isEqualTo(new StreamId(-1L, 0));
        assertThat(start("9223372036854775808")).isEqualTo(new StreamId(Long.MIN_VALUE, 0));
        assertThat(end("5")).isEqualTo(new StreamId(5, -1L));
        assertThat(start("-")).isEqualTo(StreamId.MIN);
        assertThat(start("+")).isEqualTo(StreamId.MAX);
    }

    @Test
    void refusesWhatRedisRefuses() {
        for (String bad : new String[] {"5 ", "-0", " -5", "0x5", "5-", "", "18446744073709551616", "(", "((5", "(-", "(+", "5--3", "a"}) {
            assertThatThrownBy(() -> start(bad)).as(bad).hasMessage(StreamErrors.INVALID_ID);
        }
    }

    @Test
    void exclusiveBoundsStepAndRefuseTheEdges() {
        assertThat(start("(5")).isEqualTo(new StreamId(5, 1));
        assertThat(start("(0-0")).isEqualTo(new StreamId(0, 1));
        assertThat(start("(5-18446744073709551615")).isEqualTo(new StreamId(6, 0));
        assertThat(end("(5-0")).isEqualTo(new StreamId(4, -1L));
        assertThat(end("(0")).isEqualTo(new StreamId(0, -2L));
        assertThatThrownBy(() -> start("(18446744073709551615-18446744073709551615"))
                .hasMessage(StreamErrors.INVALID_START_INTERVAL);
        assertThatThrownBy(() -> end("(0-0")).hasMessage(StreamErrors.INVALID_END_INTERVAL);
    }

    @Test
    void xaddIdForms() {
        assertThat(parseAdd("*")).isEqualTo(XaddId.AUTO);
        assertThat(parseAdd("5-*")).isEqualTo(XaddId.autoSequence(5));
        assertThat(parseAdd("5")).isEqualTo(XaddId.explicit(5, 0));
        assertThat(parseAdd("01-1")).isEqualTo(XaddId.explicit(1, 1));
        for (String bad : new String[] {"*-1", "*-*", "-*", "x-*", "-", "+", "5-5-*", "1-"}) {
            assertThatThrownBy(() -> parseAdd(bad)).as(bad).hasMessage(StreamErrors.INVALID_ID);
        }
    }

    @Test
    void printsUnsigned() {
        assertThat(StreamId.MAX.toString()).isEqualTo("18446744073709551615-18446744073709551615");
        assertThat(StreamId.MAX.incremented()).isNull();
        assertThat(StreamId.MIN.decremented()).isNull();
        assertThat(new StreamId(1, -1L).incremented()).isEqualTo(new StreamId(2, 0));
    }

    private static XaddId parseAdd(String text) {
        byte[] a = b(text);
        return StreamIdParser.parseXaddId(a, 0, a.length);
    }
}

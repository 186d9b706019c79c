package org.quartermaster.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysAndDropsWhitespace() {
        assertThat(canonical(" { \"b\" : [ 1 , 2 ], \"a\" : { \"y\": null, \"x\": true } } "))
                .isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[1,2]}");
    }

    @Test
    void sortsKeysByUtf16CodeUnits() {
        // RFC 8785 3.2.3: U+1F600 (surrogates D83D DE00) sorts before U+FB01 (ﬁ) by code unit.
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("\uFB01", 1);
        map.put("\uD83D\uDE00", 2);
        map.put("a", 3);
        assertThat(new String(CanonicalJson.write(map), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":3,\"\uD83D\uDE00\":2,\"\uFB01\":1}");
    }

    @Test
    void escapesMinimally() {
        assertThat(canonical("\"\\u0041\\/\\u00e9\\n\\u001f\\\"\\\\\\u2028\""))
                .isEqualTo("\"A/\u00e9\\n\\u001f\\\"\\\\\u2028\"");
    }

    @Test
    void writesJavaValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("qty", 12L);
        map.put("items", List.of("x", -3));
        map.put("ok", false);
        assertThat(new String(CanonicalJson.write(map), StandardCharsets.UTF_8))
                .isEqualTo("{\"items\":[\"x\",-3],\"ok\":false,\"qty\":12}");
    }

    @Test
    void rejectsWhatThisProjectDoesNotUse() {
        for (String bad : List.of("1.5", "1e3", "01", "{\"a\":1,\"a\":2}", "[1,]", "{a:1}",
                "\"\\ud800\"", "9007199254740992", "tru", "\"x", "[1] 2", "-", "\"\t\"")) {
            assertThatThrownBy(() -> CanonicalJson.canonicalize(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must");
        }
        assertThatThrownBy(() -> CanonicalJson.write(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize("[".repeat(100) + "]".repeat(100)))
                .hasMessageContaining("nesting");
    }

    @Test
    void canonicalFormIsAFixedPoint() {
        String once = canonical("{\"z\":[{\"b\":-9007199254740991,\"a\":\"\\u00fc\"}],\"m\":0}");
        assertThat(canonical(once)).isEqualTo(once);
        assertThat(once).isEqualTo("{\"m\":0,\"z\":[{\"a\":\"\u00fc\",\"b\":-9007199254740991}]}");
    }
}

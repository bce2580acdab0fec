package io.github.aoaiplatform.azapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules shared by the azapi props: the ARM type format and deeply immutable bodies. */
final class AzapiBodies {
    private AzapiBodies() {}

    private static final Pattern ARM_TYPE = Pattern.compile("Microsoft\\.[A-Za-z]+(/[A-Za-z]+)+@\\d{4}-\\d{2}-\\d{2}(-preview)?");

    /** What a valid ARM type looks like, for messages. */
    static final String ARM_TYPE_EXPECTATION = "an ARM type with API version, Microsoft.Provider/resource@yyyy-mm-dd[-preview]";

    static Pattern armType() { return ARM_TYPE; }

    /** A deeply immutable copy of an ARM body: nested maps keep their key order, lists their order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> body) {
        return (Map<String, Object>) copyValue(body);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copyValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copyValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}

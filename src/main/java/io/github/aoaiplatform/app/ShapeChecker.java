package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Walks a JSON tree against the record types it will be bound to and reports every unknown key and
 * every value of the wrong JSON type, with its path. Jackson alone stops at the first such error.
 */
final class ShapeChecker {
    private ShapeChecker() {}

    static void check(JsonNode node, Type type, String path, Problems problems) {
        if (node == null || node.isNull()) return;
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            if (!node.isObject()) { problems.add(pathOrRoot(path), "expected an object, got " + describe(node)); return; }
            Map<String, RecordComponent> components = Arrays.stream(raw.getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, c -> c));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                RecordComponent c = components.get(field.getKey());
                String child = Problems.child(path, field.getKey());
                if (c == null) {
                    problems.add(child, "unknown key; remove it or use one of: "
                            + components.keySet().stream().sorted().collect(Collectors.joining(", ")));
                } else {
                    check(field.getValue(), c.getGenericType(), child, problems);
                }
            }
        } else if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) { problems.add(path, "expected a list, got " + describe(node)); return; }
            Type element = typeArgument(type, 0);
            for (int i = 0; i < node.size(); i++) check(node.get(i), element, path + "[" + i + "]", problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) { problems.add(path, "expected an object, got " + describe(node)); return; }
            Type value = typeArgument(type, 1);
            node.fields().forEachRemaining(e -> check(e.getValue(), value, path + "." + e.getKey(), problems));
        } else if (raw == String.class) {
            if (!node.isTextual()) problems.add(path, "expected a string, got " + describe(node));
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            if (!node.isIntegralNumber()) problems.add(path, "expected a whole number, got " + describe(node));
        } else if (raw == double.class || raw == Double.class) {
            if (!node.isNumber()) problems.add(path, "expected a number, got " + describe(node));
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) problems.add(path, "expected true or false, got " + describe(node));
        } else if (raw.isEnum()) {
            List<String> names = Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList();
            if (!node.isTextual() || !names.contains(node.asText()))
                problems.add(path, "expected one of " + String.join(", ", names) + ", got " + describe(node));
        }
    }

    private static String pathOrRoot(String path) { return path.isEmpty() ? "(root)" : path; }

    private static String describe(JsonNode node) {
        return node.isTextual() ? "'" + node.asText() + "'" : node.getNodeType().toString().toLowerCase() + " " + node;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}

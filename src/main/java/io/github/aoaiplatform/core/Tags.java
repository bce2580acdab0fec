package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.Aspects;
import com.hashicorp.cdktf.IAspect;
import com.hashicorp.cdktf.TerraformResource;
import software.constructs.IConstruct;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tags that reach every taggable resource under a scope without passing them to each construct, like AWS CDK's
 * {@code Tags.of(scope)}: {@code Tags.of(stack).add("cost-center", "CC-1001")}. They are applied at synth by an aspect;
 * a tag a construct sets itself wins over one added here.
 */
public final class Tags {
    private final IConstruct scope;

    private Tags(IConstruct scope) { this.scope = scope; }

    /**
     * @param scope the scope whose resources get the tags
     * @return the scope's tags
     */
    public static Tags of(IConstruct scope) { return new Tags(scope); }

    /**
     * Adds a tag to every taggable resource under the scope.
     *
     * @param key   tag name (1-512 characters without {@code < > % & \ ? /})
     * @param value tag value (at most 256 characters)
     * @return this
     */
    public Tags add(String key, String value) {
        PropsCheck check = PropsCheck.of("Tags");
        check.check(key != null && !key.isBlank() && key.length() <= 512 && !key.matches(".*[<>%&\\\\?/].*"), "key",
                "'" + key + "' must be 1-512 characters without < > % & \\ ? /");
        check.check(value != null && value.length() <= 256, "value", "must be at most 256 characters");
        check.throwIfAny();
        Aspects.of(scope).add(new TagAspect(key, value));
        return this;
    }

    /**
     * Adds every entry as a tag.
     *
     * @param tags the tags
     * @return this
     */
    public Tags addAll(Map<String, String> tags) {
        tags.forEach(this::add);
        return this;
    }

    /** Sets one tag on every resource whose provider schema has a {@code tags} map. */
    private record TagAspect(String key, String value) implements IAspect {
        @Override
        public void visit(IConstruct node) {
            if (!(node instanceof TerraformResource resource)) return;
            Method getter = method(resource, "getTagsInput");
            Method setter = method(resource, "setTags", Map.class);
            if (getter == null || setter == null || !Map.class.isAssignableFrom(getter.getReturnType())) return;
            try {
                @SuppressWarnings("unchecked")
                Map<String, String> current = (Map<String, String>) getter.invoke(resource);
                if (current != null && current.containsKey(key)) return;
                Map<String, String> merged = new LinkedHashMap<>();
                if (current != null) merged.putAll(current);
                merged.put(key, value);
                setter.invoke(resource, merged);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot tag " + resource.getNode().getPath(), e);
            }
        }

        private static Method method(Object target, String name, Class<?>... parameters) {
            try {
                return target.getClass().getMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    }
}

package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.TerraformResource;
import software.constructs.IConstruct;
import software.constructs.IValidation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tags that reach every taggable resource under a scope without passing them to each construct, like AWS CDK's
 * {@code Tags.of(scope)}: {@code Tags.of(stack).add("cost-center", "CC-1001")}. Order does not matter: the tags are
 * applied to every resource under the scope when cdktf validates the tree at synth (which it does unless the app is
 * created with {@code skipValidation}). A tag a resource sets itself wins over one added here, and a scope's tag wins
 * over the same key added on an enclosing scope.
 *
 * <p>Why not a cdktf aspect: every aspect visit is a call from the JavaScript core back into Java, and the Java jsii
 * runtime nests those calls, so a few thousand of them overflow the stack; one validation per tagged scope does the
 * same work with a single call back.
 */
public final class Tags {
    private static final Map<IConstruct, Map<String, String>> TAGS = Collections.synchronizedMap(new WeakHashMap<>());

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
     * @param key   tag name: 1-512 characters without {@code < > % & \ ? /}
     * @param value tag value: at most 256 characters
     * @return this
     * @throws InvalidPropsException naming {@code key} or {@code value} when either breaks Azure's rules
     */
    public Tags add(String key, String value) {
        PropsCheck check = PropsCheck.of("Tags");
        check(check, "key", "value", key, value);
        check.throwIfAny();
        Map<String, String> own = TAGS.get(scope);
        if (own == null) {
            own = new LinkedHashMap<>();
            TAGS.put(scope, own);
            scope.getNode().addValidation(new Apply(scope));
        }
        own.put(key, value);
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

    /**
     * Azure's rule for a tag, for config layers that report it at their own paths.
     *
     * @param check      where problems go
     * @param keyField   the field to name for a bad key
     * @param valueField the field to name for a bad value
     * @param key        tag name
     * @param value      tag value
     */
    public static void check(PropsCheck check, String keyField, String valueField, String key, String value) {
        check.check(key != null && !key.isBlank() && key.length() <= 512 && !key.matches(".*[<>%&\\\\?/].*"), keyField,
                "'" + key + "' must be 1-512 characters without < > % & \\ ? /");
        check.check(value != null && value.length() <= 256, valueField, "must be at most 256 characters");
    }

    /** Sets the tags of a scope (and of tagged scopes inside it) on its resources; only the outermost tagged scope acts. */
    private record Apply(IConstruct scope) implements IValidation {
        @Override
        public List<String> validate() {
            if (taggedAncestors(scope).size() > 1) return List.of();       // an enclosing tagged scope does the work
            for (IConstruct node : scope.getNode().findAll())
                if (node instanceof TerraformResource resource) tag(resource);
            return List.of();
        }

        private static void tag(TerraformResource resource) {
            Method getter = method(resource, "getTagsInput");
            Method setter = method(resource, "setTags", Map.class);
            if (getter == null || setter == null || !Map.class.isAssignableFrom(getter.getReturnType())) return;
            Map<String, String> merged = new LinkedHashMap<>();
            for (IConstruct tagged : taggedAncestors(resource)) merged.putAll(TAGS.get(tagged));   // outermost first
            try {
                @SuppressWarnings("unchecked")
                Map<String, String> own = (Map<String, String>) getter.invoke(resource);
                if (own != null) merged.putAll(own);
                setter.invoke(resource, merged);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot tag " + resource.getNode().getPath(), e);
            }
        }

        /** The scopes from the root down to {@code node} that have tags. */
        private static List<IConstruct> taggedAncestors(IConstruct node) {
            List<IConstruct> tagged = new ArrayList<>();
            for (IConstruct s : node.getNode().getScopes()) if (TAGS.containsKey(s)) tagged.add(s);
            return tagged;
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

package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.TerraformResource;
import software.constructs.IConstruct;
import software.constructs.IValidation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Tags that reach every taggable resource under a scope without passing them to each construct, like AWS CDK's
 * {@code Tags.of(scope)}: {@code Tags.of(stack).add("cost-center", "CC-1001")}. Order does not matter: the tags are
 * applied to every resource under the scope when the tree is validated, by cdktf at synth unless the app is created
 * with {@code skipValidation}, or by {@code TerraformStack.runAllValidations()} (which the platform app calls for every
 * stack before it writes anything, then synthesizing with {@code skipValidation}). A tag a resource sets itself wins
 * over one added here, and a scope's tag wins over the same key added on an enclosing scope. Applying twice gives the
 * same tags.
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

    /**
     * Sets the tags of a scope (and of tagged scopes inside it) on its resources; only the outermost tagged scope acts.
     * Each question to the construct tree is a round trip to the JavaScript core, so the tree is listed once per
     * tagged scope and each resource costs at most two calls: read its own tags, set the merged ones (not needed when
     * its own tags already hold every key).
     */
    private record Apply(IConstruct scope) implements IValidation {
        @Override
        public List<String> validate() {
            for (IConstruct s : scope.getNode().getScopes())
                if (s != scope && TAGS.containsKey(s)) return List.of();    // an enclosing tagged scope does the work
            List<IConstruct> all = scope.getNode().findAll();               // pre-order: a scope before what it holds
            // The tagged scopes here, outermost first, each with the constructs under it.
            Map<IConstruct, Set<IConstruct>> tagged = new LinkedHashMap<>();
            for (IConstruct node : all)
                if (TAGS.containsKey(node))
                    tagged.put(node, identitySet(node == scope ? all : node.getNode().findAll()));
            for (IConstruct node : all) {
                if (!(node instanceof TerraformResource resource)) continue;
                Map<String, String> merged = new LinkedHashMap<>();
                tagged.forEach((s, under) -> { if (under.contains(node)) merged.putAll(TAGS.get(s)); });
                tag(resource, merged);
            }
            return List.of();
        }

        /** Sets {@code tags} under the resource's own tags, when it has tags at all. */
        private static void tag(TerraformResource resource, Map<String, String> tags) {
            Method getter = method(resource, "getTagsInput");
            Method setter = method(resource, "setTags", Map.class);
            if (getter == null || setter == null || !Map.class.isAssignableFrom(getter.getReturnType())) return;
            try {
                @SuppressWarnings("unchecked")
                Map<String, String> own = (Map<String, String>) getter.invoke(resource);
                if (own != null && own.keySet().containsAll(tags.keySet())) return;   // its own tags win: nothing to add
                if (own != null) tags.putAll(own);
                setter.invoke(resource, tags);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot tag " + resource.getNode().getPath(), e);
            }
        }

        private static Set<IConstruct> identitySet(List<IConstruct> constructs) {
            Set<IConstruct> set = Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(constructs);
            return set;
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

package io.github.aoaiplatform.apim.policy;

/**
 * {@code <cache-lookup-value key="…" variable-name="…"/>}: reads a value stored with {@link CacheStoreValue} into a
 * variable; the variable stays unset on a miss.
 */
public final class CacheLookupValue extends PolicyElement {

    static final String ELEMENT = "cache-lookup-value";

    private final String key;
    private final String variableName;

    private CacheLookupValue(String key, String variableName) {
        this.key = Checks.requireText(key, ELEMENT, "key", "give the cache key, a literal or a policy expression");
        this.variableName = Checks.variableName(variableName, ELEMENT, "variable-name");
    }

    /**
     * Looks a value up.
     *
     * @param key          the cache key: a literal or a policy expression
     * @param variableName the variable that receives the value on a hit
     * @return the policy
     */
    public static CacheLookupValue of(String key, String variableName) {
        return new CacheLookupValue(key, variableName);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /** @return the cache key */
    public String key() {
        return key;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("key", key).attr("variable-name", variableName).build();
    }
}

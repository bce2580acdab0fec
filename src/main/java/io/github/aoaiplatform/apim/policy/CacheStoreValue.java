package io.github.aoaiplatform.apim.policy;

/** {@code <cache-store-value key="…" value="…" duration="…"/>}: keeps a value in the gateway's cache for a number of seconds. */
public final class CacheStoreValue extends PolicyElement {

    static final String ELEMENT = "cache-store-value";

    private final String key;
    private final String value;
    private final long durationSeconds;

    private CacheStoreValue(String key, String value, long durationSeconds) {
        this.key = Checks.requireText(key, ELEMENT, "key", "give the cache key, a literal or a policy expression");
        this.value = Checks.requireText(value, ELEMENT, "value", "give the value, a literal or a policy expression");
        this.durationSeconds = Checks.requirePositive(durationSeconds, ELEMENT, "duration");
    }

    /**
     * Stores a value.
     *
     * @param key             the cache key: a literal or a policy expression
     * @param value           the value: a literal or a policy expression
     * @param durationSeconds how long the value is kept, &gt; 0
     * @return the policy
     */
    public static CacheStoreValue of(String key, String value, long durationSeconds) {
        return new CacheStoreValue(key, value, durationSeconds);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /** @return the cache key */
    public String key() {
        return key;
    }

    /** @return how long the value is kept, in seconds */
    public long durationSeconds() {
        return durationSeconds;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("key", key).attr("value", value).attr("duration", durationSeconds).build();
    }
}

package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.openai.IOpenAiAccount;

import java.util.regex.Pattern;

/**
 * One Azure OpenAI account behind an {@link OpenAiApi}: its endpoint and deployment names come from the account, so
 * they cannot disagree with what is deployed.
 *
 * @param account  the account. Required.
 * @param key      short name of the backend, unique within the API: the backend is named {@code aoai-<key>} and its
 *                 construct id is {@code Backend-<key>} (part of the Terraform address, so keep it stable); 1-40 letters,
 *                 digits or hyphens. Give each account of one region its own key (e.g. {@code eastus-ptu}).
 *                 Defaults to: the account's region.
 * @param priority pool priority, {@value BackendPool#MIN_PRIORITY}-{@value BackendPool#MAX_PRIORITY}, lower is preferred;
 *                 Defaults to: 1.
 * @param weight   pool weight within a priority, {@value BackendPool#MIN_WEIGHT}-{@value BackendPool#MAX_WEIGHT};
 *                 Defaults to: 1.
 * @param grantInvoke whether the gateway grants its identity invoke on the account; false when the account's owner
 *                 grants the role (an account in another subscription or Entra tenant, which this deployment cannot
 *                 assign roles in); Defaults to: true.
 * @param tokenFromProduct the account is in another Entra tenant: the product policy of the department it belongs to
 *                 leaves the token for it in {@value DefaultPolicy#BACKEND_TOKEN_VARIABLE}
 *                 ({@link DepartmentPolicyProps#backendToken()}), which the API then sends instead of the gateway
 *                 identity's; Defaults to: false.
 * @param tenant   the department (product) whose own account this is: its product names the backend in
 *                 {@value DefaultPolicy#TENANT_BACKEND_VARIABLE} so that its calls for no deployment (files, batches) come
 *                 here; Defaults to: none (a shared account).
 */
public record OpenAiBackend(IOpenAiAccount account, String key, Integer priority, Integer weight, Boolean grantInvoke,
                            Boolean tokenFromProduct, String tenant) {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");

    /**
     * Validates every field and fills defaults; see the record's components.
     *
     * @param account see {@link #account()}
     * @param key see {@link #key()}
     * @param priority see {@link #priority()}
     * @param weight see {@link #weight()}
     * @param grantInvoke see {@link #grantInvoke()}
     * @param tokenFromProduct see {@link #tokenFromProduct()}
     * @param tenant see {@link #tenant()}
     */
    public OpenAiBackend {
        PropsCheck check = PropsCheck.of("OpenAiBackend");
        if (check.require("account", account) && key == null) key = account.location();
        check.matches("key", key, KEY, "1-40 letters, digits or hyphens, starting with a letter or digit");
        priority = priority == null ? 1 : priority;
        weight = weight == null ? 1 : weight;
        grantInvoke = grantInvoke == null ? Boolean.TRUE : grantInvoke;
        tokenFromProduct = tokenFromProduct == null ? Boolean.FALSE : tokenFromProduct;
        check.between("priority", priority, BackendPool.MIN_PRIORITY, BackendPool.MAX_PRIORITY);
        check.between("weight", weight, BackendPool.MIN_WEIGHT, BackendPool.MAX_WEIGHT);
        check.throwIfAny();
    }

    /**
     * @param account the account
     * @return a backend keyed by the account's region, with priority 1 and weight 1
     */
    public static OpenAiBackend of(IOpenAiAccount account) { return builder().account(account).build(); }

    /** @return the APIM backend name, {@code aoai-<key>} */
    public String backendName() { return OpenAiApi.backendName(key); }

    /** @return a builder for {@link OpenAiBackend}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link OpenAiBackend}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IOpenAiAccount account;
        private String key;
        private Integer priority;
        private Integer weight;
        private Boolean grantInvoke;
        private Boolean tokenFromProduct;
        private String tenant;

        private Builder() {}

        /**
         * Sets {@link OpenAiBackend#account()}.
         *
         * @param account the value
         * @return this builder
         */
        public Builder account(IOpenAiAccount account) { this.account = account; return this; }

        /**
         * Sets {@link OpenAiBackend#key()}.
         *
         * @param key the value
         * @return this builder
         */
        public Builder key(String key) { this.key = key; return this; }

        /**
         * Sets {@link OpenAiBackend#priority()}.
         *
         * @param priority the value
         * @return this builder
         */
        public Builder priority(Integer priority) { this.priority = priority; return this; }

        /**
         * Sets {@link OpenAiBackend#weight()}.
         *
         * @param weight the value
         * @return this builder
         */
        public Builder weight(Integer weight) { this.weight = weight; return this; }

        /**
         * Sets {@link OpenAiBackend#grantInvoke()}.
         *
         * @param grantInvoke the value
         * @return this builder
         */
        public Builder grantInvoke(Boolean grantInvoke) { this.grantInvoke = grantInvoke; return this; }

        /**
         * Sets {@link OpenAiBackend#tokenFromProduct()}.
         *
         * @param tokenFromProduct the value
         * @return this builder
         */
        public Builder tokenFromProduct(Boolean tokenFromProduct) { this.tokenFromProduct = tokenFromProduct; return this; }

        /**
         * Sets {@link OpenAiBackend#tenant()}.
         *
         * @param tenant the value
         * @return this builder
         */
        public Builder tenant(String tenant) { this.tenant = tenant; return this; }

        /**
         * @return the validated, immutable backend
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public OpenAiBackend build() { return new OpenAiBackend(account, key, priority, weight, grantInvoke, tokenFromProduct, tenant); }
    }
}

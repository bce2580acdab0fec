package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.List;
import java.util.Map;

/**
 * The inputs of an {@link AzapiUpdateResource}.
 *
 * @param provider   the {@link AzapiProvider} the resource uses. Required.
 * @param type       ARM type with API version, e.g. {@code Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview}.
 *                   Required.
 * @param resourceId id of the existing resource (usually a reference to the azurerm resource). Required.
 * @param body       the properties to set, as plain maps and lists, copied deeply immutable. Required, not empty.
 * @param dependsOn  explicit dependencies; Defaults to: none.
 */
public record AzapiUpdateResourceProps(TerraformProvider provider, String type, String resourceId, Map<String, Object> body,
                                       List<ITerraformDependable> dependsOn) {
    /**
     * Validates, copies and fills defaults; see the record's components.
     *
     * @param provider   see {@link #provider()}
     * @param type       see {@link #type()}
     * @param resourceId see {@link #resourceId()}
     * @param body       see {@link #body()}
     * @param dependsOn  see {@link #dependsOn()}
     */
    public AzapiUpdateResourceProps {
        PropsCheck check = PropsCheck.of("AzapiUpdateResourceProps");
        check.require("provider", provider);
        if (check.require("type", type)) check.matches("type", type, AzapiBodies.armType(), AzapiBodies.ARM_TYPE_EXPECTATION);
        check.require("resourceId", resourceId);
        check.check(body != null && !body.isEmpty(), "body", "must set at least one property");
        check.throwIfAny();
        body = AzapiBodies.copy(body);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** @return a builder for {@link AzapiUpdateResourceProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link AzapiUpdateResourceProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private TerraformProvider provider;
        private String type;
        private String resourceId;
        private Map<String, Object> body;
        private List<ITerraformDependable> dependsOn;

        private Builder() {}

        /**
         * Sets {@link AzapiUpdateResourceProps#provider()}.
         *
         * @param provider the value
         * @return this builder
         */
        public Builder provider(TerraformProvider provider) { this.provider = provider; return this; }

        /**
         * Sets {@link AzapiUpdateResourceProps#type()}.
         *
         * @param type the value
         * @return this builder
         */
        public Builder type(String type) { this.type = type; return this; }

        /**
         * Sets {@link AzapiUpdateResourceProps#resourceId()}.
         *
         * @param resourceId the value
         * @return this builder
         */
        public Builder resourceId(String resourceId) { this.resourceId = resourceId; return this; }

        /**
         * Sets {@link AzapiUpdateResourceProps#body()}.
         *
         * @param body the value
         * @return this builder
         */
        public Builder body(Map<String, Object> body) { this.body = body; return this; }

        /**
         * Sets {@link AzapiUpdateResourceProps#dependsOn()}.
         *
         * @param dependsOn the value
         * @return this builder
         */
        public Builder dependsOn(List<ITerraformDependable> dependsOn) { this.dependsOn = dependsOn; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public AzapiUpdateResourceProps build() { return new AzapiUpdateResourceProps(provider, type, resourceId, body, dependsOn); }
    }
}

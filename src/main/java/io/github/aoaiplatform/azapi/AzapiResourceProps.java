package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of an {@link AzapiResource}.
 *
 * @param provider         the {@link AzapiProvider} the resource uses. Required.
 * @param type             ARM type with API version, e.g. {@code Microsoft.ApiManagement/service/backends@2024-06-01-preview}.
 *                         Required.
 * @param name             resource name. Required.
 * @param parentId         id of the parent resource (resource group or parent resource). Required.
 * @param body             the ARM body ({@code properties} etc.) as plain maps and lists, copied deeply immutable; may
 *                         contain Terraform references. Required.
 * @param schemaValidation validate the body against azapi's embedded schema; Defaults to: true.
 * @param dependsOn        explicit dependencies; Defaults to: none.
 * @param tags             tags of a resource whose ARM type has tags (the {@code Tags} aspect adds the platform-wide
 *                         tags to it); Defaults to: none, and null means the type has no tags (most child types, e.g.
 *                         API Management's), so the aspect leaves the resource alone.
 */
public record AzapiResourceProps(TerraformProvider provider, String type, String name, String parentId, Map<String, Object> body,
                                 Boolean schemaValidation, List<ITerraformDependable> dependsOn, Map<String, String> tags) {
    /**
     * Validates, copies and fills defaults; see the record's components.
     *
     * @param provider         see {@link #provider()}
     * @param type             see {@link #type()}
     * @param name             see {@link #name()}
     * @param parentId         see {@link #parentId()}
     * @param body             see {@link #body()}
     * @param schemaValidation see {@link #schemaValidation()}
     * @param dependsOn        see {@link #dependsOn()}
     * @param tags             see {@link #tags()}
     */
    public AzapiResourceProps {
        PropsCheck check = PropsCheck.of("AzapiResourceProps");
        check.require("provider", provider);
        if (check.require("type", type)) check.matches("type", type, AzapiBodies.armType(), AzapiBodies.ARM_TYPE_EXPECTATION);
        check.require("name", name);
        check.require("parentId", parentId);
        check.check(body != null, "body", "is required: the ARM body, e.g. {properties: {...}}");
        check.throwIfAny();
        body = AzapiBodies.copy(body);
        schemaValidation = schemaValidation == null || schemaValidation;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        tags = tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** @return a builder for {@link AzapiResourceProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link AzapiResourceProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private TerraformProvider provider;
        private String type;
        private String name;
        private String parentId;
        private Map<String, Object> body;
        private Boolean schemaValidation;
        private List<ITerraformDependable> dependsOn;
        private Map<String, String> tags;

        private Builder() {}

        /**
         * Sets {@link AzapiResourceProps#provider()}.
         *
         * @param provider the value
         * @return this builder
         */
        public Builder provider(TerraformProvider provider) { this.provider = provider; return this; }

        /**
         * Sets {@link AzapiResourceProps#type()}.
         *
         * @param type the value
         * @return this builder
         */
        public Builder type(String type) { this.type = type; return this; }

        /**
         * Sets {@link AzapiResourceProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link AzapiResourceProps#parentId()}.
         *
         * @param parentId the value
         * @return this builder
         */
        public Builder parentId(String parentId) { this.parentId = parentId; return this; }

        /**
         * Sets {@link AzapiResourceProps#body()}.
         *
         * @param body the value
         * @return this builder
         */
        public Builder body(Map<String, Object> body) { this.body = body; return this; }

        /**
         * Sets {@link AzapiResourceProps#schemaValidation()}.
         *
         * @param schemaValidation the value
         * @return this builder
         */
        public Builder schemaValidation(Boolean schemaValidation) { this.schemaValidation = schemaValidation; return this; }

        /**
         * Sets {@link AzapiResourceProps#dependsOn()}.
         *
         * @param dependsOn the value
         * @return this builder
         */
        public Builder dependsOn(List<ITerraformDependable> dependsOn) { this.dependsOn = dependsOn; return this; }

        /**
         * Sets {@link AzapiResourceProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public AzapiResourceProps build() { return new AzapiResourceProps(provider, type, name, parentId, body, schemaValidation, dependsOn, tags); }
    }
}

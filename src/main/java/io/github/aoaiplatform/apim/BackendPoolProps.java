package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link BackendPool}.
 *
 * @param name            pool name, the backend-id policies route to: 1-80 letters, digits, . _ - starting with a letter
 *                        or digit. Required.
 * @param apiManagementId the API Management service id (the pool's parent). Required.
 * @param description     free text; Defaults to: none.
 * @param members         1-{@value BackendPool#MAX_MEMBERS} member backends, each once. Required.
 * @param azapi           the azapi provider (azurerm cannot express pools). Required.
 */
public record BackendPoolProps(String name, String apiManagementId, String description, List<BackendPoolMember> members,
                               TerraformProvider azapi) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /**
     * Validates every field and copies the members; see the record's components.
     *
     * @param name see {@link #name()}
     * @param apiManagementId see {@link #apiManagementId()}
     * @param description see {@link #description()}
     * @param members see {@link #members()}
     * @param azapi see {@link #azapi()}
     */
    public BackendPoolProps {
        PropsCheck check = PropsCheck.of("BackendPoolProps");
        if (check.require("name", name)) check.matches("name", name, NAME, "1-80 letters, digits, . _ - starting with a letter or digit");
        check.require("apiManagementId", apiManagementId);
        members = members == null ? List.of() : List.copyOf(members);
        check.check(!members.isEmpty() && members.size() <= BackendPool.MAX_MEMBERS, "members",
                "needs 1-" + BackendPool.MAX_MEMBERS + " member backends, got " + members.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++)
            if (!seen.add(members.get(i).backendId()))
                check.add("members[" + i + "].backendId", "backend " + members.get(i).backendId() + " is listed twice; list each backend once");
        check.require("azapi", azapi);
        check.throwIfAny();
    }

    /** @return a builder for {@link BackendPoolProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link BackendPoolProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String apiManagementId;
        private String description;
        private List<BackendPoolMember> members;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link BackendPoolProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link BackendPoolProps#apiManagementId()}.
         *
         * @param apiManagementId the value
         * @return this builder
         */
        public Builder apiManagementId(String apiManagementId) { this.apiManagementId = apiManagementId; return this; }

        /**
         * Sets {@link BackendPoolProps#description()}.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) { this.description = description; return this; }

        /**
         * Sets {@link BackendPoolProps#members()}.
         *
         * @param members the value
         * @return this builder
         */
        public Builder members(List<BackendPoolMember> members) { this.members = members; return this; }

        /**
         * Sets {@link BackendPoolProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public BackendPoolProps build() { return new BackendPoolProps(name, apiManagementId, description, members, azapi); }
    }
}

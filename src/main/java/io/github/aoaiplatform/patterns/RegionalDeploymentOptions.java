package io.github.aoaiplatform.patterns;

import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.openai.DeploymentOptions;

import java.util.List;

/**
 * A model deployment of a {@link RegionalOpenAi} and the accounts that get it.
 *
 * @param deployment the deployment. Required.
 * @param regions    regions whose accounts get it; Defaults to: every region.
 * @param accounts   ids ({@link RegionalAccountOptions#id()}) of the accounts that get it, in those regions; Defaults
 *                   to: every account.
 */
public record RegionalDeploymentOptions(DeploymentOptions deployment, List<String> regions, List<String> accounts) {
    /**
     * Validates and copies.
     *
     * @param deployment see {@link #deployment()}
     * @param regions see {@link #regions()}
     * @param accounts see {@link #accounts()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public RegionalDeploymentOptions {
        regions = regions == null ? List.of() : List.copyOf(regions);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        PropsCheck check = PropsCheck.of("RegionalDeploymentOptions");
        check.require("deployment", deployment);
        check.throwIfAny();
    }

    /**
     * @param deployment a deployment
     * @return the deployment on every account
     */
    public static RegionalDeploymentOptions everywhere(DeploymentOptions deployment) {
        return new RegionalDeploymentOptions(deployment, null, null);
    }

    /**
     * @param account an account of the pattern
     * @return whether the account gets this deployment
     */
    boolean targets(RegionalAccountOptions account) {
        return (regions.isEmpty() || regions.contains(account.region())) && (accounts.isEmpty() || accounts.contains(account.id()));
    }

    /** @return a builder for {@link RegionalDeploymentOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link RegionalDeploymentOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private DeploymentOptions deployment;
        private List<String> regions;
        private List<String> accounts;

        private Builder() {}

        /**
         * Sets {@link RegionalDeploymentOptions#deployment()}.
         *
         * @param deployment the value
         * @return this builder
         */
        public Builder deployment(DeploymentOptions deployment) { this.deployment = deployment; return this; }

        /**
         * Sets {@link RegionalDeploymentOptions#regions()}.
         *
         * @param regions the value
         * @return this builder
         */
        public Builder regions(List<String> regions) { this.regions = regions; return this; }

        /**
         * Sets {@link RegionalDeploymentOptions#accounts()}.
         *
         * @param accounts the value
         * @return this builder
         */
        public Builder accounts(List<String> accounts) { this.accounts = accounts; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public RegionalDeploymentOptions build() { return new RegionalDeploymentOptions(deployment, regions, accounts); }
    }
}

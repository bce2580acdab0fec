package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of a content-filter (RAI) policy, independent of the account it goes on, so that one definition can be
 * created on several accounts ({@link ContentFilterProps}).
 *
 * @param name              policy name, what deployments name in {@link DeploymentOptions#contentFilter()}. Required.
 * @param basePolicy        built-in policy this one refines; Defaults to: {@code Microsoft.DefaultV2}.
 * @param severityThreshold lowest severity that is blocked, one of {@link #SEVERITIES} ({@code Low} blocks most);
 *                          Defaults to: {@code Medium}.
 * @param promptShields     block jailbreak attempts in prompts; Defaults to: true.
 * @param mode              streaming mode, one of {@link #MODES}; Defaults to: {@code Default} (filter before returning
 *                          each chunk).
 * @param blocklists        names of {@link Blocklist}s on the same account that block on prompts and completions, each
 *                          once; Defaults to: none.
 */
public record ContentFilterOptions(String name, String basePolicy, String severityThreshold, Boolean promptShields, String mode,
                                   List<String> blocklists) {
    /** The severity thresholds Azure accepts, most blocking first. */
    public static final List<String> SEVERITIES = List.of("Low", "Medium", "High");
    /** The streaming modes Azure accepts. */
    public static final List<String> MODES = List.of("Default", "Deferred", "Blocking", "Asynchronous_filter");
    /** The name of {@link #platformDefault}, the filter deployments get when they name none. */
    public static final String PLATFORM_DEFAULT = "platform-default";

    /**
     * The platform's default filter: Azure's default thresholds ({@code Medium}) on every harm category, prompt shields,
     * and the given blocklists, all blocking.
     *
     * @param blocklists the blocklists it attaches
     * @return the filter named {@value #PLATFORM_DEFAULT}
     */
    public static ContentFilterOptions platformDefault(List<String> blocklists) {
        return builder().name(PLATFORM_DEFAULT).blocklists(blocklists).build();
    }

    /**
     * Validates every field and fills defaults.
     *
     * @param name see {@link #name()}
     * @param basePolicy see {@link #basePolicy()}
     * @param severityThreshold see {@link #severityThreshold()}
     * @param promptShields see {@link #promptShields()}
     * @param mode see {@link #mode()}
     * @param blocklists see {@link #blocklists()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public ContentFilterOptions {
        basePolicy = basePolicy == null ? "Microsoft.DefaultV2" : basePolicy;
        severityThreshold = severityThreshold == null ? "Medium" : severityThreshold;
        promptShields = promptShields == null || promptShields;
        mode = mode == null ? "Default" : mode;
        blocklists = blocklists == null ? List.of() : List.copyOf(blocklists);
        PropsCheck check = PropsCheck.of("ContentFilterOptions");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < blocklists.size(); i++)
            check.check(seen.add(blocklists.get(i)), "blocklists[" + i + "]", "'" + blocklists.get(i) + "' is listed twice");
        check.require("name", name);
        check.check(ContentFilter.isBuiltIn(basePolicy), "basePolicy", "'" + basePolicy + "' must be a built-in policy such as Microsoft.DefaultV2");
        check.check(SEVERITIES.contains(severityThreshold), "severityThreshold", "'" + severityThreshold + "' must be one of " + SEVERITIES);
        check.check(MODES.contains(mode), "mode", "'" + mode + "' must be one of " + MODES);
        check.throwIfAny();
    }

    /** @return a builder for {@link ContentFilterOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ContentFilterOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String basePolicy;
        private String severityThreshold;
        private Boolean promptShields;
        private String mode;
        private List<String> blocklists;

        private Builder() {}

        /**
         * Sets {@link ContentFilterOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link ContentFilterOptions#basePolicy()}.
         *
         * @param basePolicy the value
         * @return this builder
         */
        public Builder basePolicy(String basePolicy) { this.basePolicy = basePolicy; return this; }

        /**
         * Sets {@link ContentFilterOptions#severityThreshold()}.
         *
         * @param severityThreshold the value
         * @return this builder
         */
        public Builder severityThreshold(String severityThreshold) { this.severityThreshold = severityThreshold; return this; }

        /**
         * Sets {@link ContentFilterOptions#promptShields()}.
         *
         * @param promptShields the value
         * @return this builder
         */
        public Builder promptShields(Boolean promptShields) { this.promptShields = promptShields; return this; }

        /**
         * Sets {@link ContentFilterOptions#mode()}.
         *
         * @param mode the value
         * @return this builder
         */
        public Builder mode(String mode) { this.mode = mode; return this; }

        /**
         * Sets {@link ContentFilterOptions#blocklists()}.
         *
         * @param blocklists the value
         * @return this builder
         */
        public Builder blocklists(List<String> blocklists) { this.blocklists = blocklists; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ContentFilterOptions build() { return new ContentFilterOptions(name, basePolicy, severityThreshold, promptShields, mode, blocklists); }
    }
}

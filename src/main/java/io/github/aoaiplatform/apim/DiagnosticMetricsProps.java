package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.providers.azurerm.api_management_api_diagnostic.ApiManagementApiDiagnostic;
import io.github.aoaiplatform.core.PropsCheck;

/**
 * The inputs of a {@link DiagnosticMetrics}.
 *
 * @param diagnostic the Application Insights API diagnostic whose {@code metrics} flag is switched on. Required.
 * @param azapi      the azapi provider. Required.
 */
public record DiagnosticMetricsProps(ApiManagementApiDiagnostic diagnostic, TerraformProvider azapi) {
    /**
     * Validates every field; see the record's components.
     *
     * @param diagnostic see {@link #diagnostic()}
     * @param azapi see {@link #azapi()}
     */
    public DiagnosticMetricsProps {
        PropsCheck check = PropsCheck.of("DiagnosticMetricsProps");
        check.require("diagnostic", diagnostic);
        check.require("azapi", azapi);
        check.throwIfAny();
    }

    /** @return a builder for {@link DiagnosticMetricsProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link DiagnosticMetricsProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private ApiManagementApiDiagnostic diagnostic;
        private TerraformProvider azapi;

        private Builder() {}

        /**
         * Sets {@link DiagnosticMetricsProps#diagnostic()}.
         *
         * @param diagnostic the value
         * @return this builder
         */
        public Builder diagnostic(ApiManagementApiDiagnostic diagnostic) { this.diagnostic = diagnostic; return this; }

        /**
         * Sets {@link DiagnosticMetricsProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public DiagnosticMetricsProps build() { return new DiagnosticMetricsProps(diagnostic, azapi); }
    }
}

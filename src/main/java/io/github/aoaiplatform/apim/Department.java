package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.providers.azurerm.api_management_product.ApiManagementProduct;
import com.hashicorp.cdktf.providers.azurerm.api_management_product_api.ApiManagementProductApi;
import com.hashicorp.cdktf.providers.azurerm.api_management_product_policy.ApiManagementProductPolicy;
import com.hashicorp.cdktf.providers.azurerm.api_management_subscription.ApiManagementSubscription;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A department on the gateway: an API Management product (id = the department name) holding the Azure OpenAI API,
 * one subscription per configured name (each with its own key pair; the platform creates them, so the product requires
 * approval and allows no more subscriptions than configured), and the {@link DepartmentPolicy} with the department's
 * limits. The product id is what the token metrics report as the Department dimension.
 *
 * <p>Child ids: {@code Product}, {@code ProductApi}, {@code Policy}, {@code Subscription-<name>}.
 */
public final class Department extends Construct {

    /**
     * @param gateway       the API Management service. Required.
     * @param apiName       the API the product grants (the Azure OpenAI API). Required.
     * @param displayName   product display name; Defaults to: the department name.
     * @param costCenter    cost center, shown in the product description. Required.
     * @param subscriptions subscription names; Defaults to: ["default"].
     * @param policy        the department's limits. Required.
     */
    public record Props(ApiGateway gateway, String apiName, String displayName, String costCenter, List<String> subscriptions,
                        DepartmentPolicy.Props policy) {
        public Props {
            Objects.requireNonNull(gateway, "gateway is required");
            Objects.requireNonNull(apiName, "apiName is required");
            Objects.requireNonNull(policy, "policy is required");
            displayName = Objects.requireNonNullElse(displayName, policy.name());
            Objects.requireNonNull(costCenter, "costCenter is required");
            subscriptions = subscriptions == null || subscriptions.isEmpty() ? List.of("default") : List.copyOf(subscriptions);
        }
    }

    private final String name;
    private final ApiManagementProduct product;
    private final Map<String, ApiManagementSubscription> subscriptions = new LinkedHashMap<>();
    private final PolicyDocument policyDocument;

    public Department(Construct scope, String id, Props props) {
        super(scope, id);
        ApiGateway gw = props.gateway();
        this.name = props.policy().name();
        product = ApiManagementProduct.Builder.create(this, "Product")
                .productId(name)
                .apiManagementName(gw.name())
                .resourceGroupName(gw.resourceGroupName())
                .displayName(props.displayName())
                .description("Department " + props.displayName() + " (cost center " + props.costCenter()
                        + "): Azure OpenAI through the AI gateway, with the department's token limits")
                .subscriptionRequired(true)
                .approvalRequired(true)
                .subscriptionsLimit(props.subscriptions().size())
                .published(true)
                .build();
        ApiManagementProductApi.Builder.create(this, "ProductApi")
                .productId(product.getProductId())
                .apiName(props.apiName())
                .apiManagementName(gw.name())
                .resourceGroupName(gw.resourceGroupName())
                .build();
        policyDocument = DepartmentPolicy.document(props.policy());
        ApiManagementProductPolicy.Builder.create(this, "Policy")
                .productId(product.getProductId())
                .apiManagementName(gw.name())
                .resourceGroupName(gw.resourceGroupName())
                .xmlContent(policyDocument.toXml())
                .build();
        for (String sub : props.subscriptions())
            subscriptions.put(sub, ApiManagementSubscription.Builder.create(this, "Subscription-" + sub)
                    .subscriptionId(name + "-" + sub)
                    .displayName(props.displayName() + " - " + sub)
                    .productId(product.getId())
                    .apiManagementName(gw.name())
                    .resourceGroupName(gw.resourceGroupName())
                    .state("active")
                    .allowTracing(false)
                    .build());
    }

    public String name() { return name; }
    public ApiManagementProduct product() { return product; }
    public Map<String, ApiManagementSubscription> subscriptions() { return Map.copyOf(subscriptions); }
    public PolicyDocument policyDocument() { return policyDocument; }
}

package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.providers.azurerm.api_management_product.ApiManagementProduct;
import com.hashicorp.cdktf.providers.azurerm.api_management_product_api.ApiManagementProductApi;
import com.hashicorp.cdktf.providers.azurerm.api_management_product_policy.ApiManagementProductPolicy;
import com.hashicorp.cdktf.providers.azurerm.api_management_subscription.ApiManagementSubscription;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A department on an API Management service (created here or imported): a product (id = the department name) holding
 * the Azure OpenAI API, one subscription per configured name (each with its own key pair; the platform creates them,
 * so the product requires approval and allows no more subscriptions than configured), and the {@link DepartmentPolicy}
 * with the department's limits. The product id is what the token metrics report as the Department dimension.
 *
 * <p>Checked at synth: the API requires a department's subscription (else callers could skip the department's limits), and every
 * allowed deployment is served by the API.
 *
 * <p>Child ids: {@code Product}, {@code ProductApi}, {@code Policy}, {@code Subscription-<name>}.
 */
public final class Department extends Construct {
    private final DepartmentProps props;
    private final ApiManagementProduct product;
    private final Map<String, ApiManagementSubscription> subscriptions = new LinkedHashMap<>();
    private final PolicyDocument policyDocument;

    /**
     * Creates the department on the API's service.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the department's inputs
     */
    public Department(Construct scope, String id, DepartmentProps props) {
        super(scope, id);
        this.props = props;
        IApiManagement apim = props.api().apiManagement();
        String name = props.policy().name();
        product = ApiManagementProduct.Builder.create(this, "Product")
                .productId(name)
                .apiManagementName(apim.name())
                .resourceGroupName(apim.resourceGroupName())
                .displayName(props.displayName())
                .description("Department " + props.displayName() + " (cost center " + props.costCenter()
                        + "): Azure OpenAI through the AI gateway, with the department's token limits")
                .subscriptionRequired(true)
                .approvalRequired(true)
                .subscriptionsLimit(props.subscriptions().size())
                .published(true)
                .build();
        String productId = product.getProductId();     // one round trip to the JavaScript core for both uses
        ApiManagementProductApi.Builder.create(this, "ProductApi")
                .productId(productId)
                .apiName(props.api().nameReference())
                .apiManagementName(apim.name())
                .resourceGroupName(apim.resourceGroupName())
                .build();
        policyDocument = DepartmentPolicy.document(props.policy(), props.api().policyProps());
        ApiManagementProductPolicy.Builder.create(this, "Policy")
                .productId(productId)
                .apiManagementName(apim.name())
                .resourceGroupName(apim.resourceGroupName())
                .xmlContent(policyDocument.toXml())
                .build();
        // The product's resource id as azurerm writes it (the service's id + /products/ + product id), built here from
        // the product id reference: the same string as product.id, still a reference to the product, and one call to
        // the JavaScript core fewer per department.
        String productResourceId = apim.resourceId() + "/products/" + productId;
        for (String sub : props.subscriptions())
            subscriptions.put(sub, ApiManagementSubscription.Builder.create(this, "Subscription-" + sub)
                    .subscriptionId(name + "-" + sub)
                    .displayName(props.displayName() + " - " + sub)
                    .productId(productResourceId)
                    .apiManagementName(apim.name())
                    .resourceGroupName(apim.resourceGroupName())
                    .state("active")
                    .allowTracing(false)
                    .build());
        props.api().registerDepartment(this);
    }

    /**
     * The rules that need the API: it requires subscriptions, and it serves every allowed deployment. The API's validation
     * runs them ({@link OpenAiApi}), so that a department adds no validation of its own to the synth.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        OpenAiApi api = props.api();
        if (!api.departmentRequired())
            problems.add("DepartmentProps.api: API '" + api.apiName() + "' does not require departments, so callers with a key of no "
                    + "department (such as the built-in all-access subscription) could skip department " + name() + "'s limits; set "
                    + "OpenAiApiProps.subscriptionRequired(true) and departmentRequired(true)");
        List<String> allowed = props.policy().allowedDeployments();
        for (int i = 0; i < allowed.size(); i++)
            if (!api.servedDeployments().contains(allowed.get(i)))
                problems.add("DepartmentPolicyProps.allowedDeployments[" + i + "]: deployment '" + allowed.get(i) + "' is served by no "
                        + "account of API '" + api.apiName() + "' (served: " + api.servedDeployments() + "); deploy it or remove it from department "
                        + name());
        return problems;
    }

    /** @return the department (product) name */
    public String name() { return props.policy().name(); }
    /** @return the product */
    public ApiManagementProduct product() { return product; }
    /** @return the subscriptions by name */
    public Map<String, ApiManagementSubscription> subscriptions() { return Collections.unmodifiableMap(subscriptions); }
    /** @return the product policy */
    public PolicyDocument policyDocument() { return policyDocument; }
}

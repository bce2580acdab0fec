package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenancy rules of a stack file, each failure at its field: variations of {@code stacks/multitenant.json}. */
class TenancyConfigTest {
    /** Departments of the example, by index. */
    static final int FINANCE = 0, CONTOSO = 1, FABRIKAM = 2, NORTHWIND = 3, TAILSPIN = 5;

    static ObjectNode example() {
        try {
            return (ObjectNode) Synth.MAPPER.readTree(Files.readString(Synth.STACKS.resolve("multitenant.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode department(ObjectNode stack, int i) { return (ObjectNode) stack.withArray("departments").get(i); }

    static ObjectNode firstDeployment(ObjectNode stack, int i) { return (ObjectNode) department(stack, i).withArray("deployments").get(0); }

    /** The problems of the example after {@code change}, as "path: message" lines. */
    static String problems(Consumer<ObjectNode> change) {
        ObjectNode stack = example();
        change.accept(stack);
        try {
            ConfigLoader.parse(stack.toString(), "stacks/multitenant.json", "multitenant");
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void theExampleIsValid() {
        assertThat(ConfigLoader.parse(example().toString(), "stacks/multitenant.json", "multitenant").departments()).hasSize(6);
    }

    @Test
    void failsOnAnUnknownIsolationNamingTheChoices() {
        assertThat(problems(s -> department(s, CONTOSO).put("isolation", "private")))
                .contains("departments[1].isolation: 'private' must be one of [shared, dedicatedDeployment, dedicatedAccount, tenantProvided]");
    }

    @Test
    void failsOnAnUnknownModelRegionOrAllowedModel() {
        String p = problems(s -> {
            firstDeployment(s, CONTOSO).put("model", "gpt-9");
            ((ArrayNode) department(s, FABRIKAM).withArray("regions")).set(1, "marsnorth");
            ((ArrayNode) department(s, CONTOSO).withArray("regions")).set(0, "westus");
            firstDeployment(s, NORTHWIND).put("model", "gpt-10");
            department(s, TAILSPIN).putArray("allowedModels").add("o3");
        });
        assertThat(p).contains("departments[1].deployments[0].model: unknown model 'gpt-9'")
                .contains("departments[2].regions[1]: unknown Azure region 'marsnorth'")
                .contains("departments[1].regions[0]: 'westus' is not in openAi.regions [japaneast, eastus]")
                .contains("departments[3].deployments[0].model: unknown model 'gpt-10'")
                .contains("departments[5].allowedModels[0]: 'o3' is not deployed; deployed models are [gpt-4o-mini, gpt-4o] (add a deployment in departments[5].deployments");
    }

    @Test
    void failsWhenTwoTenantsClaimOneDeploymentName() {
        assertThat(problems(s -> firstDeployment(s, FABRIKAM).put("name", "contoso-gpt-4o")))
                .contains("departments[2].deployments[0].name: 'contoso-gpt-4o' is already claimed by departments[1].deployments[0]");
        assertThat(problems(s -> firstDeployment(s, NORTHWIND).put("name", "gpt-4o")))
                .contains("departments[3].deployments[0].name: 'gpt-4o' is already claimed by openAi.deployments[0]");
    }

    @Test
    void failsOnATenantProvidedIdThatIsNotAnAzureOpenAiAccount() {
        assertThat(problems(s -> ((ObjectNode) department(s, NORTHWIND).get("account")).put("resourceId",
                "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st")))
                .contains("departments[3].account.resourceId:").contains("Microsoft.CognitiveServices/accounts");
        assertThat(problems(s -> ((ObjectNode) department(s, NORTHWIND).get("account")).put("entraTenantId", "contoso.com")))
                .contains("departments[3].account.entraTenantId: 'contoso.com' is not a GUID");
        assertThat(problems(s -> department(s, NORTHWIND).remove("account")))
                .contains("departments[3].account: is required with isolation tenantProvided");
        assertThat(problems(s -> firstDeployment(s, NORTHWIND).put("version", "2024-11-20")))
                .contains("departments[3].deployments[0]: only name and model are used for a tenant-provided account's deployment");
    }

    @Test
    void failsOnDedicatedCapacityAboveWhatTheSubscriptionOffersInTheRegion() {
        assertThat(problems(s -> firstDeployment(s, FABRIKAM).put("capacityThousandsTpm", 130)))
                .contains("departments[2].deployments[0].capacityThousandsTpm: 130 more gpt-4o GlobalStandard in eastus makes 160, "
                        + "above what the subscription offers there (openAi.quotas.gpt-4o/GlobalStandard = 150)")
                .doesNotContain("in swedencentral");
        assertThat(problems(s -> ((ObjectNode) s.get("openAi")).putObject("quotas").put("gpt-4o/Premium", 10)))
                .contains("openAi.quotas.gpt-4o/Premium: must be keyed <model>/<sku>");
    }

    @Test
    void failsOnBatchOnTheSharedAccountsWhileSeveralDepartmentsUseThem() {
        assertThat(problems(s -> firstDeployment(s, CONTOSO).put("sku", "GlobalBatch")))
                .contains("departments[1].deployments[0].sku: 'GlobalBatch' cannot go on the shared accounts while several departments use them")
                .contains("files and batch jobs belong to the account");
    }

    @Test
    void failsOnFieldsAnIsolationDoesNotUseAndOnMissingOnes() {
        String p = problems(s -> {
            department(s, FINANCE).putArray("regions").add("eastus");
            department(s, NORTHWIND).putArray("blocklists").addObject().put("name", "x").putArray("terms").add("y");
            ((ObjectNode) department(s, CONTOSO).withArray("blocklists").get(0)).putArray("terms");
            department(s, FABRIKAM).putArray("regions");
            department(s, CONTOSO).putArray("deployments");
            department(s, CONTOSO).putObject("account").put("region", "eastus");
            firstDeployment(s, TAILSPIN).putArray("regions").add("eastus");
        });
        assertThat(p).contains("departments[0].regions: is only used with isolation dedicatedDeployment, dedicatedAccount or tenantProvided")
                .contains("departments[3].blocklists: cannot be created on an account the tenant owns")
                .contains("departments[1].blocklists[0].terms")
                .contains("departments[2].regions: must list at least one region for its own accounts")
                .contains("departments[1].deployments: must list at least one deployment")
                .contains("departments[1].account: is only used with isolation tenantProvided")
                .contains("departments[5].deployments[0].regions: is not used for a department's deployment; set departments[5].regions");
    }

    @Test
    void failsWhenTwoDedicatedAccountTenantsWouldNameTheirAccountsAlike() {
        assertThat(problems(s -> {
            department(s, FABRIKAM).put("name", "tenant-alpha1");
            department(s, TAILSPIN).put("name", "tenantalpha2");
        })).contains("departments[5].name: 'tenantalpha2' and 'tenant-alpha1' both name their accounts 'tenantal'");
    }
}

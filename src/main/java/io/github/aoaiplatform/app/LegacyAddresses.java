package io.github.aoaiplatform.app;

import io.github.aoaiplatform.core.ConstructPath;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.patterns.AiGateway;
import io.github.aoaiplatform.patterns.RegionalOpenAi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Terraform {@code moved} blocks for resources whose address changed, so that stacks applied with an older layout move
 * them in state instead of destroying and recreating them. Remove an entry once every environment has applied it.
 */
final class LegacyAddresses {
    private LegacyAddresses() {}

    /**
     * Up to the AiGateway pattern, the gateway's invoke role assignments were children of the gateway
     * ({@code Gateway/OpenAiUser-<region>}); {@code account.grantInvoke} now puts them under each account
     * ({@code OpenAi/<region>/Account/OpenAiUser-Gateway-Identity}).
     *
     * @param gateway the gateway whose grants moved
     */
    static void moveGatewayRoleAssignments(AiGateway gateway) {
        List<String> gatewayPath = ConstructPath.belowStack(gateway);
        gateway.invokeGrants().forEach((key, assignment) -> {
            List<String> legacy = new ArrayList<>(gatewayPath);
            legacy.add("OpenAiUser-" + key);
            assignment.moveFromId("azurerm_role_assignment." + logicalId(legacy));
        });
    }

    /**
     * Up to the AiGateway pattern, the usage Event Hub's sender role was its child {@code DataSender}; {@code grantSend}
     * now names it after the principal ({@code DataSender-Gateway-Identity}).
     *
     * @param hub    the usage Event Hub
     * @param sender the gateway identity the role was granted to
     */
    static void moveUsageEventHubSender(UsageEventHub hub, IPrincipal sender) {
        List<String> legacy = new ArrayList<>(ConstructPath.belowStack(hub));
        legacy.add("DataSender");
        hub.grantSend(sender).moveFromId("azurerm_role_assignment." + logicalId(legacy));
    }

    /**
     * Up to issue 11, the gateway's Application Insights logger was an {@code azurerm_api_management_logger}, which can
     * only send with the connection string; it is an azapi logger at the same construct path now, sending with the
     * gateway's managed identity. Moved across types like {@link #moveContentFiltersToAzapi}.
     *
     * @param gateway the gateway whose logger moved
     */
    static void moveGatewayLoggerToAzapi(AiGateway gateway) {
        var logger = gateway.apiManagement().applicationInsightsLogger();
        logger.moveFromId("azurerm_api_management_logger." + logger.getFriendlyUniqueId());
    }

    /**
     * Up to issue 11, content filters were {@code azurerm_cognitive_account_rai_policy} resources, which cannot attach
     * blocklists; they are azapi {@code raiPolicies} at the same construct path now. Terraform (1.8 and later) moves a
     * resource across types when the target provider supports it, as azapi does from azurerm, so the filters that
     * deployments use are updated in place instead of destroyed. The platform default filter is new and has nothing to move.
     *
     * @param openAi the accounts whose filters moved
     */
    static void moveContentFiltersToAzapi(RegionalOpenAi openAi) {
        openAi.getNode().findAll().stream()
                .filter(c -> c instanceof ContentFilter f && !f.name().equals(ContentFilterOptions.PLATFORM_DEFAULT))
                .map(c -> ((ContentFilter) c).resource())
                .forEach(r -> r.moveFromId("azurerm_cognitive_account_rai_policy." + r.getFriendlyUniqueId()));
    }

    /**
     * cdktf's logical id of a resource at {@code path} below its stack: {@code Default} ids are left out, the readable
     * part joins the ids with {@code _} (keeping letters, digits, {@code -} and {@code _}), and the suffix is the first
     * 8 hex digits, upper-case, of the MD5 of the ids joined with {@code /}.
     */
    static String logicalId(List<String> path) {
        List<String> components = path.stream().filter(c -> !c.equals("Default")).toList();
        String human = String.join("_", components.stream().map(c -> c.replaceAll("[^A-Za-z0-9_-]", "")).toList());
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(String.join("/", components).getBytes(StandardCharsets.UTF_8));
            return human + "_" + HexFormat.of().withUpperCase().formatHex(md5).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }
}

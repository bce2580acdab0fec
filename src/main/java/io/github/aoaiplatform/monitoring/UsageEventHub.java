package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.azurerm.eventhub.Eventhub;
import com.hashicorp.cdktf.providers.azurerm.eventhub_namespace.EventhubNamespace;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.Diagnostics;
import io.github.aoaiplatform.core.IdReferences;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The usage stream: an Event Hub ({@value #EVENT_HUB_NAME}) that receives one JSON usage record per gateway call (the
 * gateway's {@code log-to-eventhub} policy writes through an API Management Event Hub logger, which the apim layer adds
 * in this construct's scope as {@code Logger}).
 * <ul>
 *   <li>a Standard namespace ({@value #SKU}, capacity 1) that is private and Entra-only: public network access off, local
 *       (SAS key) authentication off, TLS 1.2 minimum, reached through a private endpoint (subresource
 *       {@value #SUBRESOURCE}) in {@code privatelink.servicebus.windows.net}; its diagnostics go to the platform workspace;</li>
 *   <li>the Event Hub with {@value #PARTITION_COUNT} partitions and {@value #MESSAGE_RETENTION_DAYS} days of retention
 *       (the Standard tier's maximum);</li>
 *   <li>the sender (the gateway's user-assigned identity) holds {@value #SENDER_ROLE} on that Event Hub only.</li>
 * </ul>
 * Consumers read the hub with their own Entra identity ({@code Azure Event Hubs Data Receiver}, granted outside the
 * platform) from a network that reaches the private endpoint.
 *
 * <p>Child ids: {@code Resource} (the namespace), {@code EventHub}, {@code PrivateEndpoint}, {@code Diagnostics},
 * {@code DataSender}.
 */
public final class UsageEventHub extends Construct {
    public static final String EVENT_HUB_NAME = "aoai-usage";
    public static final String SENDER_ROLE = "Azure Event Hubs Data Sender";
    public static final String SKU = "Standard";
    public static final int PARTITION_COUNT = 2;
    public static final int MESSAGE_RETENTION_DAYS = 7;
    /** The private endpoint's subresource (group id). */
    public static final String SUBRESOURCE = "namespace";

    private static final Pattern NAMESPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]");

    /**
     * @param namespaceName           Event Hubs namespace name, globally unique: 6-50 letters, digits or hyphens, starting
     *                                with a letter, ending with a letter or digit, not ending in {@code -sb} or
     *                                {@code -mgmt}. Required.
     * @param location                region of the namespace. Required.
     * @param resourceGroupName       resource group of the namespace and its private endpoint. Required.
     * @param privateEndpointSubnetId the private-endpoint subnet. Required (the namespace has no public access).
     * @param privateEndpointLocation region of that subnet's VNet; Defaults to: {@code location}.
     * @param dnsZoneIds              {@code privatelink.servicebus.windows.net} for the endpoint's zone group; Defaults to:
     *                                none (no zone group: DNS is managed elsewhere).
     * @param workspaceId             Log Analytics workspace for the namespace's diagnostics. Required.
     * @param senderPrincipalId       principal (object) id of the identity that sends the records. Required.
     * @param tags                    tags.
     */
    public record Props(String namespaceName, String location, String resourceGroupName, String privateEndpointSubnetId,
                        String privateEndpointLocation, List<String> dnsZoneIds, String workspaceId, String senderPrincipalId,
                        Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(namespaceName, "namespaceName is required");
            if (!Token.isUnresolved(namespaceName)
                    && (!NAMESPACE_NAME.matcher(namespaceName).matches() || namespaceName.endsWith("-sb") || namespaceName.endsWith("-mgmt")))
                throw new IllegalArgumentException("Event Hubs namespace name '" + namespaceName + "' must be 6-50 letters, digits or hyphens, "
                        + "start with a letter, end with a letter or digit and not end in -sb or -mgmt");
            Objects.requireNonNull(location, "location is required");
            Objects.requireNonNull(resourceGroupName, "resourceGroupName is required");
            Objects.requireNonNull(privateEndpointSubnetId, "privateEndpointSubnetId is required: the namespace is reached only through a private endpoint");
            privateEndpointLocation = Objects.requireNonNullElse(privateEndpointLocation, location);
            dnsZoneIds = dnsZoneIds == null ? List.of() : List.copyOf(dnsZoneIds);
            Objects.requireNonNull(workspaceId, "workspaceId is required: diagnostics go to the platform workspace");
            Objects.requireNonNull(senderPrincipalId, "senderPrincipalId is required: the gateway identity gets " + SENDER_ROLE);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    private final EventhubNamespace resource;
    private final Eventhub eventHub;
    private final RoleAssignment dataSender;

    public UsageEventHub(Construct scope, String id, Props props) {
        super(scope, id);
        resource = EventhubNamespace.Builder.create(this, "Resource")
                .name(props.namespaceName())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .sku(SKU)
                .capacity(1)
                .publicNetworkAccessEnabled(false)
                .localAuthenticationEnabled(false)
                .minimumTlsVersion("1.2")
                .tags(props.tags())
                .build();
        eventHub = Eventhub.Builder.create(this, "EventHub")
                .name(EVENT_HUB_NAME)
                .namespaceId(resource.getId())
                .partitionCount(PARTITION_COUNT)
                .messageRetention(MESSAGE_RETENTION_DAYS)
                .build();
        new PrivateEndpoint(this, "PrivateEndpoint", PrivateEndpointProps.builder()
                .name("pep-" + props.namespaceName()).location(props.privateEndpointLocation()).resourceGroupName(props.resourceGroupName())
                .subnet(IdReferences.subnet(this, "PrivateEndpointSubnet", props.privateEndpointSubnetId(), props.privateEndpointLocation()))
                .targetResourceId(resource.getId()).subresource(SUBRESOURCE)
                .dnsZones(IdReferences.privateDnsZones(this, "PrivateEndpointZone", props.dnsZoneIds())).tags(props.tags()).build());
        Diagnostics.toWorkspace(this, resource.getId(), props.workspaceId(), false);

        dataSender = RoleAssignment.Builder.create(this, "DataSender")
                .scope(eventHub.getId())
                .roleDefinitionName(SENDER_ROLE)
                .principalId(props.senderPrincipalId())
                .principalType("ServicePrincipal")
                .description("API gateway writes usage records to the usage Event Hub with its managed identity")
                .build();
    }

    public String namespaceId() { return resource.getId(); }
    public String eventHubId() { return eventHub.getId(); }
    /** The Event Hub name (a Terraform reference). */
    public String eventHubName() { return eventHub.getName(); }
    /** The namespace name (a Terraform reference). */
    public String namespaceName() { return resource.getName(); }
    public RoleAssignment dataSender() { return dataSender; }
    public EventhubNamespace resource() { return resource; }
    public Eventhub eventHub() { return eventHub; }
}

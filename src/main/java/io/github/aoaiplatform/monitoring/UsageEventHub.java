package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.eventhub.Eventhub;
import com.hashicorp.cdktf.providers.azurerm.eventhub_namespace.EventhubNamespace;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.util.List;

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
 *   <li>the sender (the gateway's user-assigned identity) is given {@value #SENDER_ROLE} on that Event Hub only, with
 *       {@link #grantSend(IPrincipal)}.</li>
 * </ul>
 * Consumers read the hub with their own Entra identity ({@code Azure Event Hubs Data Receiver}, granted outside the
 * platform) from a network that reaches the private endpoint.
 *
 * <p>Child ids: {@code Resource} (the namespace), {@code EventHub}, {@code PrivateEndpoint}, {@code Diagnostics}, {@code Lock},
 * {@code DataSender-<principal grant key>} per sender.
 */
public final class UsageEventHub extends Construct {
    /** The Event Hub's name. */
    public static final String EVENT_HUB_NAME = "aoai-usage";
    /** The role {@link #grantSend(IPrincipal)} assigns on the Event Hub. */
    public static final String SENDER_ROLE = "Azure Event Hubs Data Sender";
    /** The namespace's pricing tier. */
    public static final String SKU = "Standard";
    /** The Event Hub's partitions. */
    public static final int PARTITION_COUNT = 2;
    /** The Event Hub's message retention in days (the Standard tier's maximum). */
    public static final int MESSAGE_RETENTION_DAYS = 7;
    /** The private endpoint's subresource (group id). */
    public static final String SUBRESOURCE = "namespace";

    private final EventhubNamespace resource;
    private final Eventhub eventHub;

    /**
     * Creates the namespace, the Event Hub, the private endpoints, the diagnostics and the lock.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the hub's inputs
     */
    public UsageEventHub(Construct scope, String id, UsageEventHubProps props) {
        super(scope, id);
        String resourceGroupName = props.resourceGroup().name();
        resource = EventhubNamespace.Builder.create(this, "Resource")
                .name(props.namespaceName())
                .location(props.location())
                .resourceGroupName(resourceGroupName)
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
        ResourceInterfaces.privateEndpoints(this, resource.getId(), props.namespaceName(), SUBRESOURCE,
                resourceGroupName, props.privateEndpoints(), props.lock(), props.tags(), List.of());
        ResourceInterfaces.diagnostics(this, resource.getId(), props.diagnostics(), true);
        ResourceInterfaces.lock(this, resource.getId(), props.namespaceName(), props.lock());
        ResourceInterfaces.roleAssignments(this, resource.getId(), props.roleAssignments());
    }

    /**
     * Lets a principal write usage records: {@value #SENDER_ROLE} on the Event Hub only (not the namespace). Granting
     * the same principal twice returns the first assignment.
     *
     * @param sender who sends, e.g. the gateway's managed identity
     * @return the role assignment, for whatever must wait for it (the API Management logger)
     */
    public RoleAssignment grantSend(IPrincipal sender) {
        return ResourceInterfaces.grant(this, eventHub.getId(), SENDER_ROLE, "DataSender", sender,
                "API gateway writes usage records to the usage Event Hub with its managed identity");
    }

    /** @return the namespace's resource id (a Terraform reference) */
    public String namespaceId() { return resource.getId(); }

    /** @return the Event Hub's resource id (a Terraform reference) */
    public String eventHubId() { return eventHub.getId(); }

    /** @return the Event Hub name (a Terraform reference) */
    public String eventHubName() { return eventHub.getName(); }

    /** @return the namespace name (a Terraform reference) */
    public String namespaceName() { return resource.getName(); }

    /** @return the underlying azurerm namespace, for attributes this class does not expose */
    public EventhubNamespace resource() { return resource; }

    /** @return the underlying azurerm Event Hub */
    public Eventhub eventHub() { return eventHub; }
}

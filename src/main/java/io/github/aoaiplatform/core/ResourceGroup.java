package io.github.aoaiplatform.core;

import software.constructs.Construct;


/**
 * A resource group. Its Terraform resource is the child {@code Default}, which cdktf leaves out of addresses, so a group
 * created with id {@code ResourceGroup} keeps the address {@code azurerm_resource_group.ResourceGroup}.
 */
public final class ResourceGroup extends Construct implements IResourceGroup {
    /**
     * A resource group the app does not create.
     *
     * @param scope    the parent construct
     * @param id       the construct id
     * @param name     the group's name
     * @param location the group's region
     * @return the group
     */
    public static IResourceGroup fromName(Construct scope, String id, String name, String location) {
        new ResourceGroupProps(name, location, null);      // the same name and region rules
        return new Imported(scope, id, name, location);
    }

    private final String location;
    // References taken once: every resource in the group asks for the name, and each get is a round trip to the
    // JavaScript core (a reference resolves to the same expression however often it is taken).
    private final String name;
    private final String resourceId;

    /**
     * Creates a resource group.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the group's inputs
     */
    public ResourceGroup(Construct scope, String id, ResourceGroupProps props) {
        super(scope, id);
        this.location = props.location();
        var resource = com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup.Builder.create(this, "Default")
                .name(props.name())
                .location(props.location())
                .build();
        name = resource.getName();
        resourceId = resource.getId();
        ResourceInterfaces.lock(this, resourceId, props.name(), props.lock());
    }

    @Override public String name() { return name; }
    @Override public String location() { return location; }

    /** @return the group's resource id */
    public String resourceId() { return resourceId; }

    private static final class Imported extends Construct implements IResourceGroup {
        private final String name;
        private final String location;

        Imported(Construct scope, String id, String name, String location) {
            super(scope, id);
            this.name = name;
            this.location = location;
        }

        @Override public String name() { return name; }
        @Override public String location() { return location; }
    }
}

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

    private final com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup resource;
    private final String location;

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
        resource = com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup.Builder.create(this, "Default")
                .name(props.name())
                .location(props.location())
                .build();
        ResourceInterfaces.lock(this, resource.getId(), props.name(), props.lock());
    }

    @Override public String name() { return resource.getName(); }
    @Override public String location() { return location; }

    /** @return the group's resource id */
    public String resourceId() { return resource.getId(); }

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

package io.github.aoaiplatform.core;

import software.constructs.IConstruct;

/** A private DNS zone: created and linked by the dns package or the hub's, brought in by resource id. */
public interface IPrivateDnsZone extends IConstruct {
    /** @return the zone's resource id */
    String resourceId();

    /** @return the zone's DNS name, e.g. {@code privatelink.openai.azure.com} (plain text, never a reference) */
    String zoneName();

    /** @return the zone's resource group, where records in it are created */
    String resourceGroupName();

    /**
     * @return a reference to the zone's name when the zone is created here (records then wait for it), else
     *         {@link #zoneName()}
     */
    default String zoneNameReference() { return zoneName(); }
}

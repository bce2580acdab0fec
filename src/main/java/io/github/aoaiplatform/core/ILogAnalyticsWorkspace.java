package io.github.aoaiplatform.core;

import software.constructs.IConstruct;

/** A Log Analytics workspace: the destination of diagnostic settings and the home of the platform's logs. */
public interface ILogAnalyticsWorkspace extends IConstruct {
    /** @return the workspace's resource id */
    String resourceId();
}

package io.github.aoaiplatform.core;

import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;

/** A construct's place in its stack, the part of the tree that Terraform addresses are made of. */
public final class ConstructPath {
    private ConstructPath() {}

    /**
     * The construct ids from just below the stack down to {@code construct}.
     *
     * @param construct a construct inside a stack (the app is the root, the stack its child)
     * @return the ids, outermost first, {@code Default} ids included
     */
    public static List<String> belowStack(IConstruct construct) {
        var scopes = construct.getNode().getScopes();
        List<String> path = new ArrayList<>();
        for (int i = 2; i < scopes.size(); i++) path.add(scopes.get(i).getNode().getId());   // 0 = app, 1 = stack
        return path;
    }
}

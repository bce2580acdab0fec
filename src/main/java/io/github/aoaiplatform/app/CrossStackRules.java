package io.github.aoaiplatform.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules no stack file can break on its own, checked over the stacks folder before anything is written:
 * <ul>
 *   <li><b>One state per stack.</b> Two stacks whose backends name the same Terraform state (the same storage account,
 *       container and key, or the same absolute local path) would each plan to destroy the other's resources.</li>
 *   <li><b>Globally unique names once.</b> Two stacks that would create the same API Management name, Azure OpenAI
 *       custom subdomain or Event Hubs namespace cannot both be applied.</li>
 * </ul>
 * Each message names both stack files and the field to change.
 */
final class CrossStackRules {
    private CrossStackRules() {}

    /**
     * Stacks that share a Terraform state.
     *
     * @param dir     the stacks folder (messages name its files)
     * @param configs every stack's config, by stack name
     * @return one message per stack that shares an earlier stack's state
     */
    static List<String> sharedState(Path dir, Map<String, EnvironmentConfig> configs) {
        Map<String, String> ownerByState = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        configs.forEach((name, c) -> {
            EnvironmentConfig.BackendConfig b = c.backend();
            String state = b.stateLocation(c.environmentName());
            if (state == null) return;   // a relative local path lives in the stack's own output folder
            String first = ownerByState.putIfAbsent(state, name);
            if (first == null) return;
            String field = "azurerm".equals(b.type()) ? "backend.key" : "backend.path";
            errors.add(file(dir, first) + " and " + file(dir, name) + ": " + field + ": both keep their Terraform state in "
                    + state + ", so applying one would destroy the other's resources; give " + file(dir, name)
                    + " its own " + field);
        });
        return errors;
    }

    /**
     * Stacks that would create the same globally unique name.
     *
     * @param dir          the stacks folder (messages name its files)
     * @param namesByStack each stack's globally unique names (name to what it names), by stack name
     * @return one message per name created by a second stack
     */
    static List<String> sharedGlobalNames(Path dir, Map<String, Map<String, String>> namesByStack) {
        Map<String, String> ownerByName = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        namesByStack.forEach((stack, names) -> names.forEach((name, what) -> {
            String first = ownerByName.putIfAbsent(name, stack);
            if (first != null)
                errors.add(file(dir, first) + " and " + file(dir, stack) + ": nameSuffix: both would create the " + what
                        + " '" + name + "', which must be globally unique; set a different nameSuffix in " + file(dir, stack));
        }));
        return errors;
    }

    private static String file(Path dir, String stack) {
        return dir.resolve(stack + ".json").toString();
    }
}

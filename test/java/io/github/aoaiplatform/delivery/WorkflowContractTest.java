package io.github.aoaiplatform.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery rules of {@code .github/workflows}. actionlint ({@code scripts/lint-workflows.sh}, run by CI) checks
 * each file; this test checks what it cannot see from one file, the contract between a workflow and the reusable
 * workflows it calls, and the project's own rules: pinned actions, OIDC without secrets, least privilege per job,
 * one apply per environment at a time, and the dev → test → prod order with reviewed plans.
 */
class WorkflowContractTest {
    static final Path WORKFLOWS = Path.of(".github/workflows");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern NEEDS_OUTPUT = Pattern.compile("needs\\.([A-Za-z0-9_-]+)\\.outputs\\.([A-Za-z0-9_-]+)");
    static final Pattern USES = Pattern.compile("uses:\\s*(\\S+)(.*)");

    static Map<String, JsonNode> workflows() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList())
                out.put(f.getFileName().toString(), YAML.readTree(f.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String text(String workflow) {
        try {
            return Files.readString(WORKFLOWS.resolve(workflow));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode callable(String uses) {
        String file = uses.substring("./.github/workflows/".length());
        JsonNode called = workflows().get(file);
        assertThat(called).as("%s exists", uses).isNotNull();
        assertThat(called.path("on").has("workflow_call")).as("%s is reusable (on: workflow_call)", uses).isTrue();
        return called.path("on").path("workflow_call");
    }

    @Test
    void theFiveWorkflowsAndTheirReusablePartsArePresent() {
        assertThat(workflows().keySet()).contains("pull-request.yml", "deploy.yml", "drift.yml", "release.yml",
                "build.yml", "terraform-plan.yml", "terraform-apply.yml");
    }

    @Test
    void everyCallOfAReusableWorkflowPassesKnownInputsAllRequiredOnesAndReadsOnlyItsOutputs() {
        workflows().forEach((name, wf) -> wf.path("jobs").fields().forEachRemaining(job -> {
            String uses = job.getValue().path("uses").asText("");
            if (!uses.startsWith("./")) return;
            JsonNode call = callable(uses);
            Set<String> inputs = new TreeSet<>();
            call.path("inputs").fieldNames().forEachRemaining(inputs::add);
            Set<String> given = new TreeSet<>();
            job.getValue().path("with").fieldNames().forEachRemaining(given::add);
            assertThat(inputs).as("%s job %s: inputs of %s", name, job.getKey(), uses).containsAll(given);
            call.path("inputs").fields().forEachRemaining(i -> {
                if (i.getValue().path("required").asBoolean() && !i.getValue().has("default"))
                    assertThat(given).as("%s job %s must pass the required input %s", name, job.getKey(), i.getKey()).contains(i.getKey());
            });
        }));
        workflows().forEach((name, wf) -> {
            Matcher m = NEEDS_OUTPUT.matcher(text(name));
            while (m.find()) {
                JsonNode needed = wf.path("jobs").path(m.group(1));
                assertThat(needed.isMissingNode()).as("%s reads needs.%s, which is no job", name, m.group(1)).isFalse();
                JsonNode outputs = needed.has("uses") ? callable(needed.path("uses").asText()).path("outputs") : needed.path("outputs");
                assertThat(outputs.has(m.group(2))).as("%s reads needs.%s.outputs.%s, which the job does not declare", name, m.group(1), m.group(2)).isTrue();
            }
        });
    }

    @Test
    void everyActionIsPinnedToAFullCommitWithItsVersionInAComment() {
        for (String name : workflows().keySet()) {
            Matcher m = USES.matcher(text(name));
            while (m.find()) {
                if (m.group(1).startsWith("./")) continue;
                assertThat(m.group(1)).as("%s: %s", name, m.group(1)).matches("[A-Za-z0-9-]+/[A-Za-z0-9._-]+@[0-9a-f]{40}");
                assertThat(m.group(2)).as("%s: %s names its version", name, m.group(1)).matches("\\s*# v\\d+\\.\\d+\\.\\d+\\s*");
            }
        }
    }

    @Test
    void noSecretsAzureLoginIsOidcOnly() {
        for (String name : workflows().keySet()) {
            String text = text(name);
            assertThat(text).as(name).doesNotContain("secrets.").doesNotContain("client-secret").doesNotContain("creds:")
                    .doesNotContain("ARM_CLIENT_SECRET");
        }
        for (String reusable : List.of("terraform-plan.yml", "terraform-apply.yml")) {
            JsonNode job = workflows().get(reusable).path("jobs").elements().next();
            assertThat(job.path("permissions").path("id-token").asText()).isEqualTo("write");
            assertThat(job.path("env").path("ARM_USE_OIDC").asText()).isEqualTo("true");
            assertThat(steps(job, "azure/login")).singleElement().satisfies(s ->
                    assertThat(s.path("with").has("client-id")).isTrue());
        }
    }

    private static List<JsonNode> steps(JsonNode job, String action) {
        List<JsonNode> out = new ArrayList<>();
        job.path("steps").forEach(s -> { if (s.path("uses").asText().startsWith(action + "@")) out.add(s); });
        return out;
    }

    @Test
    void permissionsAreEmptyByDefaultAndGrantedPerJobOnlyWhereNeeded() {
        Map<String, Set<String>> writesAllowed = Map.of(
                "id-token", Set.of("terraform-plan.yml:plan", "terraform-apply.yml:apply", "pull-request.yml:plan", "drift.yml:plan",
                        "deploy.yml:plan-dev", "deploy.yml:apply-dev", "deploy.yml:plan-test", "deploy.yml:apply-test",
                        "deploy.yml:plan-prod", "deploy.yml:apply-prod"),
                "pull-requests", Set.of("pull-request.yml:comment"),
                "issues", Set.of("drift.yml:report"),
                "packages", Set.of("release.yml:publish"));
        workflows().forEach((name, wf) -> {
            assertThat(wf.path("permissions").isObject() && wf.path("permissions").isEmpty())
                    .as("%s: top-level permissions: {} so that no job inherits the default token scopes", name).isTrue();
            wf.path("jobs").fields().forEachRemaining(job -> {
                JsonNode permissions = job.getValue().path("permissions");
                assertThat(permissions.isObject()).as("%s job %s declares its permissions", name, job.getKey()).isTrue();
                permissions.fields().forEachRemaining(p -> {
                    if (p.getKey().equals("contents")) assertThat(p.getValue().asText()).as("%s %s", name, job.getKey()).isEqualTo("read");
                    else assertThat(writesAllowed.getOrDefault(p.getKey(), Set.of())).as("%s job %s may not have %s", name, job.getKey(), p.getKey())
                            .contains(name + ":" + job.getKey());
                });
            });
        });
    }

    @Test
    void appliesRunInTheirGitHubEnvironmentOneAtATimeAndNeverCancelled() {
        JsonNode apply = workflows().get("terraform-apply.yml").path("jobs").path("apply");
        assertThat(apply.path("environment").asText()).isEqualTo("${{ inputs.environment }}");
        assertThat(apply.path("concurrency").path("group").asText()).contains("${{ inputs.environment }}");
        assertThat(apply.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
        List<String> run = new ArrayList<>();
        apply.path("steps").forEach(s -> run.add(s.path("run").asText()));
        assertThat(String.join("\n", run)).contains("plan-manifest.sh verify").contains("-lockfile=readonly").contains("apply -input=false plan.tfplan")
                .doesNotContain("-auto-approve").doesNotContain("terraform plan").doesNotContain("-refresh-only");
    }

    @Test
    void deployPromotesDevThenTestThenProdApplyingEachEnvironmentsOwnReviewedPlan() {
        JsonNode jobs = workflows().get("deploy.yml").path("jobs");
        assertThat(workflows().get("deploy.yml").path("on").path("push").path("branches")).extracting(JsonNode::asText).containsExactly("main");
        List<String> environments = List.of("dev", "test", "prod");
        for (int i = 0; i < environments.size(); i++) {
            String env = environments.get(i);
            JsonNode plan = jobs.path("plan-" + env), apply = jobs.path("apply-" + env);
            assertThat(plan.path("uses").asText()).isEqualTo("./.github/workflows/terraform-plan.yml");
            assertThat(plan.path("with").path("environment").asText()).isEqualTo(env);
            assertThat(apply.path("uses").asText()).isEqualTo("./.github/workflows/terraform-apply.yml");
            assertThat(apply.path("with").path("environment").asText()).isEqualTo(env);
            assertThat(apply.path("with").path("plan-artifact").asText())
                    .isEqualTo("plan-" + plan.path("with").path("purpose").asText() + "-" + env);
            assertThat(needs(apply)).containsExactly("plan-" + env);
            if (i > 0) assertThat(needs(plan)).contains("apply-" + environments.get(i - 1));
        }
        assertThat(workflows().get("terraform-plan.yml").path("jobs").path("plan").path("steps").toString())
                .contains("plan-${{ inputs.purpose }}-${{ inputs.environment }}");
        // every other stack file is an example (multitenant): planned on pull requests and by drift, never promoted
        assertThat(Synth.environments()).containsAll(environments)
                .filteredOn(e -> !environments.contains(e)).containsExactly("multitenant");
    }

    private static List<String> needs(JsonNode job) {
        List<String> out = new ArrayList<>();
        if (job.path("needs").isTextual()) out.add(job.path("needs").asText());
        else job.path("needs").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void pullRequestsPlanOnlyTheTouchedEnvironmentsAndDriftPlansEveryOneDaily() {
        JsonNode pr = workflows().get("pull-request.yml");
        assertThat(pr.path("jobs").path("build").path("with").path("changed-since").asText()).isEqualTo("${{ github.event.pull_request.base.sha }}");
        assertThat(pr.path("jobs").path("plan").path("strategy").path("matrix").path("environment").asText())
                .isEqualTo("${{ fromJSON(needs.build.outputs.environments) }}");
        JsonNode drift = workflows().get("drift.yml");
        assertThat(drift.path("on").path("schedule").get(0).path("cron").asText()).isNotBlank();
        assertThat(drift.path("jobs").path("build").has("with")).as("no changed-since: every environment").isFalse();
        assertThat(text("terraform-plan.yml")).contains("-detailed-exitcode").contains("-lock=false");
    }
}

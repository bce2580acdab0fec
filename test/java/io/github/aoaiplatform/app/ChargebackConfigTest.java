package io.github.aoaiplatform.app;

import io.github.aoaiplatform.chargeback.PriceTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Departments, chargeback settings and the price table: defaults and every validation, with field paths. */
class ChargebackConfigTest {
    static final String DEPLOYMENTS = """
        "deployments": [
          {"name": "chat", "model": "gpt-4o", "version": "2024-11-20"},
          {"name": "mini", "model": "gpt-4o-mini", "version": "2024-07-18"}
        ]""";

    static String stack(String departments, String extra) {
        return ConfigLoaderTest.VALID.replace("\"capacityThousandsTpm\": 30", "\"capacityThousandsTpm\": 30, " + DEPLOYMENTS)
                .replaceFirst("}\\s*$", ", \"departments\": " + departments + extra + "}");
    }

    static final String FINANCE = "{\"name\": \"finance\", \"costCenter\": \"CC-1\", \"tokensPerMinute\": 1000}";

    @Test
    void appliesDocumentedDepartmentDefaults() {
        var c = ConfigLoader.parse(stack("[" + FINANCE + "]", ""), "s", "dev");
        var d = c.departments().get(0);
        assertThat(d.displayName()).isEqualTo("finance");
        assertThat(d.tokenQuotaPeriod()).isEqualTo("Monthly");
        assertThat(d.subscriptions()).containsExactly("default");
        assertThat(d.alertPercent()).isEqualTo(80);
        assertThat(d.allowedModels()).isEmpty();
        assertThat(d.tokenQuota()).isNull();
        assertThat(d.monthlyBudget()).isNull();
        assertThat(c.chargeback().priceTable()).isEqualTo("pricing/azure-openai.json");
        assertThat(c.chargeback().alertEmails()).isEmpty();
        assertThat(c.apiSubscriptionRequired()).isTrue();
    }

    @Test
    void failsOnEveryBadDepartmentFieldAtOnce() {
        String bad = "[" + FINANCE + ", "
                + "{\"name\": \"finance\", \"costCenter\": \"CC-1\", \"tokensPerMinute\": 1000},"
                + "{\"name\": \"Sales Team\", \"tokensPerMinute\": 0, \"tokenQuota\": 0, \"tokenQuotaPeriod\": \"Fortnightly\","
                + " \"groupIds\": [\"not-a-guid\"], \"clientAppIds\": [\"x\"], \"requestsPerMinute\": 0, \"allowedModels\": [\"gpt-5\", \"gpt-4o\", \"gpt-4o\"],"
                + " \"subscriptions\": [\"Main\", \"ok\", \"ok\"], \"monthlyBudget\": -5, \"alertPercent\": 0},"
                + "{\"name\": \"starter\", \"costCenter\": \"CC-9\", \"tokensPerMinute\": 100, \"tokensPerMinutePerUser\": 200},"
                + "{\"name\": \"ops\", \"costCenter\": \"CC-8\"}]";
        assertThatThrownBy(() -> ConfigLoader.parse(stack(bad, ", \"gateway\": {\"subscriptionRequired\": false}")
                        .replace("\"gateway\": { \"corsOrigins\": [\"*\"] },", ""), "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactlyInAnyOrder(
                        "gateway.subscriptionRequired",
                        "departments[1].name",
                        "departments[2].name", "departments[2].costCenter", "departments[2].groupIds[0]", "departments[2].clientAppIds[0]",
                        "departments[2].tokensPerMinute", "departments[2].tokenQuota", "departments[2].tokenQuotaPeriod",
                        "departments[2].requestsPerMinute", "departments[2].allowedModels[0]", "departments[2].allowedModels[2]",
                        "departments[2].subscriptions[0]", "departments[2].subscriptions[2]", "departments[2].monthlyBudget",
                        "departments[2].alertPercent",
                        "departments[3].name", "departments[3].tokensPerMinutePerUser",
                        "departments[4].tokensPerMinute"))
                .hasMessageContaining("departments[1].name: 'finance' is defined twice")
                .hasMessageContaining("departments[2].allowedModels[0]: 'gpt-5' is not deployed; deployed models are [gpt-4o, gpt-4o-mini]")
                .hasMessageContaining("departments[3].name: 'starter' is a built-in API Management product")
                .hasMessageContaining("departments[3].tokensPerMinutePerUser: 200 must be between 1 and tokensPerMinute (100)")
                .hasMessageContaining("gateway.subscriptionRequired: cannot be false when departments are defined");
    }

    @Test
    void failsOnUnknownDepartmentKeyAndBadAlertEmail() {
        assertThatThrownBy(() -> ConfigLoader.parse(stack("[" + FINANCE.replace("}", ", \"budget\": 5}") + "]", ""), "s", "dev"))
                .hasMessageContaining("departments[0].budget: unknown key");
        assertThatThrownBy(() -> ConfigLoader.parse(stack("[" + FINANCE + "]", ", \"chargeback\": {\"alertEmails\": [\"finops\"], \"priceTable\": \"prices.csv\"}"), "s", "dev"))
                .hasMessageContaining("chargeback.alertEmails[0]: 'finops' is not an e-mail address")
                .hasMessageContaining("chargeback.priceTable: 'prices.csv' must be a .json file");
    }

    @Test
    void theShippedPriceTableIsValidAndVersioned() {
        PriceTable t = PriceTableFile.load(Path.of("stacks", EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE));
        assertThat(t.version()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(t.currency()).isEqualTo("USD");
        assertThat(t.price("gpt-4o").outputPer1K()).isGreaterThan(t.price("gpt-4o").inputPer1K());
        assertThat(t.validate()).isEmpty();
    }

    @Test
    void failsOnUnknownModelNegativeAndMissingPricesInTheTable(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("prices.json");
        Files.writeString(f, """
            {"version": "2026-13-01", "currency": "usd", "models": {
              "gpt-9": {"inputPer1K": 1, "cachedInputPer1K": 1, "outputPer1K": 1},
              "gpt-4o": {"inputPer1K": -0.5, "outputPer1K": 0.01},
              "gpt-4o-mini": {"inputPer1K": 0.001, "cachedInputPer1K": 0.002, "outputPer1K": 0.002}
            }}""");
        assertThatThrownBy(() -> PriceTableFile.load(f))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactly(
                        "version", "currency", "models.gpt-9", "models.gpt-4o.inputPer1K", "models.gpt-4o.cachedInputPer1K",
                        "models.gpt-4o-mini.cachedInputPer1K"))
                .hasMessageContaining("models.gpt-9: unknown model 'gpt-9'")
                .hasMessageContaining("models.gpt-4o.inputPer1K: -0.5 is negative")
                .hasMessageContaining("models.gpt-4o.cachedInputPer1K: is required");
        Files.writeString(f, "{\"version\": \"2026-01-01\", \"currency\": \"EUR\", \"models\": {}, \"discount\": 3}");
        assertThatThrownBy(() -> PriceTableFile.load(f)).hasMessageContaining("discount: unknown key");
    }

    @Test
    void failsWhenADeployedModelHasNoPriceOrTheTableIsMissing(@TempDir Path tmp) throws IOException {
        Path stacks = Files.createDirectories(tmp.resolve("stacks"));
        Files.createDirectories(stacks.resolve("pricing"));
        Files.writeString(stacks.resolve("pricing/azure-openai.json"),
                "{\"version\": \"2026-01-01\", \"currency\": \"EUR\", \"models\": {\"gpt-4o\": {\"inputPer1K\": 1, \"cachedInputPer1K\": 0.5, \"outputPer1K\": 2}}}");
        Files.writeString(stacks.resolve("dev.json"), stack("[" + FINANCE + "]", ""));
        assertThatThrownBy(() -> ConfigLoader.loadWithPrices(stacks.resolve("dev.json")))
                .hasMessageContaining("openAi.deployments[1].model: 'gpt-4o-mini' has no price in pricing/azure-openai.json (version 2026-01-01)");
        Files.writeString(stacks.resolve("dev.json"), stack("[" + FINANCE + "]", ", \"chargeback\": {\"priceTable\": \"pricing/missing.json\"}"));
        assertThatThrownBy(() -> ConfigLoader.loadWithPrices(stacks.resolve("dev.json")))
                .hasMessageContaining("chargeback.priceTable (pricing/missing.json): price table")
                .hasMessageContaining("does not exist");
    }
}

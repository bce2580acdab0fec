package io.github.aoaiplatform.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aoaiplatform.apim.DefaultPolicy;
import io.github.aoaiplatform.apim.DepartmentPolicy;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.FederatedTokenOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link XmlRenderer} must write exactly what the JDK serializer it replaced wrote ({@link JdkXmlOracle}), and fail
 * where that serializer failed.
 */
class XmlRendererTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String APP = "66666666-7777-8888-9999-000000000000";

    /** Renders with both; equal output, or both reject the tree (the JDK only rejects broken surrogate pairs). */
    static void assertSameAsJdk(XmlNode node) {
        String expected;
        try {
            expected = JdkXmlOracle.render(node);
        } catch (IllegalStateException jdkFailure) {
            assertThat(jdkFailure).hasMessageContaining("surrogate");
            assertThatThrownBy(() -> XmlRenderer.render(node))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("surrogate");
            return;
        }
        assertThat(XmlRenderer.render(node)).isEqualTo(expected);
    }

    static XmlNode.Builder element(String name) {
        return XmlNode.element(name);
    }

    // --- the documents the library produces ---

    @Test
    void sampleAndEveryElementTypeRenderAsTheJdkDid() {
        assertSameAsJdk(SamplePolicies.defaultApiPolicy().toNode());
        for (AllElementsWellFormedTest.Sample sample : AllElementsWellFormedTest.samples()) {
            assertSameAsJdk(sample.element().toNode());
            assertSameAsJdk(PolicyDocument.builder().add(sample.section(), sample.element()).build().toNode());
        }
        assertSameAsJdk(PolicyDocument.builder().build().toNode());
    }

    @Test
    void trickyValuesRenderAsTheJdkDid() {
        List<String> values = new ArrayList<>(EscapingTest.trickyValues().toList());
        values.add("a\r\nb\rc");
        values.add("\"/><return-response/><x a=\"");
        for (String value : values) {
            assertSameAsJdk(PolicyDocument.builder()
                    .inbound(SetVariable.of("v", value), SetHeader.override("x-test", value), SetBody.of(value),
                            LlmTokenLimit.builder(LlmFlavor.LLM, value).tokensPerMinute(1).build(),
                            Choose.builder().when(value, SetVariable.of("v", value)).otherwise(SetBody.of(value)).build())
                    .build().toNode());
        }
    }

    /** The API and department policies synth embeds in the stacks (this test reaches up to apim; tests are not layered). */
    @Test
    void apiAndDepartmentPoliciesRenderAsTheJdkDid() {
        Map<String, DefaultPolicy.Route> routes = new LinkedHashMap<>();
        routes.put("chat", new DefaultPolicy.Route("pool-chat", 2, "gpt-4o"));
        routes.put("embed", new DefaultPolicy.Route("aoai-eastus", 1, "text-embedding-3-small"));
        List<DefaultPolicy.Props> apis = List.of(
                api().build(),
                api().corsOrigins(List.of("https://chat.contoso.com", "*")).routes(routes).usageLoggerId("usage").build(),
                api().routes(Map.of("gpt-4o", new DefaultPolicy.Route("pool-gpt-4o", 2, null))).subscriptionRequired(true)
                        .departmentRequired(true).acceptedScopes(List.of("user_impersonation")).acceptedRoles(List.of("AOAI.User"))
                        .build(),
                api().routes(routes).backendTokensFromProducts(true).tenantBackends(true).usageLoggerId("usage").build());
        List<DepartmentPolicyProps> departments = List.of(
                DepartmentPolicyProps.builder().name("finance").groupIds(List.of(APP)).clientAppIds(List.of(TENANT))
                        .allowedDeployments(List.of("chat", "mini")).tokensPerMinute(50_000).tokenQuota(5_000_000L)
                        .tokenQuotaPeriod(TokenQuotaPeriod.WEEKLY).requestsPerMinute(600).tokensPerMinutePerUser(10_000).build(),
                DepartmentPolicyProps.builder().name("legal").tokensPerMinute(1000).build(),
                DepartmentPolicyProps.builder().name("contoso").tokensPerMinute(1000).allowedDeployments(List.of("contoso-gpt-4o"))
                        .accountBackendId("aoai-contoso-eus").backendToken(FederatedTokenOptions.builder().tenantId(TENANT)
                                .clientId(APP).identityClientId(APP).build()).build(),
                DepartmentPolicyProps.builder().name("shared").tokensPerMinute(1000).accountOperations(false).build());
        for (DefaultPolicy.Props api : apis) {
            assertSameAsJdk(DefaultPolicy.document(api).toNode());
            for (DepartmentPolicyProps department : departments) {
                assertSameAsJdk(DepartmentPolicy.document(department, api).toNode());
            }
        }
    }

    static DefaultPolicy.Props.Builder api() {
        return DefaultPolicy.Props.builder().tenantId(TENANT).audienceAppId(APP).tokensPerMinutePerUser(1)
                .defaultBackendId("aoai-japaneast").identityClientId("{{uami-client-id}}");
    }

    // --- exact output ---

    @Test
    void writesEmptyTextOnlyAndNestedElementsLikeTheJdk() {
        XmlNode tree = element("policies")
                .child(element("base").build())
                .child(element("set-body").text("").build())
                .child(element("set-header").attr("name", "x").child(element("value").text(" a\n  b ").build()).build())
                .child(element("when").attr("condition", "@(true)").child(element("x").child(element("y").build()).build()).build())
                .build();
        String expected = """
                <policies>
                    <base/>
                    <set-body/>
                    <set-header name="x">
                        <value> a
                  b </value>
                    </set-header>
                    <when condition="@(true)">
                        <x>
                            <y/>
                        </x>
                    </when>
                </policies>
                """;
        assertThat(XmlRenderer.render(tree)).isEqualTo(expected).isEqualTo(JdkXmlOracle.render(tree));

        XmlNode deep = element("leaf").text("x").build();
        for (int depth = 0; depth < 40; depth++) {
            deep = element("n" + depth).child(deep).child(element("e").build()).build();
        }
        assertSameAsJdk(deep);
    }

    @Test
    void escapesAttributesAndTextLikeTheJdk() {
        String value = "& < > \" ' \t\n\r \u0001 \u007f \u0085 \u00e4 \u2028 \ud83d\ude00 @(a.GetValueOrDefault(\"x\",\"\"))";
        XmlNode tree = element("a").attr("v", value).child(element("b").text(value).build()).build();
        String expected = "<a v=\"&amp; &lt; &gt; &quot; ' &#9;&#10;&#13; &#1; \u007f \u0085 \u00e4 \u2028 &#128512;"
                + " @(a.GetValueOrDefault(&quot;x&quot;,&quot;&quot;))\">\n"
                + "    <b>&amp; &lt; &gt; \" ' \t\n&#13; &#1; &#127; &#133; \u00e4 \u2028 &#128512;"
                + " @(a.GetValueOrDefault(\"x\",\"\"))</b>\n"
                + "</a>\n";
        assertThat(XmlRenderer.render(tree)).isEqualTo(expected).isEqualTo(JdkXmlOracle.render(tree));
    }

    @Test
    void aHighSurrogateEndingAValuePairsWithTheNextCharacterReferenceLikeTheJdk() {
        XmlNode paired = element("r").child(element("a").text("x\ud800").build()).child(element("b").text("<\tz\n\udc00").build()).build();
        assertThat(XmlRenderer.render(paired)).isEqualTo("<r>\n    <a>x</a>\n    <b>&lt;\tz\n&#65536;</b>\n</r>\n");
        assertSameAsJdk(paired);
        XmlNode broken = element("r").child(element("a").text("x\ud800").build()).child(element("b").attr("v", "\n").build()).build();
        assertThatThrownBy(() -> XmlRenderer.render(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("U+D800 U+000A");
        assertSameAsJdk(broken);
    }

    @Test
    void namesMustBePlainXmlNames() {
        for (String name : List.of("", "p:a", "xml:space", "a b", "a<b", "\u00e4", "1a", "-a")) {
            assertThatThrownBy(() -> element(name)).as(name).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> element("a").attr(name, "v")).as(name).isInstanceOf(IllegalStateException.class);
        }
        assertSameAsJdk(element("_A.b-9").attr("xmlns", "urn:x").attr("xml-space", "preserve")
                .child(element("c").child(element("d").build()).build()).build());
    }

    // --- every character, and random trees ---

    /**
     * Every UTF-16 unit in text and attributes; and a high surrogate ahead of each kind of character (all of them were
     * compared once; a sample is kept to keep the test fast).
     */
    @Test
    void everyCharacterRendersAsTheJdkDid() {
        XmlNode.Builder all = element("r");
        IntStream.rangeClosed(0, 0xFFFF).filter(c -> !Character.isHighSurrogate((char) c)).forEach(c -> {
            String s = String.valueOf((char) c);
            all.child(element("c").attr("v", s).text(s).build());
        });
        assertSameAsJdk(all.build());

        List<Character> next = new ArrayList<>();
        IntStream.range(0, 0x100).forEach(c -> next.add((char) c));
        IntStream.range(0x100, 0x10000).filter(c -> c % 251 == 0).forEach(c -> next.add((char) c));
        for (char c : new char[] {'\u2028', '\u2029', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000', '\ufffe', '\uffff'}) {
            next.add(c);
        }
        for (char high : new char[] {'\ud800', '\udbff'}) {
            for (char c : next) {
                String s = c + "z";
                assertSameAsJdk(element("r").text(high + s).build());
                assertSameAsJdk(element("r").attr("v", high + s).build());
                assertSameAsJdk(element("r").child(element("a").text("x" + high).build()).child(element("b").text(s).build()).build());
                assertSameAsJdk(element("r").attr("v", "x" + high).attr("w", s).build());
                assertSameAsJdk(element("r").attr("v", "x" + high).text(s).build());
                assertSameAsJdk(element("r").child(element("a").text("x" + high).build()).child(element("b").attr("v", s).build()).build());
            }
        }
    }

    @Test
    void randomTreesRenderAsTheJdkDid() {
        Random random = new Random(20240611);
        for (int i = 0; i < 3000; i++) {
            assertSameAsJdk(randomTree(random, 0));
        }
    }

    static final String[] PIECES = {
        "&", "<", ">", "\"", "'", "\n", "\r", "\t", " ", "  ", "\r\n", "]]>", "&amp;", "&#10;", "<!--", "-->", "a", "Z", "9",
        "\u00e4", "\u00df", "\u20ac", "\u00a0", "\u0085", "\u007f", "\u0080", "\u009f", "\u2028", "\u2029", "\ufeff", "\ufffd",
        "\ufffe", "\u0000", "\u0001", "\u001f", "\u0b9f", "\u4e2d", "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff",
        "@(context.Request.Headers.GetValueOrDefault(\"x\",\"\"))", "@{ return a < b && c > d; }", "{{named-value}}",
    };
    static final String[] LONE_SURROGATES = {"\ud800", "\udbff", "\udc00", "\udfff"};
    static final String NAME_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
    static final String NAME_PART = NAME_START + "0123456789.-";

    static XmlNode randomTree(Random random, int depth) {
        XmlNode.Builder node = element(randomName(random));
        int attributes = random.nextInt(4);
        for (int i = 0; i < attributes; i++) {
            node.attr(randomName(random) + i, randomValue(random));
        }
        int kind = random.nextInt(10);
        if (kind < 4) {
            node.text(randomValue(random));
        } else if (kind < 8 && depth < 4) {
            int children = 1 + random.nextInt(4);
            for (int i = 0; i < children; i++) {
                node.child(randomTree(random, depth + 1));
            }
        }
        return node.build();
    }

    static String randomName(Random random) {
        StringBuilder name = new StringBuilder().append(NAME_START.charAt(random.nextInt(NAME_START.length())));
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            name.append(NAME_PART.charAt(random.nextInt(NAME_PART.length())));
        }
        return name.toString();
    }

    /** Mostly nasty but valid text; one value in 40 carries a lone surrogate, which the JDK may reject. */
    static String randomValue(Random random) {
        StringBuilder value = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            value.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(40) == 0) {
            value.insert(random.nextInt(value.length() + 1), LONE_SURROGATES[random.nextInt(LONE_SURROGATES.length)]);
        }
        return value.toString();
    }
}

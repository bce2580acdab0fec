package io.github.aoaiplatform.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** One sample of every policy type, rendered in a section APIM allows, must parse as well-formed XML. */
class AllElementsWellFormedTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String TRICKY = "@(\"<&>'\\\"\")";

    record Sample(PolicySection section, PolicyElement element) { }

    static List<Sample> samples() {
        return List.of(
                new Sample(PolicySection.INBOUND, AuthenticationManagedIdentity.builder().outputTokenVariableName("t").build()),
                new Sample(PolicySection.OUTBOUND, Base.INSTANCE),
                new Sample(PolicySection.INBOUND, CacheLookupValue.of(TRICKY, "v")),
                new Sample(PolicySection.INBOUND, CacheStoreValue.of(TRICKY, TRICKY, 60)),
                new Sample(PolicySection.INBOUND, SendRequest.postForm("r", "https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token", TRICKY, 20)),
                new Sample(PolicySection.OUTBOUND, Choose.builder().when(TRICKY, SetVariable.of("v", TRICKY))
                        .otherwise(SetBody.of(TRICKY)).build()),
                new Sample(PolicySection.INBOUND, Cors.builder().allowedOrigins("https://a.contoso.com").build()),
                new Sample(PolicySection.OUTBOUND, EmitMetric.builder("Cached Prompt Tokens", "ns", TRICKY)
                        .dimensions(List.of(MetricDimension.of(MetricDimension.API_ID), MetricDimension.of("k", TRICKY))).build()),
                new Sample(PolicySection.INBOUND, EmitTokenMetric.builder(LlmFlavor.LLM, "ns").dimension("k", TRICKY).build()),
                new Sample(PolicySection.BACKEND, ForwardRequest.withBufferedRequestBody()),
                new Sample(PolicySection.ON_ERROR, IncludeFragment.of("frag")),
                new Sample(PolicySection.INBOUND, LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, TRICKY).tokensPerMinute(1).build()),
                new Sample(PolicySection.OUTBOUND, LogToEventHub.builder("logger", TRICKY).build()),
                new Sample(PolicySection.OUTBOUND, Trace.builder("usage", TRICKY).severity(Trace.Severity.INFORMATION).metadata("name", TRICKY).build()),
                new Sample(PolicySection.INBOUND, QuotaByKey.builder(TRICKY, 60).calls(1).build()),
                new Sample(PolicySection.INBOUND, RateLimitByKey.builder(1, 60, TRICKY).build()),
                new Sample(PolicySection.BACKEND, Retry.onThrottlingAndServerErrors(2)),
                new Sample(PolicySection.ON_ERROR, ReturnResponse.builder(500, "Error").body(TRICKY).build()),
                new Sample(PolicySection.BACKEND, SetBackendService.backendId("pool")),
                new Sample(PolicySection.OUTBOUND, SetBody.of(TRICKY)),
                new Sample(PolicySection.ON_ERROR, SetHeader.override("x", TRICKY)),
                new Sample(PolicySection.BACKEND, SetVariable.of("v", TRICKY)),
                new Sample(PolicySection.INBOUND, ValidateAzureAdToken.builder(TENANT).audiences(TRICKY).build()),
                new Sample(PolicySection.INBOUND, ValidateJwt.builder()
                        .openIdConfigUrls("https://login.microsoftonline.com/" + TENANT + "/v2.0/.well-known/openid-configuration")
                        .build()));
    }

    static Stream<Arguments> cases() {
        return samples().stream().map(s -> Arguments.of(s.element().getClass().getSimpleName(), s.section(), s.element()));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void rendersWellFormedInDocumentAndAsFragment(String type, PolicySection section, PolicyElement element) {
        Document doc = PolicyXml.parse(PolicyDocument.builder().add(section, element).build().toXml());
        List<Element> found = PolicyXml.elements(doc, "/policies/" + section.xmlName() + "/" + element.elementName());
        assertThat(found).as(type).isNotEmpty();

        Document fragment = PolicyXml.parse(element.toXml());
        assertThat(fragment.getDocumentElement().getNodeName()).isEqualTo(element.elementName());
        assertThat(element.toString()).isEqualTo(element.toXml());
    }

    @Test
    void everyPolicyTypeHasASample() {
        Set<Class<?>> permitted = Arrays.stream(PolicyElement.class.getPermittedSubclasses()).collect(Collectors.toSet());
        Set<Class<?>> sampled = samples().stream().map(s -> s.element().getClass()).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(permitted);
    }
}

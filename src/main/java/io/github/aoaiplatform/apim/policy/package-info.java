/**
 * Typed model of Azure API Management policies that renders well-formed policy XML.
 *
 * <p>Build {@link io.github.aoaiplatform.apim.policy.PolicyElement}s with their static factories or builders,
 * put them in a {@link io.github.aoaiplatform.apim.policy.PolicyDocument} and call {@code toXml()}. Values are
 * escaped by the JDK XML serializer, so C# policy expressions ({@code @(...)}, {@code @{...}}) round-trip exactly.
 * All validation errors are {@link java.lang.IllegalArgumentException}s that name the element, the attribute and
 * the fix.
 */
package io.github.aoaiplatform.apim.policy;

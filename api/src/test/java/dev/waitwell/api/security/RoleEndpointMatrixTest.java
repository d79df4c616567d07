package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import dev.waitwell.api.ApiTest;
import dev.waitwell.api.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the controllers map, asked by every role and by nobody: the roles {@link EndpointRoles} grants get
 * past security, every other caller gets 401 (nobody) or 403 (a role without the right). The endpoints come from the
 * controllers' mappings, so an endpoint added without a line in {@link EndpointRoles} fails this test, and one whose
 * line is not matched by a rule in {@code SecurityConfig} (whose last rule lets any login through) fails it too.
 */
@ApiTest
class RoleEndpointMatrixTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyMappedEndpointHasItsRolesWrittenDownAndEveryWrittenEndpointIsMapped() {
        Set<String> mapped = new TreeSet<>();
        Stream.concat(mappedEndpoints().stream(), EndpointRoles.ACTUATOR.stream())
                .forEach(endpoint -> mapped.add(endpoint.key()));
        Set<String> written = new TreeSet<>(EndpointRoles.ALL.keySet());

        assertThat(mapped)
                .as(
                        "endpoints mapped by a controller but without a line in EndpointRoles (and a rule in SecurityConfig)")
                .isSubsetOf(written);
        assertThat(written)
                .as("lines in EndpointRoles naming an endpoint no controller maps")
                .isSubsetOf(mapped);
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsPastSecurityExactlyWhereItsRoleIsGranted() {
        Stream<Endpoint> endpoints = Stream.concat(mappedEndpoints().stream(), EndpointRoles.ACTUATOR.stream());
        return endpoints.flatMap(endpoint -> EndpointRoles.CALLERS.stream()
                .map(caller -> DynamicTest.dynamicTest(
                        caller + " " + endpoint.key(), () -> assertCallerTreatedAsGranted(endpoint, caller))));
    }

    private void assertCallerTreatedAsGranted(Endpoint endpoint, String caller) throws Exception {
        boolean granted = EndpointRoles.grants(endpoint.key(), caller);
        MockHttpServletResponse response =
                mvc.perform(requestAs(endpoint, caller)).andReturn().getResponse();
        String code = problemCode(response);
        boolean refusedBySecurity = (response.getStatus() == 401 && "UNAUTHENTICATED".equals(code))
                || (response.getStatus() == 403 && "ACCESS_DENIED".equals(code));
        assertThat(refusedBySecurity)
                .as("%s %s answered %d %s; granted: %s", caller, endpoint.key(), response.getStatus(), code, granted)
                .isEqualTo(!granted);
        if (!granted) {
            assertThat(response.getStatus()).isEqualTo(EndpointRoles.ANONYMOUS.equals(caller) ? 401 : 403);
        }
    }

    private MockHttpServletRequestBuilder requestAs(Endpoint endpoint, String caller) {
        // A path of its own for every request (no order, product or rate-limit allowance is shared), an empty JSON
        // body, and the header a state-changing call from a script carries: what is tested is who may call.
        MockHttpServletRequestBuilder builder = request(endpoint.method(), concretePath(endpoint.path()))
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Requested-By", "matrix-test")
                .content("{}");
        return EndpointRoles.ANONYMOUS.equals(caller)
                ? builder
                : builder.with(httpBasic(caller, EndpointRoles.PASSWORDS.get(caller)));
    }

    private static String concretePath(String pattern) {
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Fixtures.unique("MX"));
        }
        return variable.appendTail(path).toString();
    }

    private static String problemCode(MockHttpServletResponse response) throws Exception {
        String contentType = response.getContentType();
        if (contentType == null || !contentType.contains("json")) {
            return null;
        }
        try {
            return JsonPath.read(response.getContentAsString(), "$.code");
        } catch (PathNotFoundException noCode) {
            return null;
        }
    }

    private List<Endpoint> mappedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        // Waitwell's own controllers: Spring's error controller and the OpenAPI document's are not ours to list.
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("dev.waitwell")) {
                endpoints.addAll(endpointsOf(info));
            }
        });
        return endpoints;
    }

    private static List<Endpoint> endpointsOf(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        assertThat(methods).as("mapping %s names its HTTP method", info).isNotEmpty();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String path : info.getPatternValues()) {
            for (RequestMethod method : methods) {
                endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), path));
            }
        }
        return endpoints;
    }

    /** One method on one path pattern, as the controllers map it. */
    record Endpoint(HttpMethod method, String path) {

        String key() {
            return method.name() + " " + path;
        }
    }
}

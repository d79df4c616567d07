package dev.waitwell.api.shared;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.waitwell.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ApiTest
class ProblemAdviceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersAnUnknownPathWithA404Problem() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").with(httpBasic("admin", "admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("https://waitwell.dev/problems/not-found"));
    }

    @Test
    void answersAnUnsupportedMethodWithA405Problem() throws Exception {
        mvc.perform(delete("/admin/v1/ledger").with(httpBasic("admin", "admin")).header("X-Requested-By", "test"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void answersAnUnsupportedBodyTypeWithA415Problem() throws Exception {
        mvc.perform(post("/api/v1/orders")
                        .with(httpBasic("shop", "shop"))
                        .header("X-Requested-By", "test")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}

package com.onix.twofactor.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem document straight to the response, for filters that run before Spring MVC. */
@Component
public class ProblemResponseWriter {

  private final ObjectMapper json;

  public ProblemResponseWriter(ObjectMapper json) {
    this.json = json;
  }

  public void write(HttpServletResponse response, int status, String code, String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), code, detail);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}

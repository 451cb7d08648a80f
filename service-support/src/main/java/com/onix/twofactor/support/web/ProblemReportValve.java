package com.onix.twofactor.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, as a problem document instead of its HTML page: for what the server
 * refuses before the application sees the request (an invalid request line, headers over the limit,
 * {@code %00} or overlong UTF-8 in a path). Errors inside the application never get here with an
 * empty body, since the error page, {@code /error}, has answered them already.
 */
public class ProblemReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    HttpStatus problemStatus = ContainerErrors.statusFor(status);
    String code = ContainerErrors.codeFor(problemStatus);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", Problems.typeOf(code).toString());
    problem.put("title", Problems.titleOf(code));
    problem.put("status", problemStatus.value());
    problem.put("detail", ContainerErrors.detailFor(problemStatus));
    problem.put("code", code);
    try {
      byte[] body = JSON.writeValueAsBytes(problem);
      response.setStatus(problemStatus.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.setContentLength(body.length);
      OutputStream out = response.getOutputStream();
      out.write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response cannot be written: nothing left to tell.
    }
  }
}

package com.onix.twofactor.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@value #LIMIT_BYTES} bytes: at once when the declared length says
 * so, otherwise as soon as a chunked body passes the limit while it is read.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  public static final int LIMIT_BYTES = 64 * 1024;

  private final ProblemResponseWriter problems;

  public RequestBodyLimitFilter(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > LIMIT_BYTES) {
      ApiProblem tooLarge = tooLarge();
      problems.write(response, tooLarge.status().value(), tooLarge.code(), tooLarge.detail());
      return;
    }
    try {
      chain.doFilter(new LimitedRequest(request), response);
    } catch (IOException | ServletException | RuntimeException failure) {
      // Spring MVC maps the limit itself; a filter reading the body (form parameters of a PUT)
      // lets it escape, and it would end as a 500.
      if (!isTooLarge(failure) || response.isCommitted()) {
        throw failure;
      }
      response.resetBuffer();
      ApiProblem tooLarge = tooLarge();
      problems.write(response, tooLarge.status().value(), tooLarge.code(), tooLarge.detail());
    }
  }

  static ApiProblem tooLarge() {
    return new ApiProblem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "The request body is larger than " + LIMIT_BYTES + " bytes.");
  }

  static boolean isTooLarge(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body over the limit", null);
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream());
      }
      return limited;
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream body;
    private long read;

    LimitedInputStream(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public int read() throws IOException {
      int next = body.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = body.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > LIMIT_BYTES) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}

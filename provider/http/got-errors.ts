import { HTTPError, RequestError } from "got";
import { IscApiError, isRedirect, parseErrorBody } from "./errors";

/** Any failure of a got request, as the IscApiError that names the request and what went wrong. */
export function fromGotError(method: string, path: string, error: unknown): IscApiError {
  if (error instanceof IscApiError) return error;
  if (error instanceof RequestError && error.cause instanceof IscApiError) return error.cause; // the origin guard
  // A redirect whose body is not JSON fails to parse before it can be seen as a redirect.
  if (error instanceof RequestError && error.response && isRedirect(error.response.statusCode)) {
    return IscApiError.redirect(method, path, error.response);
  }
  if (error instanceof HTTPError) {
    const body = Buffer.isBuffer(error.response.body) ? error.response.body.toString("utf8") : error.response.body;
    return new IscApiError({ method, path, status: error.response.statusCode, ...parseErrorBody(body) });
  }
  if (error instanceof RequestError) {
    const status = error.code === "ERR_BODY_PARSE_FAILURE" ? error.response?.statusCode : undefined;
    return new IscApiError({ method, path, status, code: error.code });
  }
  return new IscApiError({ method, path, code: error instanceof Error ? error.message : "unknown error" });
}

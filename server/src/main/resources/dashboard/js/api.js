// The public REST API: bearer token, the {success, message, data} envelope, errors with a field.

// The path the dashboard is served under (e.g. /suasor behind a reverse proxy, or empty): the
// folder of the page, to which the API's absolute paths are relative.
export const BASE_PATH = location.pathname.replace(/\/[^/]*$/, '');

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `the server answered ${status}`);
    this.status = status;
    this.type = body && body.type;
    this.field = body && body.details ? body.details.field : undefined;
  }
}

export class Api {
  constructor(token, onUnauthorized) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  /** The whole envelope of a request; throws ApiError on an error answer. */
  async request(method, path, body) {
    const headers = {Accept: 'application/json', Authorization: `Bearer ${this.token}`};
    const init = {method, headers};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(BASE_PATH + path, init);
    } catch (networkError) {
      throw new ApiError(0, {message: `the server cannot be reached (${networkError.message})`});
    }
    let envelope = null;
    try {
      envelope = await response.json();
    } catch {
      envelope = null;
    }
    if (!response.ok || !envelope || envelope.success === false) {
      const error = new ApiError(response.status, envelope);
      if (response.status === 401 && this.onUnauthorized) {
        this.onUnauthorized(error);
      }
      throw error;
    }
    return envelope;
  }

  async get(path) {
    return (await this.request('GET', path)).data;
  }

  async post(path, body) {
    return (await this.request('POST', path, body)).data;
  }

  async put(path, body) {
    return (await this.request('PUT', path, body)).data;
  }

  /** Every page of the run history for a query, up to a number of runs. */
  async runs(query, maxRuns) {
    const runs = [];
    let before = null;
    do {
      const params = new URLSearchParams({...query, limit: String(Math.min(100, maxRuns - runs.length))});
      if (before) {
        params.set('before', before);
      }
      const page = await this.request('GET', `/api/v1/jobs/runs?${params}`);
      runs.push(...page.data);
      before = page.pagination ? page.pagination.nextCursor : null;
    } while (before && runs.length < maxRuns);
    return {runs, complete: !before};
  }
}

export function path(template, ...values) {
  return template.replace(/\{\}/g, () => encodeURIComponent(values.shift()));
}

/** Keeps cookies like a browser (or a script that keeps them), so each test controls exactly what is sent. */
export class Jar {
  readonly cookies = new Map<string, string>();
  header(): string { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }
}

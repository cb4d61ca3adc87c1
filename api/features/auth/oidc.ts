import type { Configuration } from 'openid-client';
import type { OidcConfig } from '../../config';
import { AppError } from '../../errors';
import { loadOpenidClient } from '../../lazyModules';
import type { Logger } from '../../logger';

/** How long a failed discovery is trusted before a sign-in tries the provider again. */
const RETRY_MS = 30_000;
const DISCOVERY_TIMEOUT_SECONDS = 5;

/** 127.0.0.0/8, ::1 and localhost: the only hosts an http: issuer may have (tests and local trials). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** German reason why an issuer URL is refused, or null. */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return `OIDC_ISSUER ist keine gültige Adresse: "${issuer}".`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return `OIDC_ISSUER muss mit https:// beginnen (http:// nur auf diesem Rechner: localhost, 127.0.0.0/8, ::1), nicht "${issuer}".`;
}

/**
 * The OpenID provider as the app sees it: discovered once at start-up; if the provider is unreachable then, the
 * app still starts (local sign-in works) and a later SSO sign-in tries again, at most every 30 seconds.
 */
export class OidcService {
  private configuration?: Configuration;
  private failure?: { message: string; at: number };
  private inFlight?: Promise<void>;

  constructor(
    readonly settings: OidcConfig,
    private readonly logger?: Logger,
  ) {}

  /** The reason SSO does not work right now (for logs and the health of the login page), or undefined. */
  get problem(): string | undefined {
    return this.configuration ? undefined : this.failure?.message;
  }

  /** Fetches the provider's discovery document; never throws (the failure is logged and kept). */
  discover(): Promise<void> {
    this.inFlight ??= this.fetchDiscovery().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchDiscovery(): Promise<void> {
    const { issuer, clientId, clientSecret } = this.settings;
    const problem = issuerProblem(issuer);
    if (problem) {
      this.fail(problem);
      return;
    }
    try {
      const client = await loadOpenidClient();
      const insecure = new URL(issuer).protocol === 'http:';
      this.configuration = await client.discovery(
        new URL(issuer),
        clientId,
        clientSecret,
        clientSecret ? client.ClientSecretPost(clientSecret) : client.None(),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        },
      );
      this.failure = undefined;
      this.logger?.info({ issuer }, 'OpenID Connect: Anbieter gefunden');
    } catch (err) {
      this.fail(
        `Der Anmeldedienst ${issuer} ist nicht erreichbar oder antwortet nicht wie ein OpenID-Connect-Anbieter (${
          err instanceof Error ? err.message : String(err)
        }). Die Anmeldung mit Passwort funktioniert weiter.`,
      );
    }
  }

  private fail(message: string): void {
    this.failure = { message, at: Date.now() };
    this.logger?.error({ issuer: this.settings.issuer }, `OpenID Connect: ${message}`);
  }

  /** The discovered provider; tries again after a failure that is old enough, else answers 503. */
  async client(): Promise<Configuration> {
    if (!this.configuration && (!this.failure || Date.now() - this.failure.at > RETRY_MS))
      await this.discover();
    else if (this.inFlight) await this.inFlight;
    if (!this.configuration)
      throw new AppError(
        503,
        'sso_unavailable',
        'Die Anmeldung mit dem Dienstkonto ist gerade nicht möglich. Bitte mit Passwort anmelden oder später erneut versuchen.',
      );
    return this.configuration;
  }
}

interface TrustedTypePolicyFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL: (url: string) => string },
  ): { createScriptURL(url: string): unknown };
}

const WORKER_URL = '/sw.js';

/** Registers the worker; under the page's Trusted Types policy its URL goes through a policy that allows only it. */
export async function registerServiceWorker(): Promise<void> {
  const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  const url = trustedTypes
    ? trustedTypes
        .createPolicy('inbox-service-worker', {
          createScriptURL: (input) => {
            if (input !== WORKER_URL) throw new TypeError(`Not the inbox's service worker: ${input}`);
            return input;
          },
        })
        .createScriptURL(WORKER_URL)
    : WORKER_URL;
  try {
    await navigator.serviceWorker.register(url as string, { scope: '/' });
  } catch {
    // Without a worker the inbox still works online; it only loads slower and not offline.
  }
}

/** Cached discovery: the cache lives in discovery-cache.ts, the fetching in client.ts. */
export { clearDiscoveryCache, createDiscoveryCache, defaultDiscoveryCache, type DiscoveryCache } from './discovery-cache.js';
export { getClient, type Client } from './client.js';

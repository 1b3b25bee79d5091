import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";

const MANIFEST = "dist/.vite/manifest.json";

/**
 * Keycloak's index.ftl preloads the entry chunk's `imports` as `<resourceUrl>/<import>`, but a Vite manifest lists
 * chunk keys there (`_index-abc.js`), not files (`assets/index-abc.js`). This rewrites them to the files.
 */
const preloadableImports = (): Plugin => ({
  name: "keycloak-preloadable-imports",
  closeBundle() {
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
    for (const chunk of Object.values<{ isEntry?: boolean; imports?: string[] }>(manifest)) {
      if (chunk.isEntry && chunk.imports) {
        chunk.imports = chunk.imports.map((key) => manifest[key]?.file ?? key);
      }
    }
    writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2));
  },
});

// Builds the admin console theme: Keycloak's own admin console (from @keycloak/keycloak-admin-ui) with the
// Service accounts section, React included (some of the console's CommonJS dependencies require it directly).
export default defineConfig({
  base: "",
  esbuild: { jsx: "automatic" },
  plugins: [preloadableImports()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    chunkSizeWarningLimit: 8000,
    rollupOptions: {
      input: "src/main.tsx",
    },
  },
});

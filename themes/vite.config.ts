import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

/**
 * One build per console: `vite build --mode admin` and `vite build --mode account`. Each writes its theme type under
 * dist/, which Maven adds to the JAR as it is:
 *
 *   dist/META-INF/keycloak-themes.json                          declares the types built (none without the UI build)
 *   dist/theme/service-accounts/<type>/theme.properties         from <type>-ui/theme/
 *   dist/theme/service-accounts/<type>/messages/messages_en.properties   iam-ui's messages + <type>-ui's own
 *   dist/theme/service-accounts/<type>/resources/               the Vite bundle and its manifest (read by index.ftl)
 */
const THEME = "dist/theme/service-accounts";
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Keycloak's index.ftl preloads the entry chunk's `imports` as `<resourceUrl>/<import>`, but a Vite manifest lists
 * chunk keys there (`_index-abc.js`), not files (`assets/index-abc.js`). This rewrites them to the files.
 */
const preloadableImports = (outDir: string): Plugin => ({
  name: "keycloak-preloadable-imports",
  closeBundle() {
    const path = `${outDir}/.vite/manifest.json`;
    const manifest = JSON.parse(readFileSync(path, "utf8"));
    for (const chunk of Object.values<{ isEntry?: boolean; imports?: string[] }>(manifest)) {
      if (chunk.isEntry && chunk.imports) {
        chunk.imports = chunk.imports.map((key) => manifest[key]?.file ?? key);
      }
    }
    writeFileSync(path, JSON.stringify(manifest, null, 2));
  },
});

/** Theme properties and messages next to the bundle, and the declaration of every theme type built so far. */
const themeFiles = (type: string): Plugin => ({
  name: "keycloak-theme-files",
  closeBundle() {
    const target = `${THEME}/${type}`;
    for (const file of readdirSync(here(`${type}-ui/theme`))) {
      copyFileSync(here(`${type}-ui/theme/${file}`), `${target}/${file}`);
    }
    const own = here(`${type}-ui/messages_en.properties`);
    mkdirSync(`${target}/messages`, { recursive: true });
    writeFileSync(
      `${target}/messages/messages_en.properties`,
      readFileSync(here("iam-ui/messages_en.properties"), "utf8") + (existsSync(own) ? readFileSync(own, "utf8") : ""),
    );
    const types = ["admin", "account"].filter((t) => existsSync(`${THEME}/${t}/theme.properties`));
    mkdirSync("dist/META-INF", { recursive: true });
    writeFileSync(
      "dist/META-INF/keycloak-themes.json",
      JSON.stringify({ themes: [{ name: "service-accounts", types }] }, null, 2) + "\n",
    );
  },
});

export default defineConfig(({ mode }) => {
  if (mode !== "admin" && mode !== "account") {
    throw new Error(`vite build --mode admin|account (not ${mode})`);
  }
  const outDir = `${THEME}/${mode}/resources`;
  return {
    base: "",
    // Quiet unless something is wrong: Maven and run.sh show warnings and errors only.
    logLevel: "warn",
    // account-ui/public/content.json: the account console's navigation, with the Service accounts entry.
    publicDir: mode === "account" ? "account-ui/public" : false,
    esbuild: { jsx: "automatic" },
    resolve: {
      // The account console package exports no stylesheet path; its components' styles are in lib/.
      alias: {
        "@keycloak/keycloak-account-ui/styles.css": here(
          "node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css",
        ),
      },
    },
    plugins: [preloadableImports(outDir), themeFiles(mode)],
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      target: "es2022",
      chunkSizeWarningLimit: 8000,
      reportCompressedSize: false,
      // React is bundled, not taken from index.ftl's import map: some of the consoles' CommonJS dependencies
      // require it directly, and the bundle then does not depend on the React the server ships.
      rollupOptions: {
        input: `${mode}-ui/src/main.tsx`,
        // React Router's "use client" markers mean nothing without server components: not worth a warning.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  };
});

// Installs exactly what package-lock.json names (npm ci), and skips that when node_modules was installed by npm ci
// from this very lockfile: a stamp in node_modules keeps the lockfile's hash. Run by Maven before the build.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const stamp = "node_modules/.npm-ci-lockfile-sha256";
const hash = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
  console.log("npm packages: installed from this package-lock.json already");
} else {
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { stdio: "inherit" });
  writeFileSync(stamp, hash);
}

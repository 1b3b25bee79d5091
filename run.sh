#!/usr/bin/env bash
# Builds the extension, fetches Keycloak from Maven Central, installs both in .kc/ and starts Keycloak in dev mode
# with the demo realm, on embedded H2 kept in .kc/ between runs. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)
home=".kc/keycloak-$version"
port="${KC_HTTP_PORT:-8080}"
base="http://localhost:$port"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

if curl -s -o /dev/null "$base/"; then
  echo "Something answers at $base already: stop it, or choose another port with KC_HTTP_PORT." >&2
  exit 1
fi

# What the JAR is built from; the same sources need no new build (Maven and npm take about 40 s even with nothing
# to do). The hash of the last good build sits next to the installed JAR.
sources_hash() {
  { find pom.xml src/main themes -type f -not -path 'themes/node_modules/*' -not -path 'themes/dist/*' -print0 \
      | sort -z | xargs -0 sha256sum; printf 'keycloak %s\n' "$version"; } | sha256sum | cut -d' ' -f1
}
stamp="$home/providers/.service-accounts-sources"
hash=$(sources_hash)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && ls "$home"/providers/keycloak-service-accounts-*.jar >/dev/null 2>&1; then
  echo "The extension is built from these sources already; starting Keycloak $version."
else
  if [ -d "$home" ]; then
    echo "Building the extension (Maven and npm; the log is .kc/build.log)..."
  else
    echo "Building the extension and fetching Keycloak $version (the first run downloads about 180 MB; the log is .kc/build.log)..."
  fi
  mkdir -p .kc
  if ! mvn -B -ntp package dependency:unpack@run-keycloak -DskipTests > .kc/build.log 2>&1; then
    cat .kc/build.log
    echo "The build failed (above, and in .kc/build.log)." >&2
    exit 1
  fi
  rm -f "$home"/providers/keycloak-service-accounts-*.jar
  cp target/keycloak-service-accounts-*.jar "$home/providers/"
  echo "$hash" > "$stamp"
fi
mkdir -p "$home/data/import"
cp realm-config/*.json "$home/data/import/"

# Says where to go once the server answers; Ctrl-C reaches this watcher too, as it shares the terminal.
(
  until curl -fs -o /dev/null "$base/realms/demo"; do sleep 1; done
  token=$(curl -fs "$base/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KC_BOOTSTRAP_ADMIN_USERNAME" --data-urlencode "password=$KC_BOOTSTRAP_ADMIN_PASSWORD" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  # Gives a realm a theme of ours unless one was chosen there already: the master realm's admin console (where the
  # bootstrap administrator signs in) and the demo realm's account console (where its members do), also when the
  # demo realm was imported by an older run.sh.
  theme_unless_chosen() {
    if [ -n "$token" ] && ! curl -fs -H "Authorization: Bearer $token" "$base/admin/realms/$1" | grep -q "\"$2\""; then
      curl -fs -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d "{\"$2\":\"service-accounts\"}" "$base/admin/realms/$1" || true
    fi
  }
  theme_unless_chosen master adminTheme
  theme_unless_chosen demo accountTheme
  cat <<MSG

  Keycloak $version with service accounts is ready.

  Members work in the account console of the demo realm, with their own account (password = username):
    $base/realms/demo/account/service-accounts
      alice   organization.admin of Acme     creates projects, manages Acme's administrators and every project
      bob     project.admin of Website       adds and removes Website's members, changes their roles
      carol   project.developer of Website   creates service accounts, generates and uploads keys
      dave    project.user of Website        reads Website, its members, accounts and keys
      erin    no role                        sees no organization

  Realm administrators work in the admin console ($KC_BOOTSTRAP_ADMIN_USERNAME / $KC_BOOTSTRAP_ADMIN_PASSWORD):
    $base/admin/master/console/#/demo/service-accounts

  REST API    $base/admin/realms/demo/iam/organizations
  Data is kept in $home/data; Ctrl-C stops Keycloak, ./run.sh starts it again with the same data.

MSG
) &

exec "$home/bin/kc.sh" start-dev --import-realm --http-port="$port"

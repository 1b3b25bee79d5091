#!/usr/bin/env bash
# Builds the extension, fetches Keycloak from Maven Central, installs both in .kc/ and starts Keycloak in dev mode
# with the demo realm, on embedded H2 kept in .kc/ between runs. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)
home=".kc/keycloak-$version"
port="${KC_HTTP_PORT:-8080}"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

echo "Building the extension and fetching Keycloak $version (the first run downloads about 180 MB)..."
mvn -q -B package dependency:unpack@run-keycloak -DskipTests

rm -f "$home"/providers/keycloak-service-accounts-*.jar
cp target/keycloak-service-accounts-*.jar "$home/providers/"
mkdir -p "$home/data/import"
cp realm-config/*.json "$home/data/import/"

# Says where to go once the server answers; Ctrl-C reaches this watcher too, as it shares the terminal.
(
  until curl -fs -o /dev/null "http://localhost:$port/realms/demo"; do sleep 1; done
  # The bootstrap administrator signs in to the master realm's console: give it the Service accounts section,
  # unless an admin theme was chosen there already.
  token=$(curl -fs "http://localhost:$port/realms/master/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=admin-cli --data-urlencode "username=$KC_BOOTSTRAP_ADMIN_USERNAME" \
    --data-urlencode "password=$KC_BOOTSTRAP_ADMIN_PASSWORD" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  if [ -n "$token" ] && ! curl -fs -H "Authorization: Bearer $token" "http://localhost:$port/admin/realms/master" \
      | grep -q '"adminTheme"'; then
    curl -fs -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"adminTheme":"service-accounts"}' "http://localhost:$port/admin/realms/master" || true
  fi
  cat <<MSG

  Keycloak $version with service accounts is ready.
    Admin console   http://localhost:$port/admin/master/console/#/demo   ($KC_BOOTSTRAP_ADMIN_USERNAME / $KC_BOOTSTRAP_ADMIN_PASSWORD)
    Service accounts http://localhost:$port/admin/master/console/#/demo/service-accounts
    Demo realm      users alice (organization.admin), bob (project.admin), carol (project.developer),
                    dave (project.user), erin (no role); each one's password is the username
    REST API        http://localhost:$port/admin/realms/demo/iam/organizations
  Data is kept in $home/data; Ctrl-C stops Keycloak, ./run.sh starts it again with the same data.

MSG
) &

exec "$home/bin/kc.sh" start-dev --import-realm --http-port="$port"

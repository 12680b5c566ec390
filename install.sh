#!/bin/sh
# Installs rdconsole as a systemd service. Idempotent: re-run it to upgrade. Usage: sh install.sh --help
set -eu

PREFIX=/usr/local
ROOT=/
BINARY=
VERSION=
BASE_URL=${RDCONSOLE_BASE_URL:-https://github.com/rdconsole/rdconsole/releases/download}
# Read here only: rdconsole itself treats every RDCONSOLE_* variable as a setting and refuses unknown ones.
unset RDCONSOLE_BASE_URL
UNINSTALL=0
PURGE=0
YES=0
START=1
SERVICE_USER=rdconsole
DATA_DIR=/var/lib/rdconsole
CONF_DIR=/etc/rdconsole

say() { printf 'install.sh: %s\n' "$*"; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }
usage() {
  cat <<'EOF'
Installs rdconsole as a systemd service. Idempotent: re-run it to upgrade.

  sh install.sh                      build from the checkout this script sits in (installs Bun via npm if missing)
  sh install.sh --binary PATH        install a binary you already have
  sh install.sh --version X          download release X (checksum verified when SHA256SUMS is published)
  sh install.sh --uninstall [--purge [--yes]]

Options: --prefix DIR (default /usr/local), --root DIR (install into another filesystem root, e.g. for
packaging or tests: no user is created and systemd is left alone), --base-url URL (release downloads,
default $RDCONSOLE_BASE_URL or the project's GitHub releases), --no-start.
--uninstall keeps data and config; --purge deletes them too, after asking on the terminal (--yes: without asking).
EOF
}

need_value() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case $1 in
    --binary) need_value "$@"; BINARY=$2; shift 2 ;;
    --version) need_value "$@"; VERSION=${2#v}; shift 2 ;;
    --base-url) need_value "$@"; BASE_URL=$2; shift 2 ;;
    --prefix) need_value "$@"; PREFIX=$2; shift 2 ;;
    --root) need_value "$@"; ROOT=$2; shift 2 ;;
    --uninstall) UNINSTALL=1; shift ;;
    --purge) PURGE=1; shift ;;
    --yes | -y) YES=1; shift ;;
    --no-start) START=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[ -n "$BINARY" ] && [ -n "$VERSION" ] && die "use either --binary or --version, not both"

R=${ROOT%/}
LIVE=0
[ -z "$R" ] && LIVE=1
BIN=$R$PREFIX/bin/rdconsole
CONF=$R$CONF_DIR/rdconsole.toml
DATA=$R$DATA_DIR
UNIT=$R/etc/systemd/system/rdconsole.service

if [ "$LIVE" = 1 ] && [ "$(id -u)" != 0 ]; then die "run as root (sudo sh install.sh ...), or use --root DIR"; fi
has_systemd() { [ "$LIVE" = 1 ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

# --purge deletes what cannot be re-created (the database, recordings, the config): ask first.
confirm_purge() {
  [ "$PURGE" = 1 ] && [ "$YES" = 0 ] || return 0
  [ -t 0 ] || die "--purge deletes $DATA and $R$CONF_DIR: pass --yes to do it without a terminal"
  printf 'install.sh: delete all rdconsole data (%s) and config (%s)? [y/N] ' "$DATA" "$R$CONF_DIR" >&2
  read -r answer || answer=
  case $answer in
    y | Y | yes | YES) ;;
    *) die "cancelled: nothing removed" ;;
  esac
}

uninstall() {
  confirm_purge
  if has_systemd; then
    systemctl disable --now rdconsole >/dev/null 2>&1 || true
  fi
  rm -f "$UNIT" "$BIN"
  has_systemd && systemctl daemon-reload
  if [ "$PURGE" = 1 ]; then
    rm -rf "$DATA" "$R$CONF_DIR"
    if [ "$LIVE" = 1 ] && id "$SERVICE_USER" >/dev/null 2>&1; then userdel "$SERVICE_USER" 2>/dev/null || true; fi
    say "removed rdconsole, its data ($DATA) and config ($R$CONF_DIR)"
  else
    say "removed the binary and the service; kept data in $DATA and config in $R$CONF_DIR (--purge removes them)"
  fi
}

fetch() { # url file
  if command -v curl >/dev/null 2>&1; then curl -fsSL -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then wget -q -O "$2" "$1"
  else die "neither curl nor wget is installed"; fi
}

http_status() { # url file: downloads to file, prints the HTTP status (000 when there was none)
  if command -v curl >/dev/null 2>&1; then curl -sSL -o "$2" -w '%{http_code}' "$1" 2>/dev/null || true
  else wget -S -q -O "$2" "$1" 2>&1 | awk '/^ *HTTP\//{code=$2} END{print code ? code : "000"}'; fi
}

release_name() {
  case $(uname -m) in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "no release binary for $(uname -m); build from a checkout instead" ;;
  esac
  libc=
  if ls /lib/ld-musl-* >/dev/null 2>&1; then libc=-musl; fi
  echo "rdconsole-linux-$arch$libc"
}

download() {
  name=$(release_name)
  url=$BASE_URL/v$VERSION
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  say "downloading $url/$name"
  fetch "$url/$name" "$TMP/$name" || die "download failed: $url/$name"
  status=$(http_status "$url/SHA256SUMS" "$TMP/SHA256SUMS")
  case $status in
    200)
      grep " $name\$" "$TMP/SHA256SUMS" >"$TMP/sum" || die "SHA256SUMS has no entry for $name"
      (cd "$TMP" && sha256sum -c sum >/dev/null 2>&1) || die "checksum mismatch for $name: refusing to install it"
      say "checksum verified" ;;
    404) say "warning: no SHA256SUMS published for v$VERSION; the download is not verified" ;;
    *) die "could not fetch $url/SHA256SUMS (HTTP $status): refusing to install an unverified binary" ;;
  esac
  chmod 0755 "$TMP/$name"
  BINARY=$TMP/$name
}

build_from_checkout() {
  src=$(cd "$(dirname "$0")" && pwd)
  [ -f "$src/package.json" ] && [ -f "$src/cli/main.ts" ] || die "not in a checkout: pass --binary PATH or --version X"
  if ! command -v bun >/dev/null 2>&1; then
    command -v npm >/dev/null 2>&1 || die "Bun is needed to build; install Node.js/npm or Bun first"
    say "installing Bun with npm"
    npm install -g bun >/dev/null
  fi
  # Build in a copy: run as root in the user's checkout it would leave root-owned node_modules/ and dist/.
  BUILD=$(mktemp -d)
  trap 'rm -rf "$BUILD"' EXIT
  say "building from $src"
  (cd "$src" && tar --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./.git -cf - .) | (cd "$BUILD" && tar -xf -)
  commit=$(git -C "$src" rev-parse --short=12 HEAD 2>/dev/null || true)
  [ -n "$commit" ] && [ -n "$(git -C "$src" status --porcelain --untracked-files=no 2>/dev/null)" ] && commit="$commit-dirty"
  (cd "$BUILD" && bun install --frozen-lockfile && BUILD_COMMIT=$commit bun run build) >"$BUILD/build.log" 2>&1 ||
    { cat "$BUILD/build.log" >&2; die "build failed"; }
  BINARY=$BUILD/dist/rdconsole
}

write_unit() {
  mkdir -p "$(dirname "$UNIT")"
  cat >"$UNIT.tmp" <<EOF
# Written by rdconsole's install.sh; re-running it overwrites this file. Local changes: systemctl edit rdconsole
[Unit]
Description=rdconsole, Console API server for RustDesk
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=$SERVICE_USER
Group=$SERVICE_USER
ExecStart=$PREFIX/bin/rdconsole serve --config $CONF_DIR/rdconsole.toml
Restart=on-failure
RestartSec=2s
TimeoutStopSec=30s
UMask=0077
LimitNOFILE=65536

# Hardening. Not set: MemoryDenyWriteExecute (Bun's JIT needs it) and SystemCallFilter (untested with the JIT).
# A port below 1024 needs AmbientCapabilities=CAP_NET_BIND_SERVICE and CapabilityBoundingSet=CAP_NET_BIND_SERVICE.
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=$DATA_DIR
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
RemoveIPC=yes
CapabilityBoundingSet=
SystemCallArchitectures=native

[Install]
WantedBy=multi-user.target
EOF
  mv -f "$UNIT.tmp" "$UNIT"
}

install_all() {
  if [ -n "$VERSION" ]; then download
  elif [ -z "$BINARY" ]; then build_from_checkout; fi
  [ -f "$BINARY" ] || die "no such binary: $BINARY"
  "$BINARY" --version >/dev/null 2>&1 || die "$BINARY does not run on this machine"

  mkdir -p "$(dirname "$BIN")"
  cp "$BINARY" "$BIN.new" && chmod 0755 "$BIN.new" && mv -f "$BIN.new" "$BIN" # atomic: safe while running
  say "installed $("$BIN" --version) as $BIN"

  if [ "$LIVE" = 1 ] && ! id "$SERVICE_USER" >/dev/null 2>&1; then
    if command -v useradd >/dev/null 2>&1; then
      useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
    else # busybox (Alpine): adduser alone would put the user in "nogroup"
      addgroup -S "$SERVICE_USER" 2>/dev/null || true
      adduser -S -D -H -h "$DATA_DIR" -s /sbin/nologin -G "$SERVICE_USER" "$SERVICE_USER"
    fi
    say "created system user $SERVICE_USER"
  fi

  mkdir -p "$DATA"
  chmod 0700 "$DATA"
  [ "$LIVE" = 1 ] && chown "$SERVICE_USER:$SERVICE_USER" "$DATA"

  mkdir -p "$R$CONF_DIR"
  if [ -f "$CONF" ]; then
    say "kept the existing $CONF"
  else
    "$BIN" config template --data-dir "$DATA_DIR" >"$CONF.tmp" && mv -f "$CONF.tmp" "$CONF"
    chmod 0640 "$CONF"
    [ "$LIVE" = 1 ] && chown "root:$SERVICE_USER" "$CONF"
    say "wrote $CONF (every key documented, defaults commented out)"
  fi
  "$BIN" config check --config "$CONF" >/dev/null || die "$CONF is not valid for this version; fix it, then re-run"

  write_unit
  say "wrote $UNIT"
  if has_systemd; then
    systemctl daemon-reload
    if [ "$START" = 1 ]; then
      systemctl enable rdconsole >/dev/null 2>&1 || die "systemctl enable rdconsole failed"
      systemctl restart rdconsole || die "rdconsole did not start; see: journalctl -u rdconsole -n 50"
      say "rdconsole is running: systemctl status rdconsole; journalctl -u rdconsole -f"
    fi
  else
    say "systemd is not running here; start it with: sudo -u $SERVICE_USER $PREFIX/bin/rdconsole serve --config $CONF_DIR/rdconsole.toml"
  fi
  say "first admin: sudo rdconsole user create admin --admin"
}

if [ "$UNINSTALL" = 1 ]; then uninstall; else install_all; fi

#!/bin/sh
# Checks the systemd units: `systemd-analyze verify` in a temporary root (with a stub /usr/bin/ecadd, since
# verify wants the ExecStart binary to exist) and `systemd-analyze security --offline=true` with a threshold
# of 2.5 (the threshold is in tenths).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/bin" "$root/etc/systemd/system" "$root/usr/lib/sysusers.d" "$root/usr/lib/systemd"
# verify resolves default dependencies (sysinit.target, ...) inside the root: bring the host's unit files.
for dir in /usr/lib/systemd/system /lib/systemd/system; do
    if [ -d "$dir" ]; then cp -r "$dir" "$root/usr/lib/systemd/" && break; fi
done
printf '#!/bin/sh\nexit 0\n' > "$root/usr/bin/ecadd"
chmod 755 "$root/usr/bin/ecadd"
cp "$here/systemd/ecadd.socket" "$here/systemd/ecadd.service" "$root/etc/systemd/system/"
cp "$here/systemd/sysusers.d/ecadd.conf" "$root/usr/lib/sysusers.d/"

echo "== systemd-analyze verify"
systemd-analyze verify --root="$root" /etc/systemd/system/ecadd.socket /etc/systemd/system/ecadd.service

echo "== systemd-analyze security --offline=true --threshold=25"
systemd-analyze security --offline=true --root="$root" --threshold=25 ecadd.service | tail -3

if command -v systemd-sysusers >/dev/null; then
    echo "== systemd-sysusers --dry-run"
    systemd-sysusers --root="$root" --dry-run "$root/usr/lib/sysusers.d/ecadd.conf" 2>&1 | tail -3 || true
fi
echo "systemd units OK"

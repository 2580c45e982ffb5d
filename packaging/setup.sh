#!/usr/bin/env bash
# Install everything SilverReel needs on Debian 12, idempotently:
# the Debian packages in packaging/debian-packages.txt, then a virtual environment in .venv
# with SilverReel and its test tools. Safe to run again; does nothing when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=$(grep -v '^\s*#' packaging/debian-packages.txt | grep -v '^\s*$' | tr '\n' ' ')
missing=()
for package in $packages; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "Installing Debian packages: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
    # minidlna is only for the tests, which start their own inside a private network namespace.
    # Debian starts its system service on install, which would share /var/lib/minidlna and
    # announce itself on the real network: stop and disable the one we just installed.
    if [[ " ${missing[*]} " == *" minidlna "* ]]; then
        if command -v systemctl >/dev/null 2>&1; then
            $SUDO systemctl disable --now minidlna >/dev/null 2>&1 || true
        fi
        if [ -x /etc/init.d/minidlna ]; then  # a machine without systemd (sysvinit)
            $SUDO /etc/init.d/minidlna stop >/dev/null 2>&1 || true
            $SUDO update-rc.d minidlna disable >/dev/null 2>&1 || true
        fi
    fi
fi

PYTHON=${PYTHON:-python3}
stamp=".venv/.silverreel-installed"
wanted=$(cat pyproject.toml packaging/no-deps-requirements.txt | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    .venv/bin/python -m pip install -q --no-deps -r packaging/no-deps-requirements.txt
    echo "$wanted" > "$stamp"
fi
.venv/bin/python packaging/build_translations.py

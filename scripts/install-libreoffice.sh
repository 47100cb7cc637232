#!/usr/bin/env bash
# Installs the converter of the legacy and open formats (DOC, RTF, ODT) from Debian's packages:
# LibreOffice Writer without its GUI, and the UNO bindings of the system Python, through which a
# worker drives it (resume_parser/extraction/libreoffice.py). Idempotent: does nothing when both are
# there. No fonts beyond the packages' own: documents are converted to DOCX, no glyph is drawn.
#
# Usage: scripts/install-libreoffice.sh
# Where apt is not available it only says what is missing; a worker then refuses to start, saying so.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui python3-uno)

missing_packages() {
    local package
    for package in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
    done
}

apt_install() {
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    [ "${#missing[@]}" -eq 0 ] && return 0
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! command -v apt-get >/dev/null || { [ -n "$sudo" ] && ! command -v sudo >/dev/null; }; then
        echo "install-libreoffice: cannot apt-get install here; DOC, RTF and ODT need: ${missing[*]}" >&2
        exit 0
    fi
    # Fetch the package index only when needed: never fetched (fresh containers) or out of date.
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
        $sudo apt-get update -qq
    fi
    apt_install "${missing[@]}" || { $sudo apt-get update -qq && apt_install "${missing[@]}"; }
}

install_packages
echo "LibreOffice ready: $(dpkg-query -W -f='${Version}' libreoffice-writer-nogui)," \
    "soffice at $(command -v soffice), UNO bindings for /usr/bin/python3"

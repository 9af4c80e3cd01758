#!/bin/sh
# Checks the schedule recipes with the tools of a Debian machine (README "Scheduling"):
#   systemd-analyze verify on the units, in a scratch root holding the script and java at their absolute paths;
#   the timers' next elapses; sh -n on the script; the CronJobs against the Kubernetes schema (npm kubernetes-models).
# The crontab's command lines are run for real by CrontabEndToEndIT. Needs: systemd (apt-get install systemd), node/npm.
set -eu
cd "$(dirname "$0")/.."
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/opt/tokenbill/bin" "$root/etc/systemd/system" "$root/usr/lib/systemd"
cp deploy/bin/tokenbill-scheduled "$root/opt/tokenbill/bin/"
mkdir -p "$root/usr/bin" && cp "$(readlink -f "$(command -v java)")" "$root/usr/bin/java" # the worker unit runs java itself
cp deploy/systemd/*.service deploy/systemd/*.timer "$root/etc/systemd/system/"
cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/" # the targets the units name (timers.target, ...)
systemd-analyze verify --root="$root" $(cd deploy/systemd && ls *.service *.timer | sed 's|^|/etc/systemd/system/|')
echo "systemd-analyze verify: units OK"
systemd-analyze calendar '*-*-* 01:30:00 UTC' '*-*-02 04:00:00 UTC' | grep -E 'Original|Next elapse'
sh -n deploy/bin/tokenbill-scheduled && echo "sh -n: tokenbill-scheduled OK"
modules=${K8S_CHECK_MODULES:-/tmp/k8scheck}
[ -d "$modules/node_modules/kubernetes-models" ] || npm install --silent --no-audit --no-fund --prefix "$modules" kubernetes-models@5.1.0 yaml@2
NODE_PATH="$modules/node_modules" node deploy/kubernetes/validate.mjs deploy/kubernetes/*.yaml

"""Checks that deploy/README.md's commands use only names the template defines.

    python runbook_check.py TEMPLATE RUNBOOK

- every `Name=` given to `deploy/deploy.sh params|stack` is a template parameter;
- every `$Name` / `${Name...}` that starts with a capital letter and is not an environment
  variable the runbook sets itself is a template output (the runbook exports the outputs);
- every `submit-fn export` flag is one the binary has (listed here from src/cli.rs).
Exit 0 when consistent, 1 with each mismatch on stderr.
"""

import re
import sys

from cfnlint.decode import decode_str

SET_BY_RUNBOOK = {"AWS_REGION", "STACK_NAME", "ARTIFACT_BUCKET", "TABLE_NAME", "CATALOG_PATH"}
EXPORT_FLAGS = {"--province", "--issue", "--since", "--format", "--out", "--catalog", "--page-size"}


def main(argv):
    template, _ = decode_str(open(argv[1], encoding="utf-8").read())
    runbook = open(argv[2], encoding="utf-8").read()
    parameters = set(template.get("Parameters", {}))
    outputs = set(template.get("Outputs", {}))
    problems = []
    for line in runbook.splitlines():
        m = re.search(r"deploy/deploy\.sh (params|stack)((?: +[A-Za-z]+=\S+)+)", line)
        if m:
            for name in re.findall(r"([A-Za-z]+)=", m.group(2)):
                if name not in parameters:
                    problems.append(f"`{name}=` is not a template parameter: {line.strip()}")
        for name in re.findall(r"\$\{?([A-Z][A-Za-z]+)\b", line):
            if name not in outputs and name not in SET_BY_RUNBOOK:
                problems.append(f"`${name}` is not a template output: {line.strip()}")
        if "submit-fn export" in line:
            for flag in re.findall(r"(--[a-z-]+)", line):
                if flag not in EXPORT_FLAGS:
                    problems.append(f"`{flag}` is not a flag of submit-fn export: {line.strip()}")
    for p in problems:
        print(f"{argv[2]}: {p}", file=sys.stderr)
    used = len(re.findall(r"deploy/deploy\.sh (?:params|stack) [A-Za-z]+=", runbook))
    print(f"runbook: {used} parameter changes and the outputs it reads match {argv[1]}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

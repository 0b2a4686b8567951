"""Expands deploy/template.yaml's SAM transform offline, as CloudFormation would.

    python sam_expand.py TEMPLATE OUT.json

Uses aws-sam-translator (the library behind the AWS::Serverless-2016-10-31 transform) with no
network and no AWS credentials:
- a local CodeUri (a zip that `aws cloudformation package` uploads) is replaced by a placeholder
  S3 URI, because the translator accepts only S3 locations;
- the managed-policy loader is a stub: the template names no managed policy by name (SAM adds
  the Lambda basic-execution and X-Ray policies by ARN, which needs no lookup);
- CloudFormation's short tags (!Ref, !Sub, ...) are read with cfn-lint's own YAML loader.

Exit codes: 0 expanded, 1 the translator rejected the template (messages on stderr), 2 usage.
"""

import json
import os
import sys

from cfnlint.decode import decode_str
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform


class NoManagedPolicies:
    """The loader SAM calls for managed-policy names; offline, there are none to look up."""

    def load(self):
        return {}


def placeholder_code(template):
    for name, resource in template.get("Resources", {}).items():
        props = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function":
            uri = props.get("CodeUri")
            if isinstance(uri, str) and not uri.startswith("s3://"):
                props["CodeUri"] = f"s3://placeholder-bucket/{name}.zip"
    return template


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, out = argv[1], argv[2]
    with open(source, encoding="utf-8") as f:
        template, problems = decode_str(f.read())
    if problems:
        for p in problems:
            print(f"{source}: {p}", file=sys.stderr)
        return 1
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-southeast-3")
    try:
        expanded = transform(placeholder_code(template), {}, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(f"{source}: SAM: {cause.message}", file=sys.stderr)
        return 1
    with open(out, "w", encoding="utf-8") as f:
        json.dump(expanded, f, indent=2, sort_keys=True, default=str)
    kinds = sorted(r["Type"] for r in expanded["Resources"].values())
    print(f"expanded {source}: {len(kinds)} resources ({', '.join(kinds)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

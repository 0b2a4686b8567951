#!/usr/bin/env python3
"""How much of the submit path's extra latency with the email outbox is moto's (issue #17).

    bench/moto_transact.py [N] [SIZES]   (needs scripts/setup.sh's moto venv: .local/venv)

Starts moto_server on a free loopback port, creates the proposal table exactly as submit-fn
does (`submit-fn create-table`: three sparse indexes, one of them the outbox's), then times N
TransactWriteItems calls of each shape, alternating: the two items of a proposal without
email (the proposal with its province indexes, and its idempotency record), and the four of a
proposal with email (the same two, plus a receipt and a notice in the outbox index). Items
are the size of real ones (a 1.5 KB answer). Prints p50 / p90 / p99 per shape. This times moto
alone, with no submit-fn in between: if the four-item call is slower here by what the whole
request is slower in scripts/bench-submit.sh, the difference is moto's cost per item.

SIZES (for example `0,1000,3000`) times the same two shapes again with the table held at
each size: it is first filled with that many proposal items (BatchWriteItem), and the items
each timed call writes are deleted after it, outside the timing. moto's TransactWriteItems
deep-copies the whole table once per item of the call (moto/dynamodb/models/__init__.py,
`transact_write_items`, to roll back on failure), so its time grows with the table's size
times the call's item count; DynamoDB's does not. This shows how much of a growing bench
table's latency is that copy.
"""

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".local", "venv")
sys.path[:0] = [p for p in __import__("glob").glob(os.path.join(VENV, "lib", "python3*", "site-packages"))]
import boto3  # noqa: E402  (from moto's venv)

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
SIZES = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else []
TABLE = "bench-proposals"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
endpoint = f"http://127.0.0.1:{port}"
server = subprocess.Popen([os.path.join(VENV, "bin", "moto_server"), "-p", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="x", AWS_SECRET_ACCESS_KEY="x", AWS_REGION="ap-southeast-3",
               AWS_ENDPOINT_URL=endpoint, DYNAMODB_TABLE=TABLE, TABLE_NAME=TABLE)
    binary = os.path.join(ROOT, "target", "release", "submit-fn")
    if not os.path.exists(binary):
        binary = os.path.join(ROOT, "target", "debug", "submit-fn")
    subprocess.run([binary, "create-table"], env=env, check=True, stdout=subprocess.DEVNULL)
    db = boto3.client("dynamodb", endpoint_url=endpoint, region_name="ap-southeast-3",
                      aws_access_key_id="x", aws_secret_access_key="x")
    answer = "kata " * 300

    def items(i, mail):
        ref = f"WNR-61-{i:06d}"
        now = f"2026-12-07T06:00:{i % 60:02d}.000Z"
        out = [
            {"Put": {"TableName": TABLE, "ConditionExpression": "attribute_not_exists(pk)", "Item": {
                "pk": {"S": f"P#{ref}"}, "province": {"S": "kalimantan-barat"},
                "province_issue": {"S": "kalimantan-barat#stunting"}, "submitted_at": {"S": now},
                "answers": {"M": {"ringkasan": {"S": answer}, "email": {"S": "a@example.org"}}}}}},
            {"Put": {"TableName": TABLE, "ConditionExpression": "attribute_not_exists(pk)", "Item": {
                "pk": {"S": f"I#{i:032x}"}, "reference": {"S": ref}}}},
        ]
        if mail:
            for kind in ("receipt", "notice"):
                out.append({"Put": {"TableName": TABLE, "ConditionExpression": "attribute_not_exists(pk)", "Item": {
                    "pk": {"S": f"M#{ref}#{kind}"}, "outbox_state": {"S": "pending"},
                    "outbox_due": {"S": now}, "kind": {"S": kind}, "reference": {"S": ref}}}})
        return out

    pct = lambda xs, q: statistics.quantiles(xs, n=100)[q - 1]

    def alternate(first, hold):
        """Times N calls of each shape, alternating, numbered from `first`; with `hold`, deletes
        what each call wrote after it, outside the timing, so the table keeps its size."""
        times = {False: [], True: []}
        for i in range(2 * N):
            mail = i % 2 == 1
            call = items(first + i, mail)
            started = time.perf_counter()
            db.transact_write_items(TransactItems=call)
            times[mail].append((time.perf_counter() - started) * 1000)
            if hold:
                for put in call:
                    db.delete_item(TableName=TABLE, Key={"pk": put["Put"]["Item"]["pk"]})
        return times

    def report(heading, times):
        print(heading)
        for mail, label in ((False, "2 items (no email)"), (True, "4 items (email: + receipt, notice)")):
            xs = times[mail]
            print(f"  {label:36} p50 {statistics.median(xs):6.1f}  p90 {pct(xs, 90):6.1f}  p99 {pct(xs, 99):6.1f}")

    report(f"moto_server, {N} TransactWriteItems of each shape, alternating (ms):", alternate(0, False))

    def clear():
        pages = db.get_paginator("scan").paginate(TableName=TABLE, ProjectionExpression="pk")
        for page in pages:
            for item in page["Items"]:
                db.delete_item(TableName=TABLE, Key={"pk": item["pk"]})

    for round_, size in enumerate(SIZES):
        clear()
        batch = [items(10_000_000 + j, False)[0]["Put"]["Item"] for j in range(size)]
        for k in range(0, len(batch), 25):
            db.batch_write_item(RequestItems={TABLE: [{"PutRequest": {"Item": it}} for it in batch[k:k + 25]]})
        times = alternate(20_000_000 + round_ * 2 * N, True)
        report(f"table held at {size} items, {N} calls of each shape, alternating (ms):", times)
finally:
    server.terminate()
    server.wait()

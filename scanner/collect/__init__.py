"""Live collection for `fgscan audit`: boto3 reads ECS, EC2 and IAM state into an inventory that is
written as a snapshot of describe-output JSON files and then scanned like any local input.

Checks never call AWS; only this package does, and only with list/describe/get operations
(`docs/iam-policy.json`).
"""

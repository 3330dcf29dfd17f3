"""Well-known AWS managed policies, so a role that only names one by ARN is judged on what it grants.

Keyed by the name after `policy/` in the ARN (`service-role/...` paths included). Each entry says
whether the policy is administrator-like and lists its statements, abridged to the ones that matter
to the rules (the full documents run to hundreds of read-only actions). A document found in the
scanned input (`get-account-authorization-details --filter AWSManagedPolicy`) wins over this table.
"""

from __future__ import annotations

from typing import Any


def _allow(actions: list[str], resources: str | list[str] = "*", **condition: Any) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": "Allow", "Action": actions, "Resource": resources}
    if condition:
        statement["Condition"] = condition
    return statement


AWS_MANAGED: dict[str, tuple[bool, list[dict[str, Any]]]] = {
    "AdministratorAccess": (True, [_allow(["*"])]),
    "PowerUserAccess": (
        True,
        [
            {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
            _allow(
                [
                    "iam:CreateServiceLinkedRole",
                    "iam:DeleteServiceLinkedRole",
                    "iam:ListRoles",
                    "organizations:DescribeOrganization",
                    "account:ListRegions",
                    "account:GetAccountInformation",
                ]
            ),
        ],
    ),
    "IAMFullAccess": (
        True,
        [
            _allow(
                [
                    "iam:*",
                    "organizations:DescribeAccount",
                    "organizations:DescribeOrganization",
                    "organizations:DescribeOrganizationalUnit",
                    "organizations:DescribePolicy",
                    "organizations:ListChildren",
                    "organizations:ListParents",
                    "organizations:ListPoliciesForTarget",
                    "organizations:ListRoots",
                    "organizations:ListPolicies",
                    "organizations:ListTargetsForPolicy",
                ]
            ),
        ],
    ),
    "AWSOrganizationsFullAccess": (True, [_allow(["organizations:*", "account:*"])]),
    "AmazonECS_FullAccess": (
        False,
        [
            _allow(
                [
                    "ecs:*",
                    "elasticloadbalancing:*",
                    "application-autoscaling:*",
                    "cloudwatch:*",
                    "logs:*",
                    "servicediscovery:*",
                    "ec2:AuthorizeSecurityGroupIngress",
                    "ec2:CreateSecurityGroup",
                    "ec2:Describe*",
                    "cloudformation:CreateStack",
                    "cloudformation:DeleteStack",
                    "cloudformation:Describe*",
                    "cloudformation:UpdateStack",
                    "iam:ListRoles",
                    "iam:ListInstanceProfiles",
                    "iam:ListAttachedRolePolicies",
                    "sns:ListTopics",
                ]
            ),
            _allow(["iam:PassRole"], StringLike={"iam:PassedToService": "ecs-tasks.amazonaws.com"}),
            _allow(
                ["iam:PassRole"],
                ["arn:aws:iam::*:role/ecsInstanceRole*", "arn:aws:iam::*:role/ecsAutoscaleRole*"],
                StringLike={"iam:PassedToService": ["ec2.amazonaws.com", "application-autoscaling.amazonaws.com"]},
            ),
            _allow(
                ["iam:CreateServiceLinkedRole"],
                StringLike={"iam:AWSServiceName": ["ecs.amazonaws.com", "spot.amazonaws.com"]},
            ),
        ],
    ),
    "SecretsManagerReadWrite": (
        False,
        [
            _allow(
                [
                    "secretsmanager:*",
                    "cloudformation:CreateChangeSet",
                    "cloudformation:DescribeChangeSet",
                    "cloudformation:DescribeStackResource",
                    "cloudformation:DescribeStacks",
                    "cloudformation:ExecuteChangeSet",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeVpcs",
                    "kms:DescribeKey",
                    "kms:ListAliases",
                    "kms:ListKeys",
                    "lambda:ListFunctions",
                    "rds:DescribeDBClusters",
                    "rds:DescribeDBInstances",
                    "redshift:DescribeClusters",
                    "tag:GetResources",
                ]
            ),
            _allow(
                [
                    "lambda:AddPermission",
                    "lambda:CreateFunction",
                    "lambda:GetFunction",
                    "lambda:InvokeFunction",
                    "lambda:UpdateFunctionConfiguration",
                ],
                "arn:aws:lambda:*:*:function:SecretsManager*",
            ),
            _allow(
                ["serverlessrepo:CreateCloudFormationChangeSet", "serverlessrepo:GetApplication"],
                "arn:aws:serverlessrepo:*:*:applications/SecretsManager*",
            ),
            _allow(
                ["s3:GetObject"],
                ["arn:aws:s3:::awsserverlessrepo-changesets*", "arn:aws:s3:::secrets-manager-rotation-apps-*/*"],
            ),
        ],
    ),
    "AmazonS3FullAccess": (False, [_allow(["s3:*", "s3-object-lambda:*"])]),
    "AmazonS3ReadOnlyAccess": (
        False,
        [
            _allow(["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"]),
        ],
    ),
    "AmazonEC2FullAccess": (
        False,
        [
            _allow(["ec2:*", "elasticloadbalancing:*", "cloudwatch:*", "autoscaling:*"]),
            _allow(
                ["iam:CreateServiceLinkedRole"],
                StringEquals={
                    "iam:AWSServiceName": [
                        "autoscaling.amazonaws.com",
                        "ec2scheduled.amazonaws.com",
                        "elasticloadbalancing.amazonaws.com",
                    ]
                },
            ),
        ],
    ),
    "AmazonDynamoDBFullAccess": (
        False,
        [
            _allow(
                [
                    "dynamodb:*",
                    "dax:*",
                    "application-autoscaling:*",
                    "cloudwatch:*",
                    "kinesis:*",
                    "kms:DescribeKey",
                    "kms:ListAliases",
                    "sns:*",
                    "lambda:CreateFunction",
                    "lambda:ListFunctions",
                    "iam:GetRole",
                    "iam:ListRoles",
                ]
            ),
            _allow(
                ["iam:PassRole"],
                StringLike={"iam:PassedToService": ["application-autoscaling.amazonaws.com", "dax.amazonaws.com"]},
            ),
        ],
    ),
    "AmazonSQSFullAccess": (False, [_allow(["sqs:*"])]),
    "AmazonSNSFullAccess": (False, [_allow(["sns:*"])]),
    "AmazonKinesisFullAccess": (False, [_allow(["kinesis:*"])]),
    "AWSCloudFormationFullAccess": (False, [_allow(["cloudformation:*"])]),
    "AWSLambda_FullAccess": (
        False,
        [
            _allow(
                [
                    "cloudformation:DescribeStacks",
                    "cloudformation:ListStackResources",
                    "cloudwatch:ListMetrics",
                    "cloudwatch:GetMetricData",
                    "ec2:DescribeSecurityGroups",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeVpcs",
                    "kms:ListAliases",
                    "iam:GetPolicy",
                    "iam:GetPolicyVersion",
                    "iam:GetRole",
                    "iam:GetRolePolicy",
                    "iam:ListAttachedRolePolicies",
                    "iam:ListRolePolicies",
                    "iam:ListRoles",
                    "lambda:*",
                    "logs:DescribeLogGroups",
                    "states:DescribeStateMachine",
                    "states:ListStateMachines",
                    "tag:GetResources",
                    "xray:GetTraceSummaries",
                    "xray:BatchGetTraces",
                ]
            ),
            _allow(["iam:PassRole"], StringEquals={"iam:PassedToService": "lambda.amazonaws.com"}),
        ],
    ),
    "AmazonSSMFullAccess": (
        False,
        [
            _allow(
                [
                    "cloudwatch:PutMetricData",
                    "ds:CreateComputer",
                    "ds:DescribeDirectories",
                    "ec2:DescribeInstanceStatus",
                    "logs:*",
                    "ssm:*",
                    "ec2messages:*",
                ]
            ),
        ],
    ),
    "AmazonSSMReadOnlyAccess": (False, [_allow(["ssm:Describe*", "ssm:Get*", "ssm:List*"])]),
    "CloudWatchLogsFullAccess": (False, [_allow(["logs:*", "cloudwatch:GenerateQuery"])]),
    "AWSXRayDaemonWriteAccess": (
        False,
        [
            _allow(
                [
                    "xray:PutTraceSegments",
                    "xray:PutTelemetryRecords",
                    "xray:GetSamplingRules",
                    "xray:GetSamplingTargets",
                    "xray:GetSamplingStatisticSummaries",
                ]
            ),
        ],
    ),
    "service-role/AmazonECSTaskExecutionRolePolicy": (
        False,
        [
            _allow(
                [
                    "ecr:GetAuthorizationToken",
                    "ecr:BatchCheckLayerAvailability",
                    "ecr:GetDownloadUrlForLayer",
                    "ecr:BatchGetImage",
                    "logs:CreateLogStream",
                    "logs:PutLogEvents",
                ]
            ),
        ],
    ),
}

# METADATA
# title: ECS Exec sessions are not logged
# description: >-
#   The cluster's `executeCommandConfiguration` turns off logging of ECS Exec sessions (`NONE`),
#   or overrides the default without naming a CloudWatch Logs group or S3 bucket (`OVERRIDE` with
#   no destination), so commands run in production containers leave no record. The default
#   (`DEFAULT`, or no configuration) logs with the task definition's awslogs settings.
# scope: package
# custom:
#   id: FG-SVC-022
#   name: exec-logging-disabled
#   severity: medium
#   rationale: Interactive sessions without an audit trail hide what an intruder or operator did.
#   kinds: [ecs_cluster]
#   remediation: >-
#     Set `configuration.executeCommandConfiguration.logging` to `DEFAULT`, or to `OVERRIDE` with a
#     `logConfiguration` naming a `cloudWatchLogGroupName` or `s3BucketName` (with encryption on).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-logging
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html
#   frameworks: {}
#   examples:
#     bad: '{"clusterName": "prod", "configuration": {"executeCommandConfiguration": {"logging": "NONE"}}}'
#     good: '{"clusterName": "prod", "configuration": {"executeCommandConfiguration": {"logging": "DEFAULT"}}}'
package fgscan.rules.exec_logging_disabled

import rego.v1

path := ["configuration", "executeCommandConfiguration", "logging"]

deny contains finding if {
	input.resource.configuration.executeCommandConfiguration.logging == "NONE"
	finding := {
		"msg": "ECS Exec logging is NONE: commands run in its containers are not recorded.",
		"path": path,
	}
}

deny contains finding if {
	exec := input.resource.configuration.executeCommandConfiguration
	exec.logging == "OVERRIDE"
	not has_destination(object.get(exec, "logConfiguration", {}))
	finding := {
		"msg": "ECS Exec logging is OVERRIDE without a CloudWatch Logs group or S3 bucket: sessions are not recorded.",
		"path": path,
	}
}

has_destination(conf) if {
	some key in ["cloudWatchLogGroupName", "s3BucketName"]
	value := conf[key]
	not value in {null, ""}
}

# A configuration known only at deploy time (`Fn::If`, `Ref`) may name a destination.
has_destination(conf) if {
	is_object(conf)
	some key, _ in conf
	intrinsic(key)
}

has_destination(conf) if not is_object(conf)

intrinsic(key) if key == "Ref"

intrinsic(key) if startswith(key, "Fn::")
